"""A member signs in with the code we email: no password, with or without JavaScript."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from signpost.users.services import create_member_account
from signpost.workspace.services import add_member
from signpost.workspace.tests.factories import GroupFactory


@pytest.fixture
def member(transactional_db):
    from signpost.nonprod.demo import build_site
    from signpost.workspace.profile.services import accept_agreement

    build_site()
    group = GroupFactory(name="Website shapers")
    person = create_member_account(email="asha@example.org", preferred_name="Asha", by=None)
    add_member(group=group, user=person)
    accept_agreement(user=person)
    return person


@pytest.mark.parametrize("screen", ["phone", "desktop"])
@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_a_member_signs_in_with_an_emailed_code_and_sees_their_group(
    page, live_server, member, axe, screen, javascript_enabled
):
    page.goto(live_server.url + "/workspace/")
    expect(page.get_by_role("heading", name="Sign in", exact=True)).to_be_visible()
    # The passkey button needs JavaScript and a browser with passkeys; without, it is hidden.
    if not javascript_enabled:
        expect(page.get_by_role("button", name="Sign in with a passkey")).to_be_hidden()
    axe(page)

    page.get_by_role("button", name="Email me a sign-in code").click()
    page.get_by_label("Email").fill("asha@example.org")
    axe(page)
    page.get_by_role("button", name="Send the code").click()

    expect(page.get_by_role("heading", name="Enter your sign-in code")).to_be_visible()
    axe(page)
    code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}", mail.outbox[-1].body).group(0)
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", name="Your groups")).to_be_visible()
    expect(page.get_by_role("link", name="Website shapers")).to_be_visible()
    axe(page)
