"""Where they live, anywhere in the UK: a slip corrected and said, a full postcode, a name
several places share, a place we do not know and a postcode that does not exist."""

import pytest
from playwright.sync_api import expect

from signpost.directory.gazetteer.loader import load_gazetteer
from signpost.directory.models import Location
from signpost.directory.tests.factories import ServiceFactory, add_location, add_phone


@pytest.fixture
def uk_directory(transactional_db, live_server):
    from signpost.nonprod.demo import build_site

    build_site()
    load_gazetteer(refresh=False)
    group = ServiceFactory(
        name="Market Town Talking Group",
        description="A weekly group to talk about worries, low mood and stress.",
    )
    location = add_location(group, city="Dereham", postcode="NR19 1AB")
    Location.objects.filter(pk=location.pk).update(latitude=52.681, longitude=0.939)
    group.save()
    ServiceFactory(
        name="Island Listening Service",
        description="A listening ear for worries and stress on the island.",
        areas=["Isle of Wight"],
    )
    line = ServiceFactory(
        name="Whole Country Talk Line",
        description="Talk to someone about worries, any time.",
        areas=["United Kingdom"],
    )
    add_phone(line, "116 123")


def search_for(page, where):
    """Give a place in the search form (opening 'Age and where they live' if it is shut)."""
    details = page.locator("details.sp-search__more")
    if details.get_attribute("open") is None:
        page.locator("summary", has_text="Age and where they live").click()
    page.get_by_label("Where do they live?").fill(where)
    page.get_by_role("button", name="Search", exact=True).click()


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_finding_help_near_home_by_town_postcode_and_a_shared_name(
    page, live_server, uk_directory, axe, javascript_enabled
):
    page.goto(live_server.url + "/services/")
    page.get_by_label("What do you need help with?").fill("talk about my worries")
    search_for(page, "Derehm")
    expect(page.get_by_text("Showing services near Dereham.")).to_be_visible()
    group = page.locator(".sp-result", has_text="Market Town Talking Group")
    expect(group).to_contain_text("less than a mile away")
    expect(page.locator(".sp-result", has_text="Island Listening Service")).to_have_count(0)
    assert "Dere" not in page.title()
    axe(page)

    search_for(page, "NR19 1AB")
    expect(group).to_be_visible()
    expect(page.locator("#place-notice")).to_have_count(0)
    axe(page)

    search_for(page, "Newport")
    expect(page.get_by_role("heading", name="Which Newport do you mean?")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Newport, Isle of Wight").click()
    expect(page.locator(".sp-result", has_text="Island Listening Service")).to_be_visible()
    expect(page.locator(".sp-result", has_text="Market Town Talking Group")).to_have_count(0)
    expect(page.get_by_label("Where do they live?")).to_have_value("Newport, Isle of Wight")
    axe(page)


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_an_unknown_place_and_a_postcode_that_does_not_exist_are_said_plainly(
    page, live_server, uk_directory, axe, javascript_enabled
):
    page.goto(live_server.url + "/services/?q=talk+about+worries&where=Zorbleton+Magna")
    expect(page.get_by_text("We do not know a place called Zorbleton Magna")).to_be_visible()
    expect(page.locator(".sp-result", has_text="Whole Country Talk Line")).to_be_visible()
    expect(page.locator(".sp-result", has_text="Market Town Talking Group")).to_have_count(0)
    axe(page)

    search_for(page, "QQ9 9QQ")
    error = page.locator("#where-error")
    expect(error).to_contain_text("We cannot find the postcode QQ9 9QQ")
    expect(page.get_by_label("Where do they live?")).to_have_value("QQ9 9QQ")
    axe(page)
