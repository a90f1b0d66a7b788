"""The member's calendar and reminder choices; errors are plain English next to the field."""

from __future__ import annotations

from typing import Any

from django import forms

from signpost.reminders import notify
from signpost.reminders.models import ReminderChannel


def channel_choices() -> list[tuple[str, str]]:
    """Text messages only when GOV.UK Notify is set up (it is what sends them)."""
    return [
        (value, label)
        for value, label in ReminderChannel.choices
        if value != ReminderChannel.TEXT or notify.is_configured()
    ]


class CalendarChoiceForm(forms.Form):
    reminders = forms.ChoiceField(
        error_messages={
            "required": "Choose how you would like to be reminded",
            "invalid_choice": "Choose one of the ways listed",
        }
    )
    show_group_name = forms.BooleanField(required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["reminders"].choices = channel_choices()

    def clean_reminders(self) -> str:
        """A text needs a phone number, told once in the member's profile."""
        value: str = self.cleaned_data["reminders"]
        profile = getattr(self.user, "member_profile", None)
        if value == ReminderChannel.TEXT and not (profile and profile.phone.strip()):
            raise forms.ValidationError(
                "Add a mobile phone number to your profile first, or choose email"
            )
        return value
