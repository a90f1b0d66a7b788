"""Searching the index: candidates from the database's full-text index, ranked in Python.

The query is planned (lexicon expansion, spelling) against whole-directory statistics, the
database returns the best few hundred eligible entries holding any of its keys, and the
ranker scores just those with the same statistics, so their order is what a ranker over the
whole directory would give. Round-the-clock crisis lines are always candidates on a crisis
query, so pinning never depends on the full-text engine.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Q, QuerySet

from signpost.directory.search.crisis import CrisisDecision
from signpost.directory.search.documents import Features, SearchDocument
from signpost.directory.search.expansion import plan_query
from signpost.directory.search.index import lookup_keys
from signpost.directory.search.scoring import Ranker, crisis_decision
from signpost.directory.search.text import query_words

from . import freshness, fulltext, statistics
from .models import SearchEntry

CANDIDATES = 400  # entries the ranker scores per search; more only costs time


@dataclass
class Found:
    """Ranked service ids with scores and facts, and the crisis decision."""

    ordered: list[UUID]
    scores: dict[UUID, float]
    facts: dict[UUID, dict]
    crisis: CrisisDecision


def search(text: str, eligible: QuerySet, age: int | None) -> Found:
    """Rank the eligible services (a Service queryset) for the text."""
    try:
        return _search(text, eligible, age)
    finally:
        _freeze_once()


_frozen: list[bool] = []


def _freeze_once() -> None:
    """After a process's first search, move what it loaded for good (lexicon, gazetteer,
    spelling) out of the cyclic garbage collector's reach.

    Otherwise every full collection walks those millions of long-lived objects, and a search
    allocates enough to trigger several: that alone doubled search times at 10,000 services.
    """
    if not _frozen:
        _frozen.append(True)
        gc.collect()
        gc.freeze()


def _search(text: str, eligible: QuerySet, age: int | None) -> Found:
    freshness.ensure_fresh()
    stats = statistics.current()
    words = query_words(text)
    if not words:
        return Found([], {}, {}, CrisisDecision())
    plan = plan_query(words, stats.corrected)
    keys = {key for slot in plan.slots for key, _weight in slot.alternatives}
    searched = {part for key in keys for part in lookup_keys(key)}
    where, params = _eligibility(eligible, age)
    entry_ids = fulltext.candidates(searched, where, params, CANDIDATES)
    crisis = crisis_decision(text)
    if crisis:
        lines = SearchEntry.objects.filter(
            crisis_line=True, service_id__in=eligible.order_by().values("id")
        )
        if age is not None:
            lines = lines.filter(
                Q(minimum_age__isnull=True) | Q(minimum_age__lte=age),
                Q(maximum_age__isnull=True) | Q(maximum_age__gte=age),
            )
        entry_ids += list(lines.values_list("id", flat=True))
    rows = _entries(set(entry_ids))
    documents = [row[1] for row in rows]
    ranker = Ranker(
        documents,
        features=[Features.from_json(row[2]) for row in rows],
        statistics=stats.with_frequencies(keys | searched),
    )
    ranking = ranker.rank(text, age=age)
    ordered = [UUID(r.id) for r in ranking.results]
    return Found(
        ordered,
        {UUID(r.id): r.score for r in ranking.results},
        {row[0]: row[3] for row in rows},
        ranking.crisis,
    )


def _eligibility(eligible: QuerySet, age: int | None) -> tuple[str, list[object]]:
    """SQL over entries (alias e): the service is eligible, and its ages include the age."""
    sql, params = eligible.order_by().values("id").query.sql_with_params()
    where = f"e.service_id IN ({sql})"
    values: list[object] = list(params)
    if age is not None:
        where += (
            " AND (e.minimum_age IS NULL OR e.minimum_age <= %s)"
            " AND (e.maximum_age IS NULL OR e.maximum_age >= %s)"
        )
        values += [age, age]
    return where, values


def _entries(entry_ids: set[int]) -> list[tuple[UUID, SearchDocument, dict, dict]]:
    """Service id, ranker document, features and facts of these entries (one query).

    With features given, the ranker reads only a document's id, name and ages, so the stored
    document (descriptions and all) is not decoded.
    """
    rows = SearchEntry.objects.filter(id__in=entry_ids).values_list(
        "service_id", "sort_name", "minimum_age", "maximum_age", "features", "facts"
    )
    return [
        (sid, SearchDocument(str(sid), name, "", minimum_age=low, maximum_age=high), feat, facts)
        for sid, name, low, high, feat, facts in rows
    ]


def facts_of(eligible: QuerySet) -> dict[UUID, dict]:
    """Facts of every eligible service with an entry, for browsing (one query)."""
    freshness.ensure_fresh()
    rows = SearchEntry.objects.filter(service_id__in=eligible.order_by().values("id"))
    return dict(rows.values_list("service_id", "facts"))
