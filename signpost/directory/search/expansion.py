"""Query planning: the query's words, word pairs and lexicon expansions as weighted slots.

Lay wording is expanded with the lexicon's concepts (so "no motivation for anything"
searches for low mood), and the groups a query names or implies are noted, so services for
other groups can be down-weighted.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .crisis import is_crisis
from .documents import SearchDocument
from .phrases import concept_matcher
from .text import content_stems, is_content, phrase_key, stem, text_words


@dataclass(slots=True)
class Slot:
    """One need in the query: alternatives for it are maxed, so synonyms do not pile up."""

    label: str
    weight: float
    alternatives: tuple[tuple[str, float], ...]  # (index key, weight)


@dataclass(slots=True)
class Plan:
    """How one query is searched: weighted slots plus what it says about who and how urgent."""

    slots: list[Slot]
    audiences: frozenset[str]  # groups the query names or implies
    crisis: bool


# Weights of the parts of a query. Tuned on the development set's shape, not its wording.
ORIGINAL_WEIGHT = 1.0
CORRECTION_WEIGHT = 0.85
EXPLAINED_WEIGHT = 0.4  # a word inside a recognised lay phrase: the phrase's concept speaks
BIGRAM_WEIGHT = 0.5
CORE_WEIGHT = 0.7
RELATED_WEIGHT = 0.3


def plan_query(words: list[str], correct: Callable[[str], str]) -> Plan:
    """Turn query words into weighted slots: the words, their pairs, and concept expansions."""
    lexicon.refresh()  # staff phrases from the admin: one cheap version check per search
    corrected = [correct(word) for word in words]
    stems = [stem(word) for word in corrected]
    matches = _outermost(list(concept_matcher().find(stems)))
    explained = {i for _c, start, end in matches if end - start > 1 for i in range(start, end)}
    slots = _word_slots(words, corrected, explained) + _pair_slots(corrected)
    evidence = _concept_evidence(matches, corrected)
    for position, count in evidence.items():
        slots.extend(_concept_slots(lexicon.CONCEPTS[position], count))
    names = {lexicon.CONCEPTS[position].name for position in evidence}
    implied = {a for name in names for a in lexicon.IMPLIED_AUDIENCES.get(name, ())}
    return Plan(
        slots=slots,
        audiences=frozenset(names | implied),
        crisis=is_crisis(words) or is_crisis(corrected),
    )


def _word_slots(
    words: Sequence[str], corrected: Sequence[str], explained: Collection[int]
) -> list[Slot]:
    """One slot per distinct searchable word, weaker if corrected or explained by a phrase."""
    slots: dict[str, Slot] = {}
    for index, (word, fixed) in enumerate(zip(words, corrected, strict=True)):
        if not _is_searchable(fixed):
            continue
        weight = ORIGINAL_WEIGHT if fixed == word else CORRECTION_WEIGHT
        if index in explained:
            weight *= EXPLAINED_WEIGHT
        if fixed not in slots or slots[fixed].weight < weight:
            slots[fixed] = Slot(fixed, weight, ((stem(fixed), 1.0),))
    return list(slots.values())


def _pair_slots(corrected: Sequence[str]) -> list[Slot]:
    """Adjacent content words as phrases, rewarding services that use the same wording."""
    content = [word for word in corrected if is_content(word)]
    pairs: dict[str, Slot] = {}
    for first, second in itertools.pairwise(content):
        if first in lexicon.QUERY_NOISE and second in lexicon.QUERY_NOISE:
            continue
        key = f"{stem(first)} {stem(second)}"
        pairs.setdefault(key, Slot(f"{first} {second}", BIGRAM_WEIGHT, ((key, 1.0),)))
    return list(pairs.values())


def _is_searchable(word: str) -> bool:
    """Words searched on their own: not grammar, not filler, not a bare age or count."""
    if not is_content(word) or word in lexicon.QUERY_NOISE:
        return False
    return not (word.isdigit() and len(word) < 3)


def _concept_slots(concept: lexicon.Concept, evidence: int) -> list[Slot]:
    """A concept's core synonyms as one slot and related services as a weaker one.

    Each further phrase that triggered the concept adds weight: "angry", "snapping" and "lose
    it" together say more about anger than one word does.
    """
    strength = lexicon.CONCEPT_WEIGHTS.get(concept.name, 1.0) * min(1 + 0.25 * (evidence - 1), 1.5)
    slots = []
    for phrases, weight in ((concept.core, CORE_WEIGHT), (concept.related, RELATED_WEIGHT)):
        alternatives = _alternatives(tuple(phrases))
        if alternatives:
            slots.append(Slot(phrases[0], weight * strength, alternatives))
    return slots


@lru_cache(maxsize=4096)
def _alternatives(phrases: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """Index keys of a concept's phrases (cached: the lexicon's phrases repeat every query)."""
    keys = ((phrase_key(content_stems(text)), 1.0) for text in phrases)
    return tuple(alt for alt in keys if alt[0])


_AGE_WORDS = frozenset({"year", "years", "yr", "yrs", "old", "aged", "age"})


def _mentioned_ages(words: Sequence[str]) -> list[int]:
    """Ages written in the query: "15 year old", "i am 14", "aged 16", "15yo"."""
    ages = []
    for index, word in enumerate(words):
        digits = re.fullmatch(r"(\d{1,3})(?:yo|yrs?|years?|yearold)?", word)
        if not digits:
            continue
        near = set(words[max(index - 2, 0) : index]) | set(words[index + 1 : index + 2])
        if word != digits.group(1) or near & (_AGE_WORDS | {"am"}):
            ages.append(int(digits.group(1)))
    return ages


def _outermost(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Drop one-word matches inside a longer phrase of another concept.

    "dying" means bereavement, but not inside "I think I'm dying" (panic); "attacks" is not
    an assault inside "panic attacks".
    """
    spans = [(start, end, concept) for concept, start, end in matches if end - start > 1]
    return [
        (concept, start, end)
        for concept, start, end in matches
        if end - start > 1 or not any(s <= start and end <= e and c != concept for s, e, c in spans)
    ]


def _concept_evidence(
    matches: Sequence[tuple[int, int, int]], words: Sequence[str]
) -> dict[int, int]:
    """Concept position -> how many places in the query triggered it (ages count too)."""
    starts: dict[int, set[int]] = defaultdict(set)
    for concept, start, _end in matches:
        starts[concept].add(start)
    evidence = {concept: len(found) for concept, found in starts.items()}
    for age in _mentioned_ages(words):
        name = "young_people" if age < 18 else "older" if age >= 65 else ""
        if name:
            position = _CONCEPT_POSITIONS[name]
            evidence[position] = evidence.get(position, 0) + 1
    return evidence


_CONCEPT_POSITIONS = {concept.name: i for i, concept in enumerate(lexicon.CONCEPTS)}


def audiences_of(document: SearchDocument) -> frozenset[str]:
    """Groups a service is for, read from its name and taxonomy terms."""
    texts = (document.name, document.alternate_name, *document.terms)
    return frozenset().union(*(_audiences_in(text) for text in texts))


@lru_cache(maxsize=20_000)
def _audiences_in(text: str) -> frozenset[str]:
    """Audience concepts named in one short label (cached: terms repeat across services)."""
    stems = [stem(word) for word in text_words(text)]
    found = {lexicon.CONCEPTS[c].name for c, _start, _end in concept_matcher().find(stems)}
    return frozenset(found & lexicon.AUDIENCES)
