"""Which places a service states it reaches, stored as `ServiceCoverage` rows (ADR 009).

Only what the service states is stored: each service area's name, resolved whole (or as a
list of names), never by looking for place names in free text. With no stated area, each
place it is at gives its town and postcode district. Someone's place is widened upward (and
an area downward) at search time, so the rows stay few and the gazetteer can change freely.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from signpost.directory.models import Service, ServiceArea, ServiceAtLocation, ServiceCoverage
from signpost.directory.models.locations import LocationType
from signpost.directory.models.places import PlaceKind

from .answer import resolve_place, split_list
from .index import PlaceIndex, current_index
from .names import NATIONWIDE_NAMES, fold, miles_between, outward_code

# A location's coordinates name the nearest town or postcode district this close, if any.
NEAREST_MILES = 3.0
# An address's town must be this close to its postcode or coordinates to count.
TOWN_MILES = 15.0
WHOLE_UK = "united-kingdom"


@dataclass(frozen=True)
class PlaceFacts:
    """What a location says about where it is."""

    virtual: bool
    towns: tuple[str, ...] = ()
    postcodes: tuple[str, ...] = ()
    point: tuple[float, float] | None = None


def stated_places(
    areas: Iterable[str], locations: list[PlaceFacts], index: PlaceIndex | None = None
) -> set[int] | None:
    """Place ids a service with these area names and locations reaches; None: everywhere."""
    index = index or current_index()
    areas = [a for a in areas if a.strip()]
    if any(fold(name) in NATIONWIDE_NAMES for name in areas):
        return None
    if not areas and all(loc.virtual for loc in locations):
        return None  # phone and online services with no stated area count everywhere
    near = next((p for p in (_centre(loc, index) for loc in locations) if p), None)
    resolved: set[int] = set()
    for name in areas:
        resolved |= _area(name, near, index)
    if any(index.places[pk].slug == WHOLE_UK for pk in resolved):
        return None
    if resolved:
        return resolved
    for location in locations:
        resolved |= _location(location, index)
    return resolved


def _area(name: str, near: tuple[float, float] | None, index: PlaceIndex) -> set[int]:
    """A stated area: one place (a grouping stands for its parts), or a list of them."""
    answer = resolve_place(name, near=near, index=index)
    if not answer.found:
        parts = split_list(name)
        if len(parts) == 1:
            return set()
        return {pk for part in parts for pk in _area(part, near, index)}
    place = answer.places[0]
    if place.parts:
        return {int(path.strip("/").split("/")[-1]) for path in place.parts}
    return {place.id}


def _location(location: PlaceFacts, index: PlaceIndex) -> set[int]:
    """A location's postcode district and town (the nearest one to its postcode if shared)."""
    if location.virtual:
        return set()
    found: set[int] = set()
    for postcode in location.postcodes:
        code = outward_code(postcode)
        if code and code[0] in index.by_postcode:
            found.add(index.by_postcode[code[0]])
    centre = _centre(location, index)
    for town in location.towns:
        answer = resolve_place(town, near=centre, index=index)
        place = answer.places[0] if answer.found else None
        if place and place.kind in (PlaceKind.TOWN, PlaceKind.COUNCIL) and _close(place, centre):
            found.add(place.id)
    if not found and location.point:
        nearest = index.nearest_town(location.point, NEAREST_MILES)
        if nearest:
            found.add(nearest.id)
    return found


def _close(place, centre: tuple[float, float] | None) -> bool:
    """A town of that name near the location (not a namesake across the country)."""
    if centre is None or place.centre is None:
        return True
    return miles_between(centre, place.centre) <= TOWN_MILES


def _centre(location: PlaceFacts, index: PlaceIndex) -> tuple[float, float] | None:
    """Where a location is: its coordinates, else the middle of its postcode district."""
    if location.point:
        return location.point
    for postcode in location.postcodes:
        code = outward_code(postcode)
        if code and code[0] in index.by_postcode:
            return index.places[index.by_postcode[code[0]]].centre
    return None


def coverage_rows(service_id: uuid.UUID, reached: set[int] | None) -> list[ServiceCoverage]:
    """The coverage rows for a service that reaches these places (None: everywhere)."""
    if reached is None:
        return [ServiceCoverage(service_id=service_id, place=None)]
    return [ServiceCoverage(service_id=service_id, place_id=pk) for pk in sorted(reached)]


def service_places(service: Service, index: PlaceIndex | None = None) -> set[int] | None:
    """What a saved service reaches, read from the database (what was committed)."""
    areas = ServiceArea.objects.filter(service=service).values_list("name", flat=True)
    links = ServiceAtLocation.objects.filter(service=service).select_related("location")
    locations = [facts_of(link.location) for link in links.prefetch_related("location__addresses")]
    return stated_places(list(areas), locations, index)


def facts_of(location) -> PlaceFacts:
    """A stored location's facts."""
    addresses = list(location.addresses.all())
    point = None
    if location.latitude is not None and location.longitude is not None:
        point = (float(location.latitude), float(location.longitude))
    return PlaceFacts(
        virtual=location.location_type == LocationType.VIRTUAL,
        towns=tuple(a.city for a in addresses if a.city),
        postcodes=tuple(a.postal_code for a in addresses if a.postal_code),
        point=point,
    )


def refresh_coverage(service: Service, index: PlaceIndex | None = None) -> None:
    """Rebuild the coverage rows of one service."""
    rows = coverage_rows(service.id, service_places(service, index))
    with transaction.atomic():
        ServiceCoverage.objects.filter(service=service).delete()
        ServiceCoverage.objects.bulk_create(rows)


def refresh_all_coverage() -> int:
    """Rebuild coverage for every service, after the gazetteer changes. Returns the count."""
    index = current_index()
    count = 0
    for service in Service.objects.all():
        refresh_coverage(service, index)
        count += 1
    return count


def on_coverage_needed(sender, service: Service, **kwargs) -> None:
    """Answer the models' `coverage_needed` signal (connected in the app's `ready`)."""
    refresh_coverage(service)
