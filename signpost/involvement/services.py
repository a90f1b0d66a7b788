"""Writes for involvement: set a project's rates, claim for a meeting, decide on a claim.

Each takes the person acting as `by` (or the member as `user`); a decision is a new dated
ClaimStatus row (house rule 2), so the history of every claim stays as data.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction

from signpost.meetings.models import Meeting
from signpost.workspace.models import Project

from .models import Choice, Claim, ClaimStatus, InvolvementRate, State

NOT_ATTENDED = (
    "You can only claim for a meeting you attended. If you were there, ask a facilitator "
    "to record your attendance, then claim again."
)
ALREADY_CLAIMED = "You have already made your choice for this meeting."
ALREADY_DECIDED = "This claim has already been decided."


class ClaimRefused(Exception):
    """A claim or decision that cannot be made; the message is for the person, in plain words."""


def rate_for(project: Project) -> InvolvementRate:
    """The project's rates; an unsaved 'nothing set yet' one when none are set."""
    rate = InvolvementRate.objects.filter(project=project).first()
    return rate or InvolvementRate(project=project)


def set_rates(
    *, project: Project, payment_per_meeting: Decimal, expenses_allowed: bool,
    voucher_available: bool, by: Any,
) -> InvolvementRate:  # fmt: skip
    """Set what the project offers; claims already made keep the amount they were made at."""
    rate, _ = InvolvementRate.objects.update_or_create(
        project=project,
        defaults={"payment_per_meeting": payment_per_meeting, "set_by": by,
                  "expenses_allowed": expenses_allowed, "voucher_available": voucher_available},
    )  # fmt: skip
    return rate


def attended(meeting: Meeting, user: Any) -> bool:
    """Whether the facilitator's latest record for this person says they came."""
    latest = meeting.attendance.filter(user=user).order_by("-recorded_at", "-id").first()
    return bool(latest and latest.attended)


def choices_offered(rate: InvolvementRate) -> list[str]:
    """What a member may choose under these rates: payment and voucher only when paid."""
    paid = rate.payment_per_meeting > 0
    offered = [Choice.PAYMENT] if paid else []
    if paid and rate.voucher_available:
        offered.append(Choice.VOUCHER)
    return [*offered, Choice.DECLINED]


@transaction.atomic
def make_claim(
    *, meeting: Meeting, user: Any, choice: str, expenses_amount: Decimal = Decimal("0"),
    expenses_description: str = "",
) -> Claim:  # fmt: skip
    """Record a member's choice for a meeting they attended; anything to pay waits for a
    facilitator. Refused (ClaimRefused) for a meeting not attended or already claimed."""
    if not attended(meeting, user):
        raise ClaimRefused(NOT_ATTENDED)
    rate = rate_for(meeting.group.project)
    if choice not in choices_offered(rate):
        raise ClaimRefused("Choose one of the options shown.")
    if expenses_amount and not rate.expenses_allowed:
        raise ClaimRefused("This project does not pay expenses.")
    payment = rate.payment_per_meeting if choice != Choice.DECLINED else Decimal("0")
    try:
        with transaction.atomic():
            claim = Claim.objects.create(
                meeting=meeting, user=user, choice=choice, payment_amount=payment,
                expenses_amount=expenses_amount, expenses_description=expenses_description,
            )  # fmt: skip
    except IntegrityError:
        raise ClaimRefused(ALREADY_CLAIMED) from None
    if payment or expenses_amount:
        ClaimStatus.objects.create(claim=claim, state=State.SUBMITTED, set_by=user)
    return claim


@transaction.atomic
def decide_claim(*, claim: Claim, approve: bool, by: Any, note: str = "") -> ClaimStatus:
    """Approve or reject a waiting claim, as a new dated row naming who decided."""
    Claim.objects.select_for_update().get(pk=claim.pk)
    latest = claim.statuses.order_by("-set_at", "-id").first()
    if latest is None or latest.state != State.SUBMITTED:
        raise ClaimRefused(ALREADY_DECIDED)
    state = State.APPROVED if approve else State.REJECTED
    return ClaimStatus.objects.create(claim=claim, state=state, set_by=by, note=note)
