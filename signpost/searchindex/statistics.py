"""Whole-directory statistics and spelling, cached per process and refreshed cheaply.

A process keeps the stems' document counts and the known words (for spelling) in memory.
On every search it reads the one statistics row; when its version has moved it fetches
only the keys and words stamped with a newer version, so an edit costs each process a small
refresh, never a rebuild. Counts of pair keys are fetched per search, for the query's keys.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping

from signpost.directory.search.index import FIELDS, corrected
from signpost.directory.search.phrases import lexicon_words
from signpost.directory.search.spelling import SpellingIndex
from signpost.directory.search.text import stem

from .models import SearchKey, SearchStats, SearchWord


class DirectoryStatistics:
    """The `Statistics` an index over candidates scores with (see directory.search.index)."""

    def __init__(self, speller: Speller, stats: SearchStats, frequencies: dict[str, int]) -> None:
        self._speller = speller
        self.documents = stats.documents
        count = max(stats.documents, 1)
        self._averages = {f: max(stats.lengths.get(f, 0) / count, 1.0) for f in FIELDS}
        self._frequencies = frequencies

    def average_length(self, field: str) -> float:
        return self._averages[field]

    def frequency(self, key: str) -> int:
        if key in self._frequencies:
            return self._frequencies[key]
        return self._speller.stems.get(key, 0)

    def corrected(self, word: str) -> str:
        return self._speller.corrected(word)

    def with_frequencies(self, keys: Iterable[str]) -> DirectoryStatistics:
        """These statistics, knowing the document counts of the given keys (one query)."""
        wanted = [k for k in set(keys) if " " in k]
        found = dict(SearchKey.objects.filter(key__in=wanted).values_list("key", "documents"))
        copy = object.__new__(DirectoryStatistics)
        copy._speller, copy.documents = self._speller, self.documents
        copy._averages = self._averages
        copy._frequencies = {**self._frequencies, **found}
        return copy


class _WordFrequencies(Mapping[str, int]):
    """Known word -> entries holding its stem, plus one (as a whole-directory index counts)."""

    def __init__(self, speller: Speller) -> None:
        self._speller = speller

    def __getitem__(self, word: str) -> int:
        if word not in self:
            raise KeyError(word)
        return self._speller.stems.get(stem(word), 0) + 1

    def __contains__(self, word: object) -> bool:
        return word in self._speller.words or word in self._speller.lexicon

    def __iter__(self) -> Iterator[str]:
        return iter(self._speller.words | self._speller.lexicon)

    def __len__(self) -> int:
        return len(self._speller.words | self._speller.lexicon)


class Speller:
    """Known words and stem counts of the whole directory, plus the lexicon's words."""

    def __init__(self) -> None:
        self.stems: dict[str, int] = {}
        self.words: set[str] = set()
        self.lexicon = lexicon_words()
        self._spelling = SpellingIndex(_WordFrequencies(self))

    def update(self, stems: Iterable[tuple[str, int]], words: Iterable[tuple[str, int]]) -> None:
        """Take in changed stem counts and words (a count of 0 means gone)."""
        for key, documents in stems:
            if documents:
                self.stems[key] = documents
            else:
                self.stems.pop(key, None)
        added = []
        for word, documents in words:
            if not documents:
                self.words.discard(word)
            elif word not in self.words:
                self.words.add(word)
                added.append(word)
        self._spelling.add(w for w in added if w not in self.lexicon)

    def corrected(self, word: str) -> str:
        return corrected(word, self._spelling, self.stems)


class _Cache:
    """This process's view: which generation and version it has, and the speller."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.generation = ""
        self.version = -1
        self.speller = Speller()


_cache = _Cache()


def current() -> DirectoryStatistics:
    """Statistics as of now; refreshes this process's copy if another wrote since."""
    stats = SearchStats.objects.filter(pk=1).first() or SearchStats(pk=1)
    with _cache.lock:
        if stats.generation != _cache.generation:
            _cache.generation, _cache.version, _cache.speller = stats.generation, -1, Speller()
        if stats.version != _cache.version:
            since = _cache.version
            stems = SearchKey.objects.filter(single=True, version__gt=since)
            words = SearchWord.objects.filter(version__gt=since)
            _cache.speller.update(
                stems.values_list("key", "documents"), words.values_list("word", "documents")
            )
            _cache.version = stats.version
        speller = _cache.speller
    return DirectoryStatistics(speller, stats, {})


def forget() -> None:
    """Drop this process's cache (tests use it to act as a freshly started process)."""
    global _cache
    _cache = _Cache()
