"""What a member tells us once: their name, how to reach them, access needs and consents.

Consent is a dated record that can be withdrawn; every part of the workspace asks
`has_consent` (never reads the rows itself), so a withdrawal takes effect everywhere at once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from signpost.core.models import TimestampedModel, UUIDModel

from .projects import Group


class ContactMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    TEXT = "text", "Text message"
    POST = "post", "Post"


class AccessNeed(models.TextChoices):
    LARGE_PRINT = "large-print", "Large print"
    BSL = "bsl", "A British Sign Language (BSL) interpreter"
    STEP_FREE = "step-free", "Step-free access"
    HEARING_LOOP = "hearing-loop", "A hearing loop"
    BREAKS = "breaks", "Regular breaks"
    COMPANION = "companion", "Someone to come with me"


class MemberProfile(UUIDModel, TimestampedModel):
    """A member's details, told once and used by every group they are in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile"
    )
    preferred_name = models.CharField(max_length=80, blank=True)
    contact_methods = models.JSONField(default=list, blank=True)
    contact_times = models.CharField(max_length=200, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    postal_address = models.TextField(blank=True)
    access_needs = models.JSONField(default=list, blank=True)
    access_needs_details = models.TextField(blank=True)
    forgotten_at = models.DateTimeField(
        null=True, blank=True, help_text="When the member asked to leave and be forgotten."
    )

    def __str__(self) -> str:
        return f"Profile {self.pk}"

    def contact_method_labels(self) -> list[str]:
        """The chosen ways to get in touch, in words."""
        return [ContactMethod(value).label for value in self.contact_methods]

    def access_need_labels(self) -> list[str]:
        """The chosen access needs, in words."""
        return [AccessNeed(value).label for value in self.access_needs]


class ConsentTopic(models.TextChoices):
    NAME_IN_OUTPUTS = "name-in-outputs", "Share my name with my group's outputs"
    ACCESS_NEEDS_TO_FACILITATORS = (
        "access-needs-to-facilitators",
        "Let facilitators of my groups see my access needs",
    )
    CONTACT_ABOUT_OTHER_GROUPS = (
        "contact-about-other-groups",
        "Contact me about other groups",
    )


# Who each consent shares with, recorded on the row so the record stands on its own.
SHARED_WITH = {
    ConsentTopic.NAME_IN_OUTPUTS: "People who read my group's notes, decisions and actions",
    ConsentTopic.ACCESS_NEEDS_TO_FACILITATORS: "Facilitators of the groups I am in",
    ConsentTopic.CONTACT_ABOUT_OTHER_GROUPS: "The workspace's facilitators",
}


class ConsentQuerySet(models.QuerySet):
    def in_force(self) -> ConsentQuerySet:
        """Consents given and not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)


class Consent(UUIDModel):
    """One agreement to share something with someone, from when it was given to its withdrawal."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents"
    )
    topic = models.CharField(max_length=40, choices=ConsentTopic.choices)
    shared_with = models.CharField(max_length=200)
    given_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["given_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_consent_in_force_per_topic",
            )
        ]

    def __str__(self) -> str:
        return self.get_topic_display()


def has_consent(user, what: str) -> bool:
    """Whether this person's consent to `what` is in force now. Every check goes through here."""
    if user is None or not getattr(user, "pk", None):
        return False
    return Consent.objects.in_force().filter(user=user, topic=what).exists()


class AccessNeedsView(UUIDModel):
    """A facilitator looked at a member's access needs: who, whose, when, for which group."""

    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_needs_viewed"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_needs_views"
    )
    group = models.ForeignKey(Group, null=True, on_delete=models.SET_NULL, related_name="+")
    viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-viewed_at", "id"]


class CommunityAgreementAcceptance(UUIDModel):
    """A member read and accepted a version of the community agreement."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_agreement_acceptances",
    )
    version = models.CharField(max_length=20)
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["accepted_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="one_acceptance_per_version")
        ]
