"""The search index's tables: one entry per public service, and whole-directory statistics.

Entries are derived data (ADR 010): written from the directory when services change, never
edited, and rebuilt at will with `manage.py rebuild_search_index`. The full-text table the
database searches (FTS5 on SQLite, a tsvector column on PostgreSQL) is created by migration
0002 with raw SQL and written by `writer.py`.
"""

from __future__ import annotations

from django.db import models


class SearchEntry(models.Model):
    """What a search needs about one public service, in one row."""

    # Not a foreign key: an entry may briefly outlive its service, and deleting a service
    # must not wait on the index. The writer removes entries of deleted services.
    service_id = models.UUIDField(unique=True)
    sort_name = models.CharField(max_length=255)
    minimum_age = models.PositiveSmallIntegerField(null=True)
    maximum_age = models.PositiveSmallIntegerField(null=True)
    crisis_line = models.BooleanField(default=False, db_index=True)
    document = models.JSONField()  # the ranker's SearchDocument fields
    features = models.JSONField()  # keys per field, words, audiences, crisis prior
    facts = models.JSONField()  # terms per vocabulary, languages, free, schedules
    stamp = models.CharField(max_length=200)  # the service's updated_at and import fingerprint

    class Meta:
        indexes = [models.Index(fields=["sort_name", "service_id"])]

    def __str__(self) -> str:
        return self.sort_name


class SearchKey(models.Model):
    """How many entries hold an index key (a stem or a stem pair): idf for every process."""

    key = models.CharField(max_length=255, primary_key=True)
    documents = models.PositiveIntegerField(default=0)
    single = models.BooleanField(default=True)  # a stem, not a pair: spelling reads these
    version = models.BigIntegerField(default=0, db_index=True)  # stats version when changed

    def __str__(self) -> str:
        return self.key


class SearchWord(models.Model):
    """A canonical word some entry holds: what spelling correction may correct to."""

    word = models.CharField(max_length=255, primary_key=True)
    documents = models.PositiveIntegerField(default=0)
    version = models.BigIntegerField(default=0, db_index=True)

    def __str__(self) -> str:
        return self.word


class SearchStats(models.Model):
    """One row: entry count, total field lengths, and a version every write moves on.

    `generation` changes only on a full rebuild, which tells processes to reload everything;
    `version` moves on every write, and processes fetch only the keys and words changed since.
    """

    documents = models.PositiveIntegerField(default=0)
    lengths = models.JSONField(default=dict)
    version = models.BigIntegerField(default=0)
    generation = models.CharField(max_length=40, default="")
    signature = models.CharField(max_length=400, default="")  # the directory when last checked

    def __str__(self) -> str:
        return f"search index v{self.version}"
