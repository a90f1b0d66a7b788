"""The UK gazetteer, and where each service reaches (ADR 009).

Places form one tree: postcode district → town → council → county → region → nation →
United Kingdom. `path` holds the ids of the places above, from the top ("/1/2/15/"), so
"everything inside a place" is a prefix match on its `full_path` and "everything a place is
inside" is the path itself.
Groupings people name (a combined authority, "Mid Notts") are `area` places that list the
places they contain, outside the tree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models, transaction
from django.dispatch import Signal
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

# Sent when a service's coverage must be rebuilt (after the admin saves it). The places
# package answers it, so the models never import the code that derives coverage.
coverage_needed = Signal()


class PlaceKind(models.TextChoices):
    NATION = "nation", "Nation"
    REGION = "region", "Region"
    COUNTY = "county", "County"
    COUNCIL = "council", "Council area"
    TOWN = "town", "Town or village"
    POSTCODE = "postcode", "Postcode district"
    AREA = "area", "Grouping of places"


class PlaceSource(models.TextChoices):
    OPEN_DATA = "open-data", "UK open data (replaced by load_gazetteer)"
    LOCAL = "local", "Added here"


class Place(index.Indexed, models.Model):
    """A nation, region, county, council area, town or postcode district, inside its parent."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=PlaceKind.choices)
    aliases = models.JSONField(default=list, blank=True, help_text="Other names people use.")
    code = models.CharField(
        max_length=20, blank=True, help_text="Government statistical (GSS) code, if it has one."
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The area this place is in (a town's council, a council's county).",
    )
    path = models.CharField(max_length=255, blank=True, db_index=True, editable=False)
    contains = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="within",
        help_text="For a grouping only: the places it is made of.",
    )
    source = models.CharField(
        max_length=20, choices=PlaceSource.choices, default=PlaceSource.LOCAL, editable=False
    )
    changed_at = models.DateTimeField(auto_now=True, db_index=True)  # the index's signature

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("aliases"),
        FieldPanel("parent"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("code"),
        FieldPanel("contains"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        """Keep `path` (the ids of the places above) and every descendant's in step."""
        old_full = self.full_path if self.pk and self.path else ""
        self.path = self.parent.full_path if self.parent_id and self.parent else "/"
        with transaction.atomic():
            super().save(*args, **kwargs)
            new_full = self.full_path
            if old_full and old_full != new_full:
                for child in Place.objects.filter(path__startswith=old_full):
                    child.path = new_full + child.path[len(old_full) :]
                    Place.objects.filter(pk=child.pk).update(path=child.path)

    @property
    def full_path(self) -> str:
        """The ids from the top down to this place itself ("/1/2/15/300/")."""
        return f"{self.path or '/'}{self.pk}/"


@dataclass(frozen=True)
class Reach:
    """The places that matter for someone in a place: the ones they are inside (`ancestors`)
    and the subtrees under the places they asked about (`paths`). Empty: only national help."""

    ancestors: tuple[int, ...] = ()
    paths: tuple[str, ...] = ()

    @classmethod
    def around(cls, place_ids: Iterable[int]) -> Reach:
        """The reach of someone in any of these places (groupings stand for their parts)."""
        places = list(Place.objects.filter(pk__in=list(place_ids)).prefetch_related("contains"))
        places += [part for place in places for part in place.contains.all()]
        paths = tuple(sorted({p.full_path for p in places}))
        ancestors = {int(pk) for path in paths for pk in path.strip("/").split("/") if pk}
        return cls(tuple(sorted(ancestors)), paths)


class ServiceCoverageQuerySet(models.QuerySet):
    def national(self) -> ServiceCoverageQuerySet:
        """Rows for services for the whole UK (or remote with no area) or a whole nation."""
        return self.filter(models.Q(place__isnull=True) | models.Q(place__kind=PlaceKind.NATION))

    def everywhere(self) -> ServiceCoverageQuerySet:
        """National rows: the whole UK, a whole nation, or phone and online with no area."""
        return self.national()

    def reaching(self, reach: Reach) -> ServiceCoverageQuerySet:
        """Rows that bring a service to someone there: everywhere, a place they are inside,
        or a place inside the area they asked about."""
        if not reach.ancestors and not reach.paths:
            return self.national()
        wanted = models.Q(place__isnull=True) | models.Q(place_id__in=list(reach.ancestors))
        if reach.paths:
            # The subtree's places first (a few thousand rows at most), then coverage by its
            # indexed place column: never a join of every coverage row with its place.
            inside = models.Q()
            for path in reach.paths:
                inside |= models.Q(path__startswith=path)
            wanted |= models.Q(place_id__in=Place.objects.filter(inside).values("pk"))
        return self.filter(wanted)


class ServiceCoverage(models.Model):
    """Derived: the places a service states it reaches; no place means everywhere.

    Rebuilt whenever the service is saved or imported."""

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
