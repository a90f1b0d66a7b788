"""End to end through the queue: a queued sync and a queued upload, run by the real worker."""

from __future__ import annotations

import signal

import pytest
from django.core.management import call_command

from signpost.directory.models import Service
from signpost.openreferral.importer.service import Source, start_run
from signpost.openreferral.models import FeedSubscription, ImportRun, Outcome, SourceKind
from signpost.openreferral.tasks import queue_import, queue_sync

from .test_importer import service_record

# The worker closes its database connection between runs; inside a test transaction that
# would end the test's transaction, so these tests commit (as the reminders' worker test).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def on_the_worker(settings):
    settings.SIGNPOST_IMPORT_TASK_BACKEND = "background"


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


def test_a_queued_sync_waits_for_the_worker_then_runs(feed_server, keep_signal_handlers):
    address = feed_server.serve_services([service_record(name="Marsh Lane Peer Group")])
    feed = FeedSubscription.objects.create(name="County", source_url=address)
    run = queue_sync(feed)
    run.refresh_from_db()
    assert run.outcome == Outcome.QUEUED and run.in_progress
    assert not Service.objects.exists()

    run_worker_once()
    run.refresh_from_db()
    assert run.outcome == Outcome.SAVED and run.services_created == 1
    assert Service.objects.get().name == "Marsh Lane Peer Group"


def test_a_queued_upload_is_read_by_the_worker_and_its_file_removed(tmp_path, keep_signal_handlers):
    folder = tmp_path / "upload"
    folder.mkdir()
    saved = folder / "partner.json"
    saved.write_text('[{"id": "p-1", "name": "Moorside Carers Cafe"}]', encoding="utf-8")
    run = start_run(
        Source(str(saved), "partner.json", SourceKind.UPLOAD, remove_after=True), queued=True
    )
    queue_import(run)

    run_worker_once()
    run = ImportRun.objects.get(pk=run.pk)
    assert run.outcome == Outcome.SAVED, run.report
    assert Service.objects.get().organisation.name == "Moorside Carers Cafe"
    assert not saved.exists() and not folder.exists()
