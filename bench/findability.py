"""Findability benchmark through the real directory: importer, gazetteer, finder.

Imports the benchmark's services.json into an empty SQLite database with the normal HSDS
importer, then asks `find_services` (the code path the search page uses) each query with its
age and town filters, and prints nDCG@5, success@5, crisis@3 and age-safety as
shared/benchmarks/findability/README.md defines them.

    .venv/bin/python bench/findability.py [--data DIR] [--worst] [--set dev|heldout|both]

Both sets are scored by default: the benchmark's dev queries, and our own held-out
paraphrases (bench/data/heldout_paraphrases.json) judged against the same services.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "findability"
# Our own paraphrases, judged against the same services: wording the search was never tuned on.
HELDOUT = ROOT / "bench" / "data" / "heldout_paraphrases.json"
SET_TITLES = {"dev": "dev set (queries.json)", "heldout": "held-out paraphrases (ours)"}


def _setup_django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "signpost.config.settings.test")
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _where(town: str | None):
    """The place as the search page resolves it (directory.places, the UK gazetteer)."""
    from signpost.directory.places import resolve_place

    return resolve_place(town) if town else None


def run(data: Path, worst: bool, sets: tuple[str, ...] = ("dev", "heldout")) -> int:
    from findability_ranker import load, print_metrics, print_worst, score

    services, queries = load(data)
    from signpost.directory.finder import SearchRequest, find_services
    from signpost.nonprod.demo import load_places
    from signpost.openreferral.importer import import_services

    load_places()  # the UK gazetteer, plus the demo's groupings (Mid Notts and the like)
    started = time.perf_counter()
    report = import_services(services)
    imported = time.perf_counter() - started
    if report.rejected:
        print(report.summary())
        return 1
    query_sets = {"dev": queries, "heldout": json.loads(HELDOUT.read_text(encoding="utf-8"))}
    for name in sets:
        chosen = query_sets[name]
        runs, started = {}, time.perf_counter()
        for query in chosen:
            request = SearchRequest(
                text=query["text"], age=query.get("age"), where=_where(query.get("town"))
            )
            runs[query["id"]] = [str(i) for i in find_services(request).service_ids[:10]]
        per_query = (time.perf_counter() - started) / len(chosen) * 1000
        print(f"== {SET_TITLES[name]}")
        print_metrics(score(services, chosen, runs))
        print(f"search       {per_query:.1f} ms/query (the first includes building the index)")
        if worst:
            print_worst(services, chosen, runs)
        print()
    print(f"import       {len(services)} services in {imported:.1f} s")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--worst", action="store_true", help="show the 10 weakest queries")
    parser.add_argument(
        "--set",
        choices=["dev", "heldout", "both"],
        default="both",
        help="which queries: the benchmark's dev set, our held-out paraphrases, or both",
    )
    args = parser.parse_args()
    if not (args.data / "services.json").is_file():
        sys.exit(f"Benchmark data not found in {args.data}: it lives in shared/ beside the repo.")
    with tempfile.TemporaryDirectory() as folder:
        _setup_django(Path(folder) / "bench.sqlite3")
        sets = ("dev", "heldout") if args.set == "both" else (args.set,)
        return run(args.data, args.worst, sets)


if __name__ == "__main__":
    raise SystemExit(main())
