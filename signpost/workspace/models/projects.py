"""Projects, the co-production groups that shape them, and who belongs to each group."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from signpost.core.models import TimestampedModel, UUIDModel


class LadderRung(models.TextChoices):
    """Think Local Act Personal's ladder of participation, from doing to, to doing with."""

    COERCION = "coercion", "Coercion"
    EDUCATING = "educating", "Educating"
    INFORMING = "informing", "Informing"
    CONSULTATION = "consultation", "Consultation"
    ENGAGEMENT = "engagement", "Engagement"
    CO_DESIGN = "co-design", "Co-design"
    CO_PRODUCTION = "co-production", "Co-production"


class Project(UUIDModel, TimestampedModel):
    """A piece of work people shape together, such as the website or a new service."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    focus = models.TextField(
        help_text="Why members are here, in a sentence or two. Shown on every page of its groups."
    )
    ladder_rung = models.CharField(
        max_length=20, choices=LadderRung.choices, default=LadderRung.CO_PRODUCTION
    )
    ladder_reason = models.TextField(
        help_text="The honest reason the project sits on this rung of the ladder."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class GroupKind(models.TextChoices):
    LIVED_EXPERIENCE = "lived-experience", "Lived experience"
    PARTNERS = "partners", "Partners and professionals"
    MIXED = "mixed", "Mixed"


class GroupQuerySet(models.QuerySet):
    def for_member(self, user) -> GroupQuerySet:
        """Groups this person currently belongs to, as a member or a facilitator."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(id__in=Membership.objects.current().filter(user=user).values("group"))


class Group(UUIDModel, TimestampedModel):
    """A co-production group with a fixed meeting slot and a private space of its own."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="groups")
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=GroupKind.choices)
    purpose = models.TextField(help_text="What the group is for and what members do.")
    public_description = models.TextField(
        blank=True, help_text="What the public may read about the group (for credits on pages)."
    )
    neutral_name = models.CharField(
        max_length=60,
        default="Signpost meeting",
        help_text="Used in email subjects, texts and calendars, so they do not say "
        "'mental health' to anyone glancing at a screen.",
    )
    wellbeing_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who members can go to if something in the group upsets them.",
    )

    objects = GroupQuerySet.as_manager()

    class Meta:
        ordering = ["project__name", "name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    MEMBER = "member", "Member"
    FACILITATOR = "facilitator", "Facilitator"


class MembershipState(models.TextChoices):
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    LEFT = "left", "Left"


class MembershipQuerySet(models.QuerySet):
    def with_state(self) -> MembershipQuerySet:
        """Each membership annotated with its latest state (`state`)."""
        latest = MembershipStatus.objects.filter(membership=OuterRef("pk")).order_by(
            "-set_at", "-id"
        )
        return self.annotate(state=Subquery(latest.values("state")[:1]))

    def current(self) -> MembershipQuerySet:
        """Memberships whose latest state is active or paused (a paused member keeps access)."""
        return self.with_state().exclude(state=MembershipState.LEFT).exclude(state__isnull=True)


class Membership(UUIDModel, TimestampedModel):
    """A person's place in one group, as a member or its facilitator. State is kept as rows."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.group}"


class MembershipStatus(UUIDModel):
    """A dated change of a membership's state, with who made it (house rule 2)."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="statuses")
    state = models.CharField(max_length=20, choices=MembershipState.choices)
    note = models.TextField(blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["set_at", "id"]
        verbose_name_plural = "membership statuses"
