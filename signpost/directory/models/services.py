"""Services and what hangs off them (HSDS `service` and its child tables)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import RevisionMixin
from wagtail.search import index

from signpost.core.models import TimestampedModel, UUIDModel
from signpost.directory.admin_panels import OpeningWeekPanel, VocabularyPanel

from .places import Reach, ServiceCoverage, coverage_needed


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"
    INACTIVE = "inactive", "Inactive"
    DEFUNCT = "defunct", "Defunct"


# The public only sees services that exist; a temporarily closed one is shown with a notice.
PUBLIC_STATUSES = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)


def review_cutoff(today: dt.date | None = None) -> dt.date:
    """Details last checked before this date are overdue for review."""
    return (today or timezone.localdate()) - dt.timedelta(days=settings.SIGNPOST_REVIEW_AFTER_DAYS)


class ServiceQuerySet(models.QuerySet):
    def public(self) -> ServiceQuerySet:
        """Services the public may see."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def for_age(self, age: int) -> ServiceQuerySet:
        """Services whose age range (inclusive, either end open) includes this age."""
        return self.filter(
            models.Q(minimum_age__isnull=True) | models.Q(minimum_age__lte=age),
            models.Q(maximum_age__isnull=True) | models.Q(maximum_age__gte=age),
        )

    def for_ages(self, minimum: int | None, maximum: int | None) -> ServiceQuerySet:
        """Services whose age range overlaps this one (None: open at that end)."""
        youngest = models.Q() if maximum is None else models.Q(minimum_age__isnull=True)
        oldest = models.Q() if minimum is None else models.Q(maximum_age__isnull=True)
        if maximum is not None:
            youngest |= models.Q(minimum_age__lte=maximum)
        if minimum is not None:
            oldest |= models.Q(maximum_age__gte=minimum)
        return self.filter(youngest, oldest)

    def covering(self, place_ids: Iterable[int]) -> ServiceQuerySet:
        """Services that reach someone living in any of these places (local, national, remote)."""
        return self.reaching(Reach.around(place_ids))

    def reaching(self, reach: Reach) -> ServiceQuerySet:
        """Services for someone there (a `Reach`, or a `PlaceAnswer`'s `.reach`); see ADR 009."""
        return self.filter(id__in=ServiceCoverage.objects.reaching(reach).values("service_id"))

    def everywhere(self) -> ServiceQuerySet:
        """National services, and phone or online ones with no stated area."""
        return self.filter(id__in=ServiceCoverage.objects.everywhere().values("service_id"))

    def review_overdue(self, today: dt.date | None = None) -> ServiceQuerySet:
        """Services not reviewed within the review period (or never)."""
        cutoff = review_cutoff(today)
        return self.filter(models.Q(assured_date__isnull=True) | models.Q(assured_date__lt=cutoff))


class Service(UUIDModel, TimestampedModel, RevisionMixin, index.Indexed, ClusterableModel):
    """A service people can use: a helpline, a therapy team, a group, a course."""

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(max_length=255)
    alternate_name = models.CharField(max_length=255, blank=True)
    description = models.TextField(blank=True, help_text="What it offers, in plain English.")
    url = models.URLField(max_length=500, blank=True)
    email = models.EmailField(blank=True)
    status = models.CharField(
        max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    interpretation_services = models.TextField(blank=True)
    application_process = models.TextField(
        blank=True, help_text="How to get help, step by step, for the public."
    )
    fees_description = models.TextField(blank=True)
    wait_time = models.CharField(max_length=255, blank=True)
    accreditations = models.TextField(blank=True)
    eligibility_description = models.TextField(blank=True, help_text="Who it is for.")
    minimum_age = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(130)]
    )
    maximum_age = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(130)]
    )
    assured_date = models.DateField(
        null=True,
        blank=True,
        verbose_name="last reviewed",
        help_text="When someone last checked these details with the service.",
    )
    assurer_email = models.EmailField(blank=True)
    alert = models.TextField(blank=True, help_text="A short notice shown at the top.")
    referral_criteria = models.TextField(
        blank=True, help_text="For professionals: who the service accepts and who it does not."
    )
    professional_referral = models.TextField(
        blank=True, help_text="For professionals: how to refer (form, email, what to include)."
    )
    import_fingerprint = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Digest of the feed record this was last imported from; cleared on any edit.",
    )

    objects = ServiceQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("alternate_name"),
                FieldPanel("organisation"),
                FieldPanel("status"),
                FieldPanel("alert"),
            ],
            heading="The service",
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("eligibility_description"),
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
            ],
            heading="Who it is for",
        ),
        MultiFieldPanel(
            [
                FieldPanel("application_process"),
                FieldPanel("url"),
                FieldPanel("email"),
                FieldPanel("wait_time"),
            ],
            heading="How to get help",
        ),
        MultiFieldPanel(
            [
                FieldPanel("referral_criteria"),
                FieldPanel("professional_referral"),
            ],
            heading="For professionals",
        ),
        MultiFieldPanel(
            [
                FieldPanel("fees_description"),
                FieldPanel("interpretation_services"),
                FieldPanel("accreditations"),
            ],
            heading="Cost and more",
        ),
        VocabularyPanel(heading="Categories"),
        InlinePanel("phones", label="Phone numbers"),
        InlinePanel("contacts", label="Contacts"),
        OpeningWeekPanel(heading="Opening hours"),
        InlinePanel("service_at_locations", label="Locations"),
        InlinePanel("service_areas", label="Areas covered"),
        InlinePanel("languages", label="Languages"),
        InlinePanel("cost_options", label="Costs"),
        MultiFieldPanel(
            [FieldPanel("assured_date"), FieldPanel("assurer_email")], heading="Review"
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("status"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_age__isnull=True)
                | models.Q(maximum_age__isnull=True)
                | models.Q(minimum_age__lte=models.F("maximum_age")),
                name="service_age_range_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.minimum_age > self.maximum_age
        ):
            raise ValidationError(
                {"maximum_age": "The maximum age must be the same as or above the minimum age."}
            )

    def save(self, *args, refresh: bool = True, **kwargs) -> None:
        # Edited here, so no longer what the feed said: the next import must rewrite it.
        self.import_fingerprint = ""
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "import_fingerprint"}
        super().save(*args, **kwargs)
        if refresh:
            # Coverage is derived from the areas and locations just saved with the service;
            # bulk importers pass refresh=False and rebuild it once they have the children.
            coverage_needed.send(sender=Service, service=self)
        # Derived data (the search index) follows once the save commits, in every process.
        from signpost.directory.changes import announce

        announce(Service, [self.pk])

    @property
    def is_review_overdue(self) -> bool:
        """True when the details have not been checked within the review period."""
        return self.assured_date is None or self.assured_date < review_cutoff()
