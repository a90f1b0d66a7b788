"""Covering your tracks, the privacy notice and the accessibility statement, as reached."""

from playwright.sync_api import expect

from signpost.core.cookies import site_cookies


def test_covering_tracks_privacy_and_accessibility_are_one_tap_from_any_page(
    page, live_server, journey_directory, axe
):
    page.goto(live_server.url + "/services/?q=anxiety")
    page.get_by_role("link", name="Covering your tracks").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Covering your tracks")
    expect(page.get_by_role("heading", name="Use private browsing")).to_be_visible()
    axe(page)

    page.get_by_role("contentinfo").get_by_role("link", name="Privacy").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy notice")
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(len(site_cookies()))
    for cookie in site_cookies():
        expect(page.locator(f'tr[data-cookie="{cookie.name}"]')).to_contain_text(cookie.lifetime)
    axe(page)

    page.get_by_role("contentinfo").get_by_role("link", name="Accessibility statement").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Accessibility statement")
    expect(page.get_by_role("heading", name="Enforcement procedure")).to_be_visible()
    axe(page)
