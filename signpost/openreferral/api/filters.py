"""Which services and service-at-locations a list request asks for.

Every filter narrows the set (they combine as AND). With `search`, the order is the public
search's relevance order, because `finder.find_services` does the ranking for both.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from signpost.directory import opening
from signpost.directory.finder import SearchRequest, find_services
from signpost.directory.models import (
    Address,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceCoverage,
    TaxonomyTerm,
)
from signpost.directory.places import PlaceAnswer, Status, outward_code, resolve_place

from .params import BadParameter, Params


@dataclass
class Selection:
    """The matching rows, and their order when relevance decides it."""

    queryset: QuerySet
    ranked_ids: list[uuid.UUID] | None = None


def services(params: Params) -> Selection:
    """Services matching every filter given."""
    queryset: QuerySet = Service.objects.all()
    term_id = params.identifier("taxonomy_term_id")
    if term_id:
        queryset = queryset.filter(attributes__taxonomy_term_id=term_id)
    taxonomy_id = params.identifier("taxonomy_id")
    if taxonomy_id:
        queryset = queryset.filter(
            id__in=TaxonomyTerm.objects.filter(taxonomy_id=taxonomy_id).values(
                "service_attributes__service_id"
            )
        )
    organisation_id = params.identifier("organization_id")
    if organisation_id:
        queryset = queryset.filter(organisation_id=organisation_id)
    queryset = _ages(queryset, params)
    queryset = _opening(queryset, params)
    modified_after = params.timestamp("modified_after")
    if modified_after:
        queryset = queryset.filter(updated_at__gte=modified_after)
    place = params.text("location")
    if place:
        queryset = queryset.filter(id__in=_reaching_ids(_where(place)))
    postcode = params.text("postcode")
    # Without a postcode there is nothing to measure from, so proximity is ignored (as the
    # OpenAPI document says): ORUK lists the two as separate parameters.
    proximity = params.proximity()
    if postcode and proximity is None:
        queryset = queryset.filter(id__in=_reaching_ids(_postcode_where(postcode)))
    elif postcode and proximity is not None:
        near = _near(postcode, proximity)
        queryset = queryset.filter(service_at_locations__location_id__in=near)
    text = params.text("search")
    if not text:
        return Selection(queryset.distinct())
    ranked = find_services(SearchRequest(text=text)).service_ids
    allowed = set(queryset.filter(id__in=ranked).values_list("id", flat=True))
    return Selection(queryset.distinct(), [sid for sid in ranked if sid in allowed])


def service_at_locations(params: Params) -> Selection:
    """Service-at-locations whose service matches, near a postcode when one is given."""
    chosen = services(_without(params, "postcode", "proximity"))
    queryset = ServiceAtLocation.objects.filter(service__in=chosen.queryset)
    postcode = params.text("postcode")
    proximity = params.proximity()
    if postcode:
        where = _postcode_where(postcode)
        if proximity is None:
            district = _district(postcode)
            # A hidden address is not matched by its postcode, only by what its service covers.
            in_district = Q(location__addresses__postal_code__istartswith=district + " ") & Q(
                location__hide_address=False
            )
            queryset = queryset.filter(Q(service_id__in=_reaching_ids(where)) | in_district)
        else:
            queryset = queryset.filter(location_id__in=_near(postcode, proximity))
    if chosen.ranked_ids is None:
        return Selection(queryset.distinct())
    position = {sid: n for n, sid in enumerate(chosen.ranked_ids)}
    pairs = queryset.distinct().values_list("id", "service_id")
    ranked = sorted(
        (pair for pair in pairs if pair[1] in position), key=lambda p: (position[p[1]], p[0])
    )
    return Selection(queryset.distinct(), [pk for pk, _ in ranked])


def _without(params: Params, *names: str) -> Params:
    query = params.query.copy()
    for name in names:
        query.pop(name, None)
    return Params(query)


def _ages(queryset: QuerySet, params: Params) -> QuerySet:
    """Services whose age range overlaps the one asked for (open ends reach any age)."""
    low, high = params.age("minimum_age"), params.age("maximum_age")
    if low is not None and high is not None and low > high:
        raise BadParameter("maximum_age", "must be the same as or above minimum_age")
    if low is not None:
        queryset = queryset.filter(Q(maximum_age__isnull=True) | Q(maximum_age__gte=low))
    if high is not None:
        queryset = queryset.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=high))
    return queryset


def _opening(queryset: QuerySet, params: Params) -> QuerySet:
    """Services open at some moment of the day and times asked for.

    The rules are the public site's ("open now"), so both answer alike: hours without times
    never count as open, hours past midnight count the next morning, and hours that have
    ended (`valid_to` gone by) no longer count.
    """
    day = params.day()
    start, end = params.time("start_time"), params.time("end_time")
    if day is None and start is None and end is None:
        return queryset
    weekday = opening.DAY_CODES.index(day) if day else None
    schedules = (
        Schedule.objects.filter(
            service__isnull=False, opens_at__isnull=False, closes_at__isnull=False
        )
        .exclude(valid_to__lt=timezone.localdate())
        .only("service_id", "byday", "opens_at", "closes_at", "freq")
    )
    open_ids = {
        schedule.service_id
        for schedule in schedules.iterator()
        if opening.is_open_during(schedule, weekday, start, end)
    }
    return queryset.filter(id__in=open_ids)


def _where(text: str) -> PlaceAnswer:
    """A town, council area or postcode, as the public search understands it (an unknown
    place keeps only national, phone and online services, as on the page; a postcode that
    does not exist is refused, as the page refuses it)."""
    answer = resolve_place(text)
    if answer.status == Status.NO_SUCH_POSTCODE:
        raise BadParameter("location", f"is not a UK postcode district we know: {text[:40]!r}")
    return answer


def _district(postcode: str) -> str:
    code = outward_code(postcode.strip())
    if not code:
        raise BadParameter("postcode", f"must be a UK postcode or district, not {postcode[:40]!r}")
    return code[0]


def _postcode_where(postcode: str) -> PlaceAnswer:
    """The postcode's district, through the same resolver as the public search."""
    _district(postcode)
    answer = resolve_place(postcode)
    if answer.status == Status.NO_SUCH_POSTCODE:
        raise BadParameter("postcode", f"is not a UK postcode district we know: {postcode[:40]!r}")
    return answer


