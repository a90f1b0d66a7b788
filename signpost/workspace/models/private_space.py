"""A group's private space: notes its facilitators write and the discussion its members hold.

Both belong to one group and are reached only through it (rules.py), so a professionals'
group never reads a lived-experience group's notes. Only outputs a facilitator shares travel.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from signpost.core.models import TimestampedModel, UUIDModel

from .projects import Group


class GroupNote(UUIDModel, TimestampedModel):
    """A note for the group from a facilitator: members read it, only facilitators write."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="notes")
    # Kept when the writer is forgotten: the note stays, attributed to "a former member".
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=120)
    body = models.TextField(max_length=10000)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class DiscussionPost(UUIDModel, TimestampedModel):
    """A message in the group's discussion, written whenever suits the person."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="discussion_posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(max_length=5000)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Post in {self.group}"
