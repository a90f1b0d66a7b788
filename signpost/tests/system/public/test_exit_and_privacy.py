"""Typing never trips 'Exit this page'; the professional view returns you to your page."""

import pytest
from playwright.sync_api import expect

SENTENCE = "My Son Is Not Sleeping"
TEXT_FIELDS = (
    "input[type=text]:visible:not([readonly]), input[type=search]:visible,"
    " input[type=email]:visible, input:not([type]):visible, textarea:visible"
)


def type_like_a_person(page, text: str) -> None:
    """Hold Shift for each capital, as people do: Shift down, letter, Shift up."""
    for character in text:
        if character.isupper():
            page.keyboard.down("Shift")
            page.keyboard.press(f"Key{character}")
            page.keyboard.up("Shift")
        else:
            page.keyboard.type(character)


def fill_every_text_field(page) -> int:
    # Fields tucked inside a closed disclosure (such as a filter panel) count too.
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    fields = page.locator(TEXT_FIELDS)
    for index in range(fields.count()):
        field = fields.nth(index)
        field.fill("")
        field.focus()
        type_like_a_person(page, SENTENCE)
        expect(field).to_have_value(SENTENCE)
    return fields.count()


def test_typing_capitals_in_every_text_field_does_not_exit(page, live_server, journey_directory):
    service = journey_directory["group"]
    pages = {
        "home": ("/", 2),
        "search": ("/services/?q=anxiety", 3),
        "report a problem": (f"/services/{service.id}/report/", 2),
    }
    for name, (path, at_least) in pages.items():
        page.goto(live_server.url + path)
        typed_into = fill_every_text_field(page)
        assert typed_into >= at_least, f"only {typed_into} text fields found on the {name} page"
        page.wait_for_timeout(300)  # an exit would have begun by now
        assert page.url == live_server.url + path, f"typing on the {name} page left the site"


def test_only_shift_presses_in_a_row_count_towards_exit(page, live_server, journey_directory):
    path = "/services/?q=anxiety"
    page.goto(live_server.url + path)
    for key in ["Shift", "Shift", "a", "Shift"]:
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url == live_server.url + path
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(live_server.url + "/about/")


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_the_professional_view_switches_on_and_off_and_returns_to_the_service(
    page, live_server, journey_directory, axe, javascript_enabled
):
    service_url = f"{live_server.url}/services/{journey_directory['therapy'].id}/"
    page.goto(service_url)
    # Both ways in carry the page you were on: the service page's own link, and the header's.
    if javascript_enabled:
        page.get_by_role("main").get_by_role("link", name="Are you a professional?").click()
    else:
        page.get_by_role("navigation", name="Main menu").get_by_role(
            "link", name="For professionals"
        ).click()
    axe(page)
    page.get_by_role("button", name="Show information for professionals").click()
    page.wait_for_url(service_url)
    expect(page.get_by_text("You are seeing information for professionals")).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Switch this off").click()
    page.wait_for_url(service_url)
    expect(page.get_by_text("You are seeing information for professionals")).to_have_count(0)