def _reaching_ids(where: PlaceAnswer) -> QuerySet:
    """Ids of services that reach someone there: local cover, national, phone and online."""
    return ServiceCoverage.objects.reaching(where.reach).values("service_id")


def _near(postcode: str, metres: float) -> list[uuid.UUID]:
    """Locations within `metres` of the postcode, placed by the addresses we hold there.

    Hidden addresses are neither measured from nor matched: a tiny radius must not
    reveal where a refuge or safe house is.
    """
    centre = _centre_of(postcode)
    if centre is None:
        raise BadParameter(
            "postcode", "we hold no location in this postcode area, so cannot measure from it"
        )
    placed = Location.objects.filter(
        hide_address=False, latitude__isnull=False, longitude__isnull=False
    )
    return [
        pk
        for pk, lat, lon in placed.values_list("id", "latitude", "longitude")
        if _distance_metres(centre, (float(lat or 0), float(lon or 0))) <= metres
    ]


def _centre_of(postcode: str) -> tuple[float, float] | None:
    """The full postcode's position if a location has it, else the middle of its district
    (from the gazetteer, else from the locations we hold there)."""
    wanted = postcode.strip().upper()
    district = _district(postcode)
    exact_point = Address.objects.filter(
        postal_code__iexact=wanted,
        location__hide_address=False,
        location__latitude__isnull=False,
        location__longitude__isnull=False,
    ).values_list("location__latitude", "location__longitude")
    points = [(float(a or 0), float(b or 0)) for a, b in exact_point]
    if points:
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    centre = _postcode_where(postcode).centre
    if centre is not None:
        return centre
    rows = Address.objects.filter(
        postal_code__istartswith=district,
        location__hide_address=False,
        location__latitude__isnull=False,
        location__longitude__isnull=False,
    ).values_list("postal_code", "location__latitude", "location__longitude")
    placed = [(code.strip().upper(), float(a or 0), float(b or 0)) for code, a, b in rows]
    exact = [(a, b) for code, a, b in placed if code == wanted]
    same_district = [(a, b) for code, a, b in placed if code.split(" ")[0] == district]
    points = exact or same_district
    if not points:
        return None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _distance_metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine), plenty precise at the scale of a county."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6_371_000 * math.asin(math.sqrt(h))
