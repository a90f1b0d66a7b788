"""A directory maintainer starts from the admin home, picks up a problem report and closes it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from signpost.directory.models import ProblemReport
from signpost.directory.tests.factories import ServiceFactory
from signpost.tests.system.staff.sign_in import sign_in_to_admin

PASSWORD = "a-long-test-password-2"


@pytest.fixture
def browser_context_args(browser_context_args):
    """Staff work at a desk; without JavaScript, Wagtail's sidebar covers a phone-width page."""
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def maintainer(transactional_db, django_user_model):
    group = Group.objects.create(name="Directory maintainers")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                "view_problemreport",
                "change_problemreport",
                "change_service",
            ]
        )
    )
    user = django_user_model.objects.create_user(
        "keeper", "keeper@example.org", PASSWORD, first_name="Ana", last_name="Reyes"
    )
    user.groups.add(group)
    return user


def test_a_maintainer_resolves_a_problem_report_from_the_dashboard(
    page, live_server, maintainer, axe
):
    service = ServiceFactory(name="Willow Bank Talking Group", assured_date=dt.date(2020, 1, 1))
    ProblemReport.objects.create(service=service, kind="hours", details="They moved to Tuesdays")

    sign_in_to_admin(page, live_server, maintainer, PASSWORD)
    expect(page.get_by_role("heading", name="Problem reports to look at")).to_be_visible()
    expect(page.get_by_role("link", name="1 service past its review date")).to_be_visible()
    axe(page)

    page.get_by_role("link", name="The opening times are wrong").click()
    expect(page.get_by_role("link", name="Willow Bank Talking Group", exact=True)).to_be_visible()
    axe(page)
    page.get_by_label("Note (optional)").fill("Changed the hours to Tuesdays")
    page.get_by_role("button", name="Resolved").click()
    expect(page.get_by_role("row", name="Resolved")).to_contain_text("Ana Reyes")
    axe(page)

    page.goto(live_server.url + "/admin/")
    expect(page.get_by_text("No open problem reports")).to_be_visible()
