"""Ids that would collide in the database, found before writing so the report can say which.

Phones, opening hours, addresses and the like keep the ids a feed gives them. Two of them with
one id (twice in a file, or one already used by another service) would make the database
refuse the whole record with a message only a developer could read ("UNIQUE constraint
failed", "duplicate key value violates unique constraint"). Checking first, the same way on
SQLite and PostgreSQL, lets the report name the record, the field and the other owner.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from signpost.directory.models import (
    Accessibility,
    Address,
    Contact,
    CostOption,
    Language,
    Phone,
    Schedule,
    ServiceArea,
)

from .parse import ParsedService

# Feed key -> (what to call one, model, the field naming its owner).
SERVICE_CHILDREN: dict[str, tuple[str, Any]] = {
    "phones": ("phone", Phone),
    "schedules": ("opening hours entry", Schedule),
    "service_areas": ("service area", ServiceArea),
    "languages": ("language", Language),
    "cost_options": ("cost option", CostOption),
    "contacts": ("contact", Contact),
}
LOCATION_CHILDREN: dict[str, tuple[str, Any]] = {
    "addresses": ("address", Address),
    "accessibility": ("accessibility entry", Accessibility),
}


@dataclass(frozen=True)
class Claim:
    """One row's id, who gives it, and where in the record."""

    service: ParsedService
    field_name: str
    noun: str
    owner_id: uuid.UUID  # the service, or for addresses the location, the row hangs off


@dataclass
class Clash:
    service: ParsedService
    field_name: str
    reason: str


def _claims(batch: list[ParsedService]) -> Iterator[tuple[Any, uuid.UUID, Claim]]:
    seen_locations: set[uuid.UUID] = set()
    for service in batch:
        for key, (noun, model) in SERVICE_CHILDREN.items():
            for row in service.children[key]:
                yield model, row["id"], Claim(service, f"{key}.id", noun, service.id)
        for location in service.locations:
            if location.fields is None or location.id in seen_locations:
                continue  # a place shared by several services is written once
            seen_locations.add(location.id)
            for key, (noun, model) in LOCATION_CHILDREN.items():
                for row in getattr(location, key):
                    field_name = f"service_at_locations.location.{key}.id"
                    yield model, row["id"], Claim(service, field_name, noun, location.id)


def describe(service: ParsedService) -> str:
    """A record as the report names it: where it is in the file, its name and its id."""
    return f"{service.label}, service id {service.id}"


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def find_clashes(batch: list[ParsedService]) -> list[Clash]:
    """Every row id given twice in this batch, or already used by another service or place."""
    clashes: list[Clash] = []
    claimed: dict[tuple[Any, uuid.UUID], Claim] = {}
    for model, row_id, claim in _claims(batch):
        first = claimed.setdefault((model, row_id), claim)
        if first is claim:
            continue
        if first.service is claim.service:
            reason = f"gives the id {row_id} to two {claim.noun}s"
        else:
            reason = (
                f"gives {_a(claim.noun)} the id {row_id}, which {describe(first.service)} "
                f"also gives to {_a(first.noun)}"
            )
        clashes.append(Clash(claim.service, claim.field_name, f"{reason}. Each needs its own id."))
    services = {s.id for s in batch}
    places = {loc.id for s in batch for loc in s.locations if loc.fields is not None}
    clashes += _clashes_with_the_directory(claimed, services | places)
    return clashes


def _clashes_with_the_directory(
    claimed: dict[tuple[Any, uuid.UUID], Claim], rewritten: set[uuid.UUID]
) -> list[Clash]:
    """Ids already held by a row of a service or place that this batch does not rewrite.

    A service or place in the batch has its rows replaced, so ids it held are free again.
    """
    clashes = []
    by_model: dict[Any, dict[uuid.UUID, Claim]] = {}
    for (model, row_id), claim in claimed.items():
        by_model.setdefault(model, {})[row_id] = claim
    for model, claims in by_model.items():
        in_places = model in (Address, Accessibility)
        owner = "location" if in_places else "service"
        rows = model.objects.filter(id__in=list(claims)).values_list(
            "id", f"{owner}_id", f"{owner}__name"
        )
        for row_id, owner_id, owner_name in rows:
            claim = claims[row_id]
            if owner_id == claim.owner_id or owner_id in rewritten:
                continue
            where = "place" if in_places else "service"
            clashes.append(
                Clash(
                    claim.service,
                    claim.field_name,
                    f"gives {_a(claim.noun)} the id {row_id}, which {_a(claim.noun)} of another "
                    f"{where} already has in the directory: “{owner_name}” ({where} id "
                    f"{owner_id}). Each needs its own id.",
                )
            )
    return clashes
