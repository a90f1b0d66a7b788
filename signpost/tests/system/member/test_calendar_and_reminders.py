"""A member finds their calendar address, gets a new one and chooses no reminders (phone, axe)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from signpost.meetings.tests.factories import with_slot
from signpost.reminders.models import CalendarChoice
from signpost.workspace.tests.factories import GroupFactory, member_of

pytestmark = pytest.mark.browser


@pytest.fixture
def member(transactional_db):
    from signpost.nonprod.demo import build_site

    build_site()  # a Wagtail site for the page chrome
    return member_of(with_slot(GroupFactory(name="Website voices")))


def test_a_member_gets_a_new_calendar_address_and_turns_reminders_off(page, live_server, axe,
                                                                      member):  # fmt: skip
    client = Client()
    client.force_login(member)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page.goto(f"{live_server.url}/workspace/")
    page.get_by_role("link", name="Calendar", exact=True).click()
    address = page.get_by_label("Calendar address for all your groups")
    old = address.input_value()
    assert "/workspace/calendar/feed/" in old
    axe(page)
    page.get_by_role("button", name="Get a new address for all your groups").click()
    expect(page.get_by_text("New address made")).to_be_visible()
    assert page.get_by_label("Calendar address for all your groups").input_value() != old
    page.get_by_label("No reminders").check()
    page.get_by_role("button", name="Save your choices").click()
    expect(page.get_by_text("Your calendar and reminder choices are saved")).to_be_visible()
    axe(page)
    assert CalendarChoice.objects.get(user=member).reminders == "none"
