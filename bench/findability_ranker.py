"""Score the pure-Python search ranker on the findability benchmark (a development harness).

Loads the benchmark's services and queries, emulates the directory's age and town filters to
get each query's candidate services, ranks them with ``Ranker.search`` and prints nDCG@5,
success@5, crisis@3, age-safety and mean results exactly as the benchmark README defines them.

    .venv/bin/python bench/findability_ranker.py [--worst] [--check-ideal] [--data DIR]

The town filter here is a stand-in for the real app's gazetteer: a small district -> towns map
for Nottingham and Nottinghamshire, with whole-word matching of area names and descriptions as
the fallback for areas it does not know.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from signpost.directory.search.ranking import Ranker, SearchDocument

DEFAULT_DATA = Path("/work/shared/benchmarks/findability")
TOP_N = 10
ALL_DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
NATIONAL_AREAS = {"england", "united kingdom", "great britain", "uk"}
ALL_TOWNS = (
    "Nottingham",
    "Mansfield",
    "Sutton-in-Ashfield",
    "Hucknall",
    "Worksop",
    "Retford",
    "Newark",
    "Beeston",
    "Arnold",
    "West Bridgford",
)
COUNTY_TOWNS = frozenset(ALL_TOWNS) - {"Nottingham"}
# Harness-only gazetteer: which filter towns each named service area covers.
AREA_TOWNS: dict[str, frozenset[str]] = {
    "nottingham and nottinghamshire": frozenset(ALL_TOWNS),
    "nottingham city": frozenset({"Nottingham"}),
    "nottinghamshire county": COUNTY_TOWNS,
    "greater nottingham": frozenset(
        {"Nottingham", "Arnold", "Beeston", "West Bridgford", "Hucknall"}
    ),
    "south nottinghamshire": frozenset({"Beeston", "Arnold", "West Bridgford"}),
    "mid nottinghamshire": frozenset({"Mansfield", "Sutton-in-Ashfield", "Hucknall", "Newark"}),
    "ashfield district": frozenset({"Sutton-in-Ashfield", "Hucknall"}),
    "bassetlaw district": frozenset({"Worksop", "Retford"}),
    "broxtowe borough": frozenset({"Beeston"}),
    "gedling borough": frozenset({"Arnold"}),
    "mansfield district": frozenset({"Mansfield"}),
    "newark and sherwood district": frozenset({"Newark"}),
    "rushcliffe borough": frozenset({"West Bridgford"}),
}


@dataclass(frozen=True, slots=True)
class Metrics:
    """The benchmark's figures for one run."""

    queries: int
    ndcg5: float
    success5: float
    crisis3: float
    crisis_queries: int
    age_safety: float
    age_excluded: int
    age_queries: int
    mean_results: float


# --- loading ---------------------------------------------------------------------------------


