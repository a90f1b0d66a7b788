"""Urgent help is one tap away on every page type, and 'Exit this page' leaves fast.

"Exit this page" must be reachable from anywhere on a page, so each page type is also
scrolled to the bottom (at phone size) to check the exit control is still on screen.
"""

import pytest
from playwright.sync_api import expect

PAGE_TYPES = {
    "home": "/",
    "results": "/services/?q=anxiety",
    "service": None,  # filled in from the directory
    "urgent help": "/urgent-help/",
    "report a problem": "report",  # filled in from the directory
    "my list": "/my-list/",
    "information": "/about/",
    "professionals": "/professionals/",
    "not found": "/no-such-page/",
}


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_every_page_type_has_urgent_help_and_an_exit(
    page, live_server, journey_directory, axe, javascript_enabled
):
    for page_type, path in PAGE_TYPES.items():
        if path in (None, "report"):
            path = f"/services/{journey_directory['line'].id}/" + ("report/" if path else "")
        page.goto(live_server.url + path)
        strip = page.get_by_role("region", name="Urgent help")
        expect(strip, f"urgent-help strip on the {page_type} page").to_be_visible()
        expect(strip.get_by_role("link", name="NHS 111, option 2")).to_have_attribute(
            "href", "tel:111"
        )
        expect(strip.get_by_role("link", name="Samaritans 116 123")).to_have_attribute(
            "href", "tel:116123"
        )
        expect(strip.get_by_role("link", name="Emergency 999")).to_have_attribute("href", "tel:999")
        expect(strip.get_by_role("link", name="Text SHOUT to 85258")).to_have_attribute(
            "href", "sms:85258?body=SHOUT"
        )
        expect(strip.get_by_role("link", name="Childline 0800 1111 (under 19s)")).to_have_attribute(
            "href", "tel:08001111"
        )
        axe(page)
        exit_link = page.get_by_role("link", name="Exit this page")
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        expect(exit_link, f"exit at the bottom of the {page_type} page").to_be_in_viewport(ratio=1)
        # Actionable where it is: visible, stable and not covered by anything else.
        exit_link.click(trial=True, timeout=2000)


def test_urgent_help_page_lists_every_number_from_site_settings(
    page, live_server, journey_directory, axe
):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="All urgent help").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get urgent help now")
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    expect(main.get_by_role("link", name="Text SHOUT to 85258")).to_have_attribute(
        "href", "sms:85258?body=SHOUT"
    )
    expect(main.get_by_role("link", name="Call 0800 1111")).to_be_visible()
    axe(page)


def test_exit_button_replaces_the_history_entry(page, live_server, journey_directory):
    page.goto(live_server.url + "/")
    page.goto(live_server.url + "/services/?q=anxiety")
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url(live_server.url + "/about/")
    page.go_back()
    # Back goes to the page before the one they left, not the one they were on.
    assert page.url == live_server.url + "/"


def test_pressing_shift_three_times_exits(page, live_server, journey_directory):
    page.goto(live_server.url + "/services/?q=anxiety")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(live_server.url + "/about/")


@pytest.mark.parametrize("javascript_enabled", [False], ids=["no-js"])
def test_without_javascript_exit_is_a_plain_link(
    page, live_server, journey_directory, javascript_enabled
):
    page.goto(live_server.url + "/services/?q=anxiety")
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url(live_server.url + "/about/")


def test_the_components_page_passes_axe_where_it_is_switched_on(
    page, live_server, journey_directory, axe, settings
):
    settings.SIGNPOST_COMPONENTS_PAGE = True
    page.goto(live_server.url + "/components/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Components")
    axe(page)
