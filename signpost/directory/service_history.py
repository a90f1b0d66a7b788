"""What changed between two saved versions of a service, in words a maintainer reads.

Wagtail keeps a revision for every save of a service and can compare two of them field by
field. Opening hours and categories are not model fields on the form, so they get their own
comparisons here (in plain English, never as repeat rules), and the compare page shows each
change as before and after with who saved each version.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from django.contrib.admin.utils import quote
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.safestring import SafeString
from django.utils.timezone import localtime
from wagtail.admin.compare import diff_text
from wagtail.admin.ui.tables import Column
from wagtail.models import Revision
from wagtail.snippets.views.snippets import HistoryView, RevisionsCompareView

from signpost.directory import opening
from signpost.directory.models import Schedule, Service, TaxonomyTerm
from signpost.directory.models.taxonomy import OWN_VOCABULARIES
from signpost.directory.search_page import LEGENDS

EMPTY = "(empty)"


def schedule_line(schedule: Schedule) -> str:
    """One schedule in words, with its note and, if tied to one place, the place."""
    line = opening.describe(schedule) or "Hours not given"
    note = schedule.description.strip()
    if note and note != line:
        line = f"{line} ({note})"
    if schedule.service_at_location_id:
        link = schedule.service_at_location
        place = link.location.name if link is not None else ""
        line = f"{line}, at {place}" if place else line
    return line


class SummaryComparison:
    """A comparison of one aspect of a service, summarised as lines of text."""

    is_field = True
    is_child_relation = False
    label = ""

    def __init__(self, obj_a: Service, obj_b: Service) -> None:
        self.val_a = self.summarise(obj_a)
        self.val_b = self.summarise(obj_b)

    def summarise(self, service: Service) -> str:
        raise NotImplementedError

    def field_label(self) -> str:
        return self.label

    def has_changed(self) -> bool:
        return self.val_a != self.val_b

    def htmldiff(self) -> SafeString:
        return diff_text(self.val_a, self.val_b).to_html()


class HoursComparison(SummaryComparison):
    label = "Opening hours"

    def summarise(self, service: Service) -> str:
        schedules = sorted(service.schedules.all(), key=lambda s: (s.sort_order or 0, str(s.pk)))
        return "\n".join(schedule_line(s) for s in schedules)


class CategoriesComparison(SummaryComparison):
    label = "Categories"

    def summarise(self, service: Service) -> str:
        ids = [a.taxonomy_term_id for a in service.attributes.all()]
        terms = TaxonomyTerm.objects.filter(pk__in=ids).select_related("taxonomy")
        by_vocabulary: dict[str, list[str]] = {}
        for term in terms:
            by_vocabulary.setdefault(term.taxonomy.name, []).append(term.name)
        order = [*OWN_VOCABULARIES, *sorted(set(by_vocabulary) - set(OWN_VOCABULARIES))]
        return "\n".join(
            f"{LEGENDS.get(name, name)}: {', '.join(sorted(by_vocabulary[name]))}"
            for name in order
            if name in by_vocabulary
        )


def plain_value(comparison: Any, side: str) -> str:
    """What a compared field held in one version ('a' or 'b'), as text for people."""
    value = getattr(comparison, f"val_{side}")
    if isinstance(comparison, SummaryComparison):
        return value or EMPTY
    if getattr(comparison, "is_child_relation", False):
        return "\n".join(str(child) for child in value.all()) or EMPTY
    field = comparison.field
    if value in (None, ""):
        return EMPTY
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey) and isinstance(field.related_model, type):
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else EMPTY
    if isinstance(field, models.BooleanField):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return date_format(value, "j F Y")
    return str(value)


def who_and_when(revision: Revision | None) -> str:
    """'Sam Ng on 2 December 2026 at 10:15', or a plain fallback for the current version."""
    if revision is None:
        return "the current version"
    user = revision.user
    name = (user.get_full_name() or user.get_username()) if user else "an import or a script"
    moment = localtime(revision.created_at)
    return f"{name} on {date_format(moment, 'j F Y')} at {date_format(moment, 'H:i')}"


class ServiceCompareView(RevisionsCompareView):
    """Wagtail's compare page, showing each change as before and after, and who saved each."""

    template_name = "directory/admin/revisions_compare.html"

    def _revision(self, revision_id: str) -> Revision | None:
        revisions = self.object.revisions.order_by("created_at", "id")
        if revision_id == "earliest":
            return revisions.first()
        if revision_id == "latest":
            return revisions.last()
        if revision_id == "live":
            return None
        return revisions.filter(pk=revision_id).first()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["changes"] = [
            {
                "label": comparison.field_label(),
                "before": plain_value(comparison, "a"),
                "after": plain_value(comparison, "b"),
            }
            for comparison in context["comparison"]
        ]
        context["saved_by_before"] = who_and_when(self._revision(self.revision_id_a))
        context["saved_by_after"] = who_and_when(self._revision(self.revision_id_b))
        return context


@functools.cache
def _service_panels() -> Any:
    from signpost.directory.admin_forms import service_edit_handler

    return service_edit_handler().bind_to_model(Service)


def changed_fields(service: Service, before: Revision, after: Revision, request: Any) -> list[str]:
    """The names of the fields that differ between two saved versions of a service."""
    comparisons = _service_panels().get_bound_panel(instance=service, request=request, form=None)
    old, new = before.as_object(), after.as_object()
    return [
        str(diff.field_label())
        for diff in (make(old, new) for make in comparisons.get_comparison())
        if diff.has_changed()
    ]


class ChangesColumn(Column):
    """Beside each save: which fields it changed, and a plain link to the before and after.

    Wagtail's own compare links sit in a menu that needs JavaScript to open; this link does not.
    """

    cell_template_name = "directory/admin/history_changes_cell.html"

    def __init__(self, *args: Any, service: Service, compare_url_name: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.service = service
        self.compare_url_name = compare_url_name

    def get_cell_context_data(self, instance: Any, parent_context: Any) -> Any:
        context = super().get_cell_context_data(instance, parent_context)
        previous = getattr(instance, "previous_revision_id", None)
        if not (instance.revision_id and previous and instance.content_changed):
            return context
        before = Revision.objects.filter(pk=previous).first()
        if before is None:
            return context
        request = parent_context.get("request")
        context["changes"] = changed_fields(self.service, before, instance.revision, request)
        context["compare_url"] = reverse(
            self.compare_url_name, args=(quote(self.service.pk), previous, instance.revision_id)
        )
        return context


class ServiceHistoryView(HistoryView):
    """Wagtail's history of a service, with what each save changed."""

    @cached_property
    def columns(self) -> list[Column]:
        columns = list(super().columns)
        changes = ChangesColumn(
            "changes",
            label="What changed",
            service=self.object,
            compare_url_name=self.revisions_compare_url_name,
        )
        return [columns[0], changes, *columns[1:]]
