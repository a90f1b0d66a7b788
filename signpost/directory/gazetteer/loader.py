"""Load the shipped UK gazetteer (`data/places.csv`) into `Place`, writing only what differs.

Run by `make migrate` and `manage.py load_gazetteer`; safe to run again and again. Places
staff or the demo added (source "local") are kept, and re-hung if their parent moved.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from signpost.directory.models import Place, Service
from signpost.directory.models.places import PlaceSource

DATA = Path(__file__).parent / "data" / "places.csv"
SCALARS = ("name", "kind", "code", "latitude", "longitude", "aliases")
BATCH = 500


@dataclass
class LoadResult:
    added: int = 0
    changed: int = 0
    removed: int = 0
    coverage_refreshed: int = 0

    @property
    def total(self) -> int:
        return self.added + self.changed + self.removed

    def __str__(self) -> str:
        return (
            f"{self.added} places added, {self.changed} changed, {self.removed} removed; "
            f"coverage rebuilt for {self.coverage_refreshed} services"
        )


def read_rows(path: Path = DATA) -> list[dict]:
    """The data file's rows, parents before children."""
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _wanted(row: dict) -> dict:
    return {
        "name": row["name"],
        "kind": row["kind"],
        "code": row["code"],
        "latitude": float(row["lat"]) if row["lat"] else None,
        "longitude": float(row["lng"]) if row["lng"] else None,
        "aliases": row["aliases"].split("|") if row["aliases"] else [],
    }


@transaction.atomic
def load_gazetteer(path: Path = DATA, *, refresh: bool = True) -> LoadResult:
    """Make the gazetteer match the data file; rebuild coverage if any place changed."""
    rows = read_rows(path)
    result = LoadResult()
    now = timezone.now()
    existing = {p.slug: p for p in Place.objects.all()}
    changed = []
    for row in rows:
        place = existing.get(row["slug"])
        wanted = _wanted(row)
        if place is not None and (
            place.source != PlaceSource.OPEN_DATA
            or any(getattr(place, k) != v for k, v in wanted.items())
        ):
            for key, value in wanted.items():
                setattr(place, key, value)
            place.source, place.changed_at = PlaceSource.OPEN_DATA, now
            changed.append(place)
    Place.objects.bulk_update(changed, [*SCALARS, "source", "changed_at"], batch_size=BATCH)
    result.added = _add_new(rows, existing, now)
    result.changed = len(changed)
    slugs = {row["slug"] for row in rows}
    gone = Place.objects.filter(source=PlaceSource.OPEN_DATA).exclude(slug__in=slugs)
    result.removed = gone.count()
    gone.delete()
    result.changed += _hang(rows, now) + _members(rows)
    if result.total:
        from signpost.directory.places.index import forget

        transaction.on_commit(forget)
        forget()
    if refresh and result.total and Service.objects.exists():
        from signpost.directory.places.coverage import refresh_all_coverage

        result.coverage_refreshed = refresh_all_coverage()
    return result


def _add_new(rows: list[dict], existing: dict[str, Place], now) -> int:
    """Insert the places not yet held, parents first, each with its path already right."""
    full_paths = {slug: place.full_path for slug, place in existing.items()}
    pks = {slug: place.pk for slug, place in existing.items()}
    pending = [row for row in rows if row["slug"] not in existing]
    added = 0
    while pending:
        ready = [r for r in pending if not r["parent"] or r["parent"] in full_paths]
        if not ready:  # a parent missing from the file: hang the rest at the top
            ready = pending
        places = [
            Place(
                slug=row["slug"],
                source=PlaceSource.OPEN_DATA,
                changed_at=now,
                path=full_paths.get(row["parent"], "/"),
                parent_id=pks.get(row["parent"]),
                **_wanted(row),
            )
            for row in ready
        ]
        Place.objects.bulk_create(places, batch_size=BATCH)
        if any(p.pk is None for p in places):  # a database that does not return ids
            ids = dict(
                Place.objects.filter(slug__in=[p.slug for p in places]).values_list("slug", "id")
            )
            for place in places:
                place.pk = ids[place.slug]
        full_paths.update({p.slug: p.full_path for p in places})
        pks.update({p.slug: p.pk for p in places})
        added += len(places)
        done = {r["slug"] for r in ready}
        pending = [r for r in pending if r["slug"] not in done]
    return added


def _hang(rows: list[dict], now) -> int:
    """Set each place's parent from the file and every place's path from its parent chain."""
    by_id = {p.pk: p for p in Place.objects.all()}
    ids = {p.slug: p.pk for p in by_id.values()}
    parents = {pk: p.parent_id for pk, p in by_id.items()}
    for row in rows:
        parents[ids[row["slug"]]] = ids.get(row["parent"]) if row["parent"] else None
    paths: dict[int, str] = {}

    def path_of(pk: int, depth: int = 0) -> str:
        """The ids above this place, from the top."""
        if pk not in paths:
            parent = parents.get(pk)
            if parent in by_id and depth < 12:
                paths[pk] = f"{path_of(parent, depth + 1)}{parent}/"
            else:
                paths[pk] = "/"
        return paths[pk]

    moved = []
    for pk, place in by_id.items():
        path = path_of(pk)
        if place.parent_id != parents[pk] or place.path != path:
            place.parent_id, place.path, place.changed_at = parents[pk], path, now
            moved.append(place)
    Place.objects.bulk_update(moved, ["parent", "path", "changed_at"], batch_size=BATCH)
    return len(moved)


def _members(rows: list[dict]) -> int:
    """The parts of each grouping the file lists (combined authorities)."""
    ids = dict(Place.objects.values_list("slug", "id"))
    through = Place.contains.through
    changed = 0
    for row in rows:
        if not row["members"]:
            continue
        group = ids[row["slug"]]
        wanted = {ids[s] for s in row["members"].split("|") if s in ids}
        have = set(
            through.objects.filter(from_place_id=group).values_list("to_place_id", flat=True)
        )
        if wanted != have:
            through.objects.filter(from_place_id=group).delete()
            through.objects.bulk_create(
                [through(from_place_id=group, to_place_id=m) for m in wanted]
            )
            Place.objects.filter(pk=group).update(changed_at=timezone.now())
            changed += 1
    return changed
