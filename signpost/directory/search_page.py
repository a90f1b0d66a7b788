"""Builds the filter panel, the chosen-filter tags, the heading and the 'no results' help."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import Exists, OuterRef
from django.http import QueryDict

from signpost.directory import opening
from signpost.directory.finder import FACET_FREE, FACET_LANGUAGE, FACET_OPEN_NOW
from signpost.directory.forms import AGE_HINT_OFF, FILTER_PARAMS, SearchForm
from signpost.directory.models import Schedule, Service, ServiceAttribute, TaxonomyTerm
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
    """National services anyone can contact: lines for everyone first, then ones for a group.

    Someone who found nothing may be in a bad way; the first line they see must be one they
    can use, whoever they are, so a line for one age or group never leads the list. Chosen
    from narrow rows (ids, ages, audience, schedules) so a national directory with thousands
    of national services does not load each one whole; only the chosen few are.
    """
    national = Service.objects.public().everywhere()
    aimed = ServiceAttribute.objects.filter(
        service=OuterRef("pk"), taxonomy_term__taxonomy__name="audience"
    )
    rows = list(
        national.annotate(aimed=Exists(aimed)).values_list(
            "id", "name", "minimum_age", "maximum_age", "aimed"
        )
    )
    schedules: dict[UUID, list[Schedule]] = defaultdict(list)
    for schedule in Schedule.objects.filter(service__in=national.values("pk")):
        if schedule.service_id is not None:
            schedules[schedule.service_id].append(schedule)

    def order(row: tuple) -> tuple:
        sid, name, minimum_age, maximum_age, aimed = row
        for_everyone = not minimum_age and maximum_age is None and not aimed
        return (not for_everyone, not opening.is_always_open(schedules[sid]), name)

    chosen = [row[0] for row in sorted(rows, key=order)[:limit]]
    loaded = Service.objects.filter(id__in=chosen).prefetch_related("phones")
    by_id = {service.id: service for service in loaded}
    return [by_id[sid] for sid in chosen if sid in by_id]


@dataclass(frozen=True)
class FilterTag:
    """One chosen filter above the results; its link is the same search without it."""

    label: str
    href: str
    inferred: bool = False


def _without(params: QueryDict, name: str, value: str | None = None) -> str:
    """The query string with one parameter (or one of its values) taken out, from page 1."""
    query = params.copy()
    query.pop("page", None)
    if value is None:
        query.pop(name, None)
    else:
        query.setlist(name, [v for v in query.getlist(name) if v != value])
    return "?" + query.urlencode()


def chosen_filter_tags(
    params: QueryDict,
    form: SearchForm,
    terms: dict[str, list[TaxonomyTerm]],
    languages: list[tuple[str, str]],
    inferred_age: int | None,
) -> list[FilterTag]:
    """Every filter in force as a tag that removes it: vocabularies, language, ticks, age, place."""
    cleaned = getattr(form, "cleaned_data", {})
    tags = []
    for vocabulary in OWN_VOCABULARIES:
        param, chosen = FILTER_PARAMS[vocabulary], form.selected.get(vocabulary, frozenset())
        for term in terms.get(vocabulary, []):
            if term.code in chosen:
                tags.append(FilterTag(term.name, _without(params, param, term.code)))
    if cleaned.get("language"):
        name = dict(languages).get(cleaned["language"], cleaned["language"])
        tags.append(FilterTag(name, _without(params, "language")))
    for name, label in (("free", "Free"), ("open_now", "Open now")):
        if cleaned.get(name):
            tags.append(FilterTag(label, _without(params, name)))
    if cleaned.get("age") is not None and "age" not in form.errors:
        tags.append(FilterTag(f"Age {cleaned['age']}", _without(params, "age")))
    elif inferred_age is not None:
        query = params.copy()
        query["age_hint"] = AGE_HINT_OFF
        tags.append(FilterTag(f"Age {inferred_age}", _without(query, "age") + "#age", True))
    if cleaned.get("where") and "where" not in form.errors:
        tags.append(FilterTag(cleaned["where"].label, _without(params, "where")))
    return tags


def results_heading(
    total: int, need_names: list[str], age: int | None, place: str, place_unknown: bool
) -> str:
    """Plain words for what is listed: 'Anxiety: 24 services for age 15 near Mansfield'."""
    text = "1 service" if total == 1 else f"{total} services"
    if need_names:
        text = " or ".join(need_names) + ": " + text
    if age is not None:
        text += f" for age {age}"
    if place_unknown:
        text += " you can use from anywhere"
    elif place:
        text += f" near {place}"
    return text
