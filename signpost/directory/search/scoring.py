"""Scoring and ordering: the Ranker that searches an index for one query at a time.

Slot scores are summed per service, services for groups the query does not mention are
down-weighted, services designed for the searcher's age (when given) are gently preferred, and
on a crisis query round-the-clock crisis lines are pinned first.
"""

from __future__ import annotations

import gc
import heapq
import math
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from .age import age_fit, age_specificity
from .crisis import CrisisDecision, assess, crisis_prior, is_crisis_service
from .documents import Features, ScoredResult, SearchDocument
from .expansion import Plan, Slot, audiences_of, plan_query
from .index import Index, Statistics, document_keys
from .text import query_words

# Weights of scoring and pinning. Tuned on the development set's shape, not its wording.
PIN_RELEVANCE_WEIGHT = 6.0
SYNONYM_SPILL = 0.2  # share of a slot's weaker alternatives that still counts
AUDIENCE_PENALTY = 0.8  # per group a service is for that the query does not mention
AUDIENCE_FLOOR = 0.5


def features_of(document: SearchDocument) -> Features:
    """Everything the ranker reads from a service's text, worked out once."""
    fields, words = document_keys(document)
    return Features(
        fields=fields,
        words=words,
        audiences=audiences_of(document),
        age_specificity=age_specificity(document),
        crisis_prior=crisis_prior(document) if is_crisis_service(document) else None,
    )


@dataclass(frozen=True, slots=True)
class Ranking:
    """A search's results with its crisis decision, so the message and the pinning agree."""

    results: list[ScoredResult]
    crisis: CrisisDecision  # truthy when urgent help comes first; says for whom


def crisis_decision(query: str) -> CrisisDecision:
    """Whether a query suggests someone is at risk now: decided once per search, by crisis.py."""
    return assess(query)


