"""The admin home's "Recent imports" panel: the last few runs and what each did."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from wagtail.admin.ui.components import Component

from .admin_views import URL_NAMESPACE, can_run_imports
from .models import ImportRun

LATEST_IMPORTS = 3


class RecentImportsPanel(Component):
    """Shown to people who may run imports: one query for the latest runs."""

    name = "recent_imports"
    template_name = "openreferral/admin/dashboard_imports.html"
    order = 95  # after the directory's to-do panels, before Wagtail's own

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def is_shown(self) -> bool:
        return can_run_imports(self.request.user)

    def render_html(self, parent_context: Mapping[str, Any] | None = None) -> str:
        return super().render_html(parent_context) if self.is_shown() else ""

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict[str, Any]:
        runs = ImportRun.objects.order_by("-started_at")[:LATEST_IMPORTS]
        return {
            "imports": [
                {"run": run, "url": reverse(f"{URL_NAMESPACE}:report", args=[run.pk])}
                for run in runs
            ]
        }
