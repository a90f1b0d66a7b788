"""One form per question of the guided route. Each checks only its own answer.

Age, place and own words are checked by the public search's own form (`search_form_error`), so
the guided route accepts exactly what the search page accepts, whichever resolver reads places.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.http import QueryDict

from signpost.directory.forms import SearchForm
from signpost.directory.guided.steps import WHO_CHOICES, Answers, Wording, wording_for
from signpost.directory.models import Service, TaxonomyTerm
from signpost.directory.models.taxonomy import NEEDS
from signpost.directory.search.age_words import age_in_words


def search_form_error(name: str, value: str) -> str | None:
    """The public search's message for this value of one of its fields; None if it accepts it."""
    data = QueryDict(mutable=True)
    data[name] = value
    form = SearchForm(data, vocab_codes={}, language_codes=set())
    form.is_valid()
    errors = form.errors.get(name)
    return str(errors[0]) if errors else None


def read_age(raw: str) -> str | None:
    """The age typed as digits, read from words if need be ('fifteen', '15 yrs', '6 months')."""
    text = " ".join(raw.split())
    if text.isascii() and text.isdigit():
        return text
    # The answer to "how old" is an age, so read it as one would be said in a sentence.
    phrase = f"{text} old" if "month" in text.casefold() else f"aged {text}"
    found = age_in_words(phrase)
    return None if found is None else str(found)


def common_needs() -> list[TaxonomyTerm]:
    """Top-level needs that at least one public service meets, in the vocabulary's order."""
    met = Service.objects.public().values("attributes__taxonomy_term")
    return list(TaxonomyTerm.objects.in_vocabulary(NEEDS).filter(parent__isnull=True, id__in=met))


class WhoForm(forms.Form):
    """Who is the support for?"""

    who = forms.ChoiceField(
        choices=WHO_CHOICES,
        error_messages={
            "required": "Select who the support is for",
            "invalid_choice": "Select who the support is for",
        },
    )


class AgeForm(forms.Form):
    """How old are they? A number of years, or 'I'd rather not say'."""

    age = forms.CharField(required=False)
    age_unknown = forms.BooleanField(required=False)

    def __init__(self, data: QueryDict, *, wording: Wording) -> None:
        super().__init__(data)
        self.wording = wording

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        raw = cleaned.get("age", "").strip()
        if cleaned.get("age_unknown"):
            # Their choice not to say wins over anything typed: nothing is sent to the search.
            cleaned["age"] = None
            return cleaned
        if not raw:
            self.add_error("age", self.wording.age_missing)
            return cleaned
        age = read_age(raw)
        problem = search_form_error("age", age or raw)
        if problem:
            self.add_error("age", problem)
        else:
            cleaned["age"] = int(age) if age else None
        return cleaned


class WhereForm(forms.Form):
    """Where do they live? Optional: a town, village or postcode, checked as the search does."""

    where = forms.CharField(required=False)

    def clean_where(self) -> str:
        text = " ".join(self.cleaned_data["where"].split())
        if text:
            problem = search_form_error("where", text)
            if problem:
                raise forms.ValidationError(problem)
        return text


class _Ticked(forms.MultipleChoiceField):
    """Ticked boxes, checked against what is offered in the form's own `clean`."""

    def validate(self, value: Any) -> None:
        pass


class NeedsForm(forms.Form):
    """What is happening? Needs from the vocabulary, or their own words, or both."""

    need = _Ticked(required=False)
    details = forms.CharField(required=False)

    def __init__(self, data: QueryDict, *, needs: list[TaxonomyTerm]) -> None:
        super().__init__(data)
        self.known_codes = [term.code for term in needs]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        # A need no longer offered (the vocabulary changed mid-way) is quietly dropped.
        chosen = set(cleaned.get("need", []))
        cleaned["need"] = [code for code in self.known_codes if code in chosen]
        details = " ".join(cleaned.get("details", "").split())
        cleaned["details"] = details
        problem = search_form_error("q", details) if details else None
        if problem:
            self.add_error("details", problem)
        elif not cleaned["need"] and not details:
            self.add_error("need", "Select what is happening, or tell us in your own words")
        return cleaned


class UrgencyForm(forms.Form):
    """How urgent is it? The first two answers go straight to urgent help."""

    urgency = forms.ChoiceField(
        error_messages={
            "required": "Select how urgent it is",
            "invalid_choice": "Select how urgent it is",
        },
    )

    def __init__(self, data: QueryDict, *, wording: Wording) -> None:
        super().__init__(data)
        cast(forms.ChoiceField, self.fields["urgency"]).choices = wording.urgency_choices


def form_for(step: str, answers: Answers, needs: list[TaxonomyTerm]) -> forms.Form:
    """The bound form that checks one step's answer."""
    data = answers.as_data()
    wording = wording_for(answers.get("who"))
    if step == "who":
        return WhoForm(data)
    if step == "age":
        return AgeForm(data, wording=wording)
    if step == "where":
        return WhereForm(data)
    if step == "needs":
        return NeedsForm(data, needs=needs)
    return UrgencyForm(data, wording=wording)
