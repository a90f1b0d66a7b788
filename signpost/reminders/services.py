"""Writes for calendars: a member's feeds (made on first look), resetting one, their choices."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from signpost.reminders.models import CalendarChoice, CalendarFeed, new_token
from signpost.workspace.models import Group


def member_feed(user: Any) -> CalendarFeed:
    """The member's feed of all their groups' meetings, made the first time it is asked for."""
    feed, _ = CalendarFeed.objects.get_or_create(user=user, group=None)
    return feed


def group_feed(user: Any, group: Group) -> CalendarFeed:
    """The member's own secret feed of one group's meetings."""
    feed, _ = CalendarFeed.objects.get_or_create(user=user, group=group)
    return feed


def reset_feed(feed: CalendarFeed) -> CalendarFeed:
    """Give the feed a new secret address; the old one stops working straight away."""
    feed.token = new_token()
    feed.created_at = timezone.now()
    feed.save(update_fields=["token", "created_at"])
    return feed


def choice_for(user: Any) -> CalendarChoice:
    """The member's calendar and reminder choices (the defaults until they change them)."""
    choice = CalendarChoice.objects.filter(user=user).first()
    return choice or CalendarChoice(user=user)


def save_choice(*, user: Any, reminders: str, show_group_name: bool) -> CalendarChoice:
    """Store how the member wants reminders and how meetings are titled."""
    choice, _ = CalendarChoice.objects.update_or_create(
        user=user,
        defaults={
            "reminders": reminders,
            "show_group_name": show_group_name,
            "updated_at": timezone.now(),
        },
    )
    return choice
