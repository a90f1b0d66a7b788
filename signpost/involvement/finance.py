"""Approved claims for finance, as CSV: what to pay, to whom, for which meeting. No health data.

Only people with the finance permission (`involvement.export_approved_claims`, which
administrators hold) or facilitators of one of the project's groups may download it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet

from signpost.workspace.models import Membership, Project, Role
from signpost.workspace.profile.names import display_name

from .models import Choice, Claim

HEADER = ["Meeting date", "Group", "Member", "Type", "Amount (£)"]
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def can_export(user: Any, project: Project) -> bool:
    """Finance staff (the permission), or a current facilitator of one of the project's groups."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.has_perm("involvement.export_approved_claims"):
        return True
    facilitating = Membership.objects.current().filter(user=user, role=Role.FACILITATOR)
    return facilitating.filter(group__project=project).exists()


def safe_cell(value: str) -> str:
    """Text a spreadsheet shows as text: a leading formula character is quoted away."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def approved_claims(project: Project) -> QuerySet[Claim]:
    """The project's approved claims, oldest meeting first."""
    return (
        Claim.objects.approved()
        .filter(meeting__group__project=project)
        .select_related("meeting__group", "user__member_profile")
        .order_by("meeting__starts_at", "id")
    )


def rows(claims: Iterable[Claim]) -> Iterator[list[str]]:
    """One row per thing to pay: the payment or voucher, and the expenses, each on its own."""
    for claim in claims:
        start = [
            claim.meeting.local_start.strftime("%Y-%m-%d"),
            safe_cell(claim.meeting.group.name),
            safe_cell(display_name(claim.user)),
        ]
        if claim.choice != Choice.DECLINED and claim.payment_amount:
            yield [*start, Choice(claim.choice).label, f"{claim.payment_amount:.2f}"]
        if claim.expenses_amount:
            yield [*start, "Expenses", f"{claim.expenses_amount:.2f}"]


def approved_csv(project: Project) -> str:
    """The CSV finance receives."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows(approved_claims(project)))
    return out.getvalue()
