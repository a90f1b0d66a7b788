"""Recruitment that never stops: campaigns, the people who answer them and their path in.

A person's path is kept as dated rows (house rule 2): expressed interest, contacted, welcome
conversation, first meeting, active, paused, left. Nothing here asks about health.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from signpost.core.models import TimestampedModel, UUIDModel

from .projects import Group, Membership, Project


class Channel(models.TextChoices):
    """Where someone heard about the group (how a campaign reached them)."""

    POSTER = "poster", "A poster or leaflet"
    SOCIAL = "social", "Social media"
    PARTNERS = "partners", "A partner organisation"
    WORD_OF_MOUTH = "word-of-mouth", "Word of mouth"
    OTHER = "other", "Somewhere else"


class Campaign(UUIDModel, TimestampedModel):
    """A push to find new members for a group (or for a project, when no group is named)."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="campaigns")
    group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.PROTECT, related_name="campaigns"
    )
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    headline = models.CharField(
        max_length=120, help_text="The poster's big line, such as 'Help shape our website'."
    )
    what_members_do = models.TextField(help_text="What members do, in plain words.")
    meeting_time_text = models.CharField(
        max_length=160,
        blank=True,
        help_text="When the group meets, if the group has no fixed slot recorded yet.",
    )
    payment_text = models.CharField(
        max_length=200, blank=True, help_text="Any payment or expenses for taking part."
    )
    contact_text = models.CharField(
        max_length=200, blank=True, help_text="How to ask a question, such as a phone number."
    )
    is_open = models.BooleanField(default=True, help_text="Closed campaigns take no new replies.")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def purpose(self) -> str:
        """The group's purpose, or the project's focus for a project-wide campaign."""
        return self.group.purpose if self.group else self.project.focus


class ContactRoute(models.TextChoices):
    """How someone who answered a campaign would like us to get in touch."""

    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    TEXT = "text", "Text message"


class Stage(models.TextChoices):
    """The steps from first interest to membership, in order."""

    EXPRESSED = "expressed", "Expressed interest"
    CONTACTED = "contacted", "Contacted"
    WELCOME = "welcome", "Welcome conversation"
    FIRST_MEETING = "first-meeting", "First meeting"
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    LEFT = "left", "Left"


STAGE_ORDER = [choice.value for choice in Stage]


class InterestQuerySet(models.QuerySet):
    def with_stage(self) -> InterestQuerySet:
        """Each expression of interest annotated with its latest stage (`stage`)."""
        latest = PipelineStep.objects.filter(interest=OuterRef("pk")).order_by("-moved_at", "-id")
        return self.annotate(stage=Subquery(latest.values("stage")[:1]))


class ExpressionOfInterest(UUIDModel, TimestampedModel):
    """Someone who answered a campaign: only how to reach them and what they chose to tell us."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="responses")
    channel = models.CharField(max_length=20, choices=Channel.choices)
    preferred_name = models.CharField(max_length=80)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    contact_by = models.CharField(max_length=10, choices=ContactRoute.choices)
    message = models.TextField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="expressions_of_interest",
    )
    membership = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = InterestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "expressions of interest"

    def __str__(self) -> str:
        return f"{self.preferred_name} ({self.campaign})"


class PipelineStep(UUIDModel):
    """A dated move along the pipeline, with who moved it (house rule 2)."""

    interest = models.ForeignKey(
        ExpressionOfInterest, on_delete=models.CASCADE, related_name="steps"
    )
    stage = models.CharField(max_length=20, choices=Stage.choices)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["moved_at", "id"]
