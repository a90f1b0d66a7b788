"""What the public tells us about a service page, and what staff did about it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from signpost.core.models import TimestampedModel, UUIDModel


class ProblemKind(models.TextChoices):
    CONTACT = "contact", "The phone number, email or website is wrong"
    HOURS = "hours", "The opening times are wrong"
    ADDRESS = "address", "The address or location is wrong"
    CLOSED = "closed", "The service has closed or moved"
    ELIGIBILITY = "eligibility", "Who it is for, or how to get help, is wrong"
    OTHER = "other", "Something else"


class ReportStatus(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    RESOLVED = "resolved", "Resolved"
    NOT_A_PROBLEM = "not_a_problem", "Not a problem"


# A report is open until someone decides it is fixed or was never wrong.
CLOSED_STATUSES = (ReportStatus.RESOLVED, ReportStatus.NOT_A_PROBLEM)


class ProblemReportQuerySet(models.QuerySet):
    def with_current_status(self) -> ProblemReportQuerySet:
        """Each report with `current_status`: its latest status row, or "new" if none yet."""
        latest = ProblemReportStatus.objects.filter(report=models.OuterRef("pk")).order_by(
            "-set_at", "-id"
        )
        return self.annotate(
            current_status=Coalesce(
                models.Subquery(latest.values("status")[:1]),
                models.Value(ReportStatus.NEW.value),
                output_field=models.CharField(),
            )
        )

    def in_status(self, *statuses: str) -> ProblemReportQuerySet:
        """Reports whose current status is one of these."""
        return self.with_current_status().filter(current_status__in=statuses)

    def open(self) -> ProblemReportQuerySet:
        """Reports still waiting for someone: new or in progress."""
        return self.with_current_status().exclude(current_status__in=CLOSED_STATUSES)


class ProblemReport(UUIDModel, TimestampedModel):
    """A report that a service page is wrong, kept for directory staff.

    Its status is not a field: it is the latest ProblemReportStatus row, so the history of who
    decided what, and when, is kept (house rule 2).
    """

    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="problem_reports"
    )
    kind = models.CharField(max_length=20, choices=ProblemKind.choices)
    details = models.TextField(max_length=2000)
    email = models.EmailField(blank=True, help_text="Only if the person wants a reply.")

    objects = ProblemReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.service}"

    @property
    def status(self) -> str:
        """The current status: annotated by `with_current_status`, else read from the rows."""
        annotated = getattr(self, "current_status", None)
        if annotated:
            return str(annotated)
        latest = self.statuses.order_by("-set_at", "-id").first()
        return latest.status if latest else ReportStatus.NEW.value

    @property
    def status_label(self) -> str:
        return ReportStatus(self.status).label

    @property
    def is_resolved(self) -> bool:
        return self.status in CLOSED_STATUSES


class ProblemReportStatus(UUIDModel):
    """One decision about a report: its new status, who set it, when, and why."""

    report = models.ForeignKey(ProblemReport, on_delete=models.CASCADE, related_name="statuses")
    status = models.CharField(max_length=20, choices=ReportStatus.choices)
    note = models.TextField(blank=True, max_length=2000)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty for statuses carried over from before statuses were kept as rows.",
    )
    set_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-set_at", "-id"]
        verbose_name = "problem report status"
        verbose_name_plural = "problem report statuses"

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.set_at:%d %b %Y %H:%M})"


def set_report_status(
    report: ProblemReport, *, status: str, note: str = "", by: Any
) -> ProblemReportStatus:
    """Record a new status for a report as a new row; earlier rows are never changed."""
    if status not in ReportStatus.values:
        raise ValueError(f"{status!r} is not a problem report status")
    with transaction.atomic():
        return ProblemReportStatus.objects.create(
            report=report,
            status=status,
            note=note.strip(),
            set_by=by if getattr(by, "is_authenticated", False) else None,
        )
