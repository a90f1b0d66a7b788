"""The admin's feed screens and run pages: who may use them, progress, confirming, the notice
on a managed service's edit page."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from signpost.directory.models import Service
from signpost.directory.models.services import ServiceStatus
from signpost.openreferral.models import FeedSubscription, ImportRun, Outcome

from .test_admin_import import assert_refused
from .test_importer import service_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("lead", "lead@example.org", "pw-5t6y7u")
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    """May edit the directory, not run imports or manage feeds."""
    user = django_user_model.objects.create_user("ed", "ed@example.org", "pw-x1y2z3")
    editors = Group.objects.create(name="People who edit but do not import")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    client.force_login(user)
    return client


def test_staff_without_the_permission_cannot_see_or_sync_feeds(editor_client, feed_server):
    feed = FeedSubscription.objects.create(name="County", source_url=feed_server.url + "/api")
    assert_refused(editor_client.get(reverse("openreferral_feeds:index")))
    assert_refused(editor_client.get(reverse("openreferral_feeds:add")))
    assert_refused(editor_client.post(reverse("openreferral_feeds:sync", args=[feed.pk])))
    assert not ImportRun.objects.exists()


def test_a_bad_threshold_is_said_next_to_the_field_and_nothing_typed_is_lost(admin_client):
    response = admin_client.post(
        reverse("openreferral_feeds:add"),
        {
            "name": "County",
            "source_url": "https://example.org/api",
            "schedule": "daily",
            "deactivation_threshold": "150",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Enter a percentage from 0 to 100." in body
    assert 'value="https://example.org/api"' in body
    assert not FeedSubscription.objects.exists()


def test_sync_now_runs_the_feed_and_opens_its_report(admin_client, feed_server):
    address = feed_server.serve_services([service_record(name="Beacon Hill Group")])
    feed = FeedSubscription.objects.create(name="County", source_url=address)
    response = admin_client.post(reverse("openreferral_feeds:sync", args=[feed.pk]))
    run = ImportRun.objects.get()
    assert response["Location"] == reverse("openreferral_imports:report", args=[run.pk])
    assert run.outcome == Outcome.SAVED and run.feed == feed
    page = admin_client.get(reverse("openreferral_feeds:detail", args=[feed.pk])).content.decode()
    assert "Beacon Hill Group" not in page  # the feed's page lists runs, not services
    assert reverse("openreferral_imports:report", args=[run.pk]) in page


def test_a_running_import_page_refreshes_itself_and_a_finished_one_does_not(admin_client):
    run = ImportRun.objects.create(
        started_at=timezone.now(),
        heartbeat_at=timezone.now(),
        source_name="county.json",
        source_kind="upload",
        outcome=Outcome.RUNNING,
        services_created=120,
    )
    url = reverse("openreferral_imports:report", args=[run.pk])
    body = admin_client.get(url).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in body
    assert "The import is still going" in body and "<td>120</td>" in body
    ImportRun.objects.filter(pk=run.pk).update(outcome=Outcome.SAVED, finished_at=timezone.now())
    assert 'http-equiv="refresh"' not in admin_client.get(url).content.decode()


def test_staff_confirm_a_big_deactivation_on_the_run_page(admin_client, feed_server):
    records = [service_record(name=f"Service {n}") for n in range(4)]
    feed = FeedSubscription.objects.create(
        name="County", source_url=feed_server.serve_services(records)
    )
    admin_client.post(reverse("openreferral_feeds:sync", args=[feed.pk]))
    feed_server.serve_services(records[:2])
    admin_client.post(reverse("openreferral_feeds:sync", args=[feed.pk]))
    stopped = ImportRun.objects.get(outcome=Outcome.CONFIRM)
    url = reverse("openreferral_imports:report", args=[stopped.pk])
    assert "Make 2 service(s) inactive" in admin_client.get(url).content.decode()

    admin_client.post(url)
    inactive = Service.objects.filter(status=ServiceStatus.INACTIVE)
    assert sorted(str(pk) for pk in inactive.values_list("id", flat=True)) == sorted(
        r["id"] for r in records[2:]
    )
    assert "Make 2 service(s) inactive" not in admin_client.get(url).content.decode()


def test_the_edit_page_of_a_managed_service_names_its_feed_and_the_fields_it_overwrites(
    admin_client, feed_server
):
    feed = FeedSubscription.objects.create(
        name="Fenland feed", source_url=feed_server.serve_services([service_record()])
    )
    admin_client.post(reverse("openreferral_feeds:sync", args=[feed.pk]))
    service = Service.objects.get()
    edit = reverse("wagtailsnippets_directory_service:edit", args=[service.pk])
    body = admin_client.get(edit).content.decode()
    assert "managed by the feed “Fenland feed”" in body
    assert "Eligibility description" in body and "private contacts" in body
    unmanaged = Service.objects.create(name="Our own", organisation=service.organisation)
    other = admin_client.get(reverse("wagtailsnippets_directory_service:edit", args=[unmanaged.pk]))
    assert "managed by" not in other.content.decode()
