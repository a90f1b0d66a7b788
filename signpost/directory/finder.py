"""The directory's public search: filters in SQL, relevance from the ranker, facets in memory.

The same function serves the search page, the benchmark and (later) the API, so they can
never disagree about what a search returns.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import Count, Exists, Max, OuterRef
from django.utils import timezone

from signpost.directory import opening
from signpost.directory.models import (
    CostOption,
    Language,
    Schedule,
    Service,
    ServiceAttribute,
    ServiceCoverage,
    TaxonomyTerm,
)
from signpost.directory.models.taxonomy import OWN_VOCABULARIES
from signpost.directory.places import PlaceAnswer, nearer_first, reaching
from signpost.directory.search.ranking import Ranker, SearchDocument, is_crisis_query

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
    crisis: bool = False
    age: int | None = None  # the age searched for, typed or read from the words

    @property
    def total(self) -> int:
        return len(self.service_ids)


def find_services(request: SearchRequest, *, now: dt.datetime | None = None) -> SearchOutcome:
    """Run a public search: eligibility first, then relevance, then the chosen filters."""
    candidates = Service.objects.public()
    if request.age is not None:
        candidates = candidates.for_age(request.age)
    if request.where is not None:
        candidates = _reaching(candidates, request.where)
    candidate_ids = list(candidates.order_by("name", "id").values_list("id", flat=True))
    facts = load_facts(candidate_ids, now or timezone.localtime())
    ordered, scores, crisis = _rank(request.text, candidate_ids, request.age)
    ordered, scores = nearer_first(
        ordered, scores, request.where, text_search=bool(request.text.strip()), crisis=crisis
    )
    if not request.professional:
        ordered = _self_contact_first(ordered, scores, facts, crisis)
    predicates = _predicates(request)
    kept = [sid for sid in ordered if all(p(facts[sid]) for p in predicates.values())]
    return SearchOutcome(kept, _facet_counts(ordered, facts, predicates), crisis, request.age)


def _reaching(candidates, where: PlaceAnswer):
    """Services for someone living there: see directory.places (ADR 009)."""
    return reaching(candidates, where)


def _rank(
    text: str, candidate_ids: list[UUID], age: int | None
) -> tuple[list[UUID], dict[UUID, float], bool]:
    """Matching ids best first with their scores; browsing keeps every candidate, all equal."""
    text = text.strip()
    if not text:
        return candidate_ids, {sid: 1.0 for sid in candidate_ids}, False
    by_str = {str(sid): sid for sid in candidate_ids}
    results = get_ranker().search(text, allowed_ids=set(by_str), age=age)
    kept = [r for r in results if r.id in by_str]
    scores = {by_str[r.id]: r.score for r in kept}
    return [by_str[r.id] for r in kept], scores, is_crisis_query(text)


def _self_contact_first(
    ordered: list[UUID], scores: dict[UUID, float], facts: dict[UUID, ServiceFacts], crisis: bool
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


def load_facts(service_ids: list[UUID], now: dt.datetime) -> dict[UUID, ServiceFacts]:
    """Terms, languages, cost and opening for each candidate, in four queries."""
    facts: dict[UUID, ServiceFacts] = {sid: ServiceFacts() for sid in service_ids}
    attributes = ServiceAttribute.objects.filter(
        service_id__in=service_ids, taxonomy_term__taxonomy__name__in=OWN_VOCABULARIES
    ).values_list("service_id", "taxonomy_term__taxonomy__name", "taxonomy_term__code")
    for sid, vocabulary, code in attributes:
        facts[sid].terms[vocabulary].add(code)
    for sid, code in Language.objects.filter(service_id__in=service_ids).values_list(
        "service_id", "code"
    ):
        facts[sid].languages.add(code.lower())
    for sid in CostOption.objects.filter(service_id__in=service_ids, amount__gt=0).values_list(
        "service_id", flat=True
    ):
        facts[sid].free = False
    schedules: dict[UUID, list[Schedule]] = defaultdict(list)
    for schedule in Schedule.objects.filter(service_id__in=service_ids):
        if schedule.service_id is not None:
            schedules[schedule.service_id].append(schedule)
    local_now = timezone.localtime(now) if timezone.is_aware(now) else now
    for sid, rows in schedules.items():
        facts[sid].open_now = opening.is_open_at(rows, local_now.replace(tzinfo=None))
        facts[sid].always_open = opening.is_always_open(rows)
    return facts


# The ranker's index is built once per process and rebuilt when the directory changes.
_ranker_lock = threading.Lock()
_ranker_cache: dict[str, object] = {}


def _directory_signature() -> tuple:
    """Changes whenever a public fact a search reads could have changed.

    Imports keep a feed's own `last_modified`, which can be older than what we hold, so the
    newest coverage row (rewritten on every service save and every changed import) counts too.
    """
    services = Service.objects.aggregate(changed=Max("updated_at"), count=Count("id"))
    terms = TaxonomyTerm.objects.aggregate(changed=Max("updated_at"), count=Count("id"))
    return (
        services["changed"],
        services["count"],
        terms["changed"],
        terms["count"],
        ServiceAttribute.objects.count(),
        ServiceCoverage.objects.aggregate(newest=Max("id"))["newest"],
    )


def get_ranker() -> Ranker:
    """The ranker for the directory as it is now."""
    signature = _directory_signature()
    with _ranker_lock:
        if _ranker_cache.get("signature") != signature:
            _ranker_cache["ranker"] = Ranker(build_documents())
            _ranker_cache["signature"] = signature
        return _ranker_cache["ranker"]  # type: ignore[return-value]


def build_documents() -> list[SearchDocument]:
    """One search document per public service."""
    national = ServiceCoverage.objects.everywhere().filter(service=OuterRef("pk"))
    services = (
        Service.objects.public()
        .select_related("organisation")
        .annotate(is_national=Exists(national))
        .prefetch_related("schedules", "service_areas", "attributes__taxonomy_term")
    )
    documents = []
    for service in services:
        terms: list[str] = []
        for attribute in service.attributes.all():
            terms.extend(
                t for t in (attribute.taxonomy_term.name, attribute.taxonomy_term.code) if t
            )
        documents.append(
            SearchDocument(
                id=str(service.id),
                name=service.name,
                description=service.description,
                alternate_name=service.alternate_name,
                organisation_name=service.organisation.name,
                eligibility=service.eligibility_description,
                application_process=service.application_process,
                terms=tuple(terms),
                service_area_names=tuple(a.name for a in service.service_areas.all()),
                available_24_7=opening.is_always_open(service.schedules.all()),
                is_national=service.is_national,
                minimum_age=service.minimum_age,
                maximum_age=service.maximum_age,
            )
        )
    return documents
