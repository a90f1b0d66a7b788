"""Spelling tolerance: correcting unknown words to the likeliest known word."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .phrases import lexicon_words


def _deletions(word: str) -> set[str]:
    """The word with any one character removed."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours counts 1), stopping past limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


MAX_CORRECTED_LENGTH = 30  # longer "words" are pasted junk, not typos


def _allowed_typos(word: str) -> int:
    """How many slips to forgive: none in short words, where a slip makes another word."""
    if len(word) >= 8:
        return 2
    return 1 if len(word) >= 5 else 0


class SpellingIndex:
    """Corrects unknown words to the likeliest known word (symmetric-deletion lookup)."""

    def __init__(self, frequencies: Mapping[str, int]) -> None:
        # A live mapping may be given: words it stops holding are no longer offered.
        self._frequencies = frequencies
        self._by_key: dict[str, list[str]] = defaultdict(list)
        self.add(frequencies)

    def add(self, words: Iterable[str]) -> None:
        """Make new words (already in the frequencies mapping) available as corrections."""
        for word in words:
            if len(word) >= 4 and word.isalpha():
                for key in _deletions(word) | {word}:
                    self._by_key[key].append(word)

    def knows(self, word: str) -> bool:
        """True if the word occurs in a service or in the lexicon."""
        return word in self._frequencies

    def correct(self, word: str) -> str | None:
        """The closest known word within the allowed slips, most frequent first, else None."""
        limit = _allowed_typos(word)
        if not limit or not word.isalpha() or len(word) > MAX_CORRECTED_LENGTH:
            return None
        candidates = {w for key in _deletions(word) | {word} for w in self._by_key.get(key, ())}
        candidates.intersection_update(self._frequencies)
        scored = [(edit_distance(word, c, limit), -self._frequencies[c], c) for c in candidates]
        scored = [entry for entry in scored if entry[0] <= limit]
        return min(scored)[2] if scored else None


@lru_cache(maxsize=1)
def lexicon_spelling() -> SpellingIndex:
    """Spelling correction against the lexicon alone, for crisis checks without an index."""
    return SpellingIndex(dict.fromkeys(lexicon_words(), 1))
