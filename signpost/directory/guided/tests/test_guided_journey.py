"""The guided route as a whole: answers carried in the page, back, change, urgent help, results."""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse

from signpost.core.jinja_globals import PROFESSIONAL_SESSION_KEY
from signpost.directory.tests.factories import (
    ServiceFactory,
    TaxonomyFactory,
    TermFactory,
)

GUIDED = reverse("directory:guided")
URGENT = reverse("core:urgent_help")
EVERYTHING = {
    "who": "carer",
    "age": "15",
    "where": "Mansfield",
    "need": ["sleep", "worry"],
    "details": "Not sleeping since exams",
    "urgency": "soon",
}


@pytest.fixture
def area(db, home_page):
    needs = TaxonomyFactory(name="needs")
    worry = TermFactory(taxonomy=needs, code="worry", name="Worry and fear")
    sleep = TermFactory(taxonomy=needs, code="sleep", name="Sleep problems")
    ServiceFactory(name="Night line", terms=[worry, sleep])


def hidden(html: str) -> list[tuple[str, str]]:
    """The answers a page carries, as (name, value), in page order."""
    return re.findall(
        r'<input type="hidden" name="(?!csrf|step|return_to)(\w+)" value="([^"]*)"', html
    )


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_the_start_page_explains_the_route_and_keeps_nothing(client, area):
    response = client.get(GUIDED)
    assert response.status_code == 200
    assert "Help me find support" in title(response.content.decode())
    assert "no-store" in response["Cache-Control"]


def test_each_answer_leads_to_the_next_question_carrying_the_ones_before(client, area):
    page = client.post(GUIDED, {"go": "start"}).content.decode()
    assert "Who is the support for?" in title(page)
    page = client.post(GUIDED, {"step": "who", "who": "carer"}).content.decode()
    assert "How old are they?" in title(page)
    assert hidden(page) == [("who", "carer")]
    page = client.post(GUIDED, {"step": "age", "who": "carer", "age": "15"}).content.decode()
    assert "Where do they live?" in title(page)
    assert hidden(page) == [("who", "carer"), ("age", "15")]


def test_the_questions_speak_to_a_person_asking_for_themselves(client, area):
    page = client.post(GUIDED, {"step": "who", "who": "me"}).content.decode()
    assert "How old are you?" in title(page)


def test_an_unanswered_question_shows_the_error_summary_and_the_message_by_the_field(client, area):
    page = client.post(GUIDED, {"step": "needs", "who": "me", "age": "30"}).content.decode()
    assert title(page).startswith("Error: What is happening?")
    assert "There is a problem" in page
    assert 'href="#need"' in page
    assert page.count("Select what is happening, or tell us in your own words") == 2
    assert hidden(page) == [("who", "me"), ("age", "30")]


def test_back_keeps_what_was_typed_on_the_page_even_unchecked(client, area):
    page = client.post(
        GUIDED, {"step": "where", "go": "back", "who": "me", "age": "30", "where": "Mansfeild"}
    ).content.decode()
    assert "How old are you?" in title(page)
    assert ("where", "Mansfeild") in hidden(page)
    assert 'value="30"' in page


def test_back_from_the_first_question_reaches_the_start_still_carrying_answers(client, area):
    page = client.post(GUIDED, {"step": "who", "go": "back", "who": "me", "age": "30"})
    html = page.content.decode()
    assert "<h1>Help me find support</h1>" in html
    assert ("age", "30") in hidden(html)


@pytest.mark.parametrize("answer", ["danger", "today"])
def test_an_urgent_answer_goes_straight_to_urgent_help(client, area, answer):
    response = client.post(GUIDED, {"step": "urgency", "who": "me", "urgency": answer})
    assert response.status_code == 302
    assert response["Location"] == URGENT


def test_the_last_question_leads_to_check_answers_showing_each_answer(client, area):
    page = client.post(GUIDED, {"step": "urgency", **EVERYTHING}).content.decode()
    assert "Check your answers" in title(page)
    for shown in ["Someone I care for", "15", "Mansfield", "Sleep problems", "Worry and fear"]:
        assert shown in page
    assert "In your own words: Not sleeping since exams" in page
    assert 'value="change-age"' in page
    # Nothing of what was said reaches the title.
    assert "Mansfield" not in title(page) and "exams" not in title(page)


