"""The crisis message says what to do first for each kind of urgency, with numbers from settings."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from signpost.directory.search.crisis import assess


def _message(text: str) -> str:
    outcome = SimpleNamespace(crisis=assess(text), age=None)
    form = SimpleNamespace(cleaned_data={})
    request = RequestFactory().get("/services/", {"q": text})
    return render_to_string(
        "components/crisis_callout.jinja", {"outcome": outcome, "form": form}, request=request
    )


@pytest.mark.django_db
def test_someone_else_at_risk_is_told_what_to_do_for_them(home_page) -> None:
    html = _message("my partner says he wants to end it")
    assert "If someone else is at risk" in html
    assert "If they are in danger now" in html and 'href="tel:999"' in html
    assert "stay with them" in html
    assert 'href="tel:116123"' in html  # Samaritans, from the site's settings


@pytest.mark.django_db
def test_an_injury_or_poisoning_goes_to_999_or_a_and_e_first(home_page) -> None:
    html = _message("my son took too many pills")
    assert "Get medical help now" in html
    assert "go to A&amp;E now" in html and 'href="tel:999"' in html


@pytest.mark.django_db
def test_the_searcher_at_risk_is_told_help_is_there_now(home_page) -> None:
    html = _message("I wish I wasn't alive")
    assert "You can get help right now" in html
    assert "If someone else is at risk" not in html


@pytest.mark.django_db
def test_a_plain_true_still_shows_the_searchers_message(home_page) -> None:
    outcome = SimpleNamespace(crisis=True, age=None)
    html = render_to_string(
        "components/crisis_callout.jinja",
        {"outcome": outcome, "form": SimpleNamespace(cleaned_data={})},
        request=RequestFactory().get("/services/"),
    )
    assert "You can get help right now" in html
