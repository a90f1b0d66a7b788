"""What templates show about services: plain-English lines built from the data."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from uuid import UUID

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from signpost.directory import opening
from signpost.directory.hours_lines import schedule_line
from signpost.directory.languages import LanguageName, language_name
from signpost.directory.location_views import LocationView, location_views
from signpost.directory.models import (
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceAttribute,
    TaxonomyTerm,
)
from signpost.directory.models.taxonomy import (
    ACCESS,
    AUDIENCE,
    DELIVERY,
    NEEDS,
    SUPPORT_TYPE,
)
from signpost.directory.related import related_services

ACCESS_LABELS = {
    "self-referral": "self-referral",
    "gp-referral": "GP referral",
    "professional-referral": "professional referral",
    "drop-in": "drop-in",
}


def age_text(minimum: int | None, maximum: int | None) -> str:
    """'Ages 11 to 18', 'Ages 18 and over', 'Up to age 17' or 'All ages': the one wording of
    a service's ages, on cards, service pages and wherever else ages are shown."""
    minimum = minimum or None  # from age 0 is from birth: no lower limit
    if minimum is None and maximum is None:
        return "All ages"
    if minimum is None:
        return f"Up to age {maximum}"
    if maximum is None:
        return f"Ages {minimum} and over"
    return f"Ages {minimum} to {maximum}"


def service_queryset():
    """Services with everything a card or page shows, in a fixed number of queries."""
    return Service.objects.select_related("organisation").prefetch_related(
        Prefetch(
            "attributes",
            queryset=ServiceAttribute.objects.select_related("taxonomy_term__taxonomy"),
        ),
        "schedules",
        "languages",
        "cost_options",
        "phones",
        "service_areas",
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                "location__addresses", "location__accessibility"
            ),
        ),
    )


_AGE_RANGE_IN_NAME = re.compile(r"\s*\((?:aged?\s+)?(?:under|over|up to)?\s*\d[^()]*\)")


def without_age_range(name: str) -> str:
    """'Young people (11 to 25)' -> 'Young people': a term's ages are not a service's ages."""
    return _AGE_RANGE_IN_NAME.sub("", name).strip() or name


@dataclass
class ServiceCard:
    """A service as a search result or list item."""

    service: Service
    place_name: str = ""
    now: dt.datetime | None = None
    distance: str = ""  # "about 3 miles away" from the place searched, for local services

    def terms(self, vocabulary: str) -> list[TaxonomyTerm]:
        """The service's terms in one vocabulary, in the vocabulary's own order."""
        found = [
            a.taxonomy_term
            for a in self.service.attributes.all()
            if a.taxonomy_term.taxonomy.name == vocabulary
        ]
        return sorted(found, key=lambda term: (term.sort_order, term.name))

    def is_free(self) -> bool:
        return not any(c.amount and c.amount > 0 for c in self.service.cost_options.all())

    def is_open_now(self) -> bool:
        moment = timezone.localtime(self.now or timezone.now()).replace(tzinfo=None)
        return opening.is_open_at(self.service.schedules.all(), moment)

    def where_text(self) -> str:
        """Where the service is, from the visitor's point of view."""
        locations = [sal.location for sal in self.service.service_at_locations.all()]
        physical = [loc for loc in locations if not loc.is_virtual]
        if not physical:
            return "Phone and online"
        towns = []
        for location in physical:
            address = location.public_address()
            if address and address.city and address.city not in towns:
                towns.append(address.city)
        if self.place_name and self.place_name in towns:
            return self.place_name
        return ", ".join(towns[:2]) + (" and more" if len(towns) > 2 else "")

    def why_it_fits(self) -> str:
        """One line: 'Ages 16 to 25 · self-referral · Mansfield · free'."""
        parts = [age_text(self.service.minimum_age, self.service.maximum_age)]
        access = [ACCESS_LABELS.get(t.code, t.name.lower()) for t in self.terms(ACCESS)]
        if access:
            parts.append(" or ".join(access[:2]))
        where = self.where_text()
        if where:
            parts.append(where)
        if self.distance:
            parts.append(self.distance)
        parts.append("free" if self.is_free() else "costs money")
        if opening.is_always_open(self.service.schedules.all()):
            parts.append("24 hours")
        return " · ".join(parts)


def card_queryset():
    """Services with just what a card shows (terms, cost, hours, towns, and the first phone
    on My list): a results page makes these few queries, not the service page's dozen."""
    return Service.objects.select_related("organisation").prefetch_related(
        Prefetch(
            "attributes",
            queryset=ServiceAttribute.objects.select_related("taxonomy_term__taxonomy"),
        ),
        "schedules",
        "cost_options",
        "phones",
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                "location__addresses"
            ),
        ),
    )