def load(data: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Read services.json and queries.json, or exit with a message saying what is missing."""
    paths = [data / "services.json", data / "queries.json"]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        sys.exit(f"findability benchmark data not found: {', '.join(missing)} (use --data DIR)")
    services, queries = (json.loads(path.read_text(encoding="utf-8")) for path in paths)
    return services, queries


def is_24_7(service: dict[str, Any]) -> bool:
    """A schedule covers all seven days from 00:00 to 23:59."""
    return any(
        set((schedule.get("byday") or "").split(",")) >= ALL_DAYS
        and schedule.get("opens_at") == "00:00"
        and schedule.get("closes_at") == "23:59"
        for schedule in service.get("schedules") or ()
    )


def is_national(service: dict[str, Any]) -> bool:
    """One of the service areas is a whole nation."""
    return any(
        (area.get("name") or "").strip().casefold() in NATIONAL_AREAS
        for area in service.get("service_areas") or ()
    )


def term_codes(service: dict[str, Any]) -> set[str]:
    """Codes of the taxonomy terms attached to a service."""
    return {a["taxonomy_term"]["code"] for a in service.get("attributes") or ()}


def to_document(service: dict[str, Any]) -> SearchDocument:
    """The SearchDocument the directory would build for an imported HSDS service."""
    terms: list[str] = []
    for attribute in service.get("attributes") or ():
        term = attribute.get("taxonomy_term") or {}
        terms.extend(value for value in (term.get("code"), term.get("name")) if value)
    return SearchDocument(
        id=service["id"],
        name=service.get("name") or "",
        description=service.get("description") or "",
        alternate_name=service.get("alternate_name") or "",
        organisation_name=(service.get("organization") or {}).get("name") or "",
        eligibility=service.get("eligibility_description") or "",
        application_process=service.get("application_process") or "",
        terms=tuple(terms),
        service_area_names=tuple(a.get("name") or "" for a in service.get("service_areas") or ()),
        available_24_7=is_24_7(service),
        is_national=is_national(service),
        minimum_age=service.get("minimum_age"),
        maximum_age=service.get("maximum_age"),
    )


# --- the directory's filters, emulated -------------------------------------------------------


def age_allows(service: dict[str, Any], age: int | None) -> bool:
    """False when the service's minimum or maximum age excludes this age."""
    if age is None:
        return True
    low, high = service.get("minimum_age"), service.get("maximum_age")
    return not ((low is not None and age < low) or (high is not None and age > high))


def _mentions_town(text: str, town: str) -> bool:
    """Whole-word mention of a town, ignoring "(not Nottingham city)"-style exclusions."""
    text = re.sub(r"\bnot\s[^,;.)]*", " ", text, flags=re.IGNORECASE)
    return re.search(rf"(?<![\w-]){re.escape(town)}(?![\w])", text, re.IGNORECASE) is not None


def area_covers(area: dict[str, Any], town: str) -> bool:
    """True if a service area covers the town (known district map first, then its wording)."""
    name = (area.get("name") or "").strip().casefold()
    if name in AREA_TOWNS:
        return town in AREA_TOWNS[name]
    text = f"{area.get('name') or ''}. {area.get('description') or ''}"
    return _mentions_town(text, town)


def town_allows(service: dict[str, Any], town: str | None) -> bool:
    """National services everywhere; local ones where a service area covers the town."""
    if town is None or is_national(service):
        return True
    return any(area_covers(area, town) for area in service.get("service_areas") or ())


def candidates(services: Sequence[dict[str, Any]], query: dict[str, Any]) -> set[str]:
    """Ids the directory's filters would pass for this query (status is always active here)."""
    return {
        s["id"]
        for s in services
        if s.get("status", "active") == "active"
        and age_allows(s, query.get("age"))
        and town_allows(s, query.get("town"))
    }


# --- metrics, as the README defines them -----------------------------------------------------


def dcg(grades: Sequence[int]) -> float:
    """Discounted cumulative gain with gain 2^grade - 1 and discount 1/log2(rank + 1)."""
    return sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(grades, 1))


def ndcg_at_5(ranked: Sequence[str], judgments: dict[str, int]) -> float:
    """nDCG@5 against the ideal ordering of the query's judged services."""
    ideal = dcg(sorted(judgments.values(), reverse=True)[:5])
    return dcg([judgments.get(i, 0) for i in ranked[:5]]) / ideal if ideal else 0.0


def is_usable_crisis_service(service: dict[str, Any], query: dict[str, Any]) -> bool:
    """24/7, crisis-support and self-referral, and usable at the query's town and age."""
    codes = term_codes(service)
    return (
        {"crisis-support", "self-referral"} <= codes
        and is_24_7(service)
        and town_allows(service, query.get("town"))
        and age_allows(service, query.get("age"))
    )


def score(
    services: Sequence[dict[str, Any]],
    queries: Sequence[dict[str, Any]],
    runs: dict[str, list[str]],
) -> Metrics:
    """All benchmark metrics for ranked id lists keyed by query id."""
    by_id = {s["id"]: s for s in services}
    crisis = [q for q in queries if q.get("crisis")]
    aged = [q for q in queries if q.get("age") is not None]
    excluded = sum(
        not age_allows(by_id[i], q["age"]) for q in aged for i in runs[q["id"]][:5] if i in by_id
    )
    shown = sum(len(runs[q["id"]][:5]) for q in aged)
    return Metrics(
        queries=len(queries),
        ndcg5=_mean(ndcg_at_5(runs[q["id"]], q["judgments"]) for q in queries),
        success5=_mean(any(q["judgments"].get(i) == 2 for i in runs[q["id"]][:5]) for q in queries),
        crisis3=_mean(
            any(is_usable_crisis_service(by_id[i], q) for i in runs[q["id"]][:3] if i in by_id)
            for q in crisis
        ),
        crisis_queries=len(crisis),
        age_safety=excluded / shown if shown else 0.0,
        age_excluded=excluded,
        age_queries=len(aged),
        mean_results=_mean(len(runs[q["id"]]) for q in queries),
    )


