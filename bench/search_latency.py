"""Search speed at directory sizes a county or a nation has, through the whole Django stack.

For each size and database: a synthetic directory (services written from templates, word
lists and the demo's vocabularies, spread over the gazetteer's towns) is bulk-loaded and
indexed; then fresh processes, as web workers would be, each time
- the first search after starting (after the start-up warm-up a gunicorn worker does),
  then p50 and p95 of real search requests
  (`/services/?q=...&age=...&where=...` with django.test.Client),
- their resident memory before searching and after,
and one process adds services as an import does (announcing them) and times its next search.

    .venv/bin/python bench/search_latency.py [--sizes 1000,10000,100000]
        [--database sqlite|postgresql|both] [--requests 60]

PostgreSQL needs DATABASE_URL (any database on the server); the bench creates and drops its
own database, h_scale_bench. Figures go in README.md ("Search speed") and docs/testing.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
BENCH_DATABASE = "h_scale_bench"

# Our own searches (text, age): everyday wording, none taken from the findability queries.
SEARCHES = [
    ("help with anxiety", 34),
    ("feeling down all the time", 52),
    ("need a chat with somebody tonight", 27),
    ("money worries making me ill", 45),
    ("support after my dad died", 16),
    ("teenager not eating properly", 15),
    ("drinking too much", 40),
    ("cant switch off at night", 61),
    ("panic attacks at work", 29),
    ("lonely since retiring", 70),
    ("a break from caring for my wife", 66),
    ("counselling", 22),
    ("scared of my partner", 31),
    ("hearing voices", 24),
    ("new baby and feeling low", 30),
    ("betting debts", 38),
    ("autism support for parents", 44),
    ("group for men", 48),
    ("stressed student", 20),
    ("angry all the time", 17),
]


def _rss_mb() -> float:
    """This process's resident memory in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "signpost.config.settings.test")
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)


# --- child: build a synthetic directory -------------------------------------------------

OPENINGS = ["A friendly", "A free", "A confidential", "A small", "A weekly", "An informal"]
FORMATS = ["group", "service", "drop-in", "helpline", "course", "clinic", "project", "club"]
NEEDS_TEXT = {
    "anxiety": ["anxiety", "worry", "panic attacks", "feeling nervous"],
    "low-mood": ["low mood", "depression", "feeling down", "feeling hopeless"],
    "bereavement": ["bereavement", "grief", "losing someone close"],
    "drugs-alcohol": ["drinking", "alcohol", "drug use", "recovery"],
    "stress": ["stress", "burnout", "pressure at work"],
    "loneliness": ["loneliness", "isolation", "making friends"],
    "sleep": ["sleep problems", "insomnia", "tiredness"],
    "money-worries": ["debt", "bills", "benefits", "money worries"],
    "eating-problems": ["eating problems", "eating disorders", "body image"],
    "caring": ["caring for someone", "carers", "respite"],
    "domestic-abuse": ["domestic abuse", "controlling relationships", "safety planning"],
    "gambling": ["gambling", "betting", "gaming debts"],
    "psychosis": ["psychosis", "hearing voices", "unusual experiences"],
    "postnatal": ["postnatal depression", "new parents", "pregnancy"],
    "autism-adhd": ["autism", "ADHD", "neurodiversity"],
    "anger": ["anger", "temper", "conflict"],
    "trauma": ["trauma", "PTSD", "flashbacks"],
}
WAYS = ["one-to-one sessions", "peer support", "online courses", "phone calls", "art and walking"]
WHO = {
    "young-people": ("young people aged 11 to 25", 11, 25),
    "adults": ("adults", 18, None),
    "older-adults": ("people over 60", 60, None),
    "children": ("children under 12 and their families", None, 12),
    "students": ("students", 16, None),
    "men": ("men", 18, None),
    "parents": ("parents", None, None),
    "carers": ("unpaid carers", 16, None),
}
PLACE_WORDS = ["Riverside", "Meadow", "Oak", "Harbour", "Hillside", "Bridge", "Willow", "Beacon"]


def _text(rng: random.Random, town: str) -> dict:
    """Name, description and terms of one synthetic service."""
    needs = rng.sample(sorted(NEEDS_TEXT), k=rng.choice([1, 1, 2, 3]))
    who = rng.choice(sorted(WHO))
    label, low, high = WHO[who]
    topic = rng.choice(NEEDS_TEXT[needs[0]])
    name = f"{rng.choice(PLACE_WORDS)} {topic.title()} {rng.choice(FORMATS).title()}"
    parts = [f"{rng.choice(OPENINGS)} {rng.choice(FORMATS)} in {town} for {label}"]
    parts.append("living with " + " and ".join(rng.choice(NEEDS_TEXT[n]) for n in needs) + ".")
    parts.append(f"We offer {rng.choice(WAYS)} and {rng.choice(WAYS)}.")
    if rng.random() < 0.5:
        parts.append("You can refer yourself by phone or email; there is no waiting list.")
    return {
        "name": name,
        "description": " ".join(parts),
        "needs": needs,
        "who": who,
        "low": low,
        "high": high,
    }


