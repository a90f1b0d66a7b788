"""The guided route's questions in order, the words each uses, and the answers carried along.

Answers are health details. They travel only in hidden fields posted with every step, never in
the session, a cookie or a logged address: a shared computer keeps nothing once the tab closes
(ADR 006). What a person typed is carried exactly as typed, valid or not, so going back or
changing an answer never loses it; each step's form checks it when they press Continue.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.http import QueryDict

STEPS = ("who", "age", "where", "needs", "urgency")

# The answer fields each step owns, as they are named in the forms and hidden fields.
STEP_FIELDS: dict[str, tuple[str, ...]] = {
    "who": ("who",),
    "age": ("age", "age_unknown"),
    "where": ("where",),
    "needs": ("need", "details"),
    "urgency": ("urgency",),
}
ANSWER_FIELDS = tuple(name for fields in STEP_FIELDS.values() for name in fields)
LIST_FIELDS = frozenset({"need"})
# Generous caps: enough for anything a person types, small enough that a hostile post stays small.
MAX_VALUE_LENGTH = 500
MAX_LIST_ITEMS = 40

WHO_ME = "me"
WHO_CARER = "carer"
WHO_PROFESSIONAL = "professional"
WHO_CHOICES = (
    (WHO_ME, "Me"),
    (WHO_CARER, "Someone I care for"),
    (WHO_PROFESSIONAL, "I'm a professional helping someone"),
)
# These answers go straight to urgent help, before anything else.
URGENT_ANSWERS = frozenset({"danger", "today"})


@dataclass(frozen=True)
class Wording:
    """The questions' words for the person answering: 'you' for themselves, 'they' for others."""

    age_question: str
    age_missing: str
    where_question: str
    needs_hint: str
    urgency_choices: tuple[tuple[str, str], ...]


_FOR_ME = Wording(
    age_question="How old are you?",
    age_missing="Enter your age, or select I'd rather not say",
    where_question="Where do you live?",
    needs_hint="Select all that apply to you. You can also tell us in your own words.",
    urgency_choices=(
        ("danger", "I'm in danger now, or someone else is"),
        ("today", "I might act on thoughts of suicide or harming myself today"),
        ("soon", "I need help soon, in the next few days"),
        ("later", "It's not urgent"),
    ),
)
_FOR_SOMEONE_ELSE = Wording(
    age_question="How old are they?",
    age_missing="Enter their age, or select I'd rather not say",
    where_question="Where do they live?",
    needs_hint="Select all that apply to them. You can also tell us in your own words.",
    urgency_choices=(
        ("danger", "They're in danger now, or someone else is"),
        ("today", "They might act on thoughts of suicide or harming themselves today"),
        ("soon", "They need help soon, in the next few days"),
        ("later", "It's not urgent"),
    ),
)
_FOR_A_CLIENT = Wording(
    age_question="How old is the person you're helping?",
    age_missing="Enter their age, or select I'd rather not say",
    where_question="Where does the person you're helping live?",
    needs_hint=_FOR_SOMEONE_ELSE.needs_hint,
    urgency_choices=_FOR_SOMEONE_ELSE.urgency_choices,
)


def wording_for(who: str) -> Wording:
    """The words for whoever the support is for; 'they' until the first question is answered."""
    if who == WHO_ME:
        return _FOR_ME
    return _FOR_A_CLIENT if who == WHO_PROFESSIONAL else _FOR_SOMEONE_ELSE


class Answers:
    """Every answer so far, as typed, read from a post and written back as hidden fields."""

    def __init__(self, values: dict[str, list[str]] | None = None) -> None:
        self._values: dict[str, list[str]] = {k: list(v) for k, v in (values or {}).items()}

    @classmethod
    def from_post(cls, data: QueryDict) -> Answers:
        """Only the known answer fields, each capped in length and number."""
        values: dict[str, list[str]] = {}
        for name in ANSWER_FIELDS:
            found = [v[:MAX_VALUE_LENGTH] for v in data.getlist(name) if v]
            limit = MAX_LIST_ITEMS if name in LIST_FIELDS else 1
            if found:
                values[name] = found[:limit]
        return cls(values)

    def get(self, name: str) -> str:
        found = self._values.get(name)
        return found[0] if found else ""

    def getlist(self, name: str) -> list[str]:
        return list(self._values.get(name, []))

    def as_data(self) -> QueryDict:
        """The answers as form data, for a step's form to check."""
        data = QueryDict(mutable=True)
        for name, found in self._values.items():
            data.setlist(name, found)
        return data

    def without(self, *names: str) -> Answers:
        return Answers({k: v for k, v in self._values.items() if k not in names})

    def hidden_fields(self, showing: str = "") -> Iterator[tuple[str, str]]:
        """(name, value) for every answer except the fields of the step on the page."""
        shown = STEP_FIELDS.get(showing, ())
        for name in ANSWER_FIELDS:
            if name not in shown:
                for value in self._values.get(name, []):
                    yield name, value


def previous_step(step: str) -> str:
    """The step before this one; '' before the first question (the start page)."""
    index = STEPS.index(step)
    return STEPS[index - 1] if index else ""


def next_step(step: str) -> str:
    """The step after this one; 'check' after the last question."""
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else "check"
