"""Search words staff add, and the searches that found nothing or too little.

``SearchPhrase`` maps a phrase people use to needs (lexicon concepts and/or terms of the
needs vocabulary); the search reads it without a deploy (see ``staff_source``).
``UnmatchedSearch`` counts a normalised phrase per ISO week and nothing else: no person,
session, address or time of day, so the counts can never lead back to who searched.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from signpost.directory.models.taxonomy import NEEDS


class SearchPhrase(models.Model):
    """A phrase staff taught the search: when someone types it, look for these needs."""

    phrase = models.CharField(
        max_length=100,
        unique=True,
        help_text="Words as people type them, for example “skint and stressed”.",
    )
    concepts = models.JSONField(
        default=list,
        blank=True,
        help_text="Groups of words the search already knows, such as “debt” or “loneliness”.",
    )
    terms = models.ManyToManyField(
        "directory.TaxonomyTerm",
        blank=True,
        limit_choices_to={"taxonomy__name": NEEDS},
        related_name="search_phrases",
        verbose_name="needs",
        help_text="Needs from the directory's list that services are tagged with.",
    )
    note = models.TextField(blank=True, help_text="Why this was added (optional).")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ["phrase"]
        verbose_name = "search phrase"

    def __str__(self) -> str:
        return self.phrase


class LexiconVersion(models.Model):
    """One row whose token changes whenever staff phrases change; searches compare it."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(default=timezone.now)

    ROW = 1

    def __str__(self) -> str:
        return f"Search phrases version {self.token}"

    @classmethod
    def bump(cls) -> None:
        """A fresh random token (a counter could repeat after a rolled-back change)."""
        cls.objects.update_or_create(
            pk=cls.ROW, defaults={"token": uuid.uuid4().hex, "changed_at": timezone.now()}
        )

    @classmethod
    def current(cls) -> str | None:
        return cls.objects.filter(pk=cls.ROW).values_list("token", flat=True).first()


class UnmatchedSearch(models.Model):
    """How often one normalised phrase found nothing or too little in one ISO week."""

    phrase = models.CharField(max_length=100)
    week = models.DateField(help_text="The Monday of the ISO week.")
    searches = models.PositiveIntegerField(default=0)
    found_nothing = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-week", "-searches", "phrase"]
        constraints = [
            models.UniqueConstraint(fields=["phrase", "week"], name="unmatched_phrase_week")
        ]
        indexes = [models.Index(fields=["week"], name="unmatched_week")]
        verbose_name = "search that found too little"
        verbose_name_plural = "searches that found too little"

    def __str__(self) -> str:
        return f"{self.phrase} ({self.week:%Y-W%V})"
