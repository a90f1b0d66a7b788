"""A service page read on a phone: back to the same results, languages named for their readers."""

from urllib.parse import urlencode

from playwright.sync_api import expect

from signpost.directory.models import Language


def test_back_to_results_returns_to_the_same_search_and_languages_carry_their_lang(
    page, live_server, journey_directory, axe
):
    group = journey_directory["group"]
    Language.objects.create(service=group, code="pl", name="Polish")
    Language.objects.create(service=group, code="ur", name="Urdu")
    search = urlencode({"q": "feeling anxious", "where": "Mansfield", "age": "17"})
    page.goto(f"{live_server.url}/services/?{search}")
    page.get_by_role("link", name=group.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(group.name)
    expect(page.locator('[lang="pl"]')).to_have_text("Polski")
    expect(page.locator('[lang="ur"]')).to_have_attribute("dir", "rtl")
    axe(page)

    page.get_by_role("link", name="Back to results").click()
    expect(page.get_by_label("What do you need help with?")).to_have_value("feeling anxious")
    expect(page.get_by_label("Age of the person who needs help").first).to_have_value("17")
    expect(page.get_by_role("link", name=group.name)).to_be_visible()
    assert page.url.startswith(f"{live_server.url}/services/?{search}")
