"""Problem reports in the Wagtail admin: a list by status, a page per report, status buttons.

A report is read, not edited: its page shows what the person said, the service it is about,
and every status given so far; staff who may change reports move it on with one button each.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

from signpost.directory.models.feedback import (
    CLOSED_STATUSES,
    ProblemKind,
    ProblemReport,
    ReportStatus,
    set_report_status,
)

NOTE_LIMIT = 2000
OPEN = "open"  # a filter choice, not a status: everything still waiting for someone


class ProblemReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[(OPEN, "Open: new or in progress"), *ReportStatus.choices],
        method="filter_status",
    )
    kind = django_filters.ChoiceFilter(label="Problem", choices=ProblemKind.choices)

    class Meta:
        model = ProblemReport
        fields = ["kind"]

    def filter_status(self, queryset: Any, name: str, value: str) -> Any:
        if value == OPEN:
            return queryset.exclude(current_status__in=CLOSED_STATUSES)
        return queryset.filter(current_status=value) if value else queryset


def report_url(report: ProblemReport) -> str:
    return reverse("wagtailsnippets_directory_problemreport:inspect", args=[report.pk])


def service_admin_url(report: ProblemReport) -> str:
    return reverse("wagtailsnippets_directory_service:edit", args=[report.service_id])


class ProblemReportIndexView(IndexView):
    """Each row's title opens the report's page: there is nothing to edit."""

    def get_edit_url(self, instance: Any) -> None:
        return None


class ProblemReportEditView(EditView):
    """Old links to a report's edit form land on its page, where its status is set."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return HttpResponseRedirect(
            reverse("wagtailsnippets_directory_problemreport:inspect", args=[kwargs["pk"]])
        )


class ProblemReportInspectView(InspectView):
    template_name = "directory/admin/problem_report.html"
    page_title = "Problem report"
    labels = {"kind": "Problem", "created_at": "Sent", "email": "Email for a reply"}

    def get_field_label(self, field_name: str, field: Any) -> str:
        return self.labels.get(field_name) or super().get_field_label(field_name, field)

    def get_email_display_value(self) -> str:
        return self.object.email or "Not given"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        report = self.object
        history = list(report.statuses.select_related("set_by").order_by("-set_at", "-id"))
        current = history[0].status if history else ReportStatus.NEW.value
        context.update(
            report=report,
            service_url=AdminURLFinder(self.request.user).get_edit_url(report.service)
            or service_admin_url(report),
            history=history,
            current_status=ReportStatus(current),
            is_open=current not in CLOSED_STATUSES,
            can_set_status=self.permission_policy.user_has_permission(self.request.user, "change"),
            choices=[choice for choice in ReportStatus if choice != current],
            set_status_url=reverse(
                "wagtailsnippets_directory_problemreport:set_status", args=[report.pk]
            ),
            note_limit=NOTE_LIMIT,
        )
        return context


@require_POST
def set_status_view(request: HttpRequest, pk: str, *, viewset: SnippetViewSet) -> HttpResponse:
    """One button press: a new status row for the report, by this person, now."""
    if not viewset.permission_policy.user_has_permission(request.user, "change"):
        # Wagtail's admin turns PermissionDenied into a redirect home; say 403 plainly.
        return permission_denied(request, PermissionDenied())
    report = get_object_or_404(ProblemReport, pk=pk)
    page = reverse("wagtailsnippets_directory_problemreport:inspect", args=[report.pk])
    status = request.POST.get("status", "")
    note = request.POST.get("note", "")
    if status not in ReportStatus.values:
        messages.error(request, "Choose one of the status buttons to change the status.")
    elif len(note) > NOTE_LIMIT:
        messages.error(
            request, f"The note is {len(note)} characters. Keep it to {NOTE_LIMIT} or fewer."
        )
    else:
        set_report_status(report, status=status, note=note, by=request.user)
        messages.success(request, f"Status set to “{ReportStatus(status).label}”.")
    return HttpResponseRedirect(page)


class ProblemReportViewSet(SnippetViewSet):
    """The list (current status, filter by it) and the report's page with its status buttons."""

    model = ProblemReport
    icon = "warning"
    menu_label = "Problem reports"
    search_backend_name = None
    list_display = [
        TitleColumn("kind", label="Problem", accessor="get_kind_display", get_url=report_url),
        TitleColumn("service", label="Service", get_url=service_admin_url),
        StatusTagColumn(
            "status",
            label="Status",
            accessor="status_label",
            primary=lambda report: not report.is_resolved,
        ),
        Column("created_at", label="Sent"),
    ]
    filterset_class = ProblemReportFilterSet
    search_fields = ["details", "service__name"]
    index_view_class = ProblemReportIndexView
    edit_view_class = ProblemReportEditView
    inspect_view_class = ProblemReportInspectView
    inspect_view_enabled = True
    inspect_view_fields = ["kind", "details", "email", "created_at"]
    add_view_enabled = False
    copy_view_enabled = False

    def get_queryset(self, request: HttpRequest) -> Any:
        return ProblemReport.objects.with_current_status().select_related("service")

    def get_urlpatterns(self) -> list[Any]:
        return [
            *super().get_urlpatterns(),
            path(
                "status/<uuid:pk>/",
                lambda request, pk: set_status_view(request, pk, viewset=self),
                name="set_status",
            ),
        ]
