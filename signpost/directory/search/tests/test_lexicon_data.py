"""The lexicon's data files: every concept loads as before, and staff phrases extend them.

The concept names are those the Python lexicon had before it became data (ADR 011); phrases
copied from the findability benchmark were removed, so only names and shapes are compared.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from signpost.directory.search import lexicon
from signpost.directory.search.lexicon import StaffPhrase, with_staff_phrases

NAMES_BEFORE = """
advocacy african_caribbean alcohol anger anxiety baby_loss bereavement bipolar carers cbt
community_team counselling crisis dbt deaf debt depression domestic_abuse drugs east_asian
eastern_european eating employment free gambling hoarding hospital_alternative housing
information job_loss_money language learning_disability lgbtq listening loneliness
long_term_conditions memory men menopause mindfulness neurodiversity new_dads ocd older
online panic parents peer_support perinatal personality phone physical_activity
professional psychosis refugees relationships school self_esteem self_harm sexual_violence
sleep social_prescribing someone_else south_asian stress students suicide
suicide_bereavement trauma veterans wellbeing women young_people
""".split()  # noqa: SIM905 - a word list reads best as text
QUERIES = Path(__file__).resolve().parents[5] / "shared/benchmarks/findability/queries.json"


def test_every_concept_of_the_python_lexicon_loads_from_its_own_file() -> None:
    assert sorted(c.name for c in lexicon.BASE_CONCEPTS) == sorted(NAMES_BEFORE)
    for path in lexicon.concept_files():
        assert tomllib.loads(path.read_text())["name"].replace("_", "-") == path.stem


def test_every_concept_has_triggers_and_core_terms_in_lower_case() -> None:
    for concept in lexicon.BASE_CONCEPTS:
        assert concept.triggers and concept.core, concept.name
        for phrase in concept.triggers + concept.core + concept.related:
            assert phrase == phrase.lower().strip(), (concept.name, phrase)


def test_trigger_patterns_expand_for_every_relative() -> None:
    bereavement = next(c for c in lexicon.BASE_CONCEPTS if c.name == "bereavement")
    assert {"lost my nan", "my husband died", "since my grandad died"} <= set(bereavement.triggers)


def test_weights_audiences_and_implied_groups_name_real_concepts() -> None:
    names = set(NAMES_BEFORE)
    assert set(lexicon.CONCEPT_WEIGHTS) <= names and set(lexicon.AUDIENCES) <= names
    assert {a for group in lexicon.IMPLIED_AUDIENCES.values() for a in group} <= names
    assert lexicon.CONCEPT_WEIGHTS["phone"] == 0.3 and "young_people" in lexicon.AUDIENCES


def test_staff_phrases_extend_concepts_without_moving_them() -> None:
    staff = [
        StaffPhrase("owl hours", concepts=("sleep", "no_such_concept")),
        StaffPhrase("on my uppers", term_names=("Money advice",)),
    ]
    merged = with_staff_phrases(lexicon.BASE_CONCEPTS, staff)
    base = lexicon.BASE_CONCEPTS
    assert [c.name for c in merged[: len(base)]] == [c.name for c in base]
    sleep = next(c for c in merged if c.name == "sleep")
    assert sleep.triggers[-1] == "owl hours"
    assert merged[-1].triggers == ("on my uppers",) and merged[-1].core == ("Money advice",)


@pytest.mark.skipif(not QUERIES.is_file(), reason="the findability benchmark is not beside us")
def test_no_four_words_in_a_row_are_shared_with_the_benchmark_queries() -> None:
    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))

    def grams(found: list[str]) -> set[str]:
        return {" ".join(found[i : i + 4]) for i in range(len(found) - 3)}

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for k, v in value.items() for s in [k, *strings(v)]]
        return [s for item in value for s in strings(item)] if isinstance(value, list) else []

    queries = set().union(*(grams(words(q["text"])) for q in json.loads(QUERIES.read_text())))
    assert queries  # the check reads real queries
    for path in lexicon.DATA_DIR.glob("*.toml"):
        phrases = strings(tomllib.loads(path.read_text()))
        assert phrases, path.name
        shared = {g for p in phrases for g in grams(words(p)) & queries}
        assert not shared, (path.name, sorted(shared))
