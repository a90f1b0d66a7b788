"""Helpers for reminder and calendar tests: a group with members and a meeting soon."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from signpost.meetings.models import Meeting
from signpost.workspace.models import Group


def meeting_in(group: Group, *, days: float, minutes: int = 90) -> Meeting:
    """A meeting of the group starting this many days from now."""
    start = (timezone.now() + dt.timedelta(days=days)).replace(microsecond=0)
    return Meeting.objects.create(
        group=group, usual_starts_at=start, starts_at=start, duration_minutes=minutes
    )
