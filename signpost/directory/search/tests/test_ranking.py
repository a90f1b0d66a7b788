"""Behaviour of the pure-Python search ranker, on small hand-made services (no database)."""

from __future__ import annotations

import pytest

from signpost.directory.search.ranking import (
    Ranker,
    ScoredResult,
    SearchDocument,
    is_crisis_query,
    normalise,
)

ANXIETY = SearchDocument(
    id="anxiety",
    name="Talking Therapies",
    description="Guided self-help and CBT for adults with anxiety, worry and panic attacks.",
    terms=("talking-therapy", "Talking therapy", "self-referral", "Self-referral"),
)
LOW_MOOD = SearchDocument(
    id="low-mood",
    name="Brighter Days",
    description="Support for adults living with depression and low mood.",
    eligibility="Adults 18 and over.",
)
CRISIS_LINE = SearchDocument(
    id="crisis-line",
    name="Riverside 24/7 Crisis Line",
    description="Free phone line open day and night for anyone in a mental health crisis.",
    terms=("crisis-support", "Crisis and urgent mental health support"),
    available_24_7=True,
)
EVENING_CAFE = SearchDocument(
    id="evening-cafe",
    name="Evening Crisis Cafe",
    description="Drop in during the evening if you feel you cannot cope or want to end it all.",
    terms=("crisis-support", "Crisis and urgent mental health support"),
)
DEBT = SearchDocument(
    id="debt",
    name="Money Advice Centre",
    description="Free advice on debt, benefits and rent arrears.",
)
PARENTS_COURSE = SearchDocument(
    id="parents-course",
    name="Anxious children: a course for parents",
    description="For parents of children with anxiety, worry, panic or fears.",
    terms=("children-young-people", "Children and young people"),
)
FULLWIDTH_ANXIETY = "\uff41\uff4e\uff58\uff49\uff45\uff54\uff59"
SERVICES = (ANXIETY, LOW_MOOD, CRISIS_LINE, EVENING_CAFE, DEBT, PARENTS_COURSE)


def _ids(results: list[ScoredResult]) -> list[str]:
    return [result.id for result in results]


def _ranker() -> Ranker:
    return Ranker(SERVICES)


def test_a_misspelt_word_still_finds_the_service() -> None:
    results = _ranker().search("anxeity")

    assert _ids(results)[0] == "anxiety"
    assert "anxiety" in results[0].matched_terms


def test_a_typo_the_lexicon_does_not_list_is_corrected_from_the_index() -> None:
    results = _ranker().search("depressoin")

    assert _ids(results)[:1] == ["low-mood"]


def test_lay_words_for_low_mood_find_a_depression_service() -> None:
    results = _ranker().search("no motivation for anything and I stay in bed all day")

    assert _ids(results)[:1] == ["low-mood"]


def test_a_crisis_query_puts_a_24_7_crisis_line_first() -> None:
    results = _ranker().search("I want to end it all")

    ids = _ids(results)
    assert ids[0] == "crisis-line"
    assert ids.index("crisis-line") < ids.index("evening-cafe")


def test_a_crisis_line_is_returned_even_when_no_word_matches() -> None:
    results = _ranker().search("I'd be better off dead")

    assert _ids(results)[0] == "crisis-line"


def test_a_crisis_query_never_adds_services_the_caller_filtered_out() -> None:
    results = _ranker().search("I want to end it all", allowed_ids={"evening-cafe", "debt"})

    assert set(_ids(results)) <= {"evening-cafe", "debt"}
    assert "crisis-line" not in _ids(results)


def test_only_allowed_services_are_ranked() -> None:
    results = _ranker().search("anxiety", allowed_ids={"parents-course", "unknown-id"})

    assert _ids(results) == ["parents-course"]


def test_services_that_match_nothing_are_dropped() -> None:
    results = _ranker().search("debt")

    assert _ids(results) == ["debt"]


