"""What the involvement pages show, worked out once so templates stay simple."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from signpost.meetings.models import Meeting
from signpost.workspace.models import Group
from signpost.workspace.profile.names import display_name

from . import services
from .forms import ClaimForm
from .models import Choice, Claim, InvolvementRate, State

# Where a member can get free advice on how payments affect benefits, before choosing.
BENEFITS_ADVICE_URL = "https://www.citizensadvice.org.uk/benefits/"


@dataclass(frozen=True)
class MeetingClaim:
    meeting: Meeting
    claim: Claim | None
    state_label: str


def state_label(claim: Claim | None) -> str:
    """What has happened to a claim, in words."""
    if claim is None:
        return "Not claimed yet"
    state = getattr(claim, "state", None)
    if state is None:
        return "No payment, thank you"
    return str(State(state).label)


def my_claims_page(group: Group, user: Any) -> dict[str, Any]:
    """The person's attended meetings of the past year, newest first, with their choices."""
    since = timezone.now() - dt.timedelta(days=365)
    past = group.meetings.filter(starts_at__lt=timezone.now(), starts_at__gte=since,
                                 cancelled=False).order_by("-starts_at")  # fmt: skip
    claims = {
        c.meeting_id: c for c in Claim.objects.with_state().filter(user=user, meeting__group=group)
    }
    rows = [
        MeetingClaim(m, claims.get(m.pk), state_label(claims.get(m.pk)))
        for m in past
        if services.attended(m, user)
    ]
    return {"rows": rows, "rate": services.rate_for(group.project)}


def claim_page(
    meeting: Meeting, user: Any, rate: InvolvementRate, form: ClaimForm, refused: str | None
) -> dict[str, Any]:
    """The claim form, or why the person cannot claim, with the note on benefits."""
    came = services.attended(meeting, user)
    existing = Claim.objects.with_state().filter(meeting=meeting, user=user).first()
    return {
        "meeting": meeting,
        "rate": rate,
        "form": form,
        "refused": refused or (None if came else services.NOT_ATTENDED),
        "existing": existing,
        "existing_label": state_label(existing),
        "advice_url": BENEFITS_ADVICE_URL,
        "choice_items_with_amounts": choice_items(form, rate),
    }


def choice_items(form: ClaimForm, rate: InvolvementRate) -> list[dict[str, Any]]:
    """The radios for the choice, with the amount beside payment and voucher."""
    chosen = form.data.get("choice") if form.is_bound else None
    amount = f" (£{rate.payment_per_meeting:.2f})"
    return [
        {
            "value": value,
            "checked": value == chosen,
            "text": str(label) + (amount if value != Choice.DECLINED else ""),
        }
        for value, label in form.fields["choice"].choices  # type: ignore[attr-defined]
    ]


@dataclass(frozen=True)
class ClaimRow:
    claim: Claim
    name: str
    state: str | None
    state_label: str


def group_claims_page(group: Group) -> dict[str, Any]:
    """Claims for this group's meetings: those waiting first, then the latest decided."""
    claims = (
        Claim.objects.with_state()
        .filter(meeting__group=group, state__isnull=False)
        .select_related("meeting", "user__member_profile")
        .order_by("meeting__starts_at", "created_at")
    )
    rows = [
        ClaimRow(c, display_name(c.user), getattr(c, "state", None), state_label(c)) for c in claims
    ]
    return {
        "waiting": [r for r in rows if r.state == State.SUBMITTED],
        "decided": [r for r in rows if r.state != State.SUBMITTED][-50:],
        "rate": services.rate_for(group.project),
    }
