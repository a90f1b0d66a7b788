"""A signal that public service data changed, so derived data (the search index) can follow.

Whoever writes services sends it after the write commits: the admin's save, the importer,
feed syncs. Receivers must not raise; the directory never imports them.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from django.db import transaction
from django.dispatch import Signal

# sender: the module that wrote; service_ids: frozenset of the services added, changed or removed
services_changed = Signal()


def announce(sender: object, service_ids: Iterable[UUID]) -> None:
    """Send `services_changed` once the current transaction commits (at once outside one)."""
    ids = frozenset(service_ids)
    if ids:
        transaction.on_commit(lambda: services_changed.send(sender=sender, service_ids=ids))
