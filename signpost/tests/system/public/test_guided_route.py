"""'Help me find support': people answer one question a page and reach filtered results.

The question pages answer a post, so with JavaScript off the shared axe helper (which reloads
the address in a scripted twin) would check the start page instead. `check` serves the twin
the very page the person is looking at, at its own address, and runs axe on that.
"""

import re

import pytest
from playwright.sync_api import expect

WITH_AND_WITHOUT_JS = pytest.mark.parametrize(
    "javascript_enabled", [True, False], ids=["js", "no-js"]
)


@pytest.fixture
def check(axe):
    def run(page):
        if getattr(page, "_signpost_js", True):
            axe(page)
            return
        html, address = page.content(), page.url
        context = page.context.browser.new_context(storage_state=page.context.storage_state())
        try:
            twin = context.new_page()
            twin.route(
                lambda url: url == address,
                lambda route: route.fulfill(status=200, content_type="text/html", body=html),
            )
            twin.goto(address)
            twin._signpost_js = True
            axe(twin)
        finally:
            context.close()

    return run


def heading(page):
    return page.get_by_role("heading", level=1)


def start(page, live_server, check):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Help me find support").click()
    expect(heading(page)).to_have_text("Help me find support")
    check(page)
    page.get_by_role("button", name="Start now").click()
    expect(heading(page)).to_have_text("Who is the support for?")
    check(page)


def answer(page, check, *, choose=(), fill=None, press="Continue"):
    """Answers the question on the page, checks it with axe first, then moves on."""
    for label in choose:
        page.get_by_label(label, exact=True).check()
    for label, text in (fill or {}).items():
        page.get_by_label(label).fill(text)
    page.get_by_role("button", name=press, exact=True).click()
    check(page)


@WITH_AND_WITHOUT_JS
def test_a_young_person_finds_support_for_themselves_going_back_once(
    page, live_server, journey_directory, check, javascript_enabled
):
    start(page, live_server, check)
    answer(page, check, choose=["Me"])
    expect(heading(page)).to_have_text("How old are you?")
    answer(page, check, fill={"How old are you?": "17"})
    expect(heading(page)).to_have_text("Where do you live?")
    # They go back to check their age: what they typed here comes back with them.
    page.get_by_label("Where do you live?").fill("Mansfield")
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_label("How old are you?")).to_have_value("17")
    answer(page, check)
    expect(page.get_by_label("Where do you live?")).to_have_value("Mansfield")
    answer(page, check)
    expect(heading(page)).to_have_text("What is happening?")
    answer(page, check, choose=["Anxiety"], fill={"In your own words (optional)": "panicky"})
    expect(heading(page)).to_have_text("How urgent is it?")
    answer(page, check, choose=["It's not urgent"])
    expect(heading(page)).to_have_text("Check your answers")
    expect(page.get_by_role("main")).to_contain_text("In your own words: panicky")
    page.get_by_role("button", name="Show services").click()
    expect(page).to_have_title(re.compile(r"^Search results \u2013 "))
    expect(page.get_by_role("heading", name="Mansfield Anxiety Support Group")).to_be_visible()
    # Over-18s only: a 17-year-old does not see it.
    expect(page.get_by_text("Talking Therapies Nottinghamshire")).to_have_count(0)
    check(page)


@WITH_AND_WITHOUT_JS
def test_a_carer_changes_an_age_from_check_your_answers(
    page, live_server, journey_directory, check, javascript_enabled
):
    start(page, live_server, check)
    answer(page, check, choose=["Someone I care for"])
    expect(heading(page)).to_have_text("How old are they?")
    answer(page, check, fill={"How old are they?": "15"})
    answer(page, check, press="Skip this question")
    answer(page, check, choose=["Low mood and depression"])
    answer(page, check, choose=["They need help soon, in the next few days"])
    expect(heading(page)).to_have_text("Check your answers")
    page.get_by_role("button", name="Change age").click()
    expect(page.get_by_label("How old are they?")).to_have_value("15")
    check(page)
    answer(page, check, fill={"How old are they?": "19"})
    expect(heading(page)).to_have_text("Check your answers")
    ages = page.locator(".nhsuk-summary-list__row", has_text="How old are they?")
    expect(ages).to_contain_text("19")
    expect(page.get_by_role("main")).to_contain_text("Low mood and depression")
    page.get_by_role("button", name="Show services").click()
    expect(page).to_have_url(re.compile(r"/services/\?age=19&need=low-mood$"))
    expect(page.get_by_role("heading", name="Talking Therapies Nottinghamshire")).to_be_visible()
    check(page)


