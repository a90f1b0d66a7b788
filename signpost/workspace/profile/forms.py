"""Forms for a member's own pages. Errors are plain English and sit next to their field."""

from __future__ import annotations

from typing import Any

from django import forms

from signpost.workspace.models import AccessNeed, ConsentTopic, ContactMethod, MemberProfile


class ProfileForm(forms.ModelForm):
    """The name to use, how to get in touch and access needs: told once, used everywhere."""

    preferred_name = forms.CharField(
        max_length=80,
        required=False,
        error_messages={"max_length": "Name must be 80 characters or fewer"},
    )
    contact_methods = forms.MultipleChoiceField(
        choices=ContactMethod.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from the ways listed"},
    )
    contact_times = forms.CharField(
        max_length=200,
        required=False,
        error_messages={"max_length": "Times must be 200 characters or fewer"},
    )
    phone = forms.CharField(
        max_length=40,
        required=False,
        error_messages={"max_length": "Phone number must be 40 characters or fewer"},
    )
    postal_address = forms.CharField(required=False, widget=forms.Textarea)
    access_needs = forms.MultipleChoiceField(
        choices=AccessNeed.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from the needs listed"},
    )
    access_needs_details = forms.CharField(required=False, widget=forms.Textarea)

    class Meta:
        model = MemberProfile
        fields = [
            "preferred_name",
            "contact_methods",
            "contact_times",
            "phone",
            "postal_address",
            "access_needs",
            "access_needs_details",
        ]

    def clean(self) -> dict[str, Any]:
        """A way to get in touch needs what it takes: a number for calls and texts, an address."""
        data = super().clean() or {}
        methods = data.get("contact_methods") or []
        if {"phone", "text"} & set(methods) and not data.get("phone", "").strip():
            self.add_error("phone", "Enter a phone number, or untick phone call and text message")
        if "post" in methods and not data.get("postal_address", "").strip():
            self.add_error("postal_address", "Enter a postal address, or untick post")
        return data


class ConsentForm(forms.Form):
    """Give or withdraw one consent."""

    topic = forms.ChoiceField(choices=ConsentTopic.choices)
    action = forms.ChoiceField(choices=[("give", "Give"), ("withdraw", "Withdraw")])


class AgreementForm(forms.Form):
    accept = forms.BooleanField(
        error_messages={"required": "Tick the box to say you accept the community agreement"}
    )


class LeaveForm(forms.Form):
    confirm = forms.BooleanField(
        error_messages={"required": "Tick the box to confirm you want to leave and be forgotten"}
    )
