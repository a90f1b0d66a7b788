"""Feed subscriptions: syncs against a real local HTTP server, services leaving the feed,
the threshold that asks staff, bad sources in plain words, and the self-rescheduling check."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from signpost.directory.models import Service
from signpost.directory.models.services import ServiceStatus
from signpost.openreferral.importer.sweep import NothingToConfirm, confirm
from signpost.openreferral.models import FeedSubscription, ImportRun, Outcome, Schedule
from signpost.openreferral.tasks import ensure_scheduled, queue_due, queue_sync, sync_due_feeds

from .feed_server import Reply
from .test_importer import service_record

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_timeout(settings):
    settings.SIGNPOST_FEED_TIMEOUT_SECONDS = 1


def subscribe(url: str, **fields: object) -> FeedSubscription:
    return FeedSubscription.objects.create(name="County directory", source_url=url, **fields)


def sync(feed: FeedSubscription) -> ImportRun:
    run = queue_sync(feed)
    run.refresh_from_db()
    return run


def status_of(record: dict) -> str:
    return Service.objects.get(id=record["id"]).status


def test_a_sync_reads_every_page_of_the_api_and_records_the_run(feed_server):
    records = [service_record(name=f"Service {n}") for n in range(3)]
    feed = subscribe(feed_server.serve_services(records))
    run = sync(feed)
    assert run.outcome == Outcome.SAVED and run.feed == feed
    assert run.services_created == 3 and run.source_kind == "feed"
    assert feed.services.count() == 3


def test_a_service_that_leaves_its_feed_becomes_inactive_and_comes_back_when_it_returns(
    feed_server,
):
    records = [service_record(name=f"Service {n}") for n in range(20)]
    feed = subscribe(feed_server.serve_services(records))
    sync(feed)
    feed_server.serve_services(records[1:])  # 1 of 20 gone: 5%, under the 10% threshold
    run = sync(feed)

    assert run.outcome == Outcome.SAVED and run.services_deactivated == 1
    assert status_of(records[0]) == ServiceStatus.INACTIVE  # kept, never deleted
    assert status_of(records[1]) == ServiceStatus.ACTIVE
    feed_server.serve_services(records)
    sync(feed)
    assert status_of(records[0]) == ServiceStatus.ACTIVE


def test_a_rejected_record_is_not_taken_as_gone(feed_server):
    records = [service_record(name=f"Service {n}") for n in range(3)]
    feed = subscribe(feed_server.serve_services(records), deactivation_threshold=100)
    sync(feed)
    broken = {**records[0], "minimum_age": "grown-ups"}
    feed_server.serve_services([broken, *records[1:]])
    run = sync(feed)
    assert run.services_rejected == 1 and run.services_deactivated == 0
    assert status_of(records[0]) == ServiceStatus.ACTIVE


def test_too_many_gone_at_once_stops_and_waits_for_staff_to_confirm(feed_server, admin_user):
    records = [service_record(name=f"Service {n}") for n in range(10)]
    feed = subscribe(feed_server.serve_services(records))
    sync(feed)
    feed_server.serve_services(records[:7])  # 3 of 10 gone: 30%
    run = sync(feed)

    assert run.outcome == Outcome.CONFIRM
    assert sorted(run.report["pending_deactivation"]) == sorted(r["id"] for r in records[7:])
    assert all(status_of(r) == ServiceStatus.ACTIVE for r in records)

    assert confirm(run, admin_user) == 3
    assert [status_of(r) for r in records[7:]] == [ServiceStatus.INACTIVE] * 3
    assert run.outcome == Outcome.SAVED and run.services_deactivated == 3
    with pytest.raises(NothingToConfirm):
        confirm(run, admin_user)


def test_a_stopped_run_cannot_be_confirmed_once_a_newer_sync_has_run(feed_server, admin_user):
    records = [service_record(name=f"Service {n}") for n in range(4)]
    feed = subscribe(feed_server.serve_services(records))
    sync(feed)
    feed_server.serve_services(records[:1])
    stopped = sync(feed)
    feed_server.serve_services(records)
    sync(feed)
    with pytest.raises(NothingToConfirm, match="newer sync"):
        confirm(stopped, admin_user)
    assert all(status_of(r) == ServiceStatus.ACTIVE for r in records)


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("feeds", "feeds@example.org", "pw-9q8w7e")


BAD_SOURCES = {
    "slow": (Reply(delay=3, body=b"[]"), "took too long to answer"),
    "html": (
        Reply(body=b"<html><body>Sign in</body></html>", content_type="text/html"),
        "did not answer with JSON",
    ),
    "loop": (Reply(302, location="/api/services"), "redirect loop"),
    "missing": (Reply(404, b"gone", "text/plain"), "was not found (404)"),
    "broken": (Reply(body=b'{"contents": [{"id": '), "did not answer with JSON"),
}


@pytest.mark.parametrize("kind", list(BAD_SOURCES))
def test_a_bad_source_gets_a_plain_message_and_loses_nothing(feed_server, kind):
    records = [service_record(name=f"Service {n}") for n in range(2)]
    feed = subscribe(feed_server.serve_services(records))
    sync(feed)
    reply, said = BAD_SOURCES[kind]
    feed_server.routes["/api/services"] = reply
    run = sync(feed)

    assert run.outcome == Outcome.FAILED
    assert said in run.report["failure"]
    assert run.services_deactivated == 0
    assert all(status_of(r) == ServiceStatus.ACTIVE for r in records)


@pytest.mark.parametrize(
    ("reply", "said"),
    [
        (
            Reply(body=b"<!doctype html><p>Hello</p>", content_type="text/html"),
            "did not answer with JSON",
        ),
        (Reply(body=b"[{]"), "is not valid JSON"),
        (Reply(404), "was not found (404)"),
    ],
)
def test_a_bad_file_url_gets_a_plain_message(feed_server, reply, said):
    feed_server.routes["/exports/services.json"] = reply
    run = sync(subscribe(feed_server.url + "/exports/services.json"))
    assert run.outcome == Outcome.FAILED and said in run.report["failure"]


def test_a_file_url_is_imported(feed_server):
    records = [service_record(name="Riverside Walk and Talk")]
    feed_server.routes["/exports/services.json"] = records
    run = sync(subscribe(feed_server.url + "/exports/services.json"))
    assert run.outcome == Outcome.SAVED and run.services_created == 1


def test_due_feeds_are_queued_once_per_schedule(feed_server):
    now = timezone.now()
    daily = subscribe(feed_server.serve_services([service_record()]))
    manual = subscribe(feed_server.url + "/other", schedule=Schedule.MANUAL)
    paused = subscribe(feed_server.url + "/paused", enabled=False)

    assert queue_due(now=now) == 1
    daily.refresh_from_db()
    assert daily.next_sync_at == now + dt.timedelta(days=1)
    assert list(ImportRun.objects.values_list("feed", flat=True)) == [daily.pk]
    assert queue_due(now=now + dt.timedelta(hours=23)) == 0  # not due again yet
    assert queue_due(now=now + dt.timedelta(days=1, minutes=1)) == 1
    assert not manual.runs.exists() and not paused.runs.exists()


def test_a_feed_whose_last_sync_is_still_running_is_not_queued_twice(feed_server):
    feed = subscribe(feed_server.serve_services([service_record()]))
    ImportRun.objects.create(
        feed=feed,
        started_at=timezone.now(),
        heartbeat_at=timezone.now(),
        source_name=feed.name,
        source_kind="feed",
        outcome=Outcome.RUNNING,
    )
    assert queue_due(now=timezone.now()) == 0


def test_the_check_re_enqueues_itself_and_only_one_chain_exists(settings):
    settings.SIGNPOST_FEED_CHECK_MINUTES = 15

    def waiting() -> list[DBTaskResult]:
        return list(
            DBTaskResult.objects.filter(
                task_path=sync_due_feeds.module_path, status=TaskResultStatus.READY
            )
        )

    assert ensure_scheduled() is True
    assert ensure_scheduled() is False
    assert len(waiting()) == 1
    DBTaskResult.objects.all().delete()  # as if the worker had taken it
    sync_due_feeds.call()
    (following,) = waiting()
    assert following.run_after > timezone.now() + dt.timedelta(minutes=14)
    sync_due_feeds.call()  # a stray second run adds no second chain
    assert len(waiting()) == 1


def test_syncs_use_stable_ids_for_the_feeds_own_ids(feed_server):
    record = service_record(id="county-77", name="Fenland Talking Group")
    feed = subscribe(feed_server.serve_services([record]))
    sync(feed)
    first = Service.objects.get().id
    record["description"] = "New times."
    sync(feed)
    assert list(Service.objects.values_list("id", flat=True)) == [first]
    assert uuid.UUID(str(first))


def test_the_owner_is_emailed_when_a_sync_fails(feed_server, admin_user, mailoutbox):
    feed = subscribe(feed_server.url + "/api", owner=admin_user)
    feed_server.routes["/api/services"] = Reply(404, b"gone", "text/plain")
    run = sync(feed)
    assert run.outcome == Outcome.FAILED
    (email,) = mailoutbox
    assert email.to == ["feeds@example.org"]
    assert "County directory" in email.subject and "failed" in email.subject
    assert f"/admin/imports/{run.pk}/" in email.body and "was not found (404)" in email.body


def test_nobody_is_emailed_when_a_sync_goes_well(feed_server, mailoutbox):
    feed = subscribe(feed_server.serve_services([service_record()]), owner_email="x@example.org")
    assert sync(feed).outcome == Outcome.SAVED
    assert mailoutbox == []
