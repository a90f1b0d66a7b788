"""Background tasks, run by the django-tasks-db worker (`manage.py db_worker`).

`send_meeting_reminders` sends what is due and then enqueues itself again to run after
SIGNPOST_REMINDER_CHECK_MINUTES (a chain of rows with `run_after`, so no cron or system timer
is needed and the schedule survives restarts; docs/features/calendars-and-reminders.md).
`ensure_scheduled` starts the chain once; `manage.py schedule_reminders` calls it.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from signpost.reminders import sending

# The database backend in TASKS; the default backend stays immediate for Wagtail's own tasks.
BACKEND = "background"


@task(backend=BACKEND)
def send_meeting_reminders() -> int:
    """Send the reminders due now, then queue the next check (even if this one failed)."""
    try:
        return sending.send_due(now=timezone.now())
    finally:
        schedule_next()


def _waiting() -> bool:
    """True when a check is already queued (so chains never multiply)."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=send_meeting_reminders.module_path, status=TaskResultStatus.READY
    ).exists()


def schedule_next(*, now: dt.datetime | None = None) -> bool:
    """Queue the next check after the interval, unless one is already waiting."""
    if _waiting():
        return False
    minutes = settings.SIGNPOST_REMINDER_CHECK_MINUTES
    run_after = (now or timezone.now()) + dt.timedelta(minutes=minutes)
    send_meeting_reminders.using(run_after=run_after).enqueue()
    return True


def ensure_scheduled() -> bool:
    """Start the chain now if nothing is queued; True when a check was queued."""
    if _waiting():
        return False
    send_meeting_reminders.enqueue()
    return True
