"""Places where services are delivered (HSDS `location`, `address`, `accessibility`)."""

from __future__ import annotations

from urllib.parse import quote_plus

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import RevisionMixin
from wagtail.search import index

from signpost.core.models import OrderedChild, TimestampedModel, UUIDModel


class LocationType(models.TextChoices):
    PHYSICAL = "physical", "A place people can visit"
    POSTAL = "postal", "A postal address only"
    VIRTUAL = "virtual", "Phone, video or online only"


class Location(UUIDModel, TimestampedModel, RevisionMixin, index.Indexed, ClusterableModel):
    """A building, room or virtual place; several services may share one."""

    location_type = models.CharField(
        max_length=20, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    name = models.CharField(max_length=255, blank=True)
    alternate_name = models.CharField(max_length=255, blank=True)
    description = models.TextField(blank=True)
    transportation = models.TextField(blank=True, help_text="How to get there.")
    url = models.URLField(max_length=500, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    external_identifier = models.CharField(max_length=120, blank=True)
    external_identifier_type = models.CharField(max_length=120, blank=True)
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="locations",
    )
    hide_address = models.BooleanField(
        default=False,
        help_text="Keep the exact address private (for example a refuge). Only the town "
        "and postcode district are shown, and no map link.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("location_type"),
        FieldPanel("hide_address"),
        FieldPanel("organisation"),
        FieldPanel("description"),
        FieldPanel("transportation"),
        FieldPanel("url"),
        MultiFieldPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading="Map"),
        InlinePanel("addresses", label="Addresses"),
        InlinePanel("accessibility", label="Accessibility"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name or f"{self.get_location_type_display()} location"

    @property
    def is_virtual(self) -> bool:
        return self.location_type == LocationType.VIRTUAL

    def public_address(self) -> Address | None:
        """The physical address people should use, if there is one."""
        addresses = list(self.addresses.all())
        for address in addresses:
            if address.address_type == LocationType.PHYSICAL:
                return address
        return addresses[0] if addresses else None

    def map_url(self) -> str:
        """A link out to a map (never embedded); empty when the address is hidden."""
        if self.hide_address or self.is_virtual:
            return ""
        address = self.public_address()
        if address:
            query = f"{address.address_1}, {address.city} {address.postal_code}"
        elif self.latitude is not None and self.longitude is not None:
            query = f"{self.latitude},{self.longitude}"
        else:
            return ""
        return "https://www.openstreetmap.org/search?query=" + quote_plus(query)


class Address(OrderedChild):
    """A postal or street address of a location."""

    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="addresses")
    attention = models.CharField(max_length=255, blank=True)
    address_1 = models.CharField(max_length=255)
    address_2 = models.CharField(max_length=255, blank=True)
    city = models.CharField(max_length=120)
    region = models.CharField(max_length=120, blank=True)
    state_province = models.CharField(max_length=120, blank=True)
    postal_code = models.CharField(max_length=20)
    country = models.CharField(max_length=2, default="GB")
    address_type = models.CharField(
        max_length=20, choices=LocationType.choices, default=LocationType.PHYSICAL
    )

    class Meta(OrderedChild.Meta):
        verbose_name_plural = "addresses"

    def __str__(self) -> str:
        return ", ".join(p for p in [self.address_1, self.city, self.postal_code] if p)

    @property
    def postcode_district(self) -> str:
        """The outward part of the postcode (NG18 of NG18 5AB)."""
        return self.postal_code.strip().split(" ")[0].upper() if self.postal_code else ""


class Accessibility(OrderedChild):
    """What a location offers for disabled people (step-free access, hearing loop...)."""

    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="accessibility")
    description = models.TextField(blank=True)
    details = models.TextField(blank=True)
    url = models.URLField(max_length=500, blank=True)

    class Meta(OrderedChild.Meta):
        verbose_name_plural = "accessibility"

    def __str__(self) -> str:
        return self.description or self.details