def _mean(values: Any) -> float:
    """Arithmetic mean of an iterable of numbers or booleans (0 when empty)."""
    values = [float(v) for v in values]
    return sum(values) / len(values) if values else 0.0


# --- running ---------------------------------------------------------------------------------


def rank_all(
    services: Sequence[dict[str, Any]], queries: Sequence[dict[str, Any]]
) -> tuple[dict[str, list[str]], float, float]:
    """Top-10 ids per query from the ranker, with build and mean query times in ms."""
    started = time.perf_counter()
    ranker = Ranker(to_document(s) for s in services)
    build_ms = (time.perf_counter() - started) * 1000
    runs: dict[str, list[str]] = {}
    started = time.perf_counter()
    for query in queries:
        allowed = candidates(services, query)
        results = ranker.search(
            query["text"], allowed_ids=allowed, limit=TOP_N, age=query.get("age")
        )
        runs[query["id"]] = [r.id for r in results]
    query_ms = (time.perf_counter() - started) * 1000 / max(len(queries), 1)
    return runs, build_ms, query_ms


def ideal_runs(queries: Sequence[dict[str, Any]]) -> dict[str, list[str]]:
    """Each query's judged services in grade order: what a perfect search would return."""
    return {
        q["id"]: sorted(q["judgments"], key=lambda i: -q["judgments"][i])[:TOP_N] for q in queries
    }


def print_metrics(metrics: Metrics) -> None:
    """Print the figures in the README's layout."""
    print(f"queries      {metrics.queries}")
    print(f"nDCG@5       {metrics.ndcg5:.3f}")
    print(f"success@5    {metrics.success5:.3f}")
    print(f"crisis@3     {metrics.crisis3:.3f}   ({metrics.crisis_queries} crisis queries)")
    print(
        f"age-safety   {metrics.age_safety:.3f}   ({metrics.age_excluded} age-excluded results "
        f"in top 5; {metrics.age_queries} queries with an age)"
    )
    print(f"mean results {metrics.mean_results:.2f}")


def print_worst(
    services: Sequence[dict[str, Any]],
    queries: Sequence[dict[str, Any]],
    runs: dict[str, list[str]],
    count: int = 10,
) -> None:
    """Per-query nDCG@5 for the weakest queries, with what came back and what was wanted."""
    names = {s["id"]: s["name"] for s in services}
    scored = sorted(queries, key=lambda q: (ndcg_at_5(runs[q["id"]], q["judgments"]), q["id"]))
    print(f"\nworst {count} queries by nDCG@5")
    for query in scored[:count]:
        grades = query["judgments"]
        print(f"{query['id']}  {ndcg_at_5(runs[query['id']], grades):.3f}  {query['text']!r}")
        for i in runs[query["id"]][:5]:
            print(f"      {grades.get(i, 0)}  {names[i]}")
        missing = [i for i in grades if grades[i] == 2 and i not in runs[query["id"]][:5]]
        for i in missing:
            print(f"      wanted (2): {names[i]}")


def check_ideal(services: Sequence[dict[str, Any]], queries: Sequence[dict[str, Any]]) -> None:
    """Assert the metrics give a perfect ranking full marks (guards the metric code)."""
    metrics = score(services, queries, ideal_runs(queries))
    for name in ("ndcg5", "success5", "crisis3"):
        value = getattr(metrics, name)
        assert math.isclose(value, 1.0), f"ideal run scored {name} = {value:.4f}, expected 1.0"
    print("ideal ranking check: nDCG@5 = success@5 = crisis@3 = 1.000")


def check_filters(services: Sequence[dict[str, Any]], queries: Sequence[dict[str, Any]]) -> None:
    """Warn when the emulated filters hide a service the judges graded (a filter bug)."""
    hidden = [
        (q["id"], i) for q in queries for i in q["judgments"] if i not in candidates(services, q)
    ]
    if hidden:
        print(f"warning: filters hide {len(hidden)} judged services: {hidden[:5]}")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: rank every query and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("--worst", action="store_true", help="show the 10 weakest queries")
    parser.add_argument("--check-ideal", action="store_true", help="assert metric sanity")
    args = parser.parse_args(argv)
    services, queries = load(args.data)
    if args.check_ideal:
        check_ideal(services, queries)
    check_filters(services, queries)
    runs, build_ms, query_ms = rank_all(services, queries)
    print_metrics(score(services, queries, runs))
    print(f"index build  {build_ms:.0f} ms for {len(services)} services; {query_ms:.1f} ms/query")
    if args.worst:
        print_worst(services, queries, runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
