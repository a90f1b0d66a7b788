"""A small gazetteer so 'where you live' finds the services that cover it."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class PlaceKind(models.TextChoices):
    NATION = "nation", "Nation"
    REGION = "region", "Region"
    COUNTY = "county", "County"
    DISTRICT = "district", "District"
    TOWN = "town", "Town or city"


class Place(index.Indexed, models.Model):
    """A nation, county, district or town, and which smaller places it contains."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=PlaceKind.choices)
    aliases = models.JSONField(default=list, blank=True, help_text="Other names people use.")
    postcode_districts = models.JSONField(
        default=list, blank=True, help_text="Outward postcodes, such as NG18."
    )
    contains = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="within")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("aliases"),
        FieldPanel("postcode_districts"),
        FieldPanel("contains"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceCoverageQuerySet(models.QuerySet):
    def everywhere(self) -> ServiceCoverageQuerySet:
        """Rows for services that reach every place (national, or remote with no area)."""
        return self.filter(place__isnull=True)


class ServiceCoverage(models.Model):
    """Derived: every place a service reaches; no place means everywhere.

    Rebuilt whenever the service is saved."""

    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="coverage"
    )
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.CASCADE, related_name="coverage"
    )

    objects = ServiceCoverageQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "place"], name="unique_service_coverage")
        ]

    def __str__(self) -> str:
        return f"{self.service_id} reaches {self.place_id}"
