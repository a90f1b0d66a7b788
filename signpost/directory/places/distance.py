"""How far local services are from someone's place, in words people use.

A service is measured from its locations' coordinates (a hidden address from the middle of
its postcode district, so a refuge is never pinpointed), else its postcode district, else
the middle of a town or council area it states. National, phone and online services reach
everywhere and have no distance.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable

from signpost.directory.models import ServiceAtLocation, ServiceCoverage
from signpost.directory.models.locations import LocationType
from signpost.directory.models.places import PlaceKind

from .answer import PlaceAnswer
from .index import PlaceIndex, current_index
from .names import miles_between, outward_code

# Stated areas small enough that their middle says where a service is.
MEASURED_KINDS = (PlaceKind.TOWN, PlaceKind.POSTCODE, PlaceKind.COUNCIL)
# For a text search relevance leads: a service this far away or more loses this share of its
# score, nearer ones proportionally less, and ones with no distance (national) half of it.
FAR_MILES = 50.0
FAR_PENALTY = 0.1


def distances(
    service_ids: Iterable[uuid.UUID], answer: PlaceAnswer | None
) -> dict[uuid.UUID, float]:
    """Miles from the place answered to each local service we can place (others left out)."""
    centre = answer.centre if answer is not None else None
    ids = list(service_ids)
    if centre is None or not ids:
        return {}
    index = current_index()
    points = _points(ids, index)
    return {sid: min(miles_between(centre, p) for p in pts) for sid, pts in points.items() if pts}


def _points(ids: list[uuid.UUID], index: PlaceIndex) -> dict[uuid.UUID, list[tuple[float, float]]]:
    national = set(
        ServiceCoverage.objects.national()
        .filter(service_id__in=ids)
        .values_list("service_id", flat=True)
    )
    points: dict[uuid.UUID, list[tuple[float, float]]] = defaultdict(list)
    links = ServiceAtLocation.objects.filter(service_id__in=ids).exclude(
        location__location_type=LocationType.VIRTUAL
    )
    for sid, lat, lng, hidden, postcode in links.values_list(
        "service_id",
        "location__latitude",
        "location__longitude",
        "location__hide_address",
        "location__addresses__postal_code",
    ):
        if sid in national:
            continue
        if lat is not None and lng is not None and not hidden:
            points[sid].append((float(lat), float(lng)))
            continue
        code = outward_code(postcode or "")
        place = index.places.get(index.by_postcode.get(code[0], 0)) if code else None
        if place and place.centre:
            points[sid].append(place.centre)
    unplaced = [sid for sid in ids if sid not in points and sid not in national]
    for sid, place_id in ServiceCoverage.objects.filter(
        service_id__in=unplaced, place__kind__in=MEASURED_KINDS
    ).values_list("service_id", "place_id"):
        place = index.places.get(place_id)
        if place and place.centre:
            points[sid].append(place.centre)
    return points


def distance_words(miles: float | None) -> str:
    """'less than a mile away', 'about 3 miles away', 'about 25 miles away' ('' if unknown)."""
    if miles is None:
        return ""
    if miles < 0.75:
        return "less than a mile away"
    rounded = round(miles) if miles < 10 else 5 * round(miles / 5)
    return "about 1 mile away" if rounded == 1 else f"about {rounded} miles away"


def nearer_first(
    ordered: list[uuid.UUID],
    scores: dict[uuid.UUID, float],
    answer: PlaceAnswer | None,
    *,
    text_search: bool,
    crisis: bool = False,
) -> tuple[list[uuid.UUID], dict[uuid.UUID, float]]:
    """Local services nearer first: by distance when browsing, a gentle factor on relevance
    (returned as the new scores) when searching by words; a crisis search is left alone."""
    if crisis or answer is None or answer.centre is None or len(ordered) < 2:
        return ordered, scores
    miles = distances(ordered, answer)
    if not text_search:
        position = {sid: n for n, sid in enumerate(ordered)}
        return sorted(
            ordered, key=lambda sid: (sid not in miles, miles.get(sid, 0.0), position[sid])
        ), scores

    def weighted(sid: uuid.UUID) -> float:
        far = min(miles[sid], FAR_MILES) / FAR_MILES if sid in miles else 0.5
        return scores.get(sid, 0.0) * (1 - FAR_PENALTY * far)

    weighted_scores = {sid: weighted(sid) for sid in ordered}
    return sorted(ordered, key=lambda sid: -weighted_scores[sid]), weighted_scores