def load(size: int, seed: int = 11) -> dict:
    """Migrate, load places and vocabularies, bulk-write `size` services and index them."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    _load_places()
    from signpost.nonprod.demo import load_vocabularies

    load_vocabularies()
    towns = _towns()
    written = time.perf_counter()
    add_services(size, towns, seed)
    loaded = time.perf_counter()
    from signpost.searchindex import freshness

    freshness.rebuild()
    indexed = time.perf_counter()
    return {
        "towns": len(towns),
        "write_s": round(loaded - written, 1),
        "index_s": round(indexed - loaded, 1),
        "setup_s": round(written - started, 1),
    }


def _load_places() -> None:
    """The project's gazetteer (its own loader, or the demo's places where that is absent)."""
    try:
        from signpost.directory.gazetteer.loader import load_gazetteer

        load_gazetteer()
    except ImportError:
        from signpost.nonprod.demo import load_places

        load_places()


def _towns() -> list[str]:
    """Names of towns the gazetteer knows (what people type), a stable sample."""
    from signpost.directory.models import Place

    names = sorted(set(Place.objects.filter(kind="town").values_list("name", flat=True)))
    return random.Random(5).sample(names, k=min(400, len(names)))


def add_services(size: int, towns: list[str], seed: int) -> list:
    """Bulk-create services with areas, terms and languages; returns their ids."""
    from signpost.directory.models import (
        Language,
        Organisation,
        Service,
        ServiceArea,
        ServiceAttribute,
        TaxonomyTerm,
    )

    rng = random.Random(seed + size)
    terms = {(t.taxonomy.name, t.code): t for t in TaxonomyTerm.objects.select_related("taxonomy")}
    access = [t for (v, _c), t in terms.items() if v == "access"]
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"{rng.choice(PLACE_WORDS)} Wellbeing Trust {i}", description="")
        for i in range(max(size // 20, 1))
    )
    services, areas, attributes, languages = [], [], [], []
    for i in range(size):
        town = rng.choice(towns)
        text = _text(rng, town)
        service = Service(
            organisation=rng.choice(organisations),
            name=text["name"],
            description=text["description"],
            status="active",
            minimum_age=text["low"],
            maximum_age=text["high"],
            eligibility_description=f"For {WHO[text['who']][0]}.",
        )
        services.append(service)
        national = i % 12 == 0
        areas.append(ServiceArea(service=service, name="United Kingdom" if national else town))
        for code in text["needs"]:
            if ("needs", code) in terms:
                attributes.append(
                    ServiceAttribute(service=service, taxonomy_term=terms["needs", code])
                )
        if ("audience", text["who"]) in terms:
            attributes.append(
                ServiceAttribute(service=service, taxonomy_term=terms["audience", text["who"]])
            )
        if access:
            attributes.append(ServiceAttribute(service=service, taxonomy_term=rng.choice(access)))
        if rng.random() < 0.1:
            languages.append(Language(service=service, code=rng.choice(["pl", "ur", "pa", "ro"])))
    Service.objects.bulk_create(services, batch_size=2000)
    ServiceArea.objects.bulk_create(areas, batch_size=2000)
    ServiceAttribute.objects.bulk_create(attributes, batch_size=2000)
    Language.objects.bulk_create(languages, batch_size=2000)
    _add_coverage(services, areas)
    return [s.id for s in services]


def _add_coverage(services: list, areas: list) -> None:
    """Coverage rows for the new services, from the directory's own rules (one per town)."""
    from signpost.directory.models import ServiceCoverage
    from signpost.directory.places.coverage import coverage_rows, current_index, stated_places

    index = current_index()
    reached: dict[str, set[int] | None] = {}
    rows = []
    for service, area in zip(services, areas, strict=True):
        if area.name not in reached:
            reached[area.name] = stated_places([area.name], [], index)
        rows.extend(coverage_rows(service.id, reached[area.name]))
    ServiceCoverage.objects.bulk_create(rows, batch_size=5000)


# --- child: search like a web process ----------------------------------------------------


def searches(requests: int, towns: list[str]) -> dict:
    """First search in this process, then `requests` more; timings and memory."""
    from django.test import Client

    from signpost.core.warmup import warm_up

    client = Client()
    rng = random.Random(3)
    started_rss = _rss_mb()
    # As a gunicorn worker does before it takes requests (gunicorn.conf.py post_worker_init).
    warmed = time.perf_counter()
    warm_up()
    warm_up_ms = (time.perf_counter() - warmed) * 1000

    def one() -> float:
        text, age = rng.choice(SEARCHES)
        params = {"q": text, "age": str(age), "where": rng.choice(towns)}
        began = time.perf_counter()
        response = client.get("/services/", params)
        elapsed = (time.perf_counter() - began) * 1000
        if response.status_code != 200:
            raise SystemExit(f"search returned {response.status_code} for {params}")
        return elapsed

    first = one()
    times = sorted(one() for _ in range(requests))
    finder = sorted(_finder_ms(rng, towns) for _ in range(requests))
    return {
        "warm_up_ms": round(warm_up_ms),
        "first_ms": round(first),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(_p95(times), 1),
        "finder_p50_ms": round(statistics.median(finder), 1),
        "finder_p95_ms": round(_p95(finder), 1),
        "rss_before_mb": round(started_rss),
        "rss_after_mb": round(_rss_mb()),
    }


