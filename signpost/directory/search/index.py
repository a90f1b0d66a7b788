"""The BM25F index: weighted, length-normalised term frequencies over service fields.

Keys are content-word stems, adjacent stem pairs ("low mood") and, for lexicon expansions of
three or more words, whole phrases. The index also knows every word it has seen, so it can
correct misspelt query words against real service text.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from . import lexicon
from .documents import SearchDocument
from .phrases import lexicon_pairs, lexicon_words
from .spelling import SpellingIndex
from .text import analyse, canonical_words, content_stems, phrase_key, stem

K1 = 1.2
# field -> (weight, length normalisation b). Name matters most; how-to-apply text least.
FIELDS: dict[str, tuple[float, float]] = {
    "name": (3.0, 0.4),
    "alternate_name": (2.0, 0.4),
    "terms": (2.0, 0.3),
    "description": (1.0, 0.75),
    "organisation_name": (1.0, 0.5),
    "eligibility": (0.8, 0.6),
    "application_process": (0.4, 0.6),
    "service_area_names": (0.5, 0.5),
}


def _field_texts(document: SearchDocument) -> dict[str, list[str]]:
    """Each field as separate texts, so bigrams never run across two terms or areas."""
    return {
        "name": [document.name],
        "alternate_name": [document.alternate_name],
        "terms": list(document.terms),
        "description": [document.description],
        "organisation_name": [document.organisation_name],
        "eligibility": [document.eligibility],
        "application_process": [document.application_process],
        "service_area_names": list(document.service_area_names),
    }


# Short fields index every adjacent word pair; long ones only pairs the lexicon knows
# ("low mood", "eating disorder"), which keeps building fast on thousands of services.
PAIRED_FIELDS = frozenset({"name", "alternate_name", "terms"})
LEXICON_PAIRED_FIELDS = frozenset({"description", "eligibility"})


def _field_keys(field: str, texts: Sequence[str], vocabulary: set[str]) -> tuple[list[str], int]:
    """Index keys of one field and its length in content words; collects words for spelling."""
    keys: list[str] = []
    length = 0
    for text in texts:
        if text:
            analysed = analyse(text)
            vocabulary.update(analysed.words)
            keys.extend(analysed.stems)
            if field in PAIRED_FIELDS:
                keys.extend(f"{a} {b}" for a, b in itertools.pairwise(analysed.stems))
            elif field in LEXICON_PAIRED_FIELDS:
                known = lexicon_pairs()
                pairs = itertools.pairwise(analysed.stems)
                keys.extend(f"{a} {b}" for a, b in pairs if (a, b) in known)
            length += len(analysed.stems)
    return keys, length


def _add_frequencies(
    frequencies: dict[str, dict[int, float]],
    position: int,
    keys: Sequence[str],
    field: str,
    relative_length: float,
) -> None:
    """BM25F: add a field's weighted, length-normalised term frequencies for one document."""
    weight, b = FIELDS[field]
    factor = weight / (1 - b + b * relative_length)
    for key in keys:
        bucket = frequencies[key]
        bucket[position] = bucket.get(position, 0.0) + factor


class Index:
    """Term frequencies and BM25 postings for a fixed set of documents, with their spelling."""

    def __init__(self, documents: tuple[SearchDocument, ...]) -> None:
        self.documents = documents
        vocabulary: set[str] = set(lexicon_words())
        self._frequencies = self._build_frequencies(vocabulary)
        self._scored: dict[str, dict[int, float]] = {}
        self._phrases = self._build_phrase_postings()
        self._spelling = SpellingIndex(
            {word: len(self._frequencies.get(stem(word), ())) + 1 for word in vocabulary}
        )

    def _build_frequencies(self, vocabulary: set[str]) -> dict[str, dict[int, float]]:
        """Index key -> document -> BM25F pseudo term frequency, over all weighted fields."""
        analysed = [
            [(field, *_field_keys(field, texts, vocabulary)) for field, texts in fields.items()]
            for fields in map(_field_texts, self.documents)
        ]
        totals: Counter[str] = Counter()
        for fields in analysed:
            totals.update({field: length for field, _keys, length in fields})
        count = max(len(self.documents), 1)
        averages = {field: max(totals[field] / count, 1.0) for field in FIELDS}
        frequencies: dict[str, dict[int, float]] = defaultdict(dict)
        for position, fields in enumerate(analysed):
            for field, keys, length in fields:
                if keys:
                    _add_frequencies(frequencies, position, keys, field, length / averages[field])
        return dict(frequencies)

    def _postings(self, key: str) -> dict[int, float]:
        """Document -> BM25 score for one index key (saturated tf times idf), computed once."""
        scored = self._scored.get(key)
        if scored is None:
            raw = self._frequencies.get(key)
            if raw is None:
                return {}
            count = len(self.documents)
            idf = math.log(1 + (count - len(raw) + 0.5) / (len(raw) + 0.5))
            scored = {p: idf * tf / (K1 + tf) for p, tf in raw.items()}
            self._scored[key] = scored  # benign race: every thread computes the same dict
        return scored

    def _build_phrase_postings(self) -> dict[str, dict[int, float]]:
        """Postings for every lexicon expansion of three or more content words."""
        phrases: dict[str, dict[int, float]] = {}
        for concept in lexicon.CONCEPTS:
            for text in concept.core + concept.related:
                stems = content_stems(text)
                if len(stems) >= 3:
                    phrases[phrase_key(stems)] = self._chain_postings(stems)
        return phrases

    def _chain_postings(self, stems: Sequence[str]) -> dict[int, float]:
        """Documents holding every consecutive pair of the phrase, scored by the mean pair."""
        pairs = [self._postings(f"{a} {b}") for a, b in itertools.pairwise(stems)]
        shared = set(pairs[0]).intersection(*pairs[1:])
        return {p: sum(pair[p] for pair in pairs) / len(pairs) for p in shared}

    def lookup(self, key: str) -> dict[int, float]:
        """Postings of a unigram, bigram or long lexicon phrase."""
        if key in self._phrases:
            return self._phrases[key]
        return self._postings(key)

    def corrected(self, word: str) -> str:
        """The word itself if known, else its closest known spelling (or itself)."""
        if self._spelling.knows(word) or stem(word) in self._frequencies:
            return word
        correction = self._spelling.correct(word)
        return canonical_words([correction])[0] if correction else word
