"""The optional age hint: services designed for the searcher's age are gently preferred."""

from __future__ import annotations

from signpost.directory.search.age import age_fit, age_specificity
from signpost.directory.search.ranking import Ranker, ScoredResult, SearchDocument

DESCRIPTION = "A listening ear when you are feeling low and have nobody to open up to."

ALL_AGES = SearchDocument(id="all-ages", name="Open Door Listening", description=DESCRIPTION)
YOUTH = SearchDocument(
    id="youth", name="Open Door Listening", description=DESCRIPTION, minimum_age=11, maximum_age=18
)
ADULTS = SearchDocument(
    id="adults", name="Open Door Listening", description=DESCRIPTION, minimum_age=18
)
OLDER = SearchDocument(
    id="older", name="Open Door Listening", description=DESCRIPTION, minimum_age=65
)
CRISIS_LINE = SearchDocument(
    id="crisis-line",
    name="Riverside 24/7 Crisis Line",
    description="Free phone line open day and night for anyone in a mental health crisis.",
    terms=("crisis-support", "Crisis and urgent mental health support"),
    available_24_7=True,
)
YOUTH_CRISIS = SearchDocument(
    id="youth-crisis",
    name="Young People's Suicide Support",
    description="Support for young people feeling suicidal or wanting to end their life.",
    minimum_age=11,
    maximum_age=18,
)
DEBT = SearchDocument(
    id="debt",
    name="Money Advice for Young People",
    description="Free advice on debt, benefits and rent arrears.",
    minimum_age=16,
    maximum_age=25,
)
QUERY = "feeling really low and nobody to open up to"


def _ids(results: list[ScoredResult]) -> list[str]:
    return [result.id for result in results]


def test_a_youth_service_outranks_an_equally_relevant_all_ages_one_for_someone_aged_15() -> None:
    ranker = Ranker((ALL_AGES, YOUTH))

    assert _ids(ranker.search(QUERY, age=15)) == ["youth", "all-ages"]


def test_without_an_age_equally_relevant_services_keep_their_usual_order() -> None:
    ranker = Ranker((ALL_AGES, YOUTH))

    assert _ids(ranker.search(QUERY)) == _ids(ranker.search(QUERY, age=None))
    assert _ids(ranker.search(QUERY))[0] == "all-ages"  # equal scores: name, then id


def test_a_70_year_old_prefers_a_service_for_over_65s() -> None:
    ranker = Ranker((ALL_AGES, ADULTS, OLDER))

    assert _ids(ranker.search(QUERY, age=70))[0] == "older"


def test_a_narrower_range_earns_a_bigger_but_modest_boost() -> None:
    fits = [age_fit(d, age_specificity(d), 17) for d in (ALL_AGES, ADULTS, YOUTH)]

    assert fits[0] == 1.0
    assert 1.0 < fits[2] <= 1.25
    assert age_fit(ADULTS, age_specificity(ADULTS), 20) < age_fit(YOUTH, age_specificity(YOUTH), 15)


def test_a_range_that_excludes_the_age_earns_no_boost() -> None:
    assert age_fit(YOUTH, age_specificity(YOUTH), 40) == 1.0


def test_the_age_hint_does_not_outweigh_a_clearly_better_match() -> None:
    weak_youth = SearchDocument(
        id="weak-youth",
        name="Youth Club",
        description="Games and sport; a youth worker is there if you want to open up.",
        minimum_age=11,
        maximum_age=18,
    )
    ranker = Ranker((ALL_AGES, weak_youth))

    assert _ids(ranker.search(QUERY, age=15)) == ["all-ages", "weak-youth"]


def test_crisis_pinning_is_unchanged_by_an_age_hint() -> None:
    ranker = Ranker((YOUTH_CRISIS, ALL_AGES, CRISIS_LINE, YOUTH))
    query = "I want to end my life, I feel so low"

    with_age = ranker.search(query, age=15)
    assert _ids(with_age)[0] == "crisis-line"
    assert _ids(with_age)[:1] == _ids(ranker.search(query))[:1]
    assert "youth-crisis" in _ids(with_age)[1:]  # boosted, but never above a pinned line


def test_services_that_do_not_match_the_query_are_still_dropped() -> None:
    ranker = Ranker((ALL_AGES, YOUTH, DEBT))

    assert "debt" not in _ids(ranker.search(QUERY, age=17))
    assert ranker.search("zzzz qqqq", age=15) == []
