"""The BM25F index: weighted, length-normalised term frequencies over service fields.

Keys are content-word stems, adjacent stem pairs ("low mood") and, for lexicon expansions of
three or more words, whole phrases. An index over the whole directory computes its own
statistics (document count, how many documents hold each key, average field lengths) and
spelling; an index over a few hundred candidates takes them from the whole directory
(`Statistics`, kept by the search index app), so its scores equal a whole-directory index's.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Protocol

from . import lexicon
from .documents import FieldKeys, SearchDocument
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


def document_keys(document: SearchDocument) -> tuple[FieldKeys, tuple[str, ...]]:
    """Every field's index keys and length, and the document's canonical words."""
    words: set[str] = set()
    fields = []
    for field, texts in _field_texts(document).items():
        keys, length = _field_keys(field, texts, words)
        fields.append((field, tuple(keys), length))
    return tuple(fields), tuple(sorted(words))


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


class Statistics(Protocol):
    """Whole-directory figures an index over some of its documents scores with."""

    @property
    def documents(self) -> int: ...

    def average_length(self, field: str) -> float: ...

    def frequency(self, key: str) -> int:
        """How many documents hold this index key."""
        ...

    def corrected(self, word: str) -> str:
        """The word if the directory or lexicon knows it, else its likeliest spelling."""
        ...


class _OwnStatistics:
    """Statistics of exactly the indexed documents (an index over the whole directory)."""

    def __init__(self, fields: Sequence[FieldKeys], words: set[str]) -> None:
        totals: Counter[str] = Counter()
        frequencies: Counter[str] = Counter()
        for document in fields:
            totals.update({field: length for field, _keys, length in document})
            frequencies.update({key for _field, keys, _length in document for key in keys})
        self.documents = len(fields)
        count = max(self.documents, 1)
        self._averages = {field: max(totals[field] / count, 1.0) for field in FIELDS}
        self._frequencies = dict(frequencies)
        vocabulary = words | lexicon_words()
        self._spelling = SpellingIndex(
            {word: self._frequencies.get(stem(word), 0) + 1 for word in vocabulary}
        )

    def average_length(self, field: str) -> float:
        return self._averages[field]

    def frequency(self, key: str) -> int:
        return self._frequencies.get(key, 0)

    def corrected(self, word: str) -> str:
        return corrected(word, self._spelling, self._frequencies)


def corrected(word: str, spelling: SpellingIndex, stems: dict[str, int]) -> str:
    """The word itself if known, else its closest known spelling (or itself)."""
    if spelling.knows(word) or stems.get(stem(word)):
        return word
    correction = spelling.correct(word)
    return canonical_words([correction])[0] if correction else word


class Index:
    """Term frequencies and BM25 postings for a fixed set of documents."""

    def __init__(
        self,
        documents: tuple[SearchDocument, ...],
        *,
        fields: Sequence[FieldKeys] | None = None,
        statistics: Statistics | None = None,
    ) -> None:
        self.documents = documents
        if fields is None:
            analysed = [document_keys(d) for d in documents]
            fields = [keys for keys, _words in analysed]
            if statistics is None:
                words = {w for _keys, document_words in analysed for w in document_words}
                statistics = _OwnStatistics(fields, words)
        self.statistics: Statistics = statistics or _OwnStatistics(fields, set())
        self._frequencies = self._build_frequencies(fields)
        self._scored: dict[str, dict[int, float]] = {}
        self._phrases: dict[str, dict[int, float]] = {}

    def _build_frequencies(self, fields: Sequence[FieldKeys]) -> dict[str, dict[int, float]]:
        """Index key -> document -> BM25F pseudo term frequency, over all weighted fields."""
        averages = {field: self.statistics.average_length(field) for field in FIELDS}
        frequencies: dict[str, dict[int, float]] = defaultdict(dict)
        for position, document in enumerate(fields):
            for field, keys, length in document:
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
            count = max(self.statistics.documents, len(self.documents))
            holding = max(self.statistics.frequency(key), len(raw))
            idf = math.log(1 + (count - holding + 0.5) / (holding + 0.5))
            scored = {p: idf * tf / (K1 + tf) for p, tf in raw.items()}
            self._scored[key] = scored  # benign race: every thread computes the same dict
        return scored

    def _chain_postings(self, stems: Sequence[str]) -> dict[int, float]:
        """Documents holding every consecutive pair of the phrase, scored by the mean pair."""
        pairs = [self._postings(f"{a} {b}") for a, b in itertools.pairwise(stems)]
        shared = set(pairs[0]).intersection(*pairs[1:])
        return {p: sum(pair[p] for pair in pairs) / len(pairs) for p in shared}

    def lookup(self, key: str) -> dict[int, float]:
        """Postings of a unigram, bigram or long lexicon phrase."""
        stems = long_phrases().get(key)
        if stems is None:
            return self._postings(key)
        found = self._phrases.get(key)
        if found is None:
            found = self._phrases[key] = self._chain_postings(stems)
        return found

    def corrected(self, word: str) -> str:
        """The word itself if known, else its closest known spelling (or itself)."""
        return self.statistics.corrected(word)


_LONG_PHRASES: dict[str, tuple[str, ...]] = {}


def long_phrases() -> dict[str, tuple[str, ...]]:
    """Key -> stems of every lexicon expansion of three or more content words."""
    if not _LONG_PHRASES:
        for concept in lexicon.CONCEPTS:
            for text in concept.core + concept.related:
                stems = content_stems(text)
                if len(stems) >= 3:
                    _LONG_PHRASES[phrase_key(stems)] = tuple(stems)
    return _LONG_PHRASES


def lookup_keys(key: str) -> tuple[str, ...]:
    """The keys a full-text index holds for a ranker key: a long phrase's pairs, else itself."""
    stems = long_phrases().get(key)
    if stems is None:
        return (key,)
    return tuple(f"{a} {b}" for a, b in itertools.pairwise(stems))
