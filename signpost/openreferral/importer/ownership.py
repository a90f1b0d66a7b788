"""What a feed owns: the rows of a service it supplied, and nothing staff added.

A sync used to delete and recreate every phone, contact, tag and place link of a service,
wiping what staff had added (a vocabulary tag, a private contact, notes on the hours). Now
each imported service has a `ManagedService` row naming the ids the feed supplied last time;
a sync deletes only those before writing the feed's rows again. A service imported before
this was kept has no such list, and its first changed sync takes over every row once.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from signpost.directory.models import ServiceAttribute

from ..models import ManagedService
from .parse import ParsedService


def supplied_ids(service: ParsedService) -> dict[str, list[str]]:
    """The ids of every row this record writes, by kind (JSON-ready)."""
    kinds: dict[str, list[str]] = {
        key: [str(row["id"]) for row in rows] for key, rows in service.children.items()
    }
    kinds["attributes"] = [str(row["id"]) for row, _ in service.attributes]
    kinds["service_at_locations"] = [str(link["id"]) for link in service.links]
    return kinds


def clear_supplied(models: dict[str, Any], existing: list[uuid.UUID]) -> None:
    """Delete, for services already stored, the rows their feed supplied last time."""
    if not existing:
        return
    origins = dict(
        ManagedService.objects.filter(service_id__in=existing).values_list("service_id", "supplied")
    )
    legacy = [pk for pk in existing if origins.get(pk) is None]
    for key, model in models.items():
        ids = [
            row_id for supplied in origins.values() if supplied for row_id in supplied.get(key, [])
        ]
        if ids:
            model.objects.filter(service_id__in=existing, id__in=ids).delete()
        if legacy:
            model.objects.filter(service_id__in=legacy).delete()


def kept_terms(service_ids: Iterable[uuid.UUID]) -> set[tuple[uuid.UUID, uuid.UUID]]:
    """(service, term) pairs staff tagged themselves, which the feed must not add twice."""
    return set(
        ServiceAttribute.objects.filter(service_id__in=list(service_ids)).values_list(
            "service_id", "taxonomy_term_id"
        )
    )


def remember(
    changed: list[ParsedService],
    unchanged: list[ParsedService],
    *,
    feed_id: uuid.UUID | None,
    run_id: uuid.UUID | None,
    source_name: str,
) -> None:
    """Note which feed manages each service, what it supplied, and that this run saw it.

    A one-off import (no feed) does not take a service away from the feed that manages it.
    """
    names = ["source_name", "seen_in_run", "deactivated_at"] + (["feed"] if feed_id else [])

    def rows(services: list[ParsedService], with_supplied: bool) -> list[ManagedService]:
        return [
            ManagedService(
                service_id=s.id,
                feed_id=feed_id,
                source_name=source_name[:255],
                supplied=supplied_ids(s) if with_supplied else None,
                seen_in_run=run_id,
                deactivated_at=None,
            )
            for s in services
        ]

    common: dict[str, Any] = {"update_conflicts": True, "unique_fields": ["service"]}
    if changed:
        ManagedService.objects.bulk_create(
            rows(changed, True), update_fields=[*names, "supplied"], **common
        )
    if unchanged:
        ManagedService.objects.bulk_create(rows(unchanged, False), update_fields=names, **common)
