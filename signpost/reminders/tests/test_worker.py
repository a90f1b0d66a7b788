"""End to end through the queue: enqueue, the django-tasks-db worker runs it, one reminder."""

from __future__ import annotations

import signal

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from signpost.reminders.tasks import ensure_scheduled, send_meeting_reminders
from signpost.workspace.tests.factories import GroupFactory, member_of

from .helpers import meeting_in

# The worker closes its database connection between runs, as a long-lived process should;
# inside a test transaction that would end the test's transaction, so this test commits.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def keep_signal_handlers():
    """The worker takes over Ctrl-C; give it back to pytest afterwards."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def run_worker_once() -> None:
    call_command("db_worker", "--batch", "--backend", "background", "--no-startup-delay",
                 "--no-reload", verbosity=0)  # fmt: skip


def queued() -> list[DBTaskResult]:
    path = send_meeting_reminders.module_path
    return list(DBTaskResult.objects.filter(task_path=path, status=TaskResultStatus.READY))


def test_the_worker_sends_a_due_reminder_once_and_queues_the_next_check(keep_signal_handlers):
    group = GroupFactory()
    member = member_of(group)
    meeting_in(group, days=3)
    assert ensure_scheduled() is True
    assert ensure_scheduled() is False  # one chain, however often it is started
    run_worker_once()
    assert [m.to for m in mail.outbox] == [[member.email]]
    (next_check,) = queued()
    assert next_check.run_after > timezone.now()
    run_worker_once()  # the next check is not due yet
    send_meeting_reminders.call()  # and when it runs, nothing goes twice
    assert len(mail.outbox) == 1
    assert len(queued()) == 1
