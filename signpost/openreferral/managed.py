"""Telling staff, on a service's edit page, which feed manages it and what a sync overwrites.

The next sync writes the feed's fields again (any edit clears the service's fingerprint, so
the sync rewrites it) and replaces the rows the feed supplied; rows staff added stay.
"""

from __future__ import annotations

from typing import Any

from django.utils.html import format_html, format_html_join

from signpost.directory.models import Service

from .importer.writer import SERVICE_FIELDS
from .models import ManagedService

# The service's own fields a sync writes (the writer's list, less what no form edits), so the
# warning on the edit page can never disagree with what the next sync overwrites.
_NOT_EDITED = {"organisation", "import_fingerprint", "updated_at"}
FEED_FIELDS = [name for name in SERVICE_FIELDS if name not in _NOT_EDITED]
FEED_PARTS = (
    "the phone numbers, opening hours, locations, areas, languages, costs, contacts and "
    "categories the feed supplied"
)


def field_labels() -> list[str]:
    meta = Service._meta
    return [
        str(getattr(meta.get_field(name), "verbose_name", name)).capitalize()
        for name in FEED_FIELDS
    ]


def origin_of(service: Any) -> ManagedService | None:
    if not isinstance(service, Service):
        return None
    return ManagedService.objects.select_related("feed").filter(service_id=service.pk).first()


def notice(origin: ManagedService) -> str:
    """The message: the feed's name, the fields it overwrites, and what stays."""
    source = origin.feed.name if origin.feed else origin.source_name or "an import"
    kind = "the feed" if origin.feed else "the import"
    return format_html(
        "This service is managed by {} {}. The next sync will overwrite any change you make "
        "here to these fields: {}; and {}. What you add yourself (categories, private "
        "contacts, notes) is kept.",
        kind,
        f"“{source}”",
        format_html_join(", ", "{}", ((label,) for label in field_labels())),
        FEED_PARTS,
    )
