"""The public expression-of-interest form and the facilitator's pipeline form.

Short on purpose: a name to use, a way to get in touch and, if they like, anything else.
It never asks about health. Messages are plain English and sit next to their field.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.text import slugify

from signpost.workspace.models import Campaign, Channel, ContactRoute, Group, Stage

PHONE_CHARACTERS = re.compile(r"^[0-9 +()\-]+$")
# Addresses under /workspace/recruitment/ that a campaign's slug must not take.
RESERVED_SLUGS = frozenset({"new", "projects"})


class InterestForm(forms.Form):
    """'I'd like to take part'. `website` is a honeypot people never see."""

    preferred_name = forms.CharField(
        max_length=80,
        label="What name would you like us to use?",
        error_messages={
            "required": "Enter the name you would like us to use",
            "max_length": "Use 80 characters or fewer for your name",
        },
    )
    email = forms.EmailField(
        required=False,
        label="Email address (optional)",
        error_messages={"invalid": "Enter an email address like name@example.com"},
    )
    phone = forms.CharField(required=False, max_length=30, label="Phone number (optional)")
    contact_by = forms.ChoiceField(
        choices=ContactRoute.choices,
        widget=forms.RadioSelect,
        label="How would you like us to get in touch?",
        error_messages={"required": "Select how you would like us to get in touch"},
    )
    channel = forms.ChoiceField(
        choices=Channel.choices,
        required=False,
        widget=forms.RadioSelect,
        label="Where did you hear about the group? (optional)",
    )
    message = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea,
        label="Anything you would like us to know? (optional)",
        error_messages={"max_length": "Use 1,000 characters or fewer"},
    )
    website = forms.CharField(required=False, label="Leave this empty")

    def clean_preferred_name(self) -> str:
        name = " ".join(self.cleaned_data["preferred_name"].split())
        if not name:
            raise forms.ValidationError(self.fields["preferred_name"].error_messages["required"])
        return name

    def clean_phone(self) -> str:
        phone = " ".join(self.cleaned_data["phone"].split())
        digits = re.sub(r"\D", "", phone)
        if phone and (not PHONE_CHARACTERS.match(phone) or not 10 <= len(digits) <= 15):
            raise forms.ValidationError("Enter a phone number, like 07700 900 982")
        return phone

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        route = data.get("contact_by")
        if route == ContactRoute.EMAIL and not data.get("email") and "email" not in self.errors:
            self.add_error("email", "Enter your email address, or choose another way to hear")
        wants_phone = route in {ContactRoute.PHONE, ContactRoute.TEXT}
        if wants_phone and not data.get("phone") and "phone" not in self.errors:
            self.add_error("phone", "Enter your phone number, or choose another way to hear")
        return data

    def details(self) -> dict[str, str]:
        """What is stored about the person: only what they typed for us to reach them."""
        fields = ("preferred_name", "email", "phone", "contact_by", "message")
        return {name: self.cleaned_data[name] for name in fields}


def channel_from_link(value: str | None) -> str:
    """The channel a link names (`?via=poster`), or '' for none or one we do not know."""
    return value if value in Channel.values else ""


class MoveForm(forms.Form):
    """A facilitator's button: move someone to a stage (for a project-wide campaign, into a
    group of the project)."""

    stage = forms.ChoiceField(choices=Stage.choices)
    group = forms.ModelChoiceField(
        queryset=Group.objects.none(),
        required=False,
        label="Which group are they joining?",
        error_messages={"invalid_choice": "Select a group from the list"},
    )

    def __init__(self, *args: Any, groups: Any, needs_group: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups  # type: ignore[attr-defined]
        self.needs_group = needs_group

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        joining = data.get("stage") in {Stage.WELCOME, Stage.FIRST_MEETING, Stage.ACTIVE}
        if joining and self.needs_group and not data.get("group"):
            self.add_error("group", "Select the group they are joining")
        return data


class CampaignForm(forms.ModelForm):
    """A facilitator starts a campaign for one of their project's groups (or the project)."""

    class Meta:
        model = Campaign
        fields = [
            "project",
            "group",
            "name",
            "headline",
            "what_members_do",
            "meeting_time_text",
            "payment_text",
            "contact_text",
        ]
        error_messages = {
            "project": {
                "required": "Select the project",
                "invalid_choice": "Select a project from the list",
            },
            "group": {"invalid_choice": "Select a group from the list, or the whole project"},
            "name": {"required": "Enter a name for the campaign, such as 'Spring posters'"},
            "headline": {"required": "Enter the poster's headline"},
            "what_members_do": {"required": "Say what members do, in a sentence or two"},
        }

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects  # type: ignore[attr-defined]
        self.fields["group"].queryset = Group.objects.filter(  # type: ignore[attr-defined]
            project__in=projects
        )
        self.fields["group"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        group, project = data.get("group"), data.get("project")
        if group is not None and project is not None and group.project_id != project.pk:
            self.add_error("group", "Select a group of this project, or the whole project")
        return data

    def save(self, commit: bool = True) -> Campaign:
        self.instance.slug = unique_slug(self.cleaned_data["name"])
        return super().save(commit=commit)


def unique_slug(name: str) -> str:
    """A slug for the form's address from the campaign's name, made unique with a number."""
    base = slugify(name)[:70] or "campaign"
    slug, number = base, 2
    while slug in RESERVED_SLUGS or Campaign.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
