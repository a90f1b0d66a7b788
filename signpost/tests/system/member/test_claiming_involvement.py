"""A member claims for a meeting they came to; the group's facilitator approves it and looks at
the dashboard. On a phone, with JavaScript on and off, axe on each page."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from signpost.involvement.models import Claim
from signpost.involvement.tests.factories import attended_meeting, with_rates
from signpost.meetings.tests.factories import with_slot
from signpost.workspace.models import Role
from signpost.workspace.tests.factories import GroupFactory, member_of


def _sign_in(page, live_server, user) -> None:
    """Sign in by session cookie: the sign-in journey itself is tested with accounts."""
    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.fixture
def group(transactional_db):
    from signpost.nonprod.demo import build_site

    build_site()  # a Wagtail site for the page chrome (the flush between tests removes it)
    group = with_slot(GroupFactory(name="Website voices"))
    with_rates(group, pay="20")
    return group


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_a_member_claims_for_a_meeting_they_attended_and_the_facilitator_approves_it(
    page, live_server, axe, group
):
    member = member_of(group, first_name="Asha")
    meeting = attended_meeting(group, member, days_ago=7)
    day = meeting.local_start.strftime("%-d %B %Y")
    _sign_in(page, live_server, member)
    page.goto(f"{live_server.url}/workspace/groups/{group.slug}/")
    page.get_by_role("link", name="Your meetings and payments").click()
    axe(page)
    page.get_by_role("link", name=f"Claim or decline for {day}").click()
    expect(page.get_by_text("Payments can affect benefits")).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Send my choice").click()
    expect(page.get_by_role("link", name="Choose how you would like to be paid")).to_be_visible()
    axe(page)
    page.get_by_role("radio", name="Involvement payment (£20.00)").check()
    page.get_by_label("Expenses (optional)").fill("3.80")
    page.get_by_label("What were the expenses for?").fill("Bus fare")
    page.get_by_role("button", name="Send my choice").click()
    expect(page.get_by_text("Thank you. Your choice is saved.")).to_be_visible()
    expect(page.get_by_role("cell", name="Waiting for a facilitator")).to_be_visible()

    _sign_in(page, live_server, member_of(group, role=Role.FACILITATOR))
    page.goto(f"{live_server.url}/workspace/groups/{group.slug}/")
    page.get_by_role("link", name="Facilitator's dashboard").click()
    expect(page.get_by_role("heading", name="Attendance at the last meeting")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Claims waiting for a decision").click()
    axe(page)
    page.get_by_role("button", name="Approve the claim from Asha").click()
    expect(page.get_by_text("Claim approved.")).to_be_visible()
    axe(page)
    assert Claim.objects.approved().count() == 1
