"""Reminders a week and a day before each meeting, one per member, never twice.

The row in SentReminder is written in the same transaction as the sending: if sending fails
the row goes too and the next run tries again; if the row is already there nothing is sent.
Wording is discreet: the group's neutral name, a date and a link to the workspace home.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

from signpost.meetings.models import LONDON, Meeting
from signpost.reminders import notify
from signpost.reminders.calendars import calendar_for, meeting_title, wants_group_name
from signpost.reminders.models import CalendarChoice, ReminderChannel, ReminderKind, SentReminder
from signpost.workspace.models import Membership

logger = logging.getLogger(__name__)

WEEK = dt.timedelta(days=7)
DAY = dt.timedelta(days=1)


def due_kind(meeting: Meeting, *, now: dt.datetime) -> ReminderKind | None:
    """Which reminder a meeting is due now: the day one within 24 hours, else the week one."""
    until = meeting.starts_at - now
    if until <= dt.timedelta(0) or until > WEEK:
        return None
    return ReminderKind.DAY if until <= DAY else ReminderKind.WEEK


def channel_for(user: Any) -> ReminderChannel | None:
    """How this person is reminded: their choice, falling back to email where a text can't go."""
    choice = CalendarChoice.objects.filter(user=user).first()
    wanted = ReminderChannel(choice.reminders) if choice else ReminderChannel.EMAIL
    if wanted == ReminderChannel.NONE:
        return None
    if wanted == ReminderChannel.TEXT and notify.is_configured() and _phone(user):
        return ReminderChannel.TEXT
    return ReminderChannel.EMAIL if user.email else None


def _phone(user: Any) -> str:
    profile = getattr(user, "member_profile", None)
    return (profile.phone or "").strip() if profile else ""


def send_due(*, now: dt.datetime) -> int:
    """Send every reminder due now; return how many went. Safe to run as often as you like."""
    sent = 0
    meetings = Meeting.objects.filter(cancelled=False, starts_at__gt=now, starts_at__lte=now + WEEK)
    for meeting in meetings.select_related("group__meeting_slot"):
        kind = due_kind(meeting, now=now)
        if kind is None:
            continue
        excused = set(meeting.apologies.values_list("user_id", flat=True))
        members = Membership.objects.current().filter(group=meeting.group).select_related("user")
        for membership in members:
            if membership.user_id not in excused:
                sent += _send_one(meeting, membership.user, kind)
    return sent


def _send_one(meeting: Meeting, user: Any, kind: ReminderKind) -> int:
    """Record and send one reminder; 0 when already sent, not wanted or failed (logged)."""
    channel = channel_for(user)
    if (
        channel is None
        or SentReminder.objects.filter(meeting=meeting, user=user, kind=kind).exists()
    ):
        return 0
    try:
        with transaction.atomic():
            _, created = SentReminder.objects.get_or_create(
                meeting=meeting, user=user, kind=kind, defaults={"channel": channel}
            )
            if created:
                _deliver(meeting, user, channel)
    except (notify.NotifyError, OSError) as error:
        # Ids only: the address and the group's name stay out of logs.
        logger.warning("Reminder for meeting %s not sent: %s", meeting.pk, error)
        return 0
    return int(created)


def _deliver(meeting: Meeting, user: Any, channel: ReminderChannel) -> None:
    title = meeting_title(meeting.group, show_group_name=wants_group_name(user))
    when = meeting.local_start
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/workspace/"
    reference = f"reminder-{meeting.pk}"
    if channel == ReminderChannel.TEXT:
        text = f"Reminder: {title}, {when:%a %-d %b at %H:%M}. Can't come? Tell us at {link}"
        notify.send_text(to=_phone(user), body=text, reference=reference)
        return
    subject = f"Reminder: {title} on {when:%A %-d %B}"
    body = email_body(meeting, title=title, when=when, link=link)
    if notify.is_configured():
        notify.send_email(to=user.email, subject=subject, body=body, reference=reference)
        return
    email = EmailMessage(subject, body, None, [user.email])
    ics = calendar_for([meeting], name=title, user=user, publish=True)
    email.attach("meeting.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")
    email.send()


def email_body(meeting: Meeting, *, title: str, when: dt.datetime, link: str) -> str:
    """Plain words: when, where, and how to send apologies."""
    lines = [f"{title}: {when.astimezone(LONDON):%A %-d %B %Y at %H:%M}."]
    slot = getattr(meeting.group, "meeting_slot", None)
    if slot is not None and slot.venue:
        lines.append(f"Where: {slot.venue}")
    if slot is not None and slot.joining_link:
        lines.append(f"Join online: {slot.joining_link}")
    lines.append(f"If you cannot come, you can send apologies in the workspace: {link}")
    return "\n\n".join(lines) + "\n"