def _p95(times: list[float]) -> float:
    return times[max(int(len(times) * 0.95) - 1, 0)]


def _finder_ms(rng: random.Random, towns: list[str]) -> float:
    """The search alone (what the page calls), without the form, the cards and the template."""
    from django.http import QueryDict

    from signpost.directory.finder import SearchRequest, find_services
    from signpost.directory.forms import SearchForm

    text, age = rng.choice(SEARCHES)
    data = QueryDict(mutable=True)
    data["where"] = rng.choice(towns)
    form = SearchForm(data, vocab_codes={}, language_codes=set())
    form.is_valid()
    began = time.perf_counter()
    find_services(SearchRequest(text=text, age=age, where=form.cleaned_data.get("where")))
    return (time.perf_counter() - began) * 1000


def after_import(towns: list[str]) -> dict:
    """In a warm process, add 50 services as an importer does (bulk, announced); time the next
    search (the import's re-indexing runs when it commits, in the importing process)."""
    from django.db import transaction

    from signpost.directory.changes import announce

    searches(3, towns)  # a warm process, as a web worker is when an import lands
    began = time.perf_counter()
    with transaction.atomic():
        ids = add_services(50, towns, seed=int(time.time()))
        announce("bench", ids)
    imported = (time.perf_counter() - began) * 1000
    result = searches(5, towns)
    return {"import_50_ms": round(imported), "first_after_import_ms": result["first_ms"]}


def child(mode: str, size: int, requests: int) -> None:
    _setup_django()
    if mode == "load":
        result = load(size)
    else:
        towns = _towns()
        result = searches(requests, towns) if mode == "search" else after_import(towns)
    print("RESULT " + json.dumps(result))


# --- parent: databases, sizes, processes --------------------------------------------------


def _run_child(env: dict, mode: str, size: int, requests: int) -> dict:
    command = [
        sys.executable,
        __file__,
        "--child",
        mode,
        "--size",
        str(size),
        "--requests",
        str(requests),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise SystemExit(f"{mode} failed:\n{done.stderr[-3000:]}")


def _postgres_admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(sql)


def _database_env(kind: str, workdir: Path, size: int) -> tuple[dict, str | None]:
    """Environment for the children, and (PostgreSQL) the admin URL to drop it after."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "signpost.config.settings.test"}
    if kind == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{workdir / f'search-{size}.sqlite3'}"
        return env, None
    given = os.environ.get("DATABASE_URL", "")
    if not given.startswith("postgres"):
        raise SystemExit("PostgreSQL needs DATABASE_URL=postgres://user@host:port/anydb")
    parts = urlsplit(given)
    admin = urlunsplit(parts._replace(path="/postgres"))
    _postgres_admin(admin, f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")
    _postgres_admin(admin, f"CREATE DATABASE {BENCH_DATABASE}")
    env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))
    return env, admin


def measure(kind: str, size: int, requests: int, keep: Path | None) -> dict:
    with tempfile.TemporaryDirectory() as workdir:
        env, admin = _database_env(kind, keep or Path(workdir), size)
        kept = keep and kind == "sqlite" and (keep / f"search-{size}.sqlite3").exists()
        try:
            row = {"database": kind, "services": size}
            if kept:
                row.update({"towns": 0, "write_s": 0, "index_s": 0, "setup_s": 0})
            else:
                row.update(_run_child(env, "load", size, 0))
            row["process_1"] = _run_child(env, "search", size, requests)
            row["process_2"] = _run_child(env, "search", size, requests)
            row.update(_run_child(env, "import", size, 0))
            return row
        finally:
            if admin:
                _postgres_admin(admin, f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")


def report(row: dict) -> None:
    one, two = row["process_1"], row["process_2"]
    print(
        f"{row['database']:<10} {row['services']:>7} services: "
        f"p50 {one['p50_ms']} ms, p95 {one['p95_ms']} ms (second process p95 {two['p95_ms']} ms; "
        f"the search alone p50 {one['finder_p50_ms']} ms, p95 {one['finder_p95_ms']} ms); "
        f"first search {one['first_ms']} ms (second process {two['first_ms']} ms) "
        f"after the worker's start-up warm-up of {one['warm_up_ms']} ms, "
        f"after an import {row['first_after_import_ms']} ms; "
        f"memory {one['rss_before_mb']} -> {one['rss_after_mb']} MB; "
        f"write {row['write_s']} s, index {row['index_s']} s",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="sqlite")
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--child", choices=["load", "search", "import"], help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print each row as JSON too")
    parser.add_argument("--keep", type=Path, help="keep SQLite files here and reuse them")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.size, args.requests)
        return 0
    kinds = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    for kind in kinds:
        for size in (int(s) for s in args.sizes.split(",")):
            row = measure(kind, size, args.requests, args.keep)
            report(row)
            if args.json:
                print(json.dumps(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
