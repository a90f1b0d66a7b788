"""A person in crisis sees, for every urgent contact, whether it is open right now."""

import pytest
from playwright.sync_api import expect

from signpost.core import urgent_contacts


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_each_urgent_contact_says_it_is_open_24_hours_and_open_now(
    page, live_server, journey_directory, axe, screen
):
    page.goto(live_server.url + "/urgent-help/")
    main = page.get_by_role("main")
    # The first route is on the first screen, with its hours.
    expect(main.get_by_role("link", name="Call 999")).to_be_in_viewport()
    for contact in urgent_contacts.nation_defaults("england"):
        item = main.locator(f'[data-contact="{contact["number"]}"]')
        expect(item).to_contain_text("24 hours, every day")
        expect(item.get_by_text("Open now")).to_be_visible()
    expect(main.locator('[data-contact="0800 1111"]')).to_contain_text("Under 19s")
    axe(page)
