"""The directory's panels on the Wagtail admin home: what needs a maintainer's attention.

Open problem reports and services past their review date, each shown only to people allowed
to act on them, in a handful of queries. (The imports app adds its own panel of recent runs.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.urls import reverse
from wagtail.admin.ui.components import Component

from signpost.directory.models import ProblemReport, Service

LATEST_REPORTS = 5


class DirectoryDashboardPanel(Component):
    """Two native dashboard panels: problem reports to look at, and reviews due."""

    name = "directory_dashboard"
    template_name = "directory/admin/dashboard.html"
    order = 90  # above Wagtail's own "your pages" panels: this is the maintainer's to-do list

    def __init__(self, user: Any) -> None:
        self.user = user

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict[str, Any]:
        context: dict[str, Any] = {}
        if self.user.has_perm("directory.view_problemreport") or self.user.has_perm(
            "directory.change_problemreport"
        ):
            context.update(self._reports())
        if self.user.has_perm("directory.change_service"):
            context["overdue_count"] = Service.objects.review_overdue().count()
            context["overdue_url"] = (
                reverse("wagtailsnippets_directory_service:list") + "?review_overdue=true"
            )
        return context

    def _reports(self) -> dict[str, Any]:
        open_reports = ProblemReport.objects.open()
        latest = open_reports.select_related("service").order_by("-created_at")[:LATEST_REPORTS]
        return {
            "show_reports": True,
            "open_report_count": open_reports.count(),
            "latest_reports": [
                {
                    "report": report,
                    "url": reverse(
                        "wagtailsnippets_directory_problemreport:inspect", args=[report.pk]
                    ),
                }
                for report in latest
            ],
            "reports_url": reverse("wagtailsnippets_directory_problemreport:list"),
        }
