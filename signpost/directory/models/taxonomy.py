"""Vocabularies (HSDS `taxonomy` and `taxonomy_term`) used to describe services."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from signpost.core.models import TimestampedModel, UUIDModel

# Names of our own vocabularies: the public filters are built from these.
NEEDS = "needs"
SUPPORT_TYPE = "support-type"
ACCESS = "access"
DELIVERY = "delivery"
AUDIENCE = "audience"
OWN_VOCABULARIES = (NEEDS, SUPPORT_TYPE, ACCESS, DELIVERY, AUDIENCE)


class Taxonomy(UUIDModel, TimestampedModel, index.Indexed):
    """A vocabulary, such as our list of needs or an external one like OpenEligibility."""

    name = models.CharField(max_length=120, unique=True)
    description = models.TextField()
    uri = models.URLField(max_length=500, blank=True)
    version = models.CharField(max_length=40, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("uri"),
        FieldPanel("version"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "taxonomies"

    def __str__(self) -> str:
        return self.name


class TaxonomyTermQuerySet(models.QuerySet):
    def in_vocabulary(self, name: str) -> TaxonomyTermQuerySet:
        """Terms of one vocabulary, by the vocabulary's name."""
        return self.filter(taxonomy__name=name)


class TaxonomyTerm(UUIDModel, TimestampedModel, index.Indexed):
    """One term in a vocabulary, such as 'Anxiety' or 'Self-referral'."""

    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.PROTECT, related_name="terms")
    code = models.CharField(max_length=120, blank=True)
    name = models.CharField(max_length=255)
    description = models.TextField()
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    language = models.CharField(max_length=20, blank=True)
    term_uri = models.URLField(max_length=500, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = TaxonomyTermQuerySet.as_manager()

    panels = [
        FieldPanel("taxonomy"),
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("parent"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("taxonomy"),
    ]

    class Meta:
        ordering = ["taxonomy__name", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["taxonomy", "code"],
                condition=~models.Q(code=""),
                name="unique_term_code_per_taxonomy",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.taxonomy.name})"
