"""What the public tells us about a service page."""

from __future__ import annotations

from django.db import models

from signpost.core.models import TimestampedModel, UUIDModel


class ProblemKind(models.TextChoices):
    CONTACT = "contact", "The phone number, email or website is wrong"
    HOURS = "hours", "The opening times are wrong"
    ADDRESS = "address", "The address or location is wrong"
    CLOSED = "closed", "The service has closed or moved"
    ELIGIBILITY = "eligibility", "Who it is for, or how to get help, is wrong"
    OTHER = "other", "Something else"


class ProblemReport(UUIDModel, TimestampedModel):
    """A report that a service page is wrong, kept for directory staff."""

    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="problem_reports"
    )
    kind = models.CharField(max_length=20, choices=ProblemKind.choices)
    details = models.TextField(max_length=2000)
    email = models.EmailField(blank=True, help_text="Only if the person wants a reply.")
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.service}"

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None
