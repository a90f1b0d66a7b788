"""Someone worried about another person's safety sees what to do for them, first."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_a_search_about_someone_else_at_risk_says_what_to_do_for_them(
    page, live_server, journey_directory, axe, javascript_enabled
):
    page.goto(live_server.url + "/services/")
    page.get_by_label("What do you need help with?").fill("my partner says he wants to end it")
    page.get_by_label("What do you need help with?").press("Enter")

    message = page.locator(".sp-crisis-callout")
    expect(message.get_by_role("heading", name="If someone else is at risk")).to_be_visible()
    expect(message).to_contain_text("If they are in danger now")
    expect(message.get_by_role("link", name="999", exact=True)).to_have_attribute("href", "tel:999")
    expect(message.get_by_role("link", name="Samaritans: 116 123")).to_have_attribute(
        "href", "tel:116123"
    )
    results = page.get_by_role("link", name="National Listening Line")
    expect(results.first).to_be_visible()  # the 24/7 line is pinned first
    axe(page)


def test_an_injury_search_says_999_or_a_and_e_first(page, live_server, journey_directory, axe):
    page.goto(live_server.url + "/services/?q=my+son+took+too+many+pills")
    message = page.locator(".sp-crisis-callout")
    expect(message.get_by_role("heading", name="Get medical help now")).to_be_visible()
    expect(message).to_contain_text("go to A&E now")
    axe(page)
