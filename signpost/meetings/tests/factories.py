"""Helpers for meeting tests: a group with a fixed slot and its meetings."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from signpost.meetings import services
from signpost.meetings.models import LONDON, Meeting
from signpost.workspace.models import Group


def with_slot(group: Group, *, rule: str = "FREQ=MONTHLY;BYDAY=2TU", hour: int = 14,
              minutes: int = 90, by=None) -> Group:  # fmt: skip
    """Give the group a fixed slot from today and its next 12 months of meetings."""
    services.set_slot(
        group=group, by=by, rrule=rule, starts_on=timezone.localdate(),
        start_time=dt.time(hour), duration_minutes=minutes,
        venue="Community Room, 1 High Street", access_information="Step-free entrance",
    )  # fmt: skip
    return group


def past_meeting(group: Group, *, days_ago: int, minutes: int = 90) -> Meeting:
    """A meeting that was due some days ago, at 14:00 London time."""
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    start = dt.datetime.combine(day, dt.time(14)).replace(tzinfo=LONDON)
    return Meeting.objects.create(
        group=group, usual_starts_at=start, starts_at=start, duration_minutes=minutes
    )
