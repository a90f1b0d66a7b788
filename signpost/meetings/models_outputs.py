"""Outputs of a meeting (notes, decisions, actions) and members' comments on papers and outputs.

Outputs are published by a facilitator as group-only or shared; only shared ones travel to the
paired group. Comment flags and hide/restore are dated rows with who set them (house rule 2).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from signpost.core.models import UUIDModel
from signpost.workspace.models import Group


class Reach(models.TextChoices):
    GROUP = "group", "Group only"
    SHARED = "shared", "Shared with the paired group"


class OutputKind(models.TextChoices):
    NOTE = "note", "Note"
    DECISION = "decision", "Decision"


class PublishedQuerySet(models.QuerySet):
    def shared(self) -> PublishedQuerySet:
        """Only what a facilitator chose to share: the rest never leaves the group."""
        return self.filter(reach=Reach.SHARED)


class Published(UUIDModel):
    """What every output has: its group and meeting, its words, who published it and when."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="%(class)ss")
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="%(class)ss"
    )
    text = models.TextField()
    reach = models.CharField(max_length=10, choices=Reach.choices, default=Reach.GROUP)
    credited_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text="Named with it only if they agreed to be.",
    )  # fmt: skip
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True
        ordering = ["published_at", "id"]


class Output(Published):
    """A note or decision from a meeting."""

    kind = models.CharField(max_length=10, choices=OutputKind.choices, default=OutputKind.NOTE)

    objects = PublishedQuerySet.as_manager()

    class Meta(Published.Meta):
        pass


class ActionQuerySet(PublishedQuerySet):
    def open(self) -> ActionQuerySet:
        """Actions not yet done, soonest due first."""
        return self.filter(done_at__isnull=True).order_by("due_on", "published_at")


class Action(Published):
    """Something someone will do by a date; done once done_at is set."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField()
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ActionQuerySet.as_manager()

    class Meta(Published.Meta):
        pass


class FlagReason(models.TextChoices):
    UNKIND = "unkind", "It is unkind or upsetting"
    PRIVATE = "private", "It shares something private"
    SAFETY = "safety", "I'm worried about someone's safety"
    OTHER = "other", "Something else"


class Comment(UUIDModel):
    """A member's comment on a paper or an output, kept in the commenter's group only."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    paper = models.ForeignKey(
        "meetings.Paper", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    output = models.ForeignKey(
        Output, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField()
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["made_at", "id"]


class CommentFlag(UUIDModel):
    """Someone in the group flagged a comment, with an optional reason."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=10, choices=FlagReason.choices, blank=True)
    note = models.TextField(blank=True)
    flagged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["flagged_at", "id"]


class Visibility(models.TextChoices):
    HIDDEN = "hidden", "Hidden while a facilitator looks at it"
    RESTORED = "restored", "Restored"


class CommentStatus(UUIDModel):
    """A facilitator hid or restored a comment; the latest row counts."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="statuses")
    status = models.CharField(max_length=10, choices=Visibility.choices)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["set_at", "id"]
