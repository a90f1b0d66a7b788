"""iCalendar (RFC 5545) for meetings: secret feeds and the .ics attached to change emails.

Titles are discreet: the group's neutral name ("Signpost meeting"), never "mental health",
unless the member chose to see the group's own name. A meeting keeps one UID for life; each
move or cancellation raises its SEQUENCE, so calendar apps update the event in place.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.mail import EmailMessage
from django.db.models import QuerySet
from django.utils import timezone
from icalendar import Calendar, Event

from signpost.meetings.models import ChangeKind, Meeting
from signpost.reminders.models import CalendarChoice, CalendarFeed
from signpost.workspace.models import Group

# Past meetings stay in feeds for a while, so a calendar does not lose them the next day.
KEEP_PAST = dt.timedelta(days=90)
PRODID = "-//Signpost//Meetings//EN"


def wants_group_name(user: Any) -> bool:
    """True when the member chose to see their group's own name instead of its neutral one."""
    choice = CalendarChoice.objects.filter(user=user).first()
    return bool(choice and choice.show_group_name)


def meeting_title(group: Group, *, show_group_name: bool) -> str:
    """What a calendar, an email subject or a text calls a meeting of this group."""
    return group.name if show_group_name else group.neutral_name


def sequence(meeting: Meeting) -> int:
    """How many times the meeting was moved or cancelled (RFC 5545 SEQUENCE)."""
    return meeting.changes.exclude(kind=ChangeKind.KEPT).count()


def meeting_event(meeting: Meeting, *, title: str) -> Event:
    """One VEVENT. No member names, no notes: only what a calendar needs."""
    event = Event()
    event.add("uid", f"{meeting.pk}@signpost")
    event.add("dtstamp", timezone.now())
    event.add("sequence", sequence(meeting))
    event.add("summary", title)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.starts_at + dt.timedelta(minutes=meeting.duration_minutes))
    event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    slot = getattr(meeting.group, "meeting_slot", None)
    if slot is not None:
        if slot.venue or slot.joining_link:
            event.add("location", slot.venue or slot.joining_link)
        details = [line for line in (slot.access_information, slot.joining_link) if line]
        if details:
            event.add("description", "\n".join(details))
    return event


def calendar_for(meetings: list[Meeting], *, name: str, user: Any, publish: bool = False) -> bytes:
    """A VCALENDAR of these meetings, titled as this member chose."""
    show_name = wants_group_name(user)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    if publish:
        cal.add("method", "PUBLISH")
    for meeting in meetings:
        cal.add_component(
            meeting_event(meeting, title=meeting_title(meeting.group, show_group_name=show_name))
        )
    return cal.to_ical()


def _recent(meetings: QuerySet[Meeting]) -> list[Meeting]:
    since = timezone.now() - KEEP_PAST
    return list(meetings.filter(starts_at__gte=since).select_related("group__meeting_slot"))


def feed_meetings(feed: CalendarFeed) -> list[Meeting] | None:
    """The meetings a feed shows, reached through the member's current groups (house rule 1).

    None when the feed is for a group the member is no longer in, or the member asked to be
    forgotten: the URL then finds nothing.
    """
    profile = getattr(feed.user, "member_profile", None)
    if not feed.user.is_active or (profile is not None and profile.forgotten_at):
        return None  # someone who asked to be forgotten has no feeds left to find
    groups = Group.objects.for_member(feed.user)
    if feed.group_id is not None:
        group = groups.filter(pk=feed.group_id).first()
        return None if group is None else _recent(group.meetings.all())
    meetings: list[Meeting] = []
    for group in groups:
        meetings.extend(_recent(group.meetings.all()))
    return sorted(meetings, key=lambda m: m.starts_at)


def feed_name(feed: CalendarFeed) -> str:
    """The calendar's name in the member's app: discreet unless they chose otherwise."""
    if feed.group is not None:
        return meeting_title(feed.group, show_group_name=wants_group_name(feed.user))
    return "Signpost meetings"


def change_email(meeting: Meeting, user: Any, *, subject: str, body: str) -> EmailMessage:
    """A change email with the updated meeting attached as an .ics file."""
    email = EmailMessage(subject, body, None, [user.email])
    ics = calendar_for([meeting], name=feed_name_for_group(meeting.group, user), user=user,
                       publish=True)  # fmt: skip
    email.attach("meeting.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")
    return email


def feed_name_for_group(group: Group, user: Any) -> str:
    """The calendar name used for one group's meetings."""
    return meeting_title(group, show_group_name=wants_group_name(user))
