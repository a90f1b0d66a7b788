"""What hangs off a service: phones, contacts, hours, places, areas, languages, costs, terms."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel

from signpost.core.models import OrderedChild

from .services import Service


class Phone(OrderedChild):
    """A phone number or text short code."""

    service = ParentalKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    number = models.CharField(max_length=40)
    extension = models.CharField(max_length=20, blank=True)
    type = models.CharField(
        max_length=20,
        blank=True,
        choices=[
            ("voice", "Voice"),
            ("text", "Text (SMS)"),
            ("textphone", "Textphone"),
            ("fax", "Fax"),
            ("cell", "Mobile"),
            ("video", "Video"),
            ("pager", "Pager"),
        ],
    )
    description = models.CharField(max_length=255, blank=True)

    def __str__(self) -> str:
        return self.number

    @property
    def dial_string(self) -> str:
        """The number as a tel:/sms: link wants it: digits and a leading plus only."""
        return "".join(ch for ch in self.number if ch.isdigit() or ch == "+")


class Contact(OrderedChild):
    """A named person or team; private contacts are for staff and never shown or shared."""

    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=255, blank=True)
    title = models.CharField(max_length=255, blank=True)
    department = models.CharField(max_length=255, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    is_private = models.BooleanField(
        default=True, help_text="Private contacts are for directory staff only."
    )

    def __str__(self) -> str:
        return self.name or self.department or self.email


class Schedule(OrderedChild):
    """When a service is open, as an RFC 5545-style rule (HSDS `schedule`)."""

    service = ParentalKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    service_at_location = models.ForeignKey(
        "directory.ServiceAtLocation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="schedules",
    )
    freq = models.CharField(
        max_length=10, blank=True, choices=[("WEEKLY", "Weekly"), ("MONTHLY", "Monthly")]
    )
    interval = models.PositiveSmallIntegerField(null=True, blank=True)
    byday = models.CharField(
        max_length=60, blank=True, help_text="Days, such as MO,TU,WE or 1TU (first Tuesday)."
    )
    bymonthday = models.CharField(max_length=60, blank=True)
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    dtstart = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)
    timezone = models.CharField(max_length=40, blank=True)
    wkst = models.CharField(max_length=2, blank=True)
    description = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    attending_type = models.CharField(max_length=60, blank=True)
    schedule_link = models.URLField(max_length=500, blank=True)

    def __str__(self) -> str:
        return self.description or f"{self.byday} {self.opens_at}-{self.closes_at}"


class ServiceAtLocation(OrderedChild):
    """A service delivered at a location."""

    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(
        "directory.Location", on_delete=models.PROTECT, related_name="service_at_locations"
    )
    description = models.TextField(blank=True)

    panels = [FieldPanel("location"), FieldPanel("description")]

    def __str__(self) -> str:
        return f"{self.service} at {self.location}"


class ServiceArea(OrderedChild):
    """The area a service covers, named as people name it ('Mansfield district')."""

    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="service_areas")
    name = models.CharField(max_length=255, blank=True)
    description = models.TextField(blank=True)
    extent = models.TextField(blank=True)
    extent_type = models.CharField(max_length=40, blank=True)
    uri = models.URLField(max_length=500, blank=True)

    def __str__(self) -> str:
        return self.name


class Language(OrderedChild):
    """A language the service works in; `code` is ISO 639 (BSL is `bfi`)."""

    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="languages")
    name = models.CharField(max_length=120)
    code = models.CharField(max_length=12, blank=True)
    note = models.CharField(max_length=255, blank=True)

    def __str__(self) -> str:
        return self.name


class CostOption(OrderedChild):
    """A charge for using the service."""

    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    option = models.CharField(max_length=255, blank=True)
    currency = models.CharField(max_length=3, default="GBP")
    amount = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    amount_description = models.CharField(max_length=255, blank=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return self.option or str(self.amount)


class ServiceAttribute(OrderedChild):
    """Links a service to a taxonomy term (HSDS `attribute` with link_entity 'service')."""

    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="attributes")
    taxonomy_term = models.ForeignKey(
        "directory.TaxonomyTerm", on_delete=models.CASCADE, related_name="service_attributes"
    )
    link_type = models.CharField(max_length=60, blank=True)
    value = models.CharField(max_length=255, blank=True)

    panels = [FieldPanel("taxonomy_term"), FieldPanel("value")]

    class Meta(OrderedChild.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["service", "taxonomy_term"], name="one_attribute_per_term"
            )
        ]

    def __str__(self) -> str:
        return str(self.taxonomy_term)
