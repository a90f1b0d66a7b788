"""Forms for outputs, comments and flags: plain words, a clear message next to each field."""

from __future__ import annotations

from typing import Any

from django import forms

from signpost.meetings.models_outputs import FlagReason, Reach

DATE_FORMATS = ["%d/%m/%Y", "%d %m %Y", "%d-%m-%Y", "%Y-%m-%d"]
KINDS = [("note", "Note"), ("decision", "Decision"), ("action", "Action")]


class OutputForm(forms.Form):
    kind = forms.ChoiceField(choices=KINDS, error_messages={"required": "Choose what it is"})
    text = forms.CharField(
        max_length=5000, error_messages={"required": "Enter the note, decision or action"}
    )
    reach = forms.ChoiceField(
        choices=Reach.choices, error_messages={"required": "Choose who sees it"}
    )
    owner = forms.ChoiceField(required=False)
    due_on = forms.DateField(
        required=False, input_formats=DATE_FORMATS,
        error_messages={"invalid": "Enter a real date, like 27/3/2027"},
    )  # fmt: skip
    credited_to = forms.ChoiceField(required=False)

    def __init__(self, *args: Any, people: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        blanks = {"owner": "Choose who will do it", "credited_to": "Nobody in particular"}
        for name, none in blanks.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("", none), *people]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == "action":
            if not data.get("owner"):
                self.add_error("owner", "Choose who will do the action")
            if not data.get("due_on") and "due_on" not in self.errors:
                self.add_error("due_on", "Enter when the action is due, like 27/3/2027")
        return data


class CommentForm(forms.Form):
    body = forms.CharField(max_length=5000, error_messages={"required": "Enter your comment"})
    target = forms.UUIDField(error_messages={"required": "Choose what to comment on"})


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        choices=[("", "No reason given"), *FlagReason.choices], required=False
    )
    note = forms.CharField(required=False, max_length=2000)