class Ranker:
    """Ranks services for free-text queries; build once per set of documents, then search.

    Given `features` (one per document, from `features_of`) and whole-directory `statistics`,
    it ranks a subset of the directory exactly as a ranker over the whole directory would.
    """

    def __init__(
        self,
        documents: Iterable[SearchDocument],
        *,
        features: Sequence[Features] | None = None,
        statistics: Statistics | None = None,
    ) -> None:
        collecting = gc.isenabled()
        gc.disable()  # building makes ~10^6 small dicts; cyclic GC passes would double the time
        try:
            self._build(tuple(documents), features, statistics)
        finally:
            if collecting:
                gc.enable()

    def _build(
        self,
        documents: tuple[SearchDocument, ...],
        features: Sequence[Features] | None,
        statistics: Statistics | None,
    ) -> None:
        """Index the documents, and note each one's audiences and standing as a crisis line."""
        self._documents = documents
        self._position: dict[str, int] = {d.id: i for i, d in enumerate(self._documents)}
        self._sort_names = tuple(d.name.casefold() for d in self._documents)
        if features is None:
            self._index = Index(documents, statistics=statistics)
            features = [features_of(d) for d in documents]  # fields analysed twice: cached
        else:
            fields = [f.fields for f in features]
            self._index = Index(documents, fields=fields, statistics=statistics)
        self._audiences = tuple(f.audiences for f in features)
        self._adjustable = frozenset(p for p, groups in enumerate(self._audiences) if groups)
        self._age_specificity = tuple(f.age_specificity for f in features)
        self._age_ranged = frozenset(p for p, s in enumerate(self._age_specificity) if s > 0)
        self._crisis_priors = {
            i: f.crisis_prior for i, f in enumerate(features) if f.crisis_prior is not None
        }

    def plan(self, query: str) -> Plan | None:
        """How the query will be searched (None for a query with no words)."""
        words = query_words(query)
        return plan_query(words, self._index.corrected) if words else None

    def search(
        self,
        query: str,
        *,
        allowed_ids: Collection[str] | None = None,
        limit: int | None = None,
        age: int | None = None,
    ) -> list[ScoredResult]:
        """Rank the allowed services for the query; a crisis query puts 24/7 crisis lines first."""
        return self.rank(query, allowed_ids=allowed_ids, limit=limit, age=age).results

    def rank(
        self,
        query: str,
        *,
        allowed_ids: Collection[str] | None = None,
        limit: int | None = None,
        age: int | None = None,
    ) -> Ranking:
        """Results and the crisis decision the pinning used."""
        plan = self.plan(query)
        if plan is None:
            return Ranking([], CrisisDecision())
        crisis = crisis_decision(query)
        allowed = self._allowed_positions(allowed_ids)
        per_slot = [self._score_slot(slot) for slot in plan.slots]
        totals = self._totals(plan, per_slot, allowed)
        ranked = self._for_age(totals, age)
        order = self._order(totals, ranked, allowed, plan, limit, crisis)
        results = [
            ScoredResult(
                id=self._documents[p].id,
                score=round(ranked.get(p, 0.0), 6),
                matched_terms=_matched_labels(p, plan.slots, per_slot),
            )
            for p in order
        ]
        return Ranking(results, crisis)

    def _allowed_positions(self, allowed_ids: Collection[str] | None) -> frozenset[int] | None:
        """Positions of the caller's candidate services; unknown ids are ignored."""
        if allowed_ids is None:
            return None
        return frozenset(self._position[i] for i in allowed_ids if i in self._position)

    def _score_slot(self, slot: Slot) -> dict[int, float]:
        """Best alternative per document, plus a little of the others (read-only result)."""
        if len(slot.alternatives) == 1:
            key, weight = slot.alternatives[0]
            found = self._index.lookup(key)
            return found if weight == 1.0 else {p: v * weight for p, v in found.items()}
        best: dict[int, float] = {}
        spill: dict[int, float] = {}
        for key, weight in slot.alternatives:
            for position, value in self._index.lookup(key).items():
                value *= weight
                previous = best.get(position, 0.0)
                if value > previous:
                    best[position], value = value, previous
                spill[position] = spill.get(position, 0.0) + value
        return {p: v + SYNONYM_SPILL * spill[p] for p, v in best.items()}

    def _totals(
        self, plan: Plan, per_slot: Sequence[dict[int, float]], allowed: frozenset[int] | None
    ) -> dict[int, float]:
        """Weighted sum of slot scores per allowed document, adjusted for audience and access."""
        totals: dict[int, float] = {}
        for slot, scores in zip(plan.slots, per_slot, strict=True):
            weight = slot.weight
            for position, value in scores.items():
                totals[position] = totals.get(position, 0.0) + weight * value
        if allowed is not None:
            totals = {p: v for p, v in totals.items() if p in allowed}
        for position in self._adjustable.intersection(totals):
            totals[position] *= self._fit(position, plan)
        return totals

    def _fit(self, position: int, plan: Plan) -> float:
        """Down-weight services for groups the query does not mention: general ask, general help."""
        unasked = len(self._audiences[position] - plan.audiences)
        return max(AUDIENCE_PENALTY**unasked, AUDIENCE_FLOOR)

    def _for_age(self, totals: dict[int, float], age: int | None) -> dict[int, float]:
        """Totals with services designed for the searcher's age gently boosted (a new dict)."""
        ranked = dict(totals)
        if age is None:
            return ranked
        for position in self._age_ranged.intersection(ranked):
            document = self._documents[position]
            ranked[position] *= age_fit(document, self._age_specificity[position], age)
        return ranked

    def _order(
        self,
        totals: dict[int, float],
        ranked: dict[int, float],
        allowed: frozenset[int] | None,
        plan: Plan,
        limit: int | None,
        crisis: CrisisDecision,
    ) -> list[int]:
        """Matched services by score (ties by name, then id), crisis lines first when at risk."""
        # Crisis lines are pinned on their unadjusted totals, so an age hint never changes them.
        pinned = self._pinned(totals, allowed, plan) if crisis else []
        wanted = None if limit is None else max(limit, 0)
        matched = self._best(ranked, wanted)
        if pinned:
            pinned_set = set(pinned)
            matched = pinned + [p for p in matched if p not in pinned_set]
        return matched if wanted is None else matched[:wanted]

    def _best(self, totals: dict[int, float], wanted: int | None) -> list[int]:
        """Positions with a positive score, best first; only the top few are fully sorted."""
        scores = {p: round(v, 9) for p, v in totals.items() if v > 0}
        if wanted is not None and len(scores) > wanted:
            cutoff = heapq.nlargest(wanted, scores.values())[-1] if wanted else math.inf
            scores = {p: v for p, v in scores.items() if v >= cutoff}
        return sorted(scores, key=self._tie_key(scores))

    def _pinned(
        self, totals: dict[int, float], allowed: frozenset[int] | None, plan: Plan
    ) -> list[int]:
        """24/7 crisis lines the caller allows, the most direct and relevant first."""
        pinned = [p for p in self._crisis_priors if allowed is None or p in allowed]
        top = max((totals.get(p, 0.0) for p in pinned), default=0.0) or 1.0
        urgency = {
            p: self._crisis_priors[p] * self._fit(p, plan)
            + PIN_RELEVANCE_WEIGHT * totals.get(p, 0.0) / top
            for p in pinned
        }
        return sorted(pinned, key=self._tie_key(urgency))

    def _tie_key(self, scores: dict[int, float]) -> Callable[[int], tuple[float, str, str]]:
        """Sort key: higher score first, then name, then id, so equal scores never shuffle."""

        def key(position: int) -> tuple[float, str, str]:
            score = round(scores.get(position, 0.0), 9)
            return (-score, self._sort_names[position], self._documents[position].id)

        return key


def _matched_labels(
    position: int, slots: Sequence[Slot], per_slot: Sequence[dict[int, float]]
) -> tuple[str, ...]:
    """Labels of the slots that scored for a document, strongest first, each once."""
    found = [
        (-slot.weight * scores[position], slot.label)
        for slot, scores in zip(slots, per_slot, strict=True)
        if scores.get(position)
    ]
    return tuple(dict.fromkeys(label for _score, label in sorted(found)))
