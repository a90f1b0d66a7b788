"""The admin page of one import run: its report, its progress while it runs, and the button
that confirms a big deactivation. The page refreshes itself (`<meta http-equiv="refresh">`)
while the worker imports, so it works without JavaScript.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views.generic import DetailView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .admin_views import URL_NAMESPACE, ImportPermissionMixin, imports_breadcrumb
from .importer.sweep import NothingToConfirm, confirm
from .models import ImportRun

EXAMPLES_PER_WARNING = 5
REFRESH_SECONDS = 3


class ImportRunReportView(ImportPermissionMixin, WagtailAdminTemplateMixin, DetailView):
    template_name = "openreferral/admin/report.html"
    model = ImportRun
    context_object_name = "run"
    header_icon = "upload"

    def get_queryset(self) -> Any:
        return ImportRun.objects.select_related("run_by")

    def get_page_title(self) -> str:
        return f"Import report: {self.object.source_name}"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, imports_breadcrumb(), {"url": "", "label": "Report"}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(report_context(self.object))
        context["refresh_seconds"] = REFRESH_SECONDS if self.object.in_progress else None
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Staff confirm that the services a stopped sync found gone should go inactive."""
        run = self.get_object()
        try:
            count = confirm(run, request.user)
        except NothingToConfirm as reason:
            messages.error(request, str(reason))
        else:
            messages.success(request, f"Confirmed: {count} service(s) are now inactive.")
        return HttpResponseRedirect(reverse(f"{URL_NAMESPACE}:report", args=[run.pk]))


def report_context(run: ImportRun) -> dict[str, Any]:
    """What the report page shows, from the stored report."""
    report = run.report or {}
    kinds = sorted(
        set(report.get("created", {}))
        | set(report.get("updated", {}))
        | set(report.get("unchanged", {}))
    )
    kinds.sort(key=lambda kind: kind != "service")  # services first
    counts = [
        {
            "kind": kind,
            "created": report.get("created", {}).get(kind, 0),
            "updated": report.get("updated", {}).get(kind, 0),
            "unchanged": report.get("unchanged", {}).get(kind, 0),
        }
        for kind in kinds
    ]
    if not counts:  # still running, or nothing read: the run's own counts so far
        counts = [
            {
                "kind": "service",
                "created": run.services_created,
                "updated": run.services_updated,
                "unchanged": run.services_unchanged,
            }
        ]
    warnings = [
        {
            **group,
            "examples": [
                w["record"]
                for w in report.get("warnings", [])
                if (w.get("field"), w.get("reason")) == (group.get("field"), group.get("reason"))
            ][:EXAMPLES_PER_WARNING],
        }
        for group in report.get("warning_counts", [])
    ]
    outcome_text = report.get("outcome", run.get_outcome_display())
    if run.in_progress:
        outcome_text = "The import is still going. This page updates itself every few seconds."
    elif run.is_stale:
        outcome_text = (
            "The import stopped part-way (the worker running it stopped). Each service is as "
            "it was before or as the feed says, never half of each. Run it again."
        )
    return {
        "outcome_text": outcome_text,
        "pending": report.get("pending_deactivation", []),
        "report_kept_going": report.get("kept_going", False),
        "deactivated": report.get("deactivated", run.services_deactivated),
        "failure": report.get("failure", ""),
        "records_read": report.get("records_read", run.records_read),
        "counts": counts,
        "rejected": report.get("rejected", []),
        "warning_groups": warnings,
    }
