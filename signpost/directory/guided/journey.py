"""The whole journey at once: every answer checked together, the check-answers rows, the results.

The results are the public search's own page, reached with the parameters a person would have
chosen there, so its filters, tags, back links and crisis handling all apply unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.http import urlencode

from signpost.directory.forms import FILTER_PARAMS
from signpost.directory.guided.forms import form_for, read_age
from signpost.directory.guided.steps import STEPS, URGENT_ANSWERS, WHO_CHOICES, Answers, wording_for
from signpost.directory.models import TaxonomyTerm
from signpost.directory.models.taxonomy import NEEDS


@dataclass
class Checked:
    """Every step's cleaned answer, or the first step that needs fixing and its form."""

    cleaned: dict[str, Any]
    failed_step: str = ""
    failed_form: forms.Form | None = None

    @property
    def urgent(self) -> bool:
        return self.cleaned.get("urgency") in URGENT_ANSWERS


def check_all(answers: Answers, needs: list[TaxonomyTerm]) -> Checked:
    """Checks each step in order and stops at the first that needs fixing."""
    cleaned: dict[str, Any] = {}
    for step in STEPS:
        form = form_for(step, answers, needs)
        if not form.is_valid():
            return Checked(cleaned, step, form)
        cleaned.update(form.cleaned_data)
    return Checked(cleaned)


def results_url(cleaned: dict[str, Any]) -> str:
    """The public search page for these answers: own words, age, place and needs."""
    params: list[tuple[str, str]] = []
    if cleaned.get("details"):
        params.append(("q", cleaned["details"]))
    if cleaned.get("age") is not None:
        params.append(("age", str(cleaned["age"])))
    if cleaned.get("where"):
        params.append(("where", cleaned["where"]))
    params += [(FILTER_PARAMS[NEEDS], code) for code in cleaned.get("need", [])]
    query = urlencode(params)
    return reverse("directory:search") + (f"?{query}" if query else "")


@dataclass(frozen=True)
class AnswerRow:
    """One row of 'Check your answers': the question, the answer as lines, the step to change."""

    question: str
    lines: list[str]
    step: str
    change_label: str


def answer_rows(answers: Answers, needs: list[TaxonomyTerm]) -> list[AnswerRow]:
    """What the person said, as they said it, for the summary list."""
    who = answers.get("who")
    wording = wording_for(who)
    needs_named = {term.code: term.name for term in needs}
    chosen = [needs_named[code] for code in answers.getlist("need") if code in needs_named]
    own_words = answers.get("details")
    typed_age = answers.get("age")
    # The age as we read it ("Twenty one" shows as 21), so they can see we understood.
    age = "I'd rather not say" if answers.get("age_unknown") else read_age(typed_age) or typed_age
    return [
        AnswerRow("Who is the support for?", [_label(WHO_CHOICES, who)], "who", "who it is for"),
        AnswerRow(wording.age_question, [age or "Not given"], "age", "age"),
        AnswerRow(wording.where_question, [answers.get("where") or "Not given"], "where", "where"),
        AnswerRow(
            "What is happening?",
            chosen + ([f"In your own words: {own_words}"] if own_words else []) or ["Not given"],
            "needs",
            "what is happening",
        ),
        AnswerRow(
            "How urgent is it?",
            [_label(wording.urgency_choices, answers.get("urgency"))],
            "urgency",
            "how urgent it is",
        ),
    ]


def _label(choices: tuple[tuple[str, str], ...], value: str) -> str:
    return dict(choices).get(value, "Not given")
