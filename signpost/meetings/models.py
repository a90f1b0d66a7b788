"""A group's fixed slot, the meetings it yields, changes to them, pairings, agendas and papers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils import timezone

from signpost.core.models import TimestampedModel, UUIDModel
from signpost.meetings.bank_holidays import is_bank_holiday
from signpost.workspace.models import Group, Project

LONDON = ZoneInfo("Europe/London")


class MeetingSlot(UUIDModel, TimestampedModel):
    """A group's fixed time, as an RFC 5545 rule: keeping it steady keeps trust and attendance."""

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="meeting_slot")
    rrule = models.CharField(max_length=200, help_text="RFC 5545, e.g. FREQ=MONTHLY;BYDAY=2TU")
    starts_on = models.DateField(help_text="The first day the rule counts from.")
    start_time = models.TimeField()
    duration_minutes = models.PositiveIntegerField(default=90)
    venue = models.TextField(blank=True)
    access_information = models.TextField(blank=True)
    joining_link = models.URLField(blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )


@dataclass(frozen=True)
class Steadiness:
    """How many of the last 12 months' meetings kept the usual time."""

    total: int
    usual: int
    moved: int
    cancelled: int

    def __str__(self) -> str:
        parts = [f"{self.usual} of {self.total} meetings at the usual time"]
        if self.moved:
            parts.append(f"{self.moved} moved")
        if self.cancelled:
            parts.append(f"{self.cancelled} cancelled")
        return "; ".join(parts)


class MeetingQuerySet(models.QuerySet):
    def upcoming(self) -> MeetingQuerySet:
        """Meetings still to come that are going ahead, soonest first."""
        return self.filter(starts_at__gte=timezone.now(), cancelled=False).order_by("starts_at")

    def steadiness(self, *, now: dt.datetime | None = None) -> Steadiness:
        """Counts over the meetings due in the last 12 months (by their usual time).

        A coming meeting already moved or cancelled counts too: members felt the change when
        they were told, not on the day.
        """
        now = now or timezone.now()
        year = self.filter(usual_starts_at__gt=now - dt.timedelta(365))
        changed_ahead = models.Q(cancelled=True) | ~models.Q(starts_at=models.F("usual_starts_at"))
        due = list(year.filter(models.Q(usual_starts_at__lte=now) | changed_ahead))
        cancelled = sum(1 for m in due if m.cancelled)
        moved = sum(1 for m in due if not m.cancelled and m.starts_at != m.usual_starts_at)
        return Steadiness(len(due), len(due) - moved - cancelled, moved, cancelled)


class Meeting(UUIDModel, TimestampedModel):
    """One meeting of a group. Its usual time is kept so moves can be counted."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    usual_starts_at = models.DateTimeField(help_text="When the slot puts it.")
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveIntegerField()
    cancelled = models.BooleanField(default=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "usual_starts_at"], name="one_meeting_per_slot"
            )
        ]

    def __str__(self) -> str:
        return f"{self.group} {self.local_start:%d %b %Y %H:%M}"

    @property
    def local_start(self) -> dt.datetime:
        return self.starts_at.astimezone(LONDON)

    @property
    def local_end(self) -> dt.datetime:
        return self.local_start + dt.timedelta(minutes=self.duration_minutes)

    @property
    def on_bank_holiday(self) -> bool:
        return is_bank_holiday(self.local_start.date())

    @property
    def bank_holiday_settled(self) -> bool:
        """The facilitator has already kept or moved it."""
        return self.changes.exists()


class ChangeKind(models.TextChoices):
    MOVED = "moved", "Moved"
    CANCELLED = "cancelled", "Cancelled"
    KEPT = "kept", "Kept on a bank holiday"


class MeetingChange(UUIDModel):
    """A dated record of a meeting moved, cancelled or kept, with who and why (house rule 2)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=20, choices=ChangeKind.choices)
    old_starts_at = models.DateTimeField()
    new_starts_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "id"]


class Pairing(UUIDModel, TimestampedModel):
    """Two groups of a project that share an agenda per cycle. It never moves either slot."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="pairings")
    first_group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    second_group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    offset_days = models.PositiveIntegerField(default=14)

    def __str__(self) -> str:
        return f"{self.first_group} and {self.second_group}"

    def clean(self) -> None:
        """Two different groups, both of this project (a pairing crosses no projects)."""
        from django.core.exceptions import ValidationError

        first, second = self.first_group_id, self.second_group_id
        if first and first == second:
            raise ValidationError({"second_group": "Choose a different group to pair with"})
        for field in ("first_group", "second_group"):
            group = getattr(self, field, None) if getattr(self, f"{field}_id") else None
            if group and self.project_id and group.project_id != self.project_id:
                raise ValidationError({field: f"{group} belongs to another project"})
        if not 7 <= self.offset_days <= 60:
            raise ValidationError({"offset_days": "Enter a gap between 7 and 60 days"})


class Agenda(UUIDModel, TimestampedModel):
    """The agenda of one meeting, or one shared by both meetings of a paired cycle."""

    lead_meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="+")
    follow_meeting = models.OneToOneField(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    pairing = models.ForeignKey(Pairing, null=True, blank=True, on_delete=models.CASCADE)

    @property
    def meetings(self) -> list[Meeting]:
        return [m for m in (self.lead_meeting, self.follow_meeting) if m is not None]

    @property
    def length_minutes(self) -> int:
        """The shortest of its meetings: the agenda has to fit each."""
        return min(m.duration_minutes for m in self.meetings)


class AgendaItem(UUIDModel, TimestampedModel):
    """A piece of work for the meeting: how long, who leads it, which project need it serves."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="items")
    title = models.CharField(max_length=200)
    minutes = models.PositiveIntegerField()
    owner = models.CharField(max_length=120)
    project_need = models.CharField(max_length=200)

    class Meta:
        ordering = ["created_at", "id"]


class ParkedItem(UUIDModel, TimestampedModel):
    """An item kept for next time; the group's next agenda offers it first."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="parked_items")
    title = models.CharField(max_length=200)
    minutes = models.PositiveIntegerField()
    owner = models.CharField(max_length=120)
    project_need = models.CharField(max_length=200)
    taken_up_in = models.ForeignKey(Agenda, null=True, blank=True, on_delete=models.SET_NULL)


class Paper(UUIDModel):
    """A paper for an agenda; published later than 7 days before the meeting it is 'sent late'."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="papers")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    body = models.TextField()
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_late = models.BooleanField(default=False)


class Apology(UUIDModel):
    """A member's apologies for a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="apologies")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)


class Attendance(UUIDModel):
    """Whether someone came, recorded by a facilitator; the latest row for a person counts."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    attended = models.BooleanField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recorded_at", "id"]


# Outputs and comments live in their own module; importing them here registers the models.
from signpost.meetings.models_outputs import (  # noqa: E402, F401
    Action,
    Comment,
    CommentFlag,
    CommentStatus,
    Output,
)
