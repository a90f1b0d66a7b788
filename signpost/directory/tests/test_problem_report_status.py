"""Problem reports link to their service and move through statuses kept as dated rows."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from signpost.directory.models import ProblemReport
from signpost.directory.models.feedback import ProblemReportStatus, set_report_status

from .factories import ServiceFactory

LIST = "wagtailsnippets_directory_problemreport:list"
INSPECT = "wagtailsnippets_directory_problemreport:inspect"
SET_STATUS = "wagtailsnippets_directory_problemreport:set_status"


@pytest.fixture
def editor(django_user_model, home_page):
    return django_user_model.objects.create_superuser("sam", "sam@example.org", "pw-x1y2z3")


@pytest.fixture
def staff_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def report(db):
    service = ServiceFactory(name="Lakeside Listening Line")
    return ProblemReport.objects.create(service=service, kind="hours", details="Shut on Fridays")


def set_status(client, report, status, note=""):
    return client.post(reverse(SET_STATUS, args=[report.pk]), {"status": status, "note": note})


def test_the_list_links_each_report_to_its_service_and_its_own_page(staff_client, report):
    html = staff_client.get(reverse(LIST)).content.decode()
    links = {a["href"] for a in BeautifulSoup(html, "html.parser").select("table a[href]")}
    assert reverse("wagtailsnippets_directory_service:edit", args=[report.service.pk]) in links
    assert reverse(INSPECT, args=[report.pk]) in links


def test_the_reports_page_links_to_its_service_and_says_it_is_new(staff_client, report):
    html = staff_client.get(reverse(INSPECT, args=[report.pk])).content.decode()
    page = BeautifulSoup(html, "html.parser")
    service_url = reverse("wagtailsnippets_directory_service:edit", args=[report.service.pk])
    assert page.find("a", href=service_url).get_text(strip=True) == "Lakeside Listening Line"
    assert "Shut on Fridays" in html
    assert "New" in page.find("dl").get_text()


def test_a_status_button_adds_a_dated_row_naming_who_set_it(staff_client, report, editor):
    response = set_status(staff_client, report, "in_progress", "Rang them, waiting to hear")
    assert response.status_code == 302
    row = report.statuses.get()
    assert (row.status, row.note, row.set_by) == (
        "in_progress",
        "Rang them, waiting to hear",
        editor,
    )
    assert abs(row.set_at - timezone.now()) < dt.timedelta(minutes=1)


def test_a_later_status_is_a_new_row_and_the_history_keeps_the_first(staff_client, report):
    set_status(staff_client, report, "in_progress", "Checking")
    set_status(staff_client, report, "resolved", "Hours fixed")
    assert [r.status for r in report.statuses.order_by("set_at")] == ["in_progress", "resolved"]
    html = staff_client.get(reverse(INSPECT, args=[report.pk])).content.decode()
    assert "Checking" in html and "Hours fixed" in html and "sam" in html


def test_the_report_page_offers_one_button_per_other_status(staff_client, report):
    html = staff_client.get(reverse(INSPECT, args=[report.pk])).content.decode()
    buttons = BeautifulSoup(html, "html.parser").select("button[name=status]")
    assert [b["value"] for b in buttons] == ["in_progress", "resolved", "not_a_problem"]


def test_an_unknown_status_is_refused_with_a_message_and_nothing_stored(staff_client, report):
    response = set_status(staff_client, report, "fixed-ish")
    assert response.status_code == 302
    assert not report.statuses.exists()
    page = staff_client.get(response["Location"]).content.decode()
    assert "Choose one of the status buttons" in page


def test_the_list_shows_the_current_status_and_filters_by_it(staff_client, report):
    other = ProblemReport.objects.create(
        service=ServiceFactory(name="Moorland Walking Group"), kind="contact", details="Old number"
    )
    set_status(staff_client, report, "resolved")
    rows = BeautifulSoup(staff_client.get(reverse(LIST)).content, "html.parser").select("tbody tr")
    text = {row.get_text(" ", strip=True) for row in rows}
    assert any("Lakeside Listening Line" in t and "Resolved" in t for t in text)
    assert any("Moorland Walking Group" in t and "New" in t for t in text)
    resolved = staff_client.get(reverse(LIST), {"status": "resolved"}).content.decode()
    assert "Lakeside Listening Line" in resolved and other.service.name not in resolved
    new = staff_client.get(reverse(LIST), {"status": "new"}).content.decode()
    assert other.service.name in new and "Lakeside Listening Line" not in new


def test_someone_who_may_only_view_reports_cannot_set_a_status(client, report, django_user_model):
    viewer = django_user_model.objects.create_user("val", "val@example.org", "pw-x1y2z3")
    group = Group.objects.create(name="Report readers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_problemreport"),
    )
    viewer.groups.add(group)
    client.force_login(viewer)
    page = client.get(reverse(INSPECT, args=[report.pk]))
    assert page.status_code == 200
    assert b'name="status"' not in page.content
    assert set_status(client, report, "resolved").status_code == 403
    assert not report.statuses.exists()


def test_a_status_cannot_be_set_by_a_get(staff_client, report):
    response = staff_client.get(reverse(SET_STATUS, args=[report.pk]), {"status": "resolved"})
    assert response.status_code == 405
    assert not report.statuses.exists()


def test_open_reports_are_new_or_in_progress(report, editor):
    closed = ProblemReport.objects.create(service=report.service, kind="other", details="x")
    set_report_status(closed, status="not_a_problem", by=editor)
    assert list(ProblemReport.objects.open()) == [report]
    set_report_status(report, status="in_progress", by=editor)
    assert list(ProblemReport.objects.open()) == [report]
    assert ProblemReport.objects.get(pk=closed.pk).is_resolved


@pytest.mark.django_db(transaction=True)
def test_reports_resolved_before_statuses_became_rows_are_carried_over():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = (
        [("directory", "0004_children_in_a_stable_order")],
        [("directory", "0005_problem_report_statuses")],
    )
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    organisation = old_apps.get_model("directory", "Organisation").objects.create(name="Old")
    service = old_apps.get_model("directory", "Service").objects.create(
        name="Old Service", organisation_id=organisation.pk
    )
    resolved_at = timezone.now() - dt.timedelta(days=30)
    old_apps.get_model("directory", "ProblemReport").objects.create(
        service_id=service.pk,
        kind="hours",
        details="x",
        resolved_at=resolved_at,
        resolved_note="Phoned them",
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    row = ProblemReportStatus.objects.get()
    assert (row.status, row.note, row.set_by, row.set_at) == (
        "resolved",
        "Phoned them",
        None,
        resolved_at,
    )


def test_an_old_link_to_a_reports_edit_form_opens_its_page(staff_client, report):
    edit = reverse("wagtailsnippets_directory_problemreport:edit", args=[report.pk])
    response = staff_client.get(edit)
    assert response.status_code == 302
    assert response["Location"] == reverse(INSPECT, args=[report.pk])
