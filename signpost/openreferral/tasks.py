"""Imports as background tasks on the django-tasks-db worker (`manage.py db_worker`).

`run_import_task` runs one queued import (an admin upload, a "Sync now", a scheduled sync).
`sync_due_feeds` queues the syncs that are due and then enqueues itself again after
SIGNPOST_FEED_CHECK_MINUTES, a chain of rows with `run_after` like the meeting reminders
(docs/adr/012-feed-subscriptions.md). `ensure_scheduled` starts the chain once;
`manage.py schedule_feed_syncs` calls it, and `make run` calls that.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from .importer.service import Source, run_import, start_run
from .models import FeedSubscription, ImportRun, Outcome, SourceKind

logger = logging.getLogger(__name__)
BACKEND = "background"


def import_backend() -> str:
    """Where imports run: the worker; tests may run them at once ("default", immediate)."""
    return str(getattr(settings, "SIGNPOST_IMPORT_TASK_BACKEND", BACKEND))


def check_minutes() -> int:
    return int(getattr(settings, "SIGNPOST_FEED_CHECK_MINUTES", 15))


@task(backend=BACKEND)
def run_import_task(run_id: str) -> str:
    """Run one queued import; its run row says what to read and how."""
    run = ImportRun.objects.select_related("feed", "run_by").filter(pk=run_id).first()
    if run is None or run.outcome != Outcome.QUEUED:
        return "nothing to do"
    finished = run_import(Source.of_run(run), run=run, who=run.run_by)
    if finished.feed is not None and finished.outcome in NEEDS_THE_OWNER:
        tell_the_owner(finished)
    return str(finished.outcome)


NEEDS_THE_OWNER = (Outcome.FAILED, Outcome.CONFIRM, Outcome.INCOMPLETE)


def tell_the_owner(run: ImportRun) -> bool:
    """Email the feed's owner when a sync failed or waits for them; True if an email went."""
    feed = run.feed
    if feed is None:
        return False
    address = feed.owner.email if feed.owner and feed.owner.email else feed.owner_email
    if not address:
        return False
    page = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "openreferral_imports:report", args=[run.pk]
    )
    said = {
        Outcome.CONFIRM: "stopped: too many services left the feed at once. Please check "
        "and confirm on the run's page.",
        Outcome.FAILED: "failed. Nothing was changed.",
    }.get(Outcome(run.outcome), "stopped part-way.")
    send_mail(
        subject=f"Signpost: the sync of {feed.name} {said.split('.')[0]}",
        message=f"The sync of the feed {feed.name} {said}\n\n"
        f"{run.report.get('outcome', '')}\n\nThe run's report: {page}\n",
        from_email=None,
        recipient_list=[address],
    )
    return True


def queue_import(run: ImportRun) -> ImportRun:
    """Hand a queued run to the worker. The task's row is written after the run's, in the
    same database, so the worker never finds a task whose run it cannot see."""
    run_import_task.using(backend=import_backend()).enqueue(str(run.pk))
    return run


def queue_sync(feed: FeedSubscription, *, who: Any = None) -> ImportRun:
    """A sync of this feed, queued for the worker (staff pressed "Sync now", or it is due)."""
    source = Source(feed.source_url, feed.name, SourceKind.FEED)
    run = start_run(source, who=who, feed=feed, queued=True)
    return queue_import(run)


@task(backend=BACKEND)
def sync_due_feeds() -> int:
    """Queue every due sync, then the next check (even if this one failed)."""
    try:
        return queue_due(now=timezone.now())
    finally:
        schedule_next()


def queue_due(*, now: dt.datetime) -> int:
    """Queue the feeds whose time has come, skipping one whose last sync is still going."""
    queued = 0
    for feed in FeedSubscription.objects.filter(enabled=True):
        if not feed.is_due(now):
            continue
        busy = list(feed.runs.filter(outcome__in=[Outcome.QUEUED, Outcome.RUNNING]))
        # A run whose worker is gone is recorded as incomplete; one still going is left be.
        stale = [r.pk for r in busy if r.is_stale]
        ImportRun.objects.filter(pk__in=stale).update(outcome=Outcome.INCOMPLETE)
        feed.next_sync_at = feed.following_sync(now)
        feed.save(update_fields=["next_sync_at"])
        if len(stale) < len(busy):
            continue
        queue_sync(feed)
        queued += 1
    return queued


def _waiting() -> bool:
    """True when a check is already queued (so chains never multiply)."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=sync_due_feeds.module_path, status=TaskResultStatus.READY
    ).exists()


def schedule_next(*, now: dt.datetime | None = None) -> bool:
    """Queue the next check after the interval, unless one is already waiting."""
    if _waiting():
        return False
    run_after = (now or timezone.now()) + dt.timedelta(minutes=check_minutes())
    sync_due_feeds.using(run_after=run_after).enqueue()
    return True


def ensure_scheduled() -> bool:
    """Start the chain now if nothing is queued; True when a check was queued."""
    if _waiting():
        return False
    sync_due_feeds.enqueue()
    return True
