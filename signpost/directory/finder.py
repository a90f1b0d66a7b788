"""The directory's public search: filters in SQL, relevance from the ranker, facets in memory.

The same function serves the search page, the benchmark and (later) the API, so they can
never disagree about what a search returns.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from uuid import UUID

from django.utils import timezone

from signpost.directory import opening
from signpost.directory.models import Service
from signpost.directory.models.taxonomy import OWN_VOCABULARIES
from signpost.directory.places import PlaceAnswer, nearer_first, reaching
from signpost.directory.search.crisis import CrisisDecision
from signpost.searchindex import search as index
from signpost.searchindex.sources import schedule_from_json

FACET_LANGUAGE = "language"
FACET_FREE = "free"
FACET_OPEN_NOW = "open-now"
ACCESS = "access"
REFERRAL_ROUTES = frozenset({"gp-referral", "professional-referral"})
SELF_CONTACT_ROUTES = frozenset({"self-referral", "drop-in"})
# A service that needs a referral goes after one people can contact themselves when its
# relevance is less than this much higher (15%); clearly better matches keep their place.
REFERRAL_MARGIN = 0.85


@dataclass(frozen=True)
class SearchRequest:
    """What someone asked for. Empty text means browse."""

    text: str = ""
    age: int | None = None
    where: PlaceAnswer | None = None
    terms: dict[str, frozenset[str]] = field(default_factory=dict)
    language: str = ""
    free: bool = False
    open_now: bool = False
    # Professionals refer people on, so for them a referral route is no barrier.
    professional: bool = False


@dataclass
class ServiceFacts:
    """What the filters need to know about one candidate service."""

    terms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    languages: set[str] = field(default_factory=set)
    free: bool = True
    open_now: bool = False
    always_open: bool = False

    @property
    def needs_referral(self) -> bool:
        """Only reached through a GP or another professional: no way to contact it yourself."""
        access = self.terms[ACCESS]
        return bool(access & REFERRAL_ROUTES) and not access & SELF_CONTACT_ROUTES


@dataclass
class SearchOutcome:
    """Matching service ids in order, with counts for every filter option."""

    service_ids: list[UUID]
    facet_counts: dict[str, dict[str, int]]
    crisis: CrisisDecision = field(default_factory=CrisisDecision)  # truthy: urgent help first
    age: int | None = None  # the age searched for, typed or read from the words

    @property
    def total(self) -> int:
        return len(self.service_ids)


def find_services(request: SearchRequest, *, now: dt.datetime | None = None) -> SearchOutcome:
    """Run a public search: eligibility first, then relevance, then the chosen filters."""
    candidates = Service.objects.public()
    if request.where is not None:
        candidates = _reaching(candidates, request.where)
    moment = _local_wall_time(now or timezone.localtime())
    if request.text.strip():
        found = index.search(request.text, candidates, request.age)
        ordered, scores, crisis = found.ordered, found.scores, found.crisis
        facts = {sid: _facts(data, moment) for sid, data in found.facts.items()}
    else:
        if request.age is not None:
            candidates = candidates.for_age(request.age)
        facts = {sid: _facts(data, moment) for sid, data in index.facts_of(candidates).items()}
        ordered = [sid for sid in _browse_order(candidates) if sid in facts]
        scores, crisis = dict.fromkeys(ordered, 1.0), CrisisDecision()
    ordered, scores = nearer_first(
        ordered, scores, request.where, text_search=bool(request.text.strip()), crisis=bool(crisis)
    )
    if not request.professional:
        ordered = _self_contact_first(ordered, scores, facts, crisis)
    predicates = _predicates(request)
    kept = [sid for sid in ordered if all(p(facts[sid]) for p in predicates.values())]
    return SearchOutcome(kept, _facet_counts(ordered, facts, predicates), crisis, request.age)


def _browse_order(candidates) -> list[UUID]:
    """Browsing lists every eligible service by name."""
    return list(candidates.order_by("name", "id").values_list("id", flat=True))


def _local_wall_time(now: dt.datetime) -> dt.datetime:
    """The local time without a zone, as opening hours are written."""
    return (timezone.localtime(now) if timezone.is_aware(now) else now).replace(tzinfo=None)


def _facts(data: dict, now: dt.datetime) -> ServiceFacts:
    """A candidate's filter facts from its search entry; opening worked out for this moment."""
    facts = ServiceFacts(languages=set(data["languages"]), free=data["free"])
    for vocabulary, codes in data["terms"].items():
        facts.terms[vocabulary].update(codes)
    if data["schedules"]:
        schedules = [schedule_from_json(values) for values in data["schedules"]]
        facts.open_now = opening.is_open_at(schedules, now)
    facts.always_open = data["always_open"]
    return facts


def _reaching(candidates, where: PlaceAnswer):
    """Services for someone living there: see directory.places (ADR 009)."""
    return reaching(candidates, where)


def _self_contact_first(
    ordered: list[UUID],
    scores: dict[UUID, float],
    facts: dict[UUID, ServiceFacts],
    crisis: CrisisDecision,
) -> list[UUID]:
    """Services people can contact themselves before referral-only ones of close relevance.

    A referral-only service's score is discounted by REFERRAL_MARGIN and the list re-sorted
    stably, so nothing else changes order. On a crisis query the pinned 24/7 lines at the top
    are left exactly where the ranker put them.
    """
    pinned = 0
    while crisis and pinned < len(ordered) and facts[ordered[pinned]].always_open:
        pinned += 1

    def discounted(sid: UUID) -> float:
        factor = REFERRAL_MARGIN if facts[sid].needs_referral else 1.0
        return -scores.get(sid, 0.0) * factor

    return ordered[:pinned] + sorted(ordered[pinned:], key=discounted)


Predicate = Callable[[ServiceFacts], bool]


def _predicates(request: SearchRequest) -> dict[str, Predicate]:
    """One test per filter dimension; options within a dimension are alternatives (OR)."""
    predicates: dict[str, Predicate] = {}
    for vocabulary, codes in request.terms.items():
        if codes:
            predicates[vocabulary] = _has_any_term(vocabulary, codes)
    if request.language:
        language = request.language
        predicates[FACET_LANGUAGE] = lambda f: language in f.languages
    if request.free:
        predicates[FACET_FREE] = lambda f: f.free
    if request.open_now:
        predicates[FACET_OPEN_NOW] = lambda f: f.open_now
    return predicates


def _has_any_term(vocabulary: str, codes: frozenset[str]) -> Predicate:
    """A test that a service has at least one of these terms in the vocabulary."""
    return lambda facts: bool(facts.terms[vocabulary] & codes)


def _facet_counts(
    ordered: list[UUID], facts: dict[UUID, ServiceFacts], predicates: dict[str, Predicate]
) -> dict[str, dict[str, int]]:
    """For each option: how many results there would be with it ticked, other filters kept."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for sid in ordered:
        fact = facts[sid]
        failing = [name for name, test in predicates.items() if not test(fact)]
        if len(failing) > 1:
            continue
        for vocabulary in OWN_VOCABULARIES:
            if not failing or failing == [vocabulary]:
                for code in fact.terms[vocabulary]:
                    counts[vocabulary][code] += 1
        if not failing or failing == [FACET_LANGUAGE]:
            for code in fact.languages:
                counts[FACET_LANGUAGE][code] += 1
        if (not failing or failing == [FACET_FREE]) and fact.free:
            counts[FACET_FREE]["yes"] += 1
        if (not failing or failing == [FACET_OPEN_NOW]) and fact.open_now:
            counts[FACET_OPEN_NOW]["yes"] += 1
    return {key: dict(value) for key, value in counts.items()}
