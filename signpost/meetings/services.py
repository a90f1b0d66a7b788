"""Writes for meetings: setting a slot, generating meetings, moving, cancelling, keeping.

Each takes the person doing it as `by`. Changes are rows (house rule 2) and every member hears
of a move or a cancellation, under the group's neutral name (never "mental health").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from signpost.meetings.models import (
    LONDON,
    ChangeKind,
    Meeting,
    MeetingChange,
    MeetingSlot,
)
from signpost.meetings.slots import occurrences
from signpost.workspace.models import Group, Membership

HORIZON = dt.timedelta(days=365)


class Clash(Exception):
    """A time that would sit on top of another meeting; the message says which."""


def slot_clash(*, group: Group, rule: str, starts_on: dt.date, start_time: dt.time,
               duration_minutes: int) -> str | None:  # fmt: skip
    """A plain message when another group of the project would meet at the same time."""
    until = timezone.now() + HORIZON
    mine = occurrences(rule=rule, starts_on=starts_on, start_time=start_time, until=until)
    length = dt.timedelta(minutes=duration_minutes)
    others = MeetingSlot.objects.filter(group__project=group.project).exclude(group=group)
    for other in others.select_related("group"):
        theirs = occurrences(rule=other.rrule, starts_on=other.starts_on,
                             start_time=other.start_time, until=until)  # fmt: skip
        their_length = dt.timedelta(minutes=other.duration_minutes)
        for start in mine:
            if any(start < t + their_length and t < start + length for t in theirs):
                return f"{other.group.name} already meets then (on {start:%-d %B %Y})"
    return None


@transaction.atomic
def set_slot(*, group: Group, by: Any, **fields: Any) -> MeetingSlot:
    """Set the group's fixed slot and regenerate its future meetings from it."""
    slot, _ = MeetingSlot.objects.update_or_create(group=group, defaults={**fields, "set_by": by})
    # Future meetings nobody has touched follow the slot; moved or kept ones stay as they are.
    group.meetings.filter(usual_starts_at__gt=timezone.now(), changes__isnull=True).delete()
    generate_meetings(group=group)
    return slot


def generate_meetings(*, group: Group, now: dt.datetime | None = None) -> int:
    """Create the next 12 months of meetings from the slot; running it twice adds nothing."""
    slot = MeetingSlot.objects.filter(group=group).first()
    if slot is None:
        return 0
    now = now or timezone.now()
    starts = occurrences(rule=slot.rrule, starts_on=slot.starts_on,
                         start_time=slot.start_time, until=now + HORIZON)  # fmt: skip
    created = 0
    for start in starts:
        if start < now:
            continue
        _, made = Meeting.objects.get_or_create(
            group=group, usual_starts_at=start,
            defaults={"starts_at": start, "duration_minutes": slot.duration_minutes},
        )  # fmt: skip
        created += made
    return created


def move_clash(*, meeting: Meeting, new_start: dt.datetime) -> str | None:
    """A plain message when the new time sits on another meeting of the same group."""
    end = new_start + dt.timedelta(minutes=meeting.duration_minutes)
    near = (
        meeting.group.meetings.filter(cancelled=False)
        .exclude(pk=meeting.pk)
        .filter(starts_at__lt=end, starts_at__gt=new_start - dt.timedelta(days=1))
    )
    for other in near:
        if other.starts_at + dt.timedelta(minutes=other.duration_minutes) > new_start:
            return f"The group already meets then ({other.local_start:%-d %B %Y at %H:%M})"
    return None


@transaction.atomic
def move_meeting(
    *, meeting: Meeting, new_start: dt.datetime, reason: str, by: Any
) -> MeetingChange:
    """Move one meeting (never the slot), record why, and tell every member."""
    if clash := move_clash(meeting=meeting, new_start=new_start):
        raise Clash(clash)
    change = MeetingChange.objects.create(
        meeting=meeting, kind=ChangeKind.MOVED, old_starts_at=meeting.starts_at,
        new_starts_at=new_start, reason=reason, changed_by=by,
    )  # fmt: skip
    meeting.starts_at = new_start
    meeting.save(update_fields=["starts_at", "updated_at"])
    _tell_members(meeting, change)
    return change


@transaction.atomic
def cancel_meeting(*, meeting: Meeting, reason: str, by: Any) -> MeetingChange:
    """Cancel one meeting, record why, and tell every member."""
    change = MeetingChange.objects.create(
        meeting=meeting, kind=ChangeKind.CANCELLED, old_starts_at=meeting.starts_at,
        reason=reason, changed_by=by,
    )  # fmt: skip
    meeting.cancelled = True
    meeting.save(update_fields=["cancelled", "updated_at"])
    _tell_members(meeting, change)
    return change


def keep_meeting(*, meeting: Meeting, reason: str, by: Any) -> MeetingChange:
    """Keep a bank-holiday meeting where it is, saying why (members need no email)."""
    return MeetingChange.objects.create(
        meeting=meeting, kind=ChangeKind.KEPT, old_starts_at=meeting.starts_at,
        new_starts_at=meeting.starts_at, reason=reason, changed_by=by,
    )  # fmt: skip


def _tell_members(meeting: Meeting, change: MeetingChange) -> None:
    """One email per current member, sent after the change is saved."""
    members = Membership.objects.current().filter(group=meeting.group).select_related("user")
    subject = f"{meeting.group.neutral_name}: meeting changed"
    old = change.old_starts_at.astimezone(LONDON)
    if change.kind == ChangeKind.CANCELLED:
        news = f"The meeting on {old:%A %-d %B %Y at %H:%M} is cancelled."
    else:
        news = (f"The meeting on {old:%A %-d %B %Y at %H:%M} has moved to "
                f"{meeting.local_start:%A %-d %B %Y at %H:%M}.")  # fmt: skip
    body = f"{news}\n\nWhy: {change.reason}\n"
    from signpost.reminders.calendars import change_email  # the .ics attachment (W6)

    for membership in members:
        if membership.user.email:
            email = change_email(meeting, membership.user, subject=subject, body=body)
            transaction.on_commit(email.send)
