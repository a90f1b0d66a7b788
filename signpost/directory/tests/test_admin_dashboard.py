"""The admin home shows a maintainer what needs doing: reports, reviews due, recent imports."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from signpost.directory.models import ProblemReport
from signpost.directory.models.feedback import set_report_status
from signpost.openreferral.models import ImportRun

from .factories import ServiceFactory


@pytest.fixture
def editor(django_user_model, home_page):
    return django_user_model.objects.create_superuser("ola", "ola@example.org", "pw-x1y2z3")


@pytest.fixture
def staff_client(client, editor):
    client.force_login(editor)
    return client


def panel(html: str, heading: str):
    page = BeautifulSoup(html, "html.parser")
    titles = [h2 for h2 in page.find_all("h2") if heading in h2.get_text(" ", strip=True)]
    assert titles, f"no panel headed {heading!r}"
    return titles[0].find_parent("section").select_one(".w-panel__content")


def words(section) -> str:
    return " ".join(section.get_text(" ", strip=True).split())


def home(client) -> str:
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_open_problem_reports_are_counted_and_the_latest_link_to_their_pages(staff_client, editor):
    service = ServiceFactory(name="Brookside Crisis Cafe")
    waiting = ProblemReport.objects.create(service=service, kind="hours", details="a")
    ProblemReport.objects.create(service=service, kind="contact", details="b")
    done = ProblemReport.objects.create(service=service, kind="closed", details="c")
    set_report_status(done, status="resolved", by=editor)
    section = panel(home(staff_client), "Problem reports")
    assert "2 open problem reports" in words(section)
    links = {a["href"] for a in section.find_all("a")}
    assert reverse("wagtailsnippets_directory_problemreport:inspect", args=[waiting.pk]) in links
    assert reverse("wagtailsnippets_directory_problemreport:inspect", args=[done.pk]) not in links


def test_services_past_their_review_date_are_counted_with_a_link_to_the_filtered_list(
    staff_client,
):
    ServiceFactory(name="Stale One", assured_date=dt.date(2019, 5, 1))
    ServiceFactory(name="Stale Two", assured_date=None)
    ServiceFactory(name="Fresh", assured_date=dt.date.today())
    section = panel(home(staff_client), "Services due for review")
    link = section.find("a")
    assert link.get_text(" ", strip=True) == "2 services past their review date"
    listed = staff_client.get(link["href"]).content.decode()
    assert "Stale One" in listed and "Stale Two" in listed and "Fresh" not in listed


def test_the_last_imports_show_their_results_and_link_to_their_reports(staff_client):
    now = timezone.now()
    run = ImportRun.objects.create(
        started_at=now,
        finished_at=now,
        source_name="county-directory.json",
        source_kind="upload",
        outcome="saved",
        services_created=4,
        services_updated=1,
        services_unchanged=30,
    )
    section = panel(home(staff_client), "Recent imports")
    text = words(section)
    assert "county-directory.json" in text and "Saved" in text
    assert "4 added, 1 changed, 30 unchanged, 0 rejected" in text
    assert section.find("a", href=reverse("openreferral_imports:report", args=[run.pk]))


def test_the_dashboard_queries_do_not_grow_with_the_number_of_reports(staff_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    service = ServiceFactory()
    ProblemReport.objects.create(service=service, kind="other", details="first")
    home(staff_client)  # warm caches (site, settings) so both counts are like for like
    with CaptureQueriesContext(connection) as one:
        home(staff_client)
    for n in range(7):
        ProblemReport.objects.create(service=ServiceFactory(), kind="other", details=f"r{n}")
    with CaptureQueriesContext(connection) as eight:
        html = home(staff_client)
    assert "8 open problem reports" in words(panel(html, "Problem reports"))
    assert len(eight) == len(one)


def test_panels_are_shown_only_to_people_who_may_act_on_them(client, django_user_model):
    ServiceFactory(assured_date=None)
    reader = django_user_model.objects.create_user("rey", "rey@example.org", "pw-x1y2z3")
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    reader.groups.add(group)
    client.force_login(reader)
    html = home(client)
    for heading in ("Problem reports", "Services due for review", "Recent imports"):
        assert heading not in html