def test_change_opens_the_question_with_its_answer_and_continue_returns_to_check(client, area):
    page = client.post(GUIDED, {"step": "check", "go": "change-where", **EVERYTHING})
    html = page.content.decode()
    assert "Where do they live?" in title(html)
    assert 'value="Mansfield"' in html
    assert '<input type="hidden" name="return_to" value="check">' in html
    changed = {**EVERYTHING, "where": "Newark"}
    html = client.post(GUIDED, {"step": "where", "return_to": "check", **changed}).content.decode()
    assert "Check your answers" in title(html)
    assert "Newark" in html and ("age", "15") in hidden(html)


def test_back_from_a_change_returns_to_check_answers(client, area):
    html = client.post(
        GUIDED, {"step": "age", "go": "back", "return_to": "check", **EVERYTHING}
    ).content.decode()
    assert "Check your answers" in title(html)


def test_changing_to_an_urgent_answer_goes_straight_to_urgent_help(client, area):
    response = client.post(
        GUIDED, {"step": "urgency", "return_to": "check", **{**EVERYTHING, "urgency": "today"}}
    )
    assert response["Location"] == URGENT


def test_show_services_opens_the_public_search_with_the_answers(client, area):
    response = client.post(GUIDED, {"step": "check", "go": "results", **EVERYTHING})
    assert response.status_code == 302
    url = urlsplit(response["Location"])
    assert url.path == reverse("directory:search")
    assert sorted(parse_qsl(url.query)) == [
        ("age", "15"),
        ("need", "sleep"),
        ("need", "worry"),
        ("q", "Not sleeping since exams"),
        ("where", "Mansfield"),
    ]
    assert client.get(response["Location"]).status_code == 200


def test_results_leave_out_what_was_not_said(client, area):
    answers = {"who": "me", "age_unknown": "yes", "need": "worry", "urgency": "later"}
    response = client.post(GUIDED, {"step": "check", "go": "results", **answers})
    assert response["Location"] == reverse("directory:search") + "?need=worry"


def test_a_professional_sees_the_professional_view_on_the_results(client, area):
    answers = {**EVERYTHING, "who": "professional"}
    client.post(GUIDED, {"step": "check", "go": "results", **answers})
    assert client.session[PROFESSIONAL_SESSION_KEY] is True


def test_no_answer_is_kept_in_the_session_or_cookies(client, area):
    client.post(GUIDED, {"step": "urgency", **EVERYTHING})
    client.post(GUIDED, {"step": "check", "go": "results", **EVERYTHING})
    assert dict(client.session) == {}
    for cookie in client.cookies.values():
        assert "Mansfield" not in cookie.value and "exams" not in cookie.value


def test_a_tampered_answer_reopens_its_question_with_the_message(client, area):
    response = client.post(
        GUIDED, {"step": "check", "go": "results", **{**EVERYTHING, "age": "900"}}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert title(html).startswith("Error: How old are they?")
    assert "Enter an age between 0 and 120" in html
    assert '<input type="hidden" name="return_to" value="check">' in html


def test_skip_leaves_where_out_and_moves_on(client, area):
    html = client.post(
        GUIDED, {"step": "where", "go": "skip", "who": "me", "age": "30", "where": "xx"}
    ).content.decode()
    assert "What is happening?" in title(html)
    assert [name for name, _ in hidden(html)] == ["who", "age"]


def test_rather_not_say_carries_no_age_onwards(client, area):
    html = client.post(
        GUIDED, {"step": "age", "who": "me", "age": "41", "age_unknown": "yes"}
    ).content.decode()
    assert hidden(html) == [("who", "me"), ("age_unknown", "yes")]


def test_a_post_with_no_step_or_a_made_up_one_shows_the_start(client, area):
    html = client.post(GUIDED, {"step": "nowhere", "who": "me"}).content.decode()
    assert "<h1>Help me find support</h1>" in html


def test_a_postcode_that_does_not_exist_gets_the_search_pages_message(client, area):
    html = client.post(
        GUIDED, {"step": "where", "who": "me", "age": "30", "where": "ZZ99"}
    ).content.decode()
    assert title(html).startswith("Error: Where do you live?")
    assert 'value="ZZ99"' in html
