"""A member finds the next meeting; a facilitator moves one with a reason and it is counted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from signpost.meetings.tests.factories import past_meeting, with_slot
from signpost.workspace.models import Role
from signpost.workspace.tests.factories import GroupFactory, member_of


def _sign_in(page, live_server, user) -> None:
    """Sign in by session cookie: the sign-in journey itself is tested with accounts."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.fixture
def group(transactional_db):
    from signpost.nonprod.demo import build_site

    build_site()  # a Wagtail site for the page chrome (the flush between tests removes it)
    return with_slot(GroupFactory(name="Website voices", neutral_name="Tuesday circle"))


@pytest.mark.parametrize("screen", ["phone", "desktop"])
@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_a_member_sees_the_next_meeting_from_their_home(page, live_server, axe, group):
    _sign_in(page, live_server, member_of(group, first_name="Asha"))
    nxt = group.meetings.upcoming().first()
    when = nxt.local_start.strftime("%A %-d %B %Y, %H:%M")
    page.goto(live_server.url + "/workspace/")
    expect(page.get_by_role("link", name=when)).to_be_visible()
    axe(page)
    page.get_by_role("link", name=when).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        nxt.local_start.strftime("%A %-d %B %Y")
    )
    expect(page.get_by_text("Community Room, 1 High Street")).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Send apologies: I cannot come").click()
    expect(page.get_by_text("Your apologies are sent")).to_be_visible()


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_a_facilitator_moves_a_meeting_with_a_reason_and_the_steadiness_line_changes(
    page, live_server, axe, group
):
    for months in range(1, 13):
        past_meeting(group, days_ago=30 * months)
    _sign_in(page, live_server, member_of(group, role=Role.FACILITATOR))
    page.goto(f"{live_server.url}/workspace/groups/{group.slug}/")
    expect(page.get_by_text("12 of 12 meetings at the usual time.")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="All meetings of Website voices").click()
    axe(page)
    nxt = group.meetings.upcoming().first()
    page.get_by_role("link", name=nxt.local_start.strftime("%A %-d %B %Y, %H:%M")).click()
    page.get_by_role("link", name="Move or cancel this meeting").click()
    expect(page.get_by_text("eroded trust and attendance")).to_be_visible()
    axe(page)
    page.get_by_role("radio", name="Move this meeting").check()
    page.get_by_role("button", name="Save and tell members").click()
    expect(page.get_by_role("link", name="Say why, so members understand")).to_be_visible()
    axe(page)
    new_day = nxt.local_start.date() + dt.timedelta(days=1)
    page.get_by_label("Day", exact=True).fill(str(new_day.day))
    page.get_by_label("Month", exact=True).fill(str(new_day.month))
    page.get_by_label("Year", exact=True).fill(str(new_day.year))
    page.get_by_label("Why?").fill("The room is booked for an election count")
    page.get_by_role("button", name="Save and tell members").click()
    expect(page.get_by_text("Members have been told")).to_be_visible()
    page.goto(f"{live_server.url}/workspace/groups/{group.slug}/")
    expect(page.get_by_text("12 of 13 meetings at the usual time; 1 moved.")).to_be_visible()
