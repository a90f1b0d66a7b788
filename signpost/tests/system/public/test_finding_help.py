"""A person finds help: home → search → filter → service → my list → print."""

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize("screen", ["phone", "desktop"])
@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_a_young_person_finds_a_local_group_saves_it_and_prints_the_list(
    page, live_server, journey_directory, axe, javascript_enabled, screen
):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Find mental health support")
    axe(page)

    page.get_by_label("What do you need help with?").fill("feeling anxious")
    page.get_by_label("Where do you live? (optional)").fill("Mansfield")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="Mansfield Anxiety Support Group")).to_be_visible()
    axe(page)

    # After a search, age and place fold away under one line to keep results near the top.
    page.locator("summary", has_text="Age and where they live").click()
    page.get_by_label("Age of the person who needs help").fill("17")
    page.locator("summary", has_text="How to get it").click()
    page.get_by_label("Self-referral").check()
    page.get_by_role("button", name="Apply filters").click()
    results = page.locator(".sp-result")
    expect(results.first).to_contain_text("Ages 16 to 25 · self-referral · Mansfield · free")
    # Talking therapies is for over-18s only, so a 17-year-old does not see it.
    expect(page.get_by_text("Talking Therapies Nottinghamshire")).to_have_count(0)
    axe(page)

    page.get_by_role("link", name="Mansfield Anxiety Support Group").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mansfield Anxiety Support Group")
    expect(page.get_by_role("link", name="01632 960123").first).to_have_attribute(
        "href", "tel:01632960123"
    )
    axe(page)

    page.get_by_role("button", name="Save to my list").click()
    expect(page.get_by_role("status")).to_contain_text("added to your list")
    page.get_by_role("link", name="My list (1)").click()
    expect(page.get_by_role("heading", name="Mansfield Anxiety Support Group")).to_be_visible()
    share_link = page.get_by_label("Share this list").input_value()
    axe(page)

    page.get_by_role("link", name="Print my list").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My list of services")
    expect(page.get_by_text("Call 01632 960123")).to_be_visible()
    print_button = page.get_by_role("button", name="Print this list")
    if javascript_enabled:
        expect(print_button).to_be_visible()
    else:
        expect(print_button).to_be_hidden()
    axe(page)

    # Someone else opens the shared link in a fresh browser.
    other = page.context.browser.new_context(java_script_enabled=javascript_enabled)
    shared = other.new_page()
    shared._signpost_js = javascript_enabled
    shared.goto(share_link)
    expect(shared.get_by_role("heading", level=1)).to_have_text(
        "A list of services shared with you"
    )
    expect(shared.get_by_role("link", name="Mansfield Anxiety Support Group")).to_be_visible()
    axe(shared)
    other.close()


def test_no_results_say_so_kindly_and_offer_helplines(page, live_server, journey_directory, axe):
    page.goto(live_server.url + "/services/?q=qqqzzzxx")
    expect(page.get_by_text("Sorry, we could not find a service")).to_be_visible()
    expect(page.get_by_role("link", name="National Listening Line")).to_be_visible()
    axe(page)


def test_bad_input_is_explained_next_to_the_field(page, live_server, journey_directory, axe):
    page.goto(live_server.url + "/services/?age=-5&where=Qzxxq!&q=anxiety")
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    expect(page.locator("#age-error")).to_contain_text("whole number")
    expect(page.locator("#where-error")).to_contain_text("We do not know that place")
    expect(page.get_by_label("Where do they live?")).to_have_value("Qzxxq!")
    axe(page)


def test_reporting_a_problem_keeps_what_was_typed_when_something_is_missing(
    page, live_server, journey_directory, axe
):
    service = journey_directory["group"]
    page.goto(f"{live_server.url}/services/{service.id}/")
    page.get_by_role("link", name="Report a problem with this page").click()
    page.get_by_label("Tell us more").fill("The phone number has changed.")
    page.get_by_role("button", name="Send report").click()
    expect(page.locator("#kind-error")).to_contain_text("Select what is wrong")
    expect(page.get_by_label("Tell us more")).to_have_value("The phone number has changed.")
    axe(page)
    page.get_by_label("The phone number, email or website is wrong").check()
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    axe(page)


def test_every_filter_is_usable_with_all_sections_open(page, live_server, journey_directory, axe):
    from signpost.directory.models import Language

    Language.objects.create(
        service=journey_directory["group"], name="British Sign Language", code="bfi"
    )
    page.goto(live_server.url + "/services/?need=anxiety&free=on")
    for summary in page.locator("details.sp-filter > summary").all():
        if summary.locator("xpath=..").get_attribute("open") is None:
            summary.click()
    axe(page)
    page.get_by_label("British Sign Language").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="1 service")).to_be_visible()
    page.get_by_label("Any language").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="2 services")).to_be_visible()
