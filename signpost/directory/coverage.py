"""Work out which places a service reaches, from its service areas and locations.

Coverage is derived data: `refresh_coverage` rebuilds it from scratch every time a service
is saved, so it cannot drift from the areas staff typed.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import transaction

from signpost.directory.models import (
    Place,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceCoverage,
)
from signpost.directory.models.locations import LocationType
from signpost.directory.models.places import PlaceKind

# A place name followed by one of these is part of an address, not the place.
ADDRESS_WORDS = r"(road|street|lane|way|avenue|drive)\b"
POSTCODE_RE = re.compile(r"^\s*([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})?\s*$", re.I)


def normalise_place_name(text: str) -> str:
    """Fold case, hyphens and spacing so 'Sutton in Ashfield' matches 'Sutton-in-Ashfield'."""
    return re.sub(r"[\s\-]+", " ", text.casefold().replace("\u2019", "'")).strip()


@dataclass(frozen=True)
class Where:
    """Where someone lives: gazetteer places, or a town name to look for in service text."""

    label: str
    place_ids: tuple[int, ...] = ()
    text: str = ""
    # For a town the gazetteer lacks: the services whose area or address names it.
    named_service_ids: frozenset[uuid.UUID] = frozenset()


@lru_cache(maxsize=1024)
def _place_pattern(name: str) -> re.Pattern[str]:
    """Whole words of the place name, not followed by 'Road', 'Street' and so on."""
    escaped = re.escape(normalise_place_name(name))
    return re.compile(rf"(?<![\w']){escaped}(?![\w'])(?!\s+{ADDRESS_WORDS})")


def mentions_place(text: str, name: str) -> bool:
    """Whether text names a place as whole words (and not as 'Mansfield Road')."""
    return _place_pattern(name).search(normalise_place_name(text)) is not None


@dataclass
class PlaceIndex:
    """All places in memory, for resolving names and walking what contains what."""

    by_name: dict[str, int] = field(default_factory=dict)
    by_district: dict[str, list[int]] = field(default_factory=dict)
    children: dict[int, set[int]] = field(default_factory=dict)
    kinds: dict[int, str] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> PlaceIndex:
        """Read the gazetteer from the database."""
        index = cls()
        for place in Place.objects.all():
            index.kinds[place.pk] = place.kind
            index.names[place.pk] = place.name
            for name in [place.name, *place.aliases]:
                index.by_name.setdefault(normalise_place_name(name), place.pk)
            for district in place.postcode_districts:
                index.by_district.setdefault(district.upper(), []).append(place.pk)
        for edge in Place.contains.through.objects.all():
            index.children.setdefault(edge.from_place_id, set()).add(edge.to_place_id)
        return index

    def descendants(self, place_ids: Iterable[int]) -> set[int]:
        """The places themselves and everything inside them."""
        seen: set[int] = set()
        stack = list(place_ids)
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(self.children.get(current, ()))
        return seen

    def names_in_text(self, text: str) -> set[int]:
        """Places named as whole words in free text ('covers Mansfield and Warsop')."""
        folded = normalise_place_name(text)
        return {pk for name, pk in self.by_name.items() if _place_pattern(name).search(folded)}

    def resolve_area(self, name: str, description: str) -> set[int]:
        """The places a service area means: its name if known, else the towns it lists."""
        pk = self.by_name.get(normalise_place_name(name)) if name else None
        if pk is not None:
            return {pk}
        return self.names_in_text(f"{name}. {description}")

    def resolve_where(self, text: str) -> Where | None:
        """The place someone typed: a town, district or (part of) a postcode."""
        match = POSTCODE_RE.match(text)
        if match:
            district = match.group(1).upper()
            # A postcode district can straddle towns (NG5 is Arnold and Nottingham): keep all.
            candidates = tuple(self.by_district.get(district, []))
            return Where(district, candidates) if candidates else None
        pk = self.by_name.get(normalise_place_name(text))
        return Where(self.names.get(pk, text), (pk,)) if pk is not None else None


# Area names that mean the whole country, whether or not the gazetteer lists them.
NATIONWIDE_NAMES = {
    "united kingdom",
    "uk",
    "u.k.",
    "great britain",
    "britain",
    "gb",
    "england",
    "england and wales",
    "national",
    "nationwide",
    "all of england",
    "all of the uk",
}


def places_reached(service: Service, index: PlaceIndex) -> set[int] | None:
    """Every place the service reaches; None means everywhere."""
    # Read from the database, not the in-memory cluster, so this sees what was committed.
    areas = [(a.name, a.description) for a in ServiceArea.objects.filter(service=service)]
    links = ServiceAtLocation.objects.filter(service=service).select_related("location")
    locations = [
        (link.location.location_type, [a.city for a in link.location.addresses.all()])
        for link in links.prefetch_related("location__addresses")
    ]
    return reach(areas, locations, index)


def reach(
    areas: list[tuple[str, str]], locations: list[tuple[str, list[str]]], index: PlaceIndex
) -> set[int] | None:
    """Places reached by a service with these (name, description) areas and these
    (location type, address towns) locations; None means everywhere."""
    resolved: set[int] = set()
    for name, description in areas:
        if normalise_place_name(name) in NATIONWIDE_NAMES:
            return None
        resolved |= index.resolve_area(name, description)
    remote_only = all(kind == LocationType.VIRTUAL for kind, _ in locations)
    # Phone and online services with no stated area, and national ones, count everywhere.
    if (not areas and remote_only) or any(
        index.kinds.get(pk) == PlaceKind.NATION for pk in resolved
    ):
        return None
    if not areas:
        for _, towns in locations:
            for town in towns:
                resolved |= index.resolve_area(town, "")
    return index.descendants(resolved)


def coverage_rows(service_id: uuid.UUID, reached: set[int] | None) -> list[ServiceCoverage]:
    """The coverage rows for a service that reaches these places (None: everywhere)."""
    if reached is None:
        return [ServiceCoverage(service_id=service_id, place=None)]
    return [ServiceCoverage(service_id=service_id, place_id=pk) for pk in sorted(reached)]


def refresh_coverage(service: Service, index: PlaceIndex | None = None) -> None:
    """Rebuild the coverage rows of one service."""
    index = index or PlaceIndex.load()
    rows = coverage_rows(service.id, places_reached(service, index))
    with transaction.atomic():
        ServiceCoverage.objects.filter(service=service).delete()
        ServiceCoverage.objects.bulk_create(rows)


def refresh_all_coverage() -> int:
    """Rebuild coverage for every service, after the gazetteer changes. Returns the count."""
    index = PlaceIndex.load()
    count = 0
    for service in Service.objects.all():
        refresh_coverage(service, index)
        count += 1
    return count


def services_naming(place: str) -> set[uuid.UUID]:
    """Services whose service area or address names this place as whole words."""
    from signpost.directory.models import Address

    named = {
        service_id
        for service_id, name, description in ServiceArea.objects.values_list(
            "service_id", "name", "description"
        )
        if mentions_place(f"{name} {description}", place)
    }
    addresses = Address.objects.filter(location__service_at_locations__isnull=False)
    named |= {
        service_id
        for service_id, city in addresses.values_list(
            "location__service_at_locations__service_id", "city"
        )
        if mentions_place(city, place)
    }
    return named


def named_in_directory(text: str) -> Where | None:
    """A town the gazetteer lacks but some service's area or address names, else None."""
    if len(text) < 3 or not any(ch.isalpha() for ch in text):
        return None
    named = services_naming(text)
    return Where(text, (), text, frozenset(named)) if named else None
