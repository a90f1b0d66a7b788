"""Involvement is recognised: each project's rates, members' claims for meetings they attended,
and the dated decisions on them (house rule 2: a decision is a new row, never an edit)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from signpost.core.models import TimestampedModel, UUIDModel
from signpost.meetings.models import Meeting
from signpost.workspace.models import Project


class InvolvementRate(UUIDModel, TimestampedModel):
    """What a project offers for taking part in a meeting: payment, expenses, a voucher."""

    project = models.OneToOneField(
        Project, on_delete=models.CASCADE, related_name="involvement_rate"
    )
    payment_per_meeting = models.DecimalField(
        max_digits=7, decimal_places=2, default=Decimal("0.00"),
        help_text="In pounds, for each meeting attended. 0 if the project does not pay.",
    )  # fmt: skip
    expenses_allowed = models.BooleanField(
        default=True, help_text="Members can claim travel and other costs of taking part."
    )
    voucher_available = models.BooleanField(
        default=False, help_text="Members can choose a voucher of the same value instead."
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"Involvement rates for {self.project}"


class Choice(models.TextChoices):
    PAYMENT = "payment", "Involvement payment"
    VOUCHER = "voucher", "Voucher instead of payment"
    DECLINED = "declined", "No payment, thank you"


class State(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for a facilitator"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Not approved"


class ClaimQuerySet(models.QuerySet):
    def with_state(self) -> ClaimQuerySet:
        """Each claim with its latest decision as `state` (None when nothing needs approving)."""
        latest = ClaimStatus.objects.filter(claim=OuterRef("pk")).order_by("-set_at", "-id")
        return self.annotate(state=Subquery(latest.values("state")[:1]))

    def approved(self) -> ClaimQuerySet:
        """Claims whose latest decision is an approval: what finance pays."""
        return self.with_state().filter(state=State.APPROVED)

    def waiting(self) -> ClaimQuerySet:
        """Claims a facilitator has still to decide."""
        return self.with_state().filter(state=State.SUBMITTED)


class Claim(UUIDModel, TimestampedModel):
    """A member's choice for one meeting they attended: payment, voucher or none, and expenses."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="claims")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="involvement_claims"
    )
    choice = models.CharField(max_length=20, choices=Choice.choices)
    # The rate when claimed: a later change of rate does not change what was claimed.
    payment_amount = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal("0"))
    expenses_amount = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal("0"))
    expenses_description = models.CharField(max_length=500, blank=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_claim_per_meeting")
        ]
        permissions = [
            ("export_approved_claims", "Can download approved involvement claims for finance")
        ]

    def __str__(self) -> str:
        return f"Claim for {self.meeting}"


class ClaimStatus(UUIDModel):
    """A dated decision on a claim, with who made it."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="statuses")
    state = models.CharField(max_length=20, choices=State.choices)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["set_at", "id"]
