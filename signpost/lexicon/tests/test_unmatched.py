"""Searches that found nothing or too little: counted per phrase per week, nothing personal."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from signpost.lexicon.models import UnmatchedSearch
from signpost.lexicon.unmatched import (
    iso_week_start,
    normalise,
    note_search,
    phrase_to_keep,
    purge,
    record,
)

SEARCH = reverse("directory:search")


def test_a_phrase_is_casefolded_stripped_of_punctuation_and_collapsed() -> None:
    assert normalise("  Skint,   AND   stressed!!! ") == "skint and stressed"
    assert normalise("Ça   va?") == "ça va"


def test_a_long_phrase_is_cut_at_a_word_within_100_characters() -> None:
    phrase = normalise("worry " * 40)
    assert len(phrase) <= 100
    assert phrase.endswith("worry")


@pytest.mark.parametrize(
    "text",
    [
        "counselling NG18 2AB",
        "anxiety ng182ab",
        "help near NR19",
        "call me on 07700 900123",
        "my email is someone@example.org",
        "born 12/03/2009 need help",
        "nhs number 943 476 5919",
    ],
)
def test_anything_that_could_identify_someone_is_not_kept(text: str) -> None:
    assert phrase_to_keep(text) is None


@pytest.mark.parametrize("text", ["i want to die", "my friend took too many pills"])
def test_crisis_searches_are_not_kept(text: str) -> None:
    assert phrase_to_keep(text) is None


def test_the_week_is_the_monday_of_its_iso_week() -> None:
    assert iso_week_start(dt.date(2026, 12, 6)) == dt.date(2026, 11, 30)  # a Sunday
    assert iso_week_start(dt.date(2026, 11, 30)) == dt.date(2026, 11, 30)


@pytest.mark.django_db
def test_a_search_finding_nothing_is_counted_once_per_phrase_per_week(client, home_page) -> None:
    client.get(SEARCH, {"q": "Quilting circle?"})
    client.get(SEARCH, {"q": "quilting   CIRCLE"})
    row = UnmatchedSearch.objects.get()
    assert (row.phrase, row.searches, row.found_nothing) == ("quilting circle", 2, 2)
    assert row.week == iso_week_start(dt.date.today())


@pytest.mark.django_db
def test_nothing_links_a_count_to_a_person_session_or_address(client, home_page) -> None:
    client.get(SEARCH, {"q": "quilting circle"}, REMOTE_ADDR="203.0.113.9")
    fields = {field.name for field in UnmatchedSearch._meta.get_fields()}
    assert fields == {"id", "phrase", "week", "searches", "found_nothing"}
    stored = list(UnmatchedSearch.objects.values_list(*sorted(fields - {"id"})))
    assert "203.0.113.9" not in repr(stored)
    assert client.session.session_key is None or client.session.session_key not in repr(stored)


@pytest.mark.django_db
def test_searches_with_filters_or_enough_results_or_no_words_are_not_counted() -> None:
    note_search("quilting circle", 0, filtered=True)
    note_search("quilting circle", 3)
    note_search("", 0)
    assert not UnmatchedSearch.objects.exists()


@pytest.mark.django_db
def test_too_little_is_a_setting(settings) -> None:
    settings.SIGNPOST_UNMATCHED_BELOW = 5
    note_search("knitting for calm", 4)
    assert UnmatchedSearch.objects.get().found_nothing == 0


@pytest.mark.django_db
def test_recording_adds_to_an_existing_row_instead_of_a_second_one() -> None:
    week = dt.date(2026, 11, 30)
    UnmatchedSearch.objects.create(phrase="kite flying", week=week, searches=4)
    record("kite flying", week, found_nothing=True)
    row = UnmatchedSearch.objects.get()
    assert (row.searches, row.found_nothing) == (5, 1)


@pytest.mark.django_db
def test_purge_deletes_weeks_over_twelve_months_old_and_keeps_the_rest(capsys) -> None:
    today = dt.date(2026, 12, 2)
    old = UnmatchedSearch.objects.create(phrase="old", week=dt.date(2025, 11, 24), searches=1)
    kept = UnmatchedSearch.objects.create(phrase="recent", week=dt.date(2025, 12, 8), searches=1)
    assert purge(today=today) == 1
    assert list(UnmatchedSearch.objects.all()) == [kept]
    assert not UnmatchedSearch.objects.filter(pk=old.pk).exists()


@pytest.mark.django_db
def test_a_new_phrase_of_the_week_lets_counts_past_retention_go() -> None:
    """Retention holds even where no scheduled purge runs."""
    UnmatchedSearch.objects.create(phrase="long ago", week=dt.date(2020, 1, 6), searches=4)
    this_week = iso_week_start(timezone.localdate())
    record("kite flying", this_week, found_nothing=True)
    assert list(UnmatchedSearch.objects.values_list("phrase", flat=True)) == ["kite flying"]


@pytest.mark.django_db
def test_the_purge_command_and_task_delete_old_rows() -> None:
    from signpost.lexicon.tasks import purge_unmatched_searches

    UnmatchedSearch.objects.create(phrase="ancient", week=dt.date(2020, 1, 6), searches=1)
    call_command("purge_unmatched_searches", verbosity=0)
    assert not UnmatchedSearch.objects.exists()
    UnmatchedSearch.objects.create(phrase="ancient", week=dt.date(2020, 1, 6), searches=1)
    assert purge_unmatched_searches.func() == 1


def test_many_searches_at_once_count_every_one_in_a_single_row(transactional_db) -> None:
    """Racing first searches of a week: the unique row wins once, the rest add to it."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip(
            "the SQLite test database is in memory with a shared cache, which refuses a second "
            "writer at once (SQLITE_LOCKED) instead of waiting; a SQLite file serialises "
            "writers (config/database.py), so the race only exists on PostgreSQL"
        )

    week = dt.date(2026, 11, 30)

    def search(n: int) -> None:
        try:
            record("kite flying", week, found_nothing=n % 2 == 0)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(search, range(40)))
    row = UnmatchedSearch.objects.get()
    assert (row.searches, row.found_nothing) == (40, 20)