def cards_for(ids: list[UUID], *, place_name: str = "") -> list[ServiceCard]:
    """Cards for these services, keeping the order given."""
    services = {s.id: s for s in card_queryset().filter(id__in=ids)}
    return [ServiceCard(services[i], place_name) for i in ids if i in services]


def vocabulary_terms() -> dict[str, list[TaxonomyTerm]]:
    """Our vocabularies' terms, for the filters and the home page."""
    result: dict[str, list[TaxonomyTerm]] = {
        v: [] for v in (NEEDS, SUPPORT_TYPE, ACCESS, DELIVERY, AUDIENCE)
    }
    for term in TaxonomyTerm.objects.filter(taxonomy__name__in=result).select_related("taxonomy"):
        result[term.taxonomy.name].append(term)
    return result


def home_browse_context() -> dict:
    """Needs with at least one public service, and the age groups, for the home page."""
    needs = (
        TaxonomyTerm.objects.in_vocabulary(NEEDS)
        .annotate(
            services=Count(
                "service_attributes",
                filter=Q(service_attributes__service__status__in=["active", "temporarily closed"]),
            )
        )
        .filter(services__gt=0)
    )
    return {"browse_needs": needs, "age_groups": AGE_GROUPS}


# Age groups on the home page link to a search for a typical age in the group.
AGE_GROUPS = [
    ("Children (under 11)", 8),
    ("Young people (11 to 17)", 14),
    ("Young adults (18 to 25)", 21),
    ("Adults", 40),
    ("Older adults (65 and over)", 70),
]


def local_crisis_services() -> list[Service]:
    """Public services tagged as urgent help, for the urgent help page."""
    return list(
        Service.objects.public()
        .filter(
            attributes__taxonomy_term__code="urgent-help",
            attributes__taxonomy_term__taxonomy__name=SUPPORT_TYPE,
        )
        .distinct()
        .order_by("name")[:20]
    )


def language_choices() -> list[tuple[str, str]]:
    """Languages that public services offer, by code, for the language filter; each label
    gives the name in the language itself too ('Polski (Polish)')."""
    from signpost.directory.models import Language

    rows = (
        Language.objects.filter(service__status__in=["active", "temporarily closed"])
        .exclude(code="")
        .values_list("code", "name")
        .order_by()  # no default ordering, or DISTINCT would see each row's sort_order
        .distinct()
    )
    names: dict[str, str] = {}
    for code, name in rows:
        names.setdefault(code.lower(), name)
    ordered = sorted(names.items(), key=lambda item: item[1])
    return [(code, language_name(code, name).label) for code, name in ordered]


class ServicePage:
    """Everything the service page shows, worked out once."""

    RELATED_LIMIT = 4

    def __init__(self, service: Service) -> None:
        self.service = service
        self.card = ServiceCard(service)

    @property
    def age_text(self) -> str:
        return age_text(self.service.minimum_age, self.service.maximum_age)

    def audiences(self) -> list[str]:
        """Audience terms without their own age ranges: 'Young people (11 to 25)' would
        contradict a service for 11 to 18 year olds, whose ages are said once, above."""
        return [without_age_range(t.name) for t in self.card.terms(AUDIENCE)]

    def languages(self) -> list[tuple[LanguageName, str]]:
        """Each language (with its name in that language) and the service's note on it."""
        return [
            (language_name(lang.code, lang.name), lang.note)
            for lang in self.service.languages.all()
        ]

    def needs(self) -> list[str]:
        return [t.name for t in self.card.terms(NEEDS)]

    def access_codes(self) -> set[str]:
        return {t.code for t in self.card.terms(ACCESS)}

    def voice_phones(self):
        return [p for p in self.service.phones.all() if p.type != "text"]

    def text_phones(self):
        return [p for p in self.service.phones.all() if p.type == "text"]

    @cached_property
    def _place_names(self) -> dict[UUID, str]:
        return {link.id: link.location.name for link in self.service.service_at_locations.all()}

    def _at_place(self, schedule: Schedule, text: str) -> str:
        """Hours given for one of the service's places say which place."""
        if not text or schedule.service_at_location_id is None:
            return text
        name = self._place_names.get(schedule.service_at_location_id)
        return f"At {name}: {text}" if name else text

    def hours(self) -> list[str]:
        """A line per schedule, the hours said once (see hours_lines)."""
        lines = [self._at_place(s, schedule_line(s)) for s in self.service.schedules.all()]
        return [line for line in lines if line]

    def locations(self) -> list[LocationView]:
        return location_views(self.service)

    def cost_lines(self) -> list[str]:
        lines = []
        for cost in self.service.cost_options.all():
            amount = f"£{cost.amount:,.2f}" if cost.amount is not None else ""
            lines.append(
                " \u2013 ".join(p for p in [cost.option, amount, cost.amount_description] if p)
            )
        return lines

    def related(self) -> list[Service]:
        """Other services the same person could use: see related.py."""
        return related_services(self.service, self.RELATED_LIMIT)
