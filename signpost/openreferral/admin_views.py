"""The admin *Imports* screens: upload a file to import, list past runs, read a run's report.

Every view checks the `openreferral.add_importrun` permission itself; hiding the menu item is
only a convenience.
"""

from __future__ import annotations

import logging
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.views.generic import DetailView, FormView, ListView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from .importer import ImportReport, SourceProblem, import_services
from .importer.sources import read_json_upload, read_source
from .models import ImportRun, Outcome
from .runs import record_run

logger = logging.getLogger(__name__)

PERMISSION = "openreferral.add_importrun"
URL_NAMESPACE = "openreferral_imports"
ALLOWED_SUFFIXES = (".json", ".zip")
EXAMPLES_PER_WARNING = 5


def can_run_imports(user: Any) -> bool:
    """Whether this user may see the Imports screens and run imports."""
    return bool(user and user.is_active and user.has_perm(PERMISSION))


def max_upload_mb() -> int:
    return int(getattr(settings, "SIGNPOST_IMPORT_MAX_UPLOAD_MB", 50))


class ImportPermissionMixin:
    """Refuses (403) anyone without the permission to run imports, on every request."""

    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_run_imports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


def imports_breadcrumb() -> dict[str, str]:
    return {"url": reverse(f"{URL_NAMESPACE}:index"), "label": "Imports"}


# --- the upload form ----------------------------------------------------------------------


