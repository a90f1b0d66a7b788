"""Forms for the public directory. Messages are plain English and sit next to the field."""

from __future__ import annotations

from django import forms

from signpost.directory.models.feedback import ProblemKind
from signpost.directory.models.taxonomy import OWN_VOCABULARIES
from signpost.directory.places import POSTCODE_RE, PlaceAnswer, Status, resolve_place
from signpost.directory.search.age_words import age_in_words

MAX_QUERY_LENGTH = 200
MAX_AGE = 120
# "age_hint=off" means: do not read an age from the search words (the person said it was wrong).
AGE_HINT_OFF = "off"
PLACE_NAME_PUNCTUATION = frozenset(" .,'\u2019-&")

# Query-string names for our vocabularies.
FILTER_PARAMS = {
    "needs": "need",
    "support-type": "type",
    "access": "access",
    "delivery": "delivery",
    "audience": "audience",
}


class SearchForm(forms.Form):
    """The search and filter form. Unknown filter values are dropped and reported, not fatal."""

    q = forms.CharField(
        required=False,
        label="What do you need help with?",
        error_messages={
            "max_length": f"Your search is too long. Use {MAX_QUERY_LENGTH} characters or fewer."
        },
    )
    age = forms.CharField(required=False, label="Age of the person who needs help")
    where = forms.CharField(required=False, label="Where do they live?")
    language = forms.CharField(required=False)
    free = forms.BooleanField(required=False)
    open_now = forms.BooleanField(required=False)
    page = forms.CharField(required=False)
    age_hint = forms.CharField(required=False)

    def __init__(self, data, *, vocab_codes: dict[str, set[str]], language_codes: set[str]) -> None:
        super().__init__(data)
        self.vocab_codes = vocab_codes
        self.language_codes = language_codes
        self.ignored: list[str] = []
        self.selected: dict[str, frozenset[str]] = {}
        # A place that looks like a place name but that we do not know: we show national help.
        self.unknown_place = ""
        for vocabulary in OWN_VOCABULARIES:
            wanted = [v for v in data.getlist(FILTER_PARAMS[vocabulary]) if v][:30]
            known = {v for v in wanted if v in vocab_codes.get(vocabulary, set())}
            self.ignored += [v[:40] for v in wanted if v not in known]
            self.selected[vocabulary] = frozenset(known)

    def clean_q(self) -> str:
        text = " ".join(self.cleaned_data["q"].split())
        if len(text) > MAX_QUERY_LENGTH:
            raise forms.ValidationError(self.fields["q"].error_messages["max_length"])
        return text

    def clean_age(self) -> int | None:
        raw = self.cleaned_data["age"].strip()
        if not raw:
            return None
        if not raw.isascii() or not raw.isdigit():
            raise forms.ValidationError("Enter age as a whole number of years, like 15")
        value = int(raw[:4]) if len(raw) <= 4 else MAX_AGE + 1
        if value > MAX_AGE:
            raise forms.ValidationError(f"Enter an age between 0 and {MAX_AGE}")
        return value

    def clean_where(self) -> PlaceAnswer | None:
        raw = " ".join(self.cleaned_data["where"].split())[:60]
        if not raw:
            return None
        answer = resolve_place(raw)
        if answer.status == Status.NO_SUCH_POSTCODE:
            raise forms.ValidationError(
                f"We cannot find the postcode {raw.upper()}. Check it, or enter a town instead"
            )
        if answer.unknown and not looks_like_a_place(raw):
            raise forms.ValidationError(
                "We do not know that place. Enter a town, like Dereham, or the first "
                "part of a postcode, like NR19"
            )
        if answer.unknown:
            # Not a place we know: no local services, but national, phone and online ones
            # still reach them; the page says so.
            self.unknown_place = raw
        return answer

    def age_from_words(self) -> int | None:
        """The age the search words give, when no age was typed and the person has not said no."""
        if self.data.get("age", "").strip() or self.data.get("age_hint") == AGE_HINT_OFF:
            return None
        if "q" in self.errors or not hasattr(self, "cleaned_data"):
            return None
        return age_in_words(self.cleaned_data.get("q", ""))

    def clean_language(self) -> str:
        code = self.cleaned_data["language"].strip().lower()
        if code and code not in self.language_codes:
            self.ignored.append(code[:40])
            return ""
        return code

    def clean_page(self) -> int:
        raw = self.cleaned_data["page"].strip()
        return int(raw) if raw.isascii() and raw.isdigit() and 0 < len(raw) < 6 else 1


def looks_like_a_place(text: str) -> bool:
    """Letters that could name a town (or a postcode's shape), not keyboard mashing."""
    if POSTCODE_RE.match(text):
        return True
    if not 2 <= len(text) <= 40 or len(text.split()) > 5:
        return False
    if not all(ch.isalpha() or ch in PLACE_NAME_PUNCTUATION for ch in text):
        return False
    letters = [ch for ch in text.casefold() if ch.isalpha()]
    has_vowel = any(ch in "aeiouyâêîôûŵŷàèéìòù" for ch in letters)
    tripled = any(a == b == c for a, b, c in zip(letters, letters[1:], letters[2:], strict=False))
    return len(letters) >= 2 and has_vowel and not tripled


class ProblemReportForm(forms.Form):
    """'Report a problem with this page'. `website` is a honeypot people never see."""

    kind = forms.ChoiceField(
        choices=ProblemKind.choices,
        widget=forms.RadioSelect,
        label="What is wrong?",
        error_messages={"required": "Select what is wrong with the page"},
    )
    details = forms.CharField(
        widget=forms.Textarea,
        max_length=2000,
        label="Tell us more",
        error_messages={
            "required": "Tell us what is wrong, so we can fix it",
            "max_length": "Use 2,000 characters or fewer",
        },
    )
    email = forms.EmailField(
        required=False,
        label="Your email address (optional)",
        error_messages={"invalid": "Enter an email address like name@example.com"},
    )
    website = forms.CharField(required=False, label="Leave this empty")
