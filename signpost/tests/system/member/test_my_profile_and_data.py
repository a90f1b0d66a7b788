"""A member accepts the agreement, fills in their profile, gives and withdraws a consent,
and takes away everything held about them, readable and as JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from signpost.workspace.tests.factories import GroupFactory, member_of


def _sign_in(page, live_server, user) -> None:
    """Sign in by session cookie: the sign-in journey itself is tested with accounts."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.fixture
def site(transactional_db, live_server):
    from signpost.nonprod.demo import build_site

    build_site()


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_a_member_fills_their_profile_changes_a_consent_and_downloads_their_data(
    page, live_server, axe, site
):
    group = GroupFactory(name="Website voices")
    _sign_in(page, live_server, member_of(group, first_name="Nadia", accepted_agreement=False))

    page.goto(live_server.url + "/workspace/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Our community agreement")
    axe(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Tick the box to say you accept")).to_have_count(2)
    page.get_by_label("I have read the community agreement and I accept it").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your groups")

    page.get_by_role("link", name="Your profile").click()
    axe(page)
    page.get_by_role("link", name="Change the name we use").click()
    page.get_by_label("The name you would like us to use").fill("Nadz")
    page.get_by_label("Text message").check()
    page.get_by_label("Large print").check()
    page.get_by_role("button", name="Save your profile").click()
    error = page.locator("#phone-error")
    expect(error).to_contain_text("Enter a phone number")
    axe(page)
    page.get_by_label("Phone number (for calls or texts)").fill("07700 900456")
    page.get_by_role("button", name="Save your profile").click()
    expect(page.get_by_text("Your profile is saved")).to_be_visible()
    expect(page.get_by_text("Large print")).to_be_visible()

    # The hidden part of a button's name is its own box, so browsers may put a space before it.
    agree = re.compile(r"^Agree\s*: Let facilitators of my groups")
    page.get_by_role("button", name=agree).click()
    withdraw = page.get_by_role("button", name=re.compile(r"^Withdraw\s*: Let facilitators"))
    expect(withdraw).to_be_visible()
    axe(page)
    withdraw.click()
    expect(page.get_by_role("button", name=agree)).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Let facilitators of my groups")

    page.get_by_role("link", name="Read everything we hold about you").click()
    expect(page.get_by_text("Nadz")).to_be_visible()
    expect(page.get_by_role("heading", name="Consents")).to_be_visible()
    axe(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="download it as a JSON file").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    labels = {section["label"] for section in data["sections"]}
    assert {"workspace.MemberProfile", "workspace.Consent", "workspace.Membership"} <= labels


def test_a_facilitator_reads_shared_access_needs_then_the_member_leaves(
    page, live_server, axe, site
):
    from signpost.workspace.models import ConsentTopic, MemberProfile
    from signpost.workspace.profile.services import give_consent

    group = GroupFactory(name="Website voices")
    member = member_of(group, first_name="Nadia")
    MemberProfile.objects.create(user=member, preferred_name="Nadz", access_needs=["companion"])
    give_consent(user=member, topic=ConsentTopic.ACCESS_NEEDS_TO_FACILITATORS)
    _sign_in(page, live_server, member_of(group, role="facilitator", first_name="Femi"))
    page.goto(f"{live_server.url}/workspace/groups/{group.slug}/")
    page.get_by_role("link", name="Access needs members have shared with you").click()
    expect(page.get_by_text("Someone to come with me")).to_be_visible()
    axe(page)

    page.context.clear_cookies()
    _sign_in(page, live_server, member)
    page.goto(live_server.url + "/workspace/me/")
    expect(page.get_by_text("Femi (Website voices)")).to_be_visible()
    page.get_by_role("link", name="Leave and ask us to forget you").click()
    axe(page)
    page.get_by_label("I want to leave and be forgotten").check()
    page.get_by_role("button", name="Leave and forget me").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have left")
    axe(page)
    page.goto(f"{live_server.url}/workspace/me/")
    expect(page).not_to_have_url(f"{live_server.url}/workspace/me/")