class ImportUploadForm(forms.Form):
    """A file to import and whether only to check it."""

    file = forms.FileField(
        label="File to import",
        widget=forms.FileInput(attrs={"accept": ".json,.zip,application/json,application/zip"}),
        error_messages={
            "required": "Choose a .json or .zip file to import.",
            "empty": "The file you chose is empty. Choose a file with services in it.",
            "invalid": "The file could not be read. Choose it again.",
        },
    )
    dry_run = forms.BooleanField(
        label="Check only (dry run)",
        required=False,
        help_text=(
            "Read and check every record and show what would change, without saving anything."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = (
            "A .json file with a list of services in Open Referral UK format (HSDS 3.0, or the "
            "older ORUK 1.0), or a .zip file holding a set of CSV files (a 'tabular package' "
            f"with services.csv and datapackage.json). Up to {max_upload_mb()} MB."
        )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        name = upload.name or ""
        if not name.lower().endswith(ALLOWED_SUFFIXES):
            raise forms.ValidationError(
                "The file must be a .json or .zip file. “%(name)s” is neither.",
                code="extension",
                params={"name": Path(name).name},
            )
        limit = max_upload_mb()
        if upload.size and upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(
                "The file is %(size)s MB. Files can be up to %(limit)s MB: split it into "
                "smaller files, or ask a developer to import it from the command line.",
                code="too_big",
                params={"size": f"{upload.size / (1024 * 1024):.1f}", "limit": limit},
            )
        return upload


def run_upload(upload: UploadedFile, *, dry_run: bool) -> ImportReport:
    """Save the upload to a temporary file, import it, and delete the file again."""
    display_name = Path(upload.name or "upload").name
    safe_name = get_valid_filename(display_name)[-100:] or "upload"
    with tempfile.TemporaryDirectory(prefix="signpost-upload-") as folder:
        path = Path(folder) / safe_name
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        try:
            records = _records(path, display_name)
        except SourceProblem as problem:
            return failed_report(display_name, str(problem), dry_run=dry_run)
        return import_services(records, dry_run=dry_run, source=display_name)


def _records(path: Path, display_name: str) -> Iterator[dict]:
    if display_name.lower().endswith(".zip"):
        if not zipfile.is_zipfile(path):
            raise SourceProblem(f"{display_name} is not a readable .zip file.")
        return read_source(str(path))
    return read_json_upload(lambda: path.open("rb"), display_name)


def failed_report(source: str, reason: str, *, dry_run: bool) -> ImportReport:
    """A report for an import that could not even start."""
    report = ImportReport(source=source, dry_run=dry_run)
    report.failure = reason
    report.rolled_back = True
    return report


class ImportUploadView(ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "openreferral/admin/upload.html"
    form_class = ImportUploadForm
    page_title = "New import"
    header_icon = "upload"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, imports_breadcrumb(), {"url": "", "label": "New import"}]

    def form_valid(self, form: ImportUploadForm) -> HttpResponse:
        upload: UploadedFile = form.cleaned_data["file"]
        dry_run: bool = form.cleaned_data["dry_run"]
        name = Path(upload.name or "upload").name
        started_at = timezone.now()
        try:
            report = run_upload(upload, dry_run=dry_run)
        except Exception:
            # The importer turns bad files into reports; this is a safety net, so a surprise
            # is logged for developers and the person importing still gets an answer.
            logger.exception("Import of uploaded file %s failed unexpectedly", name)
            report = failed_report(
                name,
                "Something went wrong while reading the file. The developers have been told.",
                dry_run=dry_run,
            )
        run = record_run(
            report,
            run_by=self.request.user,
            source_name=name,
            source_kind="upload",
            started_at=started_at,
        )
        self._tell(run)
        return HttpResponseRedirect(reverse(f"{URL_NAMESPACE}:report", args=[run.pk]))

    def _tell(self, run: ImportRun) -> None:
        if run.outcome == Outcome.SAVED:
            messages.success(
                self.request,
                f"{run.source_name} was imported: {run.services_created} services added, "
                f"{run.services_updated} changed, {run.services_unchanged} unchanged."
                + organisations_said(run),
            )
        elif run.outcome == Outcome.DRY_RUN:
            messages.success(
                self.request,
                f"{run.source_name} was checked. Nothing was saved. "
                f"Records that could not be imported: {run.services_rejected}.",
            )
        elif run.outcome == Outcome.REJECTED:
            # An error, not a warning: nothing was saved (and Wagtail's warning banner
            # fails WCAG colour contrast).
            messages.error(
                self.request,
                f"Nothing was saved: {run.services_rejected} record(s) in {run.source_name} "
                "could not be imported. The report below says which and why.",
            )
        else:
            messages.error(
                self.request, f"{run.source_name} could not be imported. Nothing was saved."
            )


def organisations_said(run: ImportRun) -> str:
    """The organisations' counts in words, so a re-import does not read as a change."""
    report = run.report or {}
    counts = [report.get(key, {}).get("organisation", 0) for key in ("created", "updated")]
    unchanged = report.get("unchanged", {}).get("organisation", 0)
    if not any(counts) and not unchanged:
        return ""
    return f" Organisations: {counts[0]} added, {counts[1]} changed, {unchanged} unchanged."


# --- past runs and their reports ----------------------------------------------------------


class ImportRunListView(ImportPermissionMixin, WagtailAdminTemplateMixin, ListView):
    template_name = "openreferral/admin/index.html"
    page_title = "Imports"
    header_icon = "upload"
    paginate_by = 25
    page_kwarg = "p"
    context_object_name = "runs"

    def get_queryset(self) -> Any:
        return ImportRun.objects.select_related("run_by").order_by("-started_at")

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, {"url": "", "label": "Imports"}]

    def get_header_buttons(self) -> list[Any]:
        return [
            HeaderButton("New import", url=reverse(f"{URL_NAMESPACE}:upload"), icon_name="upload")
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context["elided_page_range"] = page.paginator.get_elided_page_range(page.number)
        return context


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
        return context


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
    if not counts:
        counts = [{"kind": "service", "created": 0, "updated": 0, "unchanged": 0}]
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
    return {
        "outcome_text": report.get("outcome", run.get_outcome_display()),
        "failure": report.get("failure", ""),
        "records_read": report.get("records_read", 0),
        "counts": counts,
        "rejected": report.get("rejected", []),
        "warning_groups": warnings,
    }
