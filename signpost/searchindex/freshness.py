"""Keeping entries fresh: signals first, and a cheap self-check for writes that sent none.

- This process's own saves and deletes of a service or its parts mark the service pending;
  pending services are re-indexed when the transaction commits, or before this process's
  next search (whichever comes first: tests run inside one transaction).
- `services_changed` (sent after commit by the admin, importer and feed syncs) re-indexes
  the services it names at once.
- Before each search a signature of the directory (counts and newest changes) is compared
  with the one stored when the index was last brought up to date; if it moved without the
  index hearing, each public service's stamp is compared with its entry's and those that
  differ are re-indexed. A missed signal therefore costs one comparison, not a wrong index.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterable
from uuid import UUID

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from signpost.directory.changes import services_changed
from signpost.directory.models import (
    CostOption,
    Language,
    Organisation,
    Schedule,
    Service,
    ServiceArea,
    ServiceAttribute,
    ServiceCoverage,
    TaxonomyTerm,
)

from . import writer
from .models import SearchEntry, SearchStats
from .sources import public_stamps

PARTS = (Schedule, ServiceArea, ServiceAttribute, Language, CostOption, ServiceCoverage)
_pending: set[UUID] = set()
_lock = threading.Lock()


def _service_saved(sender: type, instance: Service, **kwargs: object) -> None:
    _mark([instance.pk])


def _part_saved(sender: type, instance: object, **kwargs: object) -> None:
    service_id = getattr(instance, "service_id", None)
    if service_id is not None:
        _mark([service_id])


def _mark(ids: Iterable[UUID]) -> None:
    """Note services to re-index, and re-index them once this transaction commits."""
    with _lock:
        _pending.update(ids)
    transaction.on_commit(flush)  # later calls find nothing pending: cheap


def _announced(sender: object, service_ids: frozenset[UUID], **kwargs: object) -> None:
    """Another writer's announcement: re-index those services now (after its commit)."""
    try:
        index_now(service_ids)
    except Exception:
        import logging

        logging.getLogger(__name__).exception("search index update failed; self-check will redo it")


def connect() -> None:
    """Listen to the directory's writes (called from the app's ready())."""
    post_save.connect(_service_saved, sender=Service, dispatch_uid="searchindex-service-save")
    post_delete.connect(_service_saved, sender=Service, dispatch_uid="searchindex-service-delete")
    for model in PARTS:
        uid = f"searchindex-{model.__name__}"
        post_save.connect(_part_saved, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_part_saved, sender=model, dispatch_uid=f"{uid}-delete")
    services_changed.connect(_announced, dispatch_uid="searchindex-announced")


def forget_pending() -> None:
    """Drop services waiting to be re-indexed (tests: their transaction was rolled back)."""
    with _lock:
        _pending.clear()


def flush() -> None:
    """Re-index this process's pending services."""
    with _lock:
        ids = list(_pending)
        _pending.clear()
    if ids:
        index_now(ids)


def index_now(service_ids: Iterable[UUID]) -> None:
    """Re-index these services and note the directory as the index now knows it."""
    with transaction.atomic():
        writer.index_services(service_ids)
        SearchStats.objects.filter(pk=1).update(signature=signature())


def signature() -> str:
    """Changes whenever a fact an entry is made from could have changed (one query).

    Every part reads an index or a small table, so it stays under a millisecond at 100,000
    services: the number of services, terms and tags, the newest coverage row (an import
    rewrites the coverage of every service it changes), and the newest change of a term or
    organisation. The newest change of a service would need a scan of the widest
    table, so a service's own edits are caught by the signals and by its coverage row.
    """
    tables = {
        model: connection.ops.quote_name(model._meta.db_table)
        for model in (Service, TaxonomyTerm, Organisation, ServiceCoverage, ServiceAttribute)
    }
    parts = [
        f"(SELECT COUNT(*) FROM {tables[Service]})",
        f"(SELECT COUNT(*) FROM {tables[TaxonomyTerm]})",
        f"(SELECT MAX(updated_at) FROM {tables[TaxonomyTerm]})",
        f"(SELECT MAX(updated_at) FROM {tables[Organisation]})",
        f"(SELECT MAX(id) FROM {tables[ServiceCoverage]})",
        f"(SELECT COUNT(*) FROM {tables[ServiceAttribute]})",
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        services, terms, terms_changed, organisations, coverage, tags = cursor.fetchone()
    return json.dumps(
        {
            "services": services,
            "terms": [terms, _iso(terms_changed)],
            "organisations": _iso(organisations),
            "coverage": coverage,
            "attributes": tags,
        }
    )


def _iso(value: object) -> str:
    """A time as text, the same whichever database returned it."""
    if value is None:
        return ""
    if isinstance(value, str):  # SQLite returns the stored text
        return value
    return value.isoformat()  # type: ignore[attr-defined]


def ensure_fresh() -> None:
    """Bring the index up to date before a search (cheap when nothing changed)."""
    flush()
    now = signature()
    stored = SearchStats.objects.filter(pk=1).values_list("signature", flat=True).first()
    if stored != now:
        reconcile(stored or "", now)


def reconcile(stored: str, now: str) -> int:
    """Re-index every service whose entry is missing, extra or out of date."""
    stamps = public_stamps()
    entries = dict(SearchEntry.objects.values_list("service_id", "stamp"))
    changed = {sid for sid, stamp in stamps.items() if entries.get(sid) != stamp}
    changed |= entries.keys() - stamps.keys()
    changed |= _renamed_since(stored)
    with transaction.atomic():
        writer.stats_row()
        writer.index_services(changed)
        SearchStats.objects.filter(pk=1).update(signature=now)
    return len(changed)


def rebuild() -> int:
    """Rebuild the whole index and note the directory it was built from."""
    with transaction.atomic():
        total = writer.rebuild()
        SearchStats.objects.filter(pk=1).update(signature=signature())
    with _lock:
        _pending.clear()
    return total


def _moment(text: str) -> dt.datetime | None:
    """A stored change time back as an aware datetime (SQLite keeps UTC without a zone)."""
    moment = parse_datetime(text) if text else None
    if moment is not None and timezone.is_naive(moment):
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def _renamed_since(stored: str) -> set[UUID]:
    """Services whose vocabulary terms or organisation changed since the stored signature."""
    try:
        before = json.loads(stored)
        terms_since, organisations_since = before["terms"][1], before["organisations"]
    except (ValueError, KeyError, TypeError, IndexError):
        return set()  # no earlier signature: every entry was compared by stamp already
    found: set[UUID] = set()
    terms_since, organisations_since = _moment(terms_since), _moment(organisations_since)
    if terms_since:
        found.update(
            ServiceAttribute.objects.filter(taxonomy_term__updated_at__gt=terms_since).values_list(
                "service_id", flat=True
            )
        )
    if organisations_since:
        found.update(
            Service.objects.filter(organisation__updated_at__gt=organisations_since).values_list(
                "id", flat=True
            )
        )
    return found
