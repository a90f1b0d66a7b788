"""Services that left their feed become inactive (never deleted), unless too many would go.

A feed that suddenly lists far fewer services is more often broken than honest, so when one
sync would make more than the feed's threshold share inactive, nothing is made inactive: the
run stops and waits for staff to confirm on its page (`confirm`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from signpost.directory.changes import announce
from signpost.directory.models import Service
from signpost.directory.models.services import ServiceStatus

from ..models import FeedSubscription, ImportRun, ManagedService, Outcome

GONE_ALREADY = (ServiceStatus.INACTIVE, ServiceStatus.DEFUNCT)


def sweep(feed: FeedSubscription, run: ImportRun, refused: set[uuid.UUID]) -> dict[str, Any]:
    """After a sync read its feed to the end: deactivate what it no longer lists, or ask."""
    managed = ManagedService.objects.filter(feed=feed)
    total = managed.count()
    gone = [
        pk
        for pk in managed.exclude(seen_in_run=run.pk)
        .exclude(service__status__in=GONE_ALREADY)
        .values_list("service_id", flat=True)
        if pk not in refused  # in the feed, only refused this time
    ]
    if not gone:
        return {}
    if len(gone) * 100 > feed.deactivation_threshold * total:
        return {"pending": [str(pk) for pk in gone]}
    return {"deactivated": deactivate(gone)}


def deactivate(service_ids: Iterable[uuid.UUID | str]) -> int:
    """Make these services inactive; their fingerprint goes, so if they come back they are
    written again (active, as the feed says)."""
    ids = list(service_ids)
    now = timezone.now()
    with transaction.atomic():
        count = (
            Service.objects.filter(id__in=ids)
            .exclude(status__in=GONE_ALREADY)
            .update(status=ServiceStatus.INACTIVE, import_fingerprint="", updated_at=now)
        )
        ManagedService.objects.filter(service_id__in=ids).update(deactivated_at=now)
        announce(__name__, [uuid.UUID(str(pk)) for pk in ids])
    return count


class NothingToConfirm(Exception):
    """The run does not wait for confirmation, or a newer sync has run since."""


def confirm(run: ImportRun, who: Any) -> int:
    """Staff agree: make inactive the services the stopped run found gone."""
    if run.outcome != Outcome.CONFIRM or run.feed is None:
        raise NothingToConfirm("This run is not waiting for anyone to confirm.")
    latest = run.feed.runs.exclude(dry_run=True).order_by("-started_at").first()
    if latest is not None and latest.pk != run.pk:
        raise NothingToConfirm(
            "A newer sync of this feed has run since, so this one can no longer be confirmed. "
            "Read the newest run instead."
        )
    still_managed = ManagedService.objects.filter(
        feed=run.feed, service_id__in=run.report.get("pending_deactivation", [])
    ).values_list("service_id", flat=True)
    count = deactivate(list(still_managed))
    report = dict(run.report)
    report["deactivated"] = count
    report["pending_deactivation"] = []
    report["confirmed_by"] = getattr(who, "email", "") or str(who)
    report["confirmed_at"] = timezone.now().isoformat()
    ImportRun.objects.filter(pk=run.pk).update(
        outcome=Outcome.SAVED, services_deactivated=count, report=report
    )
    run.refresh_from_db()
    return count
