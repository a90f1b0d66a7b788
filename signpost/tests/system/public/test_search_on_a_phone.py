"""Searching on a phone: urgent help and the first result come before the filters."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from signpost.directory.tests.factories import ServiceFactory, add_phone, add_schedule
from signpost.tests.system.conftest import SCREENS


@pytest.fixture
def crisis_line(journey_directory):
    line = ServiceFactory(
        name="Midnight Crisis Line",
        areas=["United Kingdom"],
        description="Call free if you feel suicidal or are in crisis, day or night.",
    )
    add_phone(line, "0800 111 222")
    add_schedule(
        line,
        freq="WEEKLY",
        byday="MO,TU,WE,TH,FR,SA,SU",
        opens_at=dt.time(0),
        closes_at=dt.time(23, 59),
    )
    return line


def first_screen_height(screen):
    return SCREENS[screen]["height"]


@pytest.mark.parametrize("screen", ["phone", "desktop"])
@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_urgent_help_and_the_first_result_are_on_the_first_screen(
    page, live_server, crisis_line, axe, javascript_enabled, screen
):
    page.goto(live_server.url + "/services/?q=my+son+is+15+and+feels+suicidal")
    expect(page).to_have_title(
        "Search results \u2013 Find support" + page.title().split("support")[1]
    )
    assert "suicidal" not in page.title() and "15" not in page.title()

    callout = page.locator(".nhsuk-warning-callout").first.bounding_box()
    first_link = page.locator(".sp-result h3 a").first
    expect(first_link).to_have_text("Midnight Crisis Line")
    first = first_link.bounding_box()
    bottom = first_screen_height(screen)
    assert callout and first
    assert callout["y"] >= 0 and callout["y"] + callout["height"] <= bottom
    assert first["y"] + 24 <= bottom, "the first result's name is below the first screen"
    # The filters come after the first result, never between it and the person.
    filters = page.locator("#filters").bounding_box()
    assert filters and (filters["y"] > first["y"] or filters["x"] + filters["width"] <= first["x"])
    # The age read from the words shows as a tag that can be changed.
    expect(page.get_by_role("link", name="Age 15")).to_be_visible()
    axe(page)


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_chosen_filters_show_above_the_results_and_each_removes_itself(
    page, live_server, journey_directory, axe, javascript_enabled
):
    page.goto(live_server.url + "/services/?need=anxiety&access=self-referral&age=17")
    expect(page.get_by_role("heading", level=1)).to_have_text("Anxiety: 1 service for age 17")
    results = page.locator(".sp-result").first.bounding_box()
    tag = page.get_by_role("link", name="Remove filter: Self-referral")
    box = tag.bounding_box()
    assert box and results and box["y"] < results["y"] < first_screen_height("phone")
    axe(page)

    tag.click()
    expect(page.get_by_role("link", name="Remove filter: Self-referral")).to_have_count(0)
    expect(page.get_by_role("link", name="Remove filter: Anxiety")).to_be_visible()
    page.get_by_role("link", name="Remove filter: Age 17").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anxiety: 2 services")

    # "Filter results" jumps past the results to the filters, and they still work.
    page.get_by_role("link", name="Filter results").click()
    page.locator("summary", has_text="How to get it").click()
    page.get_by_label("GP referral").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("link", name="Remove filter: GP referral")).to_be_visible()


def test_a_place_outside_the_area_still_gets_services_anyone_can_use(
    page, live_server, journey_directory, axe
):
    page.goto(live_server.url + "/services/?q=a+listening+ear&where=Aberystwyth")
    expect(page.get_by_text("We do not know a place called Aberystwyth")).to_be_visible()
    expect(page.get_by_role("link", name="National Listening Line")).to_be_visible()
    expect(page.locator("#where-error")).to_have_count(0)
    axe(page)
