"""Helpers for involvement tests: a meeting someone came to, and a project's rates."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from signpost.involvement import services
from signpost.meetings.models import Attendance, Meeting
from signpost.meetings.tests.factories import past_meeting
from signpost.workspace.models import Group


def attended_meeting(group: Group, *people: Any, days_ago: int = 7, came: bool = True) -> Meeting:
    """A past meeting of the group with attendance recorded for these people."""
    meeting = past_meeting(group, days_ago=days_ago)
    for person in people:
        Attendance.objects.create(meeting=meeting, user=person, attended=came)
    return meeting


def with_rates(group: Group, *, pay: str = "20.00", voucher: bool = True, expenses: bool = True):
    """Give the group's project its involvement rates."""
    return services.set_rates(
        project=group.project, payment_per_meeting=Decimal(pay),
        expenses_allowed=expenses, voucher_available=voucher, by=None,
    )  # fmt: skip
