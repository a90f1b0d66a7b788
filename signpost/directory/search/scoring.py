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

from .age import age_fit, age_specificity
from .crisis import crisis_prior, is_crisis_service
from .documents import ScoredResult, SearchDocument
from .expansion import Plan, Slot, audiences_of, plan_query
from .index import Index
from .text import query_words

# Weights of scoring and pinning. Tuned on the development set's shape, not its wording.
PIN_RELEVANCE_WEIGHT = 6.0
SYNONYM_SPILL = 0.2  # share of a slot's weaker alternatives that still counts
AUDIENCE_PENALTY = 0.8  # per group a service is for that the query does not mention
AUDIENCE_FLOOR = 0.5


class Ranker:
    """Ranks services for free-text queries; build once per set of documents, then search."""

    def __init__(self, documents: Iterable[SearchDocument]) -> None:
        collecting = gc.isenabled()
        gc.disable()  # building makes ~10^6 small dicts; cyclic GC passes would double the time
        try:
            self._build(tuple(documents))
        finally:
            if collecting:
                gc.enable()

    def _build(self, documents: tuple[SearchDocument, ...]) -> None:
        """Index the documents, and note each one's audiences and standing as a crisis line."""
        self._documents = documents
        self._position: dict[str, int] = {d.id: i for i, d in enumerate(self._documents)}
        self._sort_names = tuple(d.name.casefold() for d in self._documents)
        self._index = Index(documents)
        self._audiences = tuple(audiences_of(d) for d in self._documents)
        self._adjustable = frozenset(p for p, groups in enumerate(self._audiences) if groups)
        self._age_specificity = tuple(age_specificity(d) for d in self._documents)
        self._age_ranged = frozenset(p for p, s in enumerate(self._age_specificity) if s > 0)
        self._crisis_priors = {
            i: crisis_prior(d) for i, d in enumerate(self._documents) if is_crisis_service(d)
        }

    def search(
        self,
        query: str,
        *,
        allowed_ids: Collection[str] | None = None,
        limit: int | None = None,
        age: int | None = None,
    ) -> list[ScoredResult]:
        """Rank the allowed services for the query; a crisis query puts 24/7 crisis lines first."""
        words = query_words(query)
        if not words:
            return []
        allowed = self._allowed_positions(allowed_ids)
        plan = plan_query(words, self._index.corrected)
        per_slot = [self._score_slot(slot) for slot in plan.slots]
        totals = self._totals(plan, per_slot, allowed)
        ranked = self._for_age(totals, age)
        order = self._order(totals, ranked, allowed, plan, limit)
        return [
            ScoredResult(
                id=self._documents[p].id,
                score=round(ranked.get(p, 0.0), 6),
                matched_terms=_matched_labels(p, plan.slots, per_slot),
            )
            for p in order
        ]

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
    ) -> list[int]:
        """Matched services by score (ties by name, then id), crisis lines first when at risk."""
        # Crisis lines are pinned on their unadjusted totals, so an age hint never changes them.
        pinned = self._pinned(totals, allowed, plan) if plan.crisis else []
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
