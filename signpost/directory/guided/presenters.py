"""The choices each question shows, as NHS.UK radios and checkboxes items, with what was picked."""

from __future__ import annotations

from typing import Any

from signpost.directory.guided.steps import (
    WHO_CARER,
    WHO_CHOICES,
    WHO_PROFESSIONAL,
    Answers,
    wording_for,
)
from signpost.directory.models import TaxonomyTerm

WHO_HINTS = {
    WHO_CARER: "A child, partner, relative or friend.",
    WHO_PROFESSIONAL: (
        "Such as a GP, teacher or support worker. You will also see who each service "
        "accepts and how to refer."
    ),
}


def _item(value: str, text: str, checked: bool, hint: str = "") -> dict[str, Any]:
    item: dict[str, Any] = {"value": value, "text": text, "checked": checked}
    if hint:
        item["hint"] = {"text": hint}
    return item


def choice_items(step: str, answers: Answers, needs: list[TaxonomyTerm]) -> list[dict[str, Any]]:
    """The radios or checkboxes for this step; none for a step that asks for typing."""
    if step == "who":
        chosen = answers.get("who")
        return [_item(v, t, v == chosen, WHO_HINTS.get(v, "")) for v, t in WHO_CHOICES]
    if step == "needs":
        ticked = set(answers.getlist("need"))
        return [_item(t.code, t.name, t.code in ticked, t.description) for t in needs]
    if step == "urgency":
        chosen = answers.get("urgency")
        choices = wording_for(answers.get("who")).urgency_choices
        return [_item(v, t, v == chosen) for v, t in choices]
    return []
