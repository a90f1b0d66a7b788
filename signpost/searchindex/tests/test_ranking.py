"""Searching the index ranks like a ranker over the whole directory, on both databases."""

from __future__ import annotations

from uuid import UUID

import pytest
from django.db import connection

from signpost.directory.finder import SearchRequest, find_services
from signpost.directory.models import Service
from signpost.directory.search.ranking import Ranker
from signpost.directory.tests.factories import (
    ServiceFactory,
    TaxonomyFactory,
    TermFactory,
    add_schedule,
)
from signpost.searchindex import freshness, fulltext
from signpost.searchindex.models import SearchEntry
from signpost.searchindex.search import search
from signpost.searchindex.sources import read_services

pytestmark = pytest.mark.django_db

SERVICES = [
    ("Calm Minds", "Group sessions for anxiety, worry and panic attacks.", None, None),
    ("Worry Less Online", "An online course for people who worry all the time.", 18, None),
    ("Young Voices", "Talking support for teenagers feeling low or anxious.", 11, 18),
    ("Bereavement Walk", "A gentle walk for people grieving after a death.", None, None),
    ("Money Advice Point", "Help with debt, bills and benefits.", None, None),
    ("Low Mood Cafe", "Drop in if you feel low, flat or depressed.", 16, None),
    ("Sleep Well Clinic", "Help for people who cannot sleep because of stress.", None, None),
    ("Dads Together", "Peer support for fathers after a new baby.", None, None),
]
QUERIES = [
    "anxiety",
    "I worry about everything",
    "feeling really low",
    "cant sleep stressed",
    "lost my mum",
    "money worries",
    "anxeity",  # a slip the speller should fix against the whole directory
    "support for dads",
]


@pytest.fixture
def directory():
    needs = TaxonomyFactory(name="needs")
    anxiety = TermFactory(taxonomy=needs, code="anxiety", name="Anxiety")
    for name, description, low, high in SERVICES:
        terms = [anxiety] if "anx" in description or "worry" in description else []
        ServiceFactory(
            name=name, description=description, minimum_age=low, maximum_age=high, terms=terms
        )
    line = ServiceFactory(
        name="Night Crisis Line", description="Talk to someone now if you feel suicidal."
    )
    for day in ("MO", "TU", "WE", "TH", "FR", "SA", "SU"):
        add_schedule(line, freq="WEEKLY", byday=day, opens_at="00:00", closes_at="23:59")
    freshness.ensure_fresh()


def whole_directory_order(text: str, age: int | None) -> list[UUID]:
    """What the old design did: one ranker over every public service."""
    ids = list(Service.objects.public().values_list("id", flat=True))
    ranker = Ranker(source.document for source in read_services(ids))
    allowed = Service.objects.public()
    if age is not None:
        allowed = allowed.for_age(age)
    allowed_ids = {str(i) for i in allowed.values_list("id", flat=True)}
    return [UUID(r.id) for r in ranker.search(text, allowed_ids=allowed_ids, age=age)]


@pytest.mark.parametrize("age", [None, 15, 40])
def test_same_order_and_scores_as_a_whole_directory_ranker(directory, age):
    for text in QUERIES:
        found = search(text, Service.objects.public(), age)
        assert found.ordered == whole_directory_order(text, age), text
        assert found.ordered, text


def test_age_excludes_before_ranking(directory):
    found = search("anxiety", Service.objects.public(), 14)
    names = set(Service.objects.filter(id__in=found.ordered).values_list("name", flat=True))
    assert "Worry Less Online" not in names
    assert "Young Voices" in names


def test_crisis_lines_are_candidates_and_pinned_on_a_crisis_query(directory):
    found = search("I want to end my life", Service.objects.public(), None)
    assert found.crisis
    first = Service.objects.get(id=found.ordered[0])
    assert first.name == "Night Crisis Line"
    outcome = find_services(SearchRequest(text="I want to end my life"))
    assert outcome.crisis and outcome.service_ids[0] == first.id


def test_full_text_candidates_respect_eligibility(directory):
    calm = Service.objects.get(name="Calm Minds")
    eligible = Service.objects.public().exclude(id=calm.id)
    sql, params = eligible.values("id").query.sql_with_params()
    found = fulltext.candidates(
        ["anxieti", "anxiety", "worry"], f"e.service_id IN ({sql})", params, 50
    )
    services = set(SearchEntry.objects.filter(id__in=found).values_list("service_id", flat=True))
    assert calm.id not in services
    assert Service.objects.get(name="Young Voices").id in services
    assert Service.objects.get(name="Money Advice Point").id not in services


def test_pairs_are_one_token_on_this_database(directory):
    """ "low mood" is indexed as one key, so a pair only matches services using both words."""
    where, params = "1 = 1", []
    found = fulltext.candidates(["low mood"], where, params, 50)
    names = set(
        Service.objects.filter(
            id__in=SearchEntry.objects.filter(id__in=found).values("service_id")
        ).values_list("name", flat=True)
    )
    assert names == {"Low Mood Cafe"}, connection.vendor
