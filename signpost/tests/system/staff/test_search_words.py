"""A maintainer reads what people searched for that found too little, and maps a phrase."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from signpost.directory.tests.factories import ServiceFactory, TaxonomyFactory, TermFactory
from signpost.tests.system.staff.sign_in import sign_in_to_admin

PASSWORD = "a-long-test-password-3"


@pytest.fixture
def browser_context_args(browser_context_args):
    """Staff work at a desk; without JavaScript, Wagtail's sidebar covers a phone-width page."""
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def maintainer(transactional_db, django_user_model):
    group = Group.objects.create(name="Search word keepers")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                "view_unmatchedsearch",
                "view_searchphrase",
                "add_searchphrase",
                "change_searchphrase",
            ]
        )
    )
    user = django_user_model.objects.create_user(
        "wordsmith", "wordsmith@example.org", PASSWORD, first_name="Sam", last_name="Okafor"
    )
    user.groups.add(group)
    return user


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_a_phrase_nobody_found_is_mapped_and_then_found(
    page, live_server, maintainer, axe, javascript_enabled
):
    from signpost.nonprod.demo import build_site

    build_site()
    money = TermFactory(taxonomy=TaxonomyFactory(name="needs"), code="money", name="Money advice")
    ServiceFactory(
        name="Riverside Advice Centre",
        description="Free help to sort out bills, benefits and arrears.",
        areas=["Nottingham and Nottinghamshire"],  # local, so not offered as a national line
        terms=[money],
    )
    page.goto(live_server.url + "/services/?q=on+my+uppers")
    expect(page.get_by_role("link", name="Riverside Advice Centre")).to_have_count(0)

    sign_in_to_admin(page, live_server, maintainer, PASSWORD)
    page.goto(live_server.url + "/admin/search-words/too-little/")
    expect(page.get_by_role("heading", name="Searches that found too little")).to_be_visible()
    row = page.get_by_role("row", name="on my uppers")
    expect(row).to_contain_text("1")
    axe(page)

    row.get_by_role("link", name="Add a mapping").click()
    expect(page.get_by_role("textbox", name="Phrase")).to_have_value("on my uppers")
    axe(page)
    page.get_by_role("checkbox", name="Debt").check()
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_role("link", name="on my uppers")).to_be_visible()
    axe(page)

    page.goto(live_server.url + "/admin/search-words/too-little/")
    expect(page.get_by_role("row", name="on my uppers")).to_contain_text("Mapped")

    page.goto(live_server.url + "/services/?q=on+my+uppers")
    expect(page.get_by_role("link", name="Riverside Advice Centre")).to_be_visible()
    axe(page)
