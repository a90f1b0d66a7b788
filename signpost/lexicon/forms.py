"""The admin form for a staff phrase: concepts as tick boxes, needs from the needs list."""

from __future__ import annotations

from typing import Any

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from signpost.directory.search import lexicon

from .unmatched import looks_personal, normalise


def concept_choices() -> list[tuple[str, str]]:
    """Every concept in the data files, by a readable name."""
    names = sorted(concept.name for concept in lexicon.BASE_CONCEPTS)
    return [(name, name.replace("_", " ").capitalize()) for name in names]


class SearchPhraseForm(WagtailAdminModelForm):
    """Stores the phrase as the search reads it, and asks for at least one need."""

    concepts = forms.MultipleChoiceField(
        choices=concept_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Words the search already knows",
        help_text="The phrase will search as these do.",
    )

    def clean_phrase(self) -> str:
        typed = self.cleaned_data.get("phrase", "")
        if looks_personal(typed):
            raise forms.ValidationError(
                "Remove postcodes, phone numbers, email addresses and dates: "
                "a phrase must not identify anyone."
            )
        phrase = normalise(typed)
        if not phrase:
            raise forms.ValidationError("Enter the words people type, for example “skint”.")
        return phrase

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("concepts") and not cleaned.get("terms"):
            raise forms.ValidationError(
                "Choose at least one need or group of words for this phrase to search for."
            )
        return cleaned

    def save(self, commit: bool = True) -> Any:
        phrase = super().save(commit=False)
        user = getattr(self, "for_user", None)
        if user is not None and user.is_authenticated:
            phrase.updated_by = user
            if phrase._state.adding:
                phrase.created_by = user
        if commit:
            phrase.save()
            self.save_m2m()
        return phrase
