"""Entries follow the directory: saves, deletes, unpublishing, imports, and a full rebuild."""

from __future__ import annotations

import pytest
from django.db import connection

from signpost.directory.models import Service, ServiceCoverage
from signpost.directory.tests.factories import ServiceFactory
from signpost.searchindex import freshness, writer
from signpost.searchindex.models import SearchEntry, SearchKey, SearchStats, SearchWord

pytestmark = pytest.mark.django_db


def entry_names() -> set[str]:
    freshness.ensure_fresh()
    return {e.document["name"] for e in SearchEntry.objects.all()}


def test_a_saved_service_gets_an_entry_with_its_text_and_facts():
    service = ServiceFactory(name="Harbour Talking Group", description="Meet others who listen.")
    freshness.ensure_fresh()
    entry = SearchEntry.objects.get(service_id=service.id)
    assert entry.document["name"] == "Harbour Talking Group"
    assert entry.facts["free"] is True
    assert any(
        field == "name" and "harbour" in keys for field, keys, _n in entry.features["fields"]
    )


def test_an_edit_rewrites_the_entry():
    service = ServiceFactory(name="Harbour Talking Group")
    assert entry_names() == {"Harbour Talking Group"}
    service.name = "Lighthouse Talking Group"
    service.save()
    assert entry_names() == {"Lighthouse Talking Group"}


def test_unpublishing_and_deleting_remove_entries():
    kept = ServiceFactory(name="Kept")
    hidden = ServiceFactory(name="Hidden")
    gone = ServiceFactory(name="Gone")
    assert entry_names() == {"Kept", "Hidden", "Gone"}
    hidden.status = "inactive"
    hidden.save()
    gone.delete()
    assert entry_names() == {kept.name}


def test_a_write_without_signals_is_caught_by_the_self_check():
    service = ServiceFactory(name="Before")
    assert entry_names() == {"Before"}
    # A bulk writer that sends nothing: an UPDATE, and its coverage rewritten (as imports do).
    Service.objects.filter(id=service.id).update(name="After", import_fingerprint="feed-2")
    ServiceCoverage.objects.filter(service=service).delete()
    ServiceCoverage.objects.create(service=service, place=None)
    assert entry_names() == {"After"}


def test_statistics_after_edits_equal_a_full_rebuild():
    first = ServiceFactory(name="Anxiety Cafe", description="Worry and panic support.")
    second = ServiceFactory(name="Grief Walk", description="Walking after a loss.")
    freshness.ensure_fresh()
    first.description = "Talking about worry, every week."
    first.save()
    second.delete()
    ServiceFactory(name="Carers Break", description="Time off for carers.")
    freshness.ensure_fresh()
    incremental = _statistics()
    freshness.rebuild()
    assert _statistics() == incremental


def _statistics() -> tuple:
    stats = SearchStats.objects.get(pk=1)
    keys = dict(SearchKey.objects.filter(documents__gt=0).values_list("key", "documents"))
    words = dict(SearchWord.objects.filter(documents__gt=0).values_list("word", "documents"))
    lengths = {field: total for field, total in stats.lengths.items() if total}
    return stats.documents, lengths, keys, words


def test_full_text_rows_follow_entries():
    service = ServiceFactory(name="Harbour Group")
    freshness.ensure_fresh()
    writer.index_services([service.id])
    writer.index_services([service.id])
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM searchindex_fts")
            assert cursor.fetchone()[0] == SearchEntry.objects.count() == 1
            cursor.execute("SELECT count(*) FROM searchindex_fts_rows")
            assert cursor.fetchone()[0] == 1