@WITH_AND_WITHOUT_JS
def test_a_professional_sees_referral_details_with_the_results(
    page, live_server, journey_directory, check, javascript_enabled
):
    start(page, live_server, check)
    answer(page, check, choose=["I'm a professional helping someone"])
    expect(heading(page)).to_have_text("How old is the person you're helping?")
    answer(page, check, fill={"How old is the person you're helping?": "30"})
    expect(heading(page)).to_have_text("Where does the person you're helping live?")
    answer(page, check, fill={"Where does the person you're helping live?": "NG18"})
    answer(page, check, choose=["Anxiety"])
    answer(page, check, choose=["It's not urgent"])
    page.get_by_role("button", name="Show services").click()
    expect(page.get_by_text("You are seeing information for professionals")).to_be_visible()
    expect(page.get_by_role("heading", name="Talking Therapies Nottinghamshire")).to_be_visible()
    check(page)


@WITH_AND_WITHOUT_JS
def test_an_urgent_answer_goes_straight_to_urgent_help(
    page, live_server, journey_directory, check, javascript_enabled
):
    start(page, live_server, check)
    answer(page, check, choose=["Someone I care for"])
    answer(page, check, choose=["I'd rather not say"])
    answer(page, check, press="Skip this question")
    answer(page, check, fill={"In your own words (optional)": "talking about ending it"})
    answer(
        page, check, choose=["They might act on thoughts of suicide or harming themselves today"]
    )
    expect(heading(page)).to_have_text("Get urgent help now")
    expect(page.get_by_role("link", name="Call 999").first).to_be_visible()


@WITH_AND_WITHOUT_JS
def test_an_unanswered_question_says_what_to_do_and_keeps_the_answers(
    page, live_server, journey_directory, check, javascript_enabled
):
    start(page, live_server, check)
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile(r"^Error: Who is the support for\?"))
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link", name="Select who the support is for")).to_have_attribute(
        "href", "#who"
    )
    expect(page.locator("#who-error")).to_contain_text("Select who the support is for")
    check(page)
    answer(page, check, choose=["Me"])
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#age-error")).to_contain_text("Enter your age, or select")
    check(page)


@WITH_AND_WITHOUT_JS
def test_answers_typed_as_people_type_them(
    page, live_server, journey_directory, check, javascript_enabled
):
    start(page, live_server, check)
    answer(page, check, choose=["Me"])
    # Words for a number, and Enter rather than the button: Enter moves on, never back.
    page.get_by_label("How old are you?").fill("Twenty ONE")
    page.get_by_label("How old are you?").press("Enter")
    expect(heading(page)).to_have_text("Where do you live?")
    check(page)
    page.get_by_label("Where do you live?").fill("MANSFEILD")
    page.get_by_label("Where do you live?").press("Enter")
    expect(heading(page)).to_have_text("What is happening?")
    answer(page, check, fill={"In your own words (optional)": "Cant Stop Worrying"})
    answer(page, check, choose=["I need help soon, in the next few days"])
    rows = page.locator(".nhsuk-summary-list")
    expect(rows.locator(".nhsuk-summary-list__row", has_text="How old")).to_contain_text("21")
    expect(rows).to_contain_text("MANSFEILD")
    page.get_by_role("button", name="Show services").click()
    # The search page reads the place its own way (corrected, or said kindly to be unknown).
    expect(page).to_have_url(re.compile(r"age=21&where=MANSFEILD"))
    expect(
        page.get_by_role("heading", level=2, name=re.compile("result|service", re.I)).first
    ).to_be_visible()
    check(page)
