"""Finding lexicon phrases in word sequences, and what the lexicon knows as words and pairs."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from . import lexicon
from .text import content_stems, stem, text_words


class PhraseMatcher:
    """Finds lexicon phrases in a word sequence, allowing one stray word inside long phrases."""

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], int]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        for words, label in phrases:
            if words:
                self._by_first[words[0]].append((words, label))

    def find(self, words: Sequence[str]) -> Iterator[tuple[int, int, int]]:
        """Yield (label, start, end) for every phrase found, in order of position."""
        for start, word in enumerate(words):
            for phrase, label in self._by_first.get(word, ()):
                end = _match_end(words, start, phrase)
                if end:
                    yield label, start, end

    def found_in(self, words: Sequence[str]) -> bool:
        """True if any phrase occurs in the words."""
        return next(self.find(words), None) is not None


def _match_end(words: Sequence[str], start: int, phrase: tuple[str, ...]) -> int:
    """End of ``phrase`` matched from ``start`` (0 if absent); 3+ word phrases may skip a word."""
    gaps_left = 1 if len(phrase) >= 3 else 0
    position = start + 1
    for expected in phrase[1:]:
        if position < len(words) and words[position] == expected:
            position += 1
        elif gaps_left and position + 1 < len(words) and words[position + 1] == expected:
            gaps_left -= 1
            position += 2
        else:
            return 0
    return position


def stemmed_phrase(text: str) -> tuple[str, ...]:
    """A lexicon phrase as canonical stems (stopwords kept: triggers are about wording)."""
    return tuple(stem(word) for word in text_words(text))


def plain_phrase(text: str) -> tuple[str, ...]:
    """A lexicon phrase as canonical, unstemmed words."""
    return tuple(text_words(text))


def concept_matcher() -> PhraseMatcher:
    """Trigger phrases of every concept (staff phrases included), labelled by position."""
    return _concept_matcher(lexicon.generation())


@lru_cache(maxsize=2)
def _concept_matcher(_generation: int) -> PhraseMatcher:
    """Built once per lexicon generation."""
    return PhraseMatcher(
        (stemmed_phrase(text), position)
        for position, concept in enumerate(lexicon.CONCEPTS)
        for text in concept.triggers
    )


def plain_matcher(phrases: Iterable[str]) -> PhraseMatcher:
    """A matcher for phrases on canonical, unstemmed words."""
    return PhraseMatcher((plain_phrase(text), 0) for text in phrases)


def lexicon_pairs() -> frozenset[tuple[str, str]]:
    """Adjacent content-stem pairs of every lexicon phrase: the pairs long fields index."""
    return _lexicon_pairs(lexicon.generation())


@lru_cache(maxsize=2)
def _lexicon_pairs(_generation: int) -> frozenset[tuple[str, str]]:
    texts: list[str] = []
    for concept in lexicon.CONCEPTS:
        texts.extend(concept.triggers + concept.core + concept.related)
    return frozenset(pair for text in texts for pair in itertools.pairwise(content_stems(text)))


def lexicon_words() -> frozenset[str]:
    """Every canonical word the lexicon knows; a query word found here is not a typo."""
    return _lexicon_words(lexicon.generation())


@lru_cache(maxsize=2)
def _lexicon_words(_generation: int) -> frozenset[str]:
    texts: list[str] = [*lexicon.CRISIS_PHRASES, *lexicon.CRISIS_WORDS, *lexicon.CRISIS_LOOKALIKES]
    for concept in lexicon.CONCEPTS:
        texts.extend(concept.triggers + concept.core + concept.related)
    return frozenset(word for text in texts for word in plain_phrase(text))
