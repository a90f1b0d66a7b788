"""Panels for the service form: the week of opening hours and the category checkboxes.

They render fields that `ServiceAdminForm` adds (they are not model fields), and tell the
revision compare view how to say what changed in plain words. This module is imported by the
Service model for its panels, so it imports no models at load time.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from django import forms
from wagtail.admin.panels import Panel


class _FormPanel(Panel):
    """A panel drawn by its own template from the service form's extra fields."""

    template_name = ""
    comparison_path = ""
    scripts: tuple[str, ...] = ()

    class BoundPanel(Panel.BoundPanel):
        def get_context_data(self, parent_context: Any = None) -> Any:
            context = super().get_context_data(parent_context)
            context["form"] = self.form
            return context

        @property
        def template_name(self) -> str:  # type: ignore[override]
            return self.panel.template_name

        @property
        def media(self) -> forms.Media:
            css: dict[str, Sequence[str]] = {"all": ["directory/admin/service_form.css"]}
            return forms.Media(css=css, js=list(self.panel.scripts))

        def get_comparison(self) -> list[Any]:
            from signpost.directory import service_history

            return [functools.partial(getattr(service_history, self.panel.comparison_path))]


class OpeningWeekPanel(_FormPanel):
    """Opening hours as a row per day; other kinds of hours are listed read-only."""

    template_name = "directory/admin/opening_week_panel.html"
    comparison_path = "HoursComparison"
    scripts = ("directory/admin/opening_week.js",)


class VocabularyPanel(_FormPanel):
    """One set of checkboxes per vocabulary of ours; imported terms are listed and kept."""

    template_name = "directory/admin/vocabulary_panel.html"
    comparison_path = "CategoriesComparison"
