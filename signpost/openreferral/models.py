"""A log of Open Referral imports: who ran which import, when, and what it did."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from signpost.core.models import UUIDModel


class SourceKind(models.TextChoices):
    UPLOAD = "upload", "Uploaded in the admin"
    COMMAND = "command", "Command line"
    URL = "url", "Open Referral API"


class Outcome(models.TextChoices):
    SAVED = "saved", "Saved"
    DRY_RUN = "dry_run", "Dry run"
    REJECTED = "rejected", "Rejected (rolled back)"
    FAILED = "failed", "Failed"


class ImportRun(UUIDModel):
    """One import, kept with its full report. Runs are never edited or deleted in the admin."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_runs",
        help_text="Empty when the import was run from the command line.",
    )
    source_name = models.CharField(
        max_length=255, help_text="The file's name (never its place on the server) or the URL."
    )
    source_kind = models.CharField(max_length=10, choices=SourceKind.choices)
    dry_run = models.BooleanField(default=False)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    services_created = models.PositiveIntegerField(default=0)
    services_updated = models.PositiveIntegerField(default=0)
    services_unchanged = models.PositiveIntegerField(default=0)
    services_rejected = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-started_at"]
        # Running an import is the only thing staff can do with runs.
        default_permissions = ("add",)
        verbose_name = "import run"

    def __str__(self) -> str:
        return f"{self.source_name} ({self.started_at:%d %b %Y %H:%M})"
