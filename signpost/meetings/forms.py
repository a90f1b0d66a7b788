"""Forms for meetings, in plain words: no rule syntax, clear messages next to each field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from signpost.meetings.models import LONDON
from signpost.meetings.slots import FREQUENCIES, WEEKDAYS, WEEKS

TIME_FORMATS = ["%H:%M", "%H.%M", "%H%M"]


class SlotForm(forms.Form):
    frequency = forms.ChoiceField(
        choices=list(FREQUENCIES.items()), error_messages={"required": "Choose how often"}
    )
    week_of_month = forms.ChoiceField(
        choices=[("", "Choose a week"), *WEEKS.items()], required=False
    )
    weekday = forms.ChoiceField(
        choices=list(WEEKDAYS.items()), error_messages={"required": "Choose a day"}
    )
    start_time = forms.TimeField(
        input_formats=TIME_FORMATS,
        error_messages={"required": "Enter a start time", "invalid": "Enter a time like 14:00"},
    )
    duration_minutes = forms.IntegerField(
        min_value=15, max_value=480,
        error_messages={"required": "Enter how long the meeting lasts",
                        "invalid": "Enter the length in minutes, like 90",
                        "min_value": "A meeting lasts at least 15 minutes",
                        "max_value": "A meeting lasts at most 8 hours (480 minutes)"},
    )  # fmt: skip
    venue = forms.CharField(required=False, max_length=500)
    access_information = forms.CharField(required=False, max_length=2000)
    joining_link = forms.URLField(
        required=False, error_messages={"invalid": "Enter a link starting https://"}
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("frequency") == "monthly" and not data.get("week_of_month"):
            self.add_error("week_of_month", "Choose which week of the month")
        if not data.get("venue") and not data.get("joining_link"):
            self.add_error("venue", "Enter where the group meets, or a joining link")
        return data


class ChangeForm(forms.Form):
    ACTIONS = [
        ("move", "Move this meeting"),
        ("cancel", "Cancel this meeting"),
        ("keep", "Keep it where it is"),
    ]
    action = forms.ChoiceField(choices=ACTIONS, error_messages={"required": "Choose what to do"})
    day = forms.IntegerField(required=False)
    month = forms.IntegerField(required=False)
    year = forms.IntegerField(required=False)
    time = forms.TimeField(
        required=False, input_formats=TIME_FORMATS,
        error_messages={"invalid": "Enter a time like 14:00"},
    )  # fmt: skip
    reason = forms.CharField(
        max_length=2000, error_messages={"required": "Say why, so members understand"}
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("action") != "move":
            return data
        parts = [data.get(name) for name in ("year", "month", "day")]
        if None in parts:
            self.add_error("day", "Enter the new date, with a day, month and year")
            return data
        try:
            day = dt.date(*parts)  # type: ignore[arg-type]
        except ValueError:
            self.add_error("day", "Enter a real date, like 14 3 2027")
            return data
        if data.get("time") is None:
            self.add_error("time", "Enter the new start time, like 14:00")
            return data
        new_start = dt.datetime.combine(day, data["time"]).replace(tzinfo=LONDON)
        if new_start < timezone.now():
            self.add_error("day", "The new date must be in the future")
        data["new_start"] = new_start
        return data


class AgendaItemForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter what the item is"})
    minutes = forms.IntegerField(
        min_value=1, max_value=480,
        error_messages={"required": "Enter how many minutes it needs",
                        "invalid": "Enter the minutes as a number, like 20",
                        "min_value": "An item takes at least 1 minute",
                        "max_value": "Enter a number of minutes under 480"},
    )  # fmt: skip
    owner = forms.CharField(max_length=120, error_messages={"required": "Enter who leads it"})
    project_need = forms.CharField(
        max_length=200, error_messages={"required": "Enter the project need it serves"}
    )


class PaperForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter a title"})
    body = forms.CharField(max_length=20000, error_messages={"required": "Enter the paper"})
