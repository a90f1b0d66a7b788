"""The service form in the Wagtail admin: opening hours as a week, categories as checkboxes.

Staff think in days and times, not in repeat rules, and choose categories from a list rather
than adding rows one term at a time. The form turns both back into what HSDS stores
(schedules and service attributes) and leaves alone anything it cannot show: hours that
repeat monthly or are tied to one place (admin_form_hours), and terms from vocabularies
imported from elsewhere.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.safestring import SafeString, mark_safe
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList

from signpost.directory.admin_form_hours import OpeningWeekFields
from signpost.directory.models import Service, ServiceAttribute, Taxonomy, TaxonomyTerm
from signpost.directory.models.taxonomy import OWN_VOCABULARIES
from signpost.directory.search_page import LEGENDS


def vocabulary_field(name: str) -> str:
    return "vocabulary_" + name.replace("-", "_")


class TermChoiceField(forms.ModelMultipleChoiceField):
    """Terms shown by their own name: the fieldset already says which vocabulary."""

    def label_from_instance(self, obj: TaxonomyTerm) -> str:
        return obj.name


class ServiceAdminForm(OpeningWeekFields, WagtailAdminModelForm):
    """A service, with a week of opening hours and a checkbox list per vocabulary."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._load_week()
        self.attributes = list(self.instance.attributes.all()) if self.instance.pk else []
        self.vocabularies = list(Taxonomy.objects.filter(name__in=OWN_VOCABULARIES))
        self.vocabularies.sort(key=lambda t: OWN_VOCABULARIES.index(t.name))
        self._add_vocabulary_fields()

    def _add_vocabulary_fields(self) -> None:
        chosen = {a.taxonomy_term_id for a in self.attributes}
        for taxonomy in self.vocabularies:
            terms = TaxonomyTerm.objects.filter(taxonomy=taxonomy).order_by("sort_order", "name")
            field = TermChoiceField(
                queryset=terms,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                label=LEGENDS.get(taxonomy.name, taxonomy.name),
            )
            initial = [t.pk for t in terms if t.pk in chosen]
            self._add(vocabulary_field(taxonomy.name), field, initial)

    def vocabulary_sections(self) -> list[forms.BoundField]:
        """One checkbox list per vocabulary of ours, in the order the public filters use."""
        return [self[vocabulary_field(t.name)] for t in self.vocabularies]

    def other_terms(self) -> list[str]:
        """Terms from vocabularies this form does not show: kept as they are."""
        own = {t.pk for t in self.vocabularies}
        return [
            str(a.taxonomy_term) for a in self.attributes if a.taxonomy_term.taxonomy_id not in own
        ]

    def _attributes_to_keep(self) -> list[ServiceAttribute]:
        own = {t.pk for t in self.vocabularies}
        chosen = {
            term.pk: term
            for taxonomy in self.vocabularies
            for term in self.cleaned_data.get(vocabulary_field(taxonomy.name)) or []
        }
        result = []
        for attribute in self.attributes:
            term_id = attribute.taxonomy_term_id
            if attribute.taxonomy_term.taxonomy_id not in own or chosen.pop(term_id, None):
                result.append(attribute)
        result += [ServiceAttribute(taxonomy_term=term) for term in chosen.values()]
        return result

    def save(self, commit: bool = True) -> Any:
        self._keep_a_version_to_compare_with()
        self._save_week()
        if any(vocabulary_field(t.name) in self.changed_data for t in self.vocabularies):
            self.instance.attributes = self._attributes_to_keep()
        return super().save(commit=commit)

    def _keep_a_version_to_compare_with(self) -> None:
        """Before the first edit of a service that has no saved versions (an imported one),
        save one of it as stored, so its history can show what this first edit changed."""
        if self.instance.pk and not self.instance.latest_revision_id:
            stored = Service.objects.filter(pk=self.instance.pk).first()
            if stored is not None:
                stored.save_revision(log_action=False)


class ServicePanels(ObjectList):
    """The service's panels; the week and category fields are drawn by their own panels.

    Wagtail draws any form field no panel names at the foot of the form. The week and
    category fields are added by the form rather than named by a panel (they are not model
    fields), so they are left out of that list here or they would appear twice.
    """

    class BoundPanel(ObjectList.BoundPanel):
        def render_missing_fields(self) -> SafeString:
            claimed = set(self.panel.get_form_options().get("fields", []))
            own = ("hours_", "vocabulary_")
            html = [
                str(self.form[name])
                for name in self.form.fields
                if name not in claimed and not name.startswith(own)
            ]
            return mark_safe("".join(html))  # rendered form fields, escaped by Django


def service_edit_handler() -> ObjectList:
    """The service's panels on this form: the admin's create, edit and compare views use it."""
    return ServicePanels(Service.panels, base_form_class=ServiceAdminForm)
