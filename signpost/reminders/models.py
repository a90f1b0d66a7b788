"""Secret calendar feeds, a member's calendar and reminder choices, and reminders sent."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from signpost.core.models import UUIDModel
from signpost.meetings.models import Meeting
from signpost.workspace.models import Group


def new_token() -> str:
    """A long random secret: the feed URL is the only key a calendar app can carry."""
    return secrets.token_urlsafe(32)


class CalendarFeed(UUIDModel):
    """A member's secret feed URL: all their groups (group empty) or one group.

    Each member has their own URL even for a group's feed, so resetting it, or leaving the
    group, cuts off only that member's copy.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(group__isnull=True), name="one_member_feed"
            ),
            models.UniqueConstraint(fields=["user", "group"], name="one_group_feed_per_member"),
        ]


class ReminderChannel(models.TextChoices):
    EMAIL = "email", "Email"
    TEXT = "text", "Text message"
    NONE = "none", "No reminders"


class CalendarChoice(UUIDModel):
    """What a member chose: reminders by email, text or not at all; how meetings are titled."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_choice"
    )
    reminders = models.CharField(
        max_length=10, choices=ReminderChannel.choices, default=ReminderChannel.EMAIL
    )
    show_group_name = models.BooleanField(
        default=False,
        help_text="Use the group's own name in calendars and reminders, not its neutral name.",
    )
    updated_at = models.DateTimeField(default=timezone.now)


class ReminderKind(models.TextChoices):
    WEEK = "week", "A week before"
    DAY = "day", "A day before"


class SentReminder(UUIDModel):
    """One reminder sent to one person for one meeting: the row is what stops a second one."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    channel = models.CharField(max_length=10, choices=ReminderChannel.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user", "kind"], name="one_reminder_per_meeting_kind"
            )
        ]
