"""Builds the filter panel and the 'no results' help for the search page."""

from __future__ import annotations

from dataclasses import dataclass, field

from signpost.directory import opening
from signpost.directory.finder import FACET_FREE, FACET_LANGUAGE, FACET_OPEN_NOW
from signpost.directory.forms import FILTER_PARAMS, SearchForm
from signpost.directory.models import Service, TaxonomyTerm
from signpost.directory.models.taxonomy import OWN_VOCABULARIES

LEGENDS = {
    "needs": "What it helps with",
    "support-type": "Type of support",
    "access": "How to get it",
    "delivery": "How it is given",
    "audience": "Who it is for",
}


@dataclass
class FilterOption:
    value: str
    label: str
    count: int | None
    checked: bool


@dataclass
class FilterSection:
    legend: str
    param: str
    options: list[FilterOption] = field(default_factory=list)
    open: bool = False


def filter_panel(
    terms: dict[str, list[TaxonomyTerm]],
    languages: list[tuple[str, str]],
    form: SearchForm,
    counts: dict[str, dict[str, int]],
) -> list[FilterSection]:
    """Sections of tick boxes, each option with its count; options with no results hidden."""
    sections = []
    for vocabulary in OWN_VOCABULARIES:
        chosen = form.selected.get(vocabulary, frozenset())
        section = FilterSection(LEGENDS[vocabulary], FILTER_PARAMS[vocabulary], open=bool(chosen))
        for term in terms.get(vocabulary, []):
            count = counts.get(vocabulary, {}).get(term.code, 0)
            if count or term.code in chosen:
                section.options.append(
                    FilterOption(term.code, term.name, count, term.code in chosen)
                )
        sections.append(section)
    language = form.cleaned_data.get("language", "") if hasattr(form, "cleaned_data") else ""
    lang_section = FilterSection("Language", "language", open=bool(language))
    # Radios cannot be unticked, so 'Any language' is how to undo a choice without JavaScript.
    any_language = FilterOption("", "Any language", None, not language)
    for code, name in languages:
        count = counts.get(FACET_LANGUAGE, {}).get(code, 0)
        if count or code == language:
            lang_section.options.append(FilterOption(code, name, count, code == language))
    if lang_section.options:
        lang_section.options.insert(0, any_language)
    sections.append(lang_section)
    cleaned = getattr(form, "cleaned_data", {})
    more = FilterSection(
        "More options", "", open=bool(cleaned.get("free") or cleaned.get("open_now"))
    )
    more.options = [
        FilterOption(
            "open_now",
            "Open now",
            counts.get(FACET_OPEN_NOW, {}).get("yes", 0),
            bool(cleaned.get("open_now")),
        ),
        FilterOption(
            "free", "Free", counts.get(FACET_FREE, {}).get("yes", 0), bool(cleaned.get("free"))
        ),
    ]
    sections.append(more)
    return [s for s in sections if s.options]


def national_helplines(limit: int = 6) -> list[Service]:
    """National services anyone can contact, open around the clock first."""
    services = list(
        Service.objects.public()
        .everywhere()
        .prefetch_related("schedules", "phones")
        .order_by("name")
    )
    services.sort(key=lambda s: (not opening.is_always_open(s.schedules.all()), s.name))
    return services[:limit]
