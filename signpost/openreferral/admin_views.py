"""The admin *Imports* screens: upload a file to import, list past runs, read a run's report.

Every view checks the `openreferral.add_importrun` permission itself; hiding the menu item is
only a convenience.
"""

from __future__ import annotations

import logging
import tempfile
import uuid
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.text import get_valid_filename
from django.views.generic import FormView, ListView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from .importer.service import Source, start_run
from .models import ImportRun, Outcome, SourceKind
from .tasks import queue_import

logger = logging.getLogger(__name__)

PERMISSION = "openreferral.add_importrun"
URL_NAMESPACE = "openreferral_imports"
ALLOWED_SUFFIXES = (".json", ".zip")


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
    strict = forms.BooleanField(
        label="Save nothing if any record is rejected",
        required=False,
        help_text=(
            "Without this, every record that can be imported is saved and each one that "
            "cannot is listed in the report."
        ),
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


def upload_folder() -> Path:
    """Where uploads wait for the worker: private to the server, emptied as runs read them."""
    configured = getattr(settings, "SIGNPOST_IMPORT_UPLOAD_DIR", "")
    folder = Path(configured) if configured else Path(tempfile.gettempdir()) / "signpost-imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_upload(upload: UploadedFile) -> Path:
    """A copy of the upload under a name nobody can guess; the run deletes it once read."""
    safe_name = get_valid_filename(Path(upload.name or "upload").name)[-100:] or "upload"
    folder = upload_folder() / uuid.uuid4().hex
    folder.mkdir()
    path = folder / safe_name  # its own name, so messages about it name the file staff chose
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return path


class ImportUploadView(ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "openreferral/admin/upload.html"
    form_class = ImportUploadForm
    page_title = "New import"
    header_icon = "upload"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, imports_breadcrumb(), {"url": "", "label": "New import"}]

    def form_valid(self, form: ImportUploadForm) -> HttpResponse:
        """Queue the import for the worker and show its run page, which shows progress."""
        upload: UploadedFile = form.cleaned_data["file"]
        name = Path(upload.name or "upload").name
        source = Source(str(save_upload(upload)), name, SourceKind.UPLOAD, remove_after=True)
        run = start_run(
            source,
            who=self.request.user,
            dry_run=form.cleaned_data["dry_run"],
            strict=form.cleaned_data["strict"],
            queued=True,
        )
        queue_import(run)
        run.refresh_from_db()
        tell(self.request, run)
        return HttpResponseRedirect(reverse(f"{URL_NAMESPACE}:report", args=[run.pk]))


def tell(request: HttpRequest, run: ImportRun) -> None:
    """A message for the person who started the run, in words that match what happened."""
    if run.in_progress:
        messages.success(
            request,
            f"{run.source_name} is being imported. This page shows how far it has got.",
        )
    elif run.outcome == Outcome.SAVED:
        messages.success(
            request,
            f"{run.source_name} was imported: {run.services_created} services added, "
            f"{run.services_updated} changed, {run.services_unchanged} unchanged."
            + (f" Records left out: {run.services_rejected}." if run.services_rejected else "")
            + organisations_said(run),
        )
    elif run.outcome == Outcome.DRY_RUN:
        messages.success(
            request,
            f"{run.source_name} was checked. Nothing was saved. "
            f"Records that could not be imported: {run.services_rejected}.",
        )
    elif run.outcome == Outcome.REJECTED:
        # An error, not a warning: nothing was saved (and Wagtail's warning banner
        # fails WCAG colour contrast).
        messages.error(
            request,
            f"Nothing was saved: {run.services_rejected} record(s) in {run.source_name} "
            "could not be imported. The report below says which and why.",
        )
    elif run.outcome == Outcome.CONFIRM:
        messages.error(
            request,
            f"{run.source_name}: too many services left the feed at once, so none were made "
            "inactive. Check the report and confirm below if that is right.",
        )
    else:
        messages.error(request, f"{run.source_name} could not be imported. {_said(run)}")


def _said(run: ImportRun) -> str:
    return str((run.report or {}).get("outcome", "Nothing was saved."))


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