def test_equal_scores_are_ordered_by_name_then_id() -> None:
    twin = {"description": "Peer support group for carers.", "terms": ("carers",)}
    documents = [
        SearchDocument(id="c", name="Beta group", **twin),
        SearchDocument(id="b", name="Alpha group", **twin),
        SearchDocument(id="a", name="Alpha group", **twin),
    ]

    forwards = Ranker(documents).search("carers")
    backwards = Ranker(reversed(documents)).search("carers")

    assert _ids(forwards) == ["a", "b", "c"]
    assert _ids(backwards) == ["a", "b", "c"]
    assert forwards[0].score == forwards[2].score


def test_results_come_best_first_and_respect_the_limit() -> None:
    results = _ranker().search("anxiety worry panic", limit=2)

    assert len(results) == 2
    assert results[0].score >= results[1].score
    assert results[0].id == "anxiety"


def test_a_general_query_prefers_general_services_to_ones_for_a_group() -> None:
    ids = _ids(_ranker().search("anxious"))

    assert ids.index("anxiety") < ids.index("parents-course")


def test_naming_the_group_brings_its_service_forward() -> None:
    ids = _ids(_ranker().search("my child is anxious"))

    assert ids[0] == "parents-course"


@pytest.mark.parametrize("query", ["", "   ", "\n\t", "\u200b", "!!!"])
def test_an_empty_query_returns_nothing(query: str) -> None:
    assert _ranker().search(query) == []


@pytest.mark.parametrize(
    "query",
    [
        "anxiety " * 1250,
        "x" * 10_000,
        "\u202eanxiety\u202c",
        "anx\x00iety",
        "anxie\u0301ty\u0308",
        "😀 anxiety 🫠🏳️‍🌈",
        "\ud800 lone surrogate",
        FULLWIDTH_ANXIETY,
    ],
)
def test_odd_or_huge_input_does_not_raise(query: str) -> None:
    results = _ranker().search(query)

    assert isinstance(results, list)


def test_accents_direction_marks_and_emoji_do_not_hide_a_word() -> None:
    for query in ("\u202eanxiety", "anxie\u0301ty", "😀anxiety😀", FULLWIDTH_ANXIETY.upper()):
        assert _ids(_ranker().search(query))[0] == "anxiety", query


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Anxiety AND Depression", ["anxiety", "and", "depression"]),
        ("Self-harm, help!", ["self", "harm", "help"]),
        ("don't can\u2019t", ["dont", "cant"]),
        ("Café naïve", ["cafe", "naive"]),
        ("\ufb01nd \uff21\uff22\uff23", ["find", "abc"]),
        ("a\u202eb\x00c", ["abc"]),
        ("e\u0301 \u0301", ["e"]),
        ("24/7 A&E", ["24", "7", "a", "e"]),
        ("😀🫠 ✨", []),
        ("STRASSE straße", ["strasse", "strasse"]),
        ("", []),
    ],
)
def test_normalise(text: str, tokens: list[str]) -> None:
    assert normalise(text) == tokens


def test_normalise_copes_with_ten_thousand_characters() -> None:
    tokens = normalise("word! " * 2000)

    assert tokens == ["word"] * 2000


@pytest.mark.parametrize(
    "query",
    [
        "I'd be better off dead",
        "planning to end it tonight",
        "I want to kill myself",
        "he has overdosed on paracetamol",
        "scared I'll hurt myself badly",
        "I can't go on",
        "feeling suicdal",
        "mental health crisus",
        "suicidal thoughts",
        "can't stop crying, hopeless, need someone right now",
        "mental health crisis",
    ],
)
def test_crisis_wording_is_recognised(query: str) -> None:
    assert is_crisis_query(query)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "anxiety",
        "counselling for teenagers",
        "lost my brother to suicide last year",
        "cost of living crisis and debt",
        "my daughter is cutting herself",
        "crisps",
        "binge eating crisps at night",
        "criss cross",
    ],
)
def test_other_wording_is_not_a_crisis(query: str) -> None:
    assert not is_crisis_query(query)


def test_a_word_one_slip_from_crisis_is_not_corrected_into_it() -> None:
    results = _ranker().search("salt and vinegar crisps")

    assert "crisis-line" not in _ids(results)
