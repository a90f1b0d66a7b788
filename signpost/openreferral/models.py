"""A log of Open Referral imports, the feeds Signpost keeps in sync, and what each feed owns.

`ImportRun`: who ran which import, when, and what it did (written first as queued or running,
so a run cut short shows as incomplete). `FeedSubscription`: a feed synced on a schedule.
`ManagedService`: which feed manages a service and which of its rows the feed supplied, so a
sync replaces only those and what staff added survives.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from signpost.core.models import UUIDModel

# A run whose worker has not reported for this long has stopped (killed, crashed, restarted).
STALE_AFTER = dt.timedelta(minutes=15)


class SourceKind(models.TextChoices):
    UPLOAD = "upload", "Uploaded in the admin"
    COMMAND = "command", "Command line"
    URL = "url", "Open Referral API"
    FEED = "feed", "Feed subscription"


class Outcome(models.TextChoices):
    QUEUED = "queued", "Waiting for the worker"
    RUNNING = "running", "Running"
    SAVED = "saved", "Saved"
    DRY_RUN = "dry_run", "Dry run"
    REJECTED = "rejected", "Rejected (rolled back)"
    FAILED = "failed", "Failed"
    CONFIRM = "confirm", "Stopped: staff must confirm"
    INCOMPLETE = "incomplete", "Incomplete: stopped part-way"


UNFINISHED = (Outcome.QUEUED, Outcome.RUNNING)


class Schedule(models.TextChoices):
    HOURLY = "hourly", "Every hour"
    DAILY = "daily", "Every day"
    WEEKLY = "weekly", "Every week"
    MANUAL = "manual", "Only when staff press “Sync now”"


SCHEDULE_GAPS = {
    Schedule.HOURLY: dt.timedelta(hours=1),
    Schedule.DAILY: dt.timedelta(days=1),
    Schedule.WEEKLY: dt.timedelta(days=7),
}


class FeedSubscription(UUIDModel):
    """An Open Referral feed imported on a schedule; services it drops become inactive."""

    name = models.CharField(max_length=120, help_text="What staff call this feed.")
    source_url = models.URLField(
        "feed address",
        max_length=500,
        help_text=(
            "The base address of an Open Referral UK API (its /services pages are read), or "
            "the address of a .json file."
        ),
    )
    schedule = models.CharField(max_length=10, choices=Schedule.choices, default=Schedule.DAILY)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feed_subscriptions",
        help_text="The member of staff who looks after this feed.",
    )
    owner_email = models.EmailField(
        blank=True, help_text="Who to contact about this feed, if not a member of staff."
    )
    deactivation_threshold = models.PositiveSmallIntegerField(
        "stop if more than this share disappears (%)",
        default=10,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=(
            "If one sync would make more than this percentage of the feed's services inactive, "
            "it stops and asks staff to confirm."
        ),
    )
    enabled = models.BooleanField(default=True, help_text="Untick to pause scheduled syncs.")
    next_sync_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "feed subscription"

    def __str__(self) -> str:
        return self.name

    def is_due(self, now: dt.datetime) -> bool:
        """Scheduled, switched on, and its time has come (a new feed is due at once)."""
        if not self.enabled or self.schedule == Schedule.MANUAL:
            return False
        return self.next_sync_at is None or self.next_sync_at <= now

    def following_sync(self, now: dt.datetime) -> dt.datetime | None:
        gap = SCHEDULE_GAPS.get(Schedule(self.schedule))
        return now + gap if gap else None


class ImportRun(UUIDModel):
    """One import, kept with its full report. Runs are never edited or deleted in the admin."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, help_text="When the worker last reported progress."
    )
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_runs",
        help_text="Empty when the import was run from the command line or on a schedule.",
    )
    feed = models.ForeignKey(
        FeedSubscription,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="runs",
    )
    source_name = models.CharField(
        max_length=255, help_text="The file's name (never its place on the server) or the URL."
    )
    source_location = models.CharField(
        max_length=1000,
        blank=True,
        editable=False,
        help_text="Where the worker reads the source from. Never shown: it may hold a key.",
    )
    source_kind = models.CharField(max_length=10, choices=SourceKind.choices)
    dry_run = models.BooleanField(default=False)
    strict = models.BooleanField(default=False)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    services_created = models.PositiveIntegerField(default=0)
    services_updated = models.PositiveIntegerField(default=0)
    services_unchanged = models.PositiveIntegerField(default=0)
    services_rejected = models.PositiveIntegerField(default=0)
    services_deactivated = models.PositiveIntegerField(default=0)
    records_read = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-started_at"]
        # Running an import is the only thing staff can do with runs.
        default_permissions = ("add",)
        verbose_name = "import run"

    def __str__(self) -> str:
        return f"{self.source_name} ({self.started_at:%d %b %Y %H:%M})"

    @property
    def is_stale(self) -> bool:
        """Left running or queued by a worker that is gone."""
        if self.outcome not in UNFINISHED:
            return False
        last = self.heartbeat_at or self.started_at
        return timezone.now() - last > STALE_AFTER

    @property
    def shown_outcome(self) -> str:
        """The outcome as staff should read it: a run cut short is incomplete."""
        return Outcome.INCOMPLETE if self.is_stale else self.outcome

    @property
    def shown_outcome_display(self) -> str:
        return Outcome(self.shown_outcome).label

    @property
    def in_progress(self) -> bool:
        return self.outcome in UNFINISHED and not self.is_stale


class ManagedService(models.Model):
    """A service an import wrote: which feed manages it, and which of its rows came from it.

    `supplied` maps a kind of row ("phones", "contacts", "attributes", ...) to the ids the
    feed gave last time; a sync replaces only those. None means imported before this was
    kept: the next changed import takes over every row once.
    """

    service = models.OneToOneField(
        "directory.Service",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="feed_origin",
    )
    feed = models.ForeignKey(
        FeedSubscription,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="services",
    )
    source_name = models.CharField(max_length=255, blank=True)
    supplied = models.JSONField(null=True, blank=True)
    seen_in_run = models.UUIDField(null=True, blank=True, db_index=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "service managed by a feed"

    def __str__(self) -> str:
        return f"{self.service_id} from {self.source_name}"
