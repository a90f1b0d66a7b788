"""Rank directory services for a free-text query, without Django.

A BM25F-style scorer over weighted service fields. Queries are expanded with the lay and
clinical vocabulary in ``lexicon`` (so "can't be bothered with anything" finds low-mood
services), unknown words are corrected against the index vocabulary (so "anxeity" finds
anxiety services), and crisis queries put round-the-clock crisis lines first.
"""

from __future__ import annotations

import gc
import heapq
import itertools
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon

__all__ = ["Ranker", "ScoredResult", "SearchDocument", "is_crisis_query", "normalise"]


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """What the ranker knows about one service; built by the caller from the database."""

    id: str
    name: str
    description: str
    alternate_name: str = ""
    organisation_name: str = ""
    eligibility: str = ""
    application_process: str = ""
    terms: tuple[str, ...] = ()
    service_area_names: tuple[str, ...] = ()
    available_24_7: bool = False
    is_national: bool = False


@dataclass(frozen=True, slots=True)
class ScoredResult:
    """One ranked service, with the query words or expansions that matched it."""

    id: str
    score: float
    matched_terms: tuple[str, ...]


# ---------------------------------------------------------------------------------------------
# Text analysis
# ---------------------------------------------------------------------------------------------

MAX_QUERY_WORDS = 64  # beyond this a "query" is pasted text; the head carries the need
_TOKEN_RE = re.compile(r"[^\W_]+")
_APOSTROPHES_RE = re.compile("['\u2018\u2019\u02bc\u0060\u00b4]")
_NON_ASCII_RUN_RE = re.compile(r"[^\x00-\x7f]+")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # not tab, newlines or form feed
_DROPPED_CATEGORIES = frozenset({"Mn", "Me", "Cc", "Cf", "Cs", "Co", "Cn"})
_REWRITES: dict[str, tuple[str, ...]] = {
    word: tuple(replacement.split())
    for word, replacement in {**lexicon.SPELLING_VARIANTS, **lexicon.CONTRACTIONS}.items()
}


def _fold_run(match: re.Match[str]) -> str:
    """Decompose a run of non-ASCII text and drop accents, controls and direction marks."""
    decomposed = unicodedata.normalize("NFKD", match.group())
    return "".join(ch for ch in decomposed if unicodedata.category(ch) not in _DROPPED_CATEGORIES)


def normalise(text: str) -> list[str]:
    """Split text into casefolded, accent-free word tokens; punctuation, symbols and emoji go."""
    if not text:
        return []
    if not text.isprintable():
        text = _CONTROL_RE.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).casefold()
        text = _NON_ASCII_RUN_RE.sub(_fold_run, text)
    else:
        text = text.casefold()
    return _TOKEN_RE.findall(_APOSTROPHES_RE.sub("", text))


_CONTRACTION_HINT_RE = re.compile(r"['\u2019](?:ll|d)\b", re.IGNORECASE)
_PRONOUN_CONTRACTION_RE = re.compile(
    r"\b(i|you|we|they|he|she|it|that|there|who)['\u2019](ll|d)\b", re.IGNORECASE
)


def _words(text: str) -> list[str]:
    """Canonical words of any text; "I'll" and "we'd" are expanded before apostrophes go."""
    if _CONTRACTION_HINT_RE.search(text):
        text = _PRONOUN_CONTRACTION_RE.sub(
            lambda m: f"{m.group(1)} {'will' if m.group(2).lower() == 'll' else 'would'}", text
        )
    return _canonical_words(normalise(text))


_MERGE_FIRSTS = frozenset(first for first, _second in lexicon.MERGES)


def _canonical_words(tokens: Sequence[str]) -> list[str]:
    """Expand contractions, fix known misspellings and join split compounds."""
    words = list(tokens)
    if not _REWRITES.keys().isdisjoint(words):
        words = [word for token in words for word in _REWRITES.get(token, (token,))]
    if _MERGE_FIRSTS.isdisjoint(words):
        return words
    merged: list[str] = []
    for word in words:
        joined = lexicon.MERGES.get((merged[-1], word)) if merged else None
        if joined:
            merged[-1] = joined
        else:
            merged.append(word)
    return merged


_STEP1 = (
    ("sses", "ss", 2),
    ("ies", "y", 3),
    ("ss", "ss", 2),
    ("us", "us", 2),
    ("is", "is", 2),
    ("s", "", 3),
)
_MIN_STEM = 4
# (suffix, replacement, shortest stem left): "ion" and "al" need five letters left so that
# "mental" and "mention" stay apart.
_STEP2 = (
    ("ied", "y", _MIN_STEM),
    ("ment", "", _MIN_STEM),
    ("ness", "", _MIN_STEM),
    ("ing", "", _MIN_STEM),
    ("ion", "", 5),
    ("ive", "", _MIN_STEM),
    ("ed", "", _MIN_STEM),
    ("al", "", 5),
)
_VOWELS = frozenset("aeiouy")


def _strip_suffix(word: str, rules: Sequence[tuple[str, str, int]]) -> str:
    """Apply the first matching suffix rule whose remaining stem is long enough and voiced."""
    for suffix, replacement, min_stem in rules:
        if word.endswith(suffix):
            base = word[: len(word) - len(suffix)]
            if len(base) >= min_stem and _VOWELS.intersection(base):
                return base + replacement
            return word
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Reduce a word to a light stem so plurals and common endings meet ("worries" ~ "worry")."""
    if word in lexicon.STEM_EXCEPTIONS:
        return lexicon.STEM_EXCEPTIONS[word]
    word = lexicon.WORD_FAMILIES.get(word, word)
    if len(word) <= 3 or not word.isalpha() or not word.isascii():
        return word
    word = _strip_suffix(word, _STEP1)
    for _ in range(2):
        shorter = _strip_suffix(word, _STEP2)
        if shorter == word:
            break
        word = shorter
    if word.endswith("e") and not word.endswith("ee") and len(word) > _MIN_STEM:
        word = word[:-1]
    if len(word) > _MIN_STEM and word[-1] == word[-2] and word[-1] not in "lsz" + "aeiou":
        word = word[:-1]
    return word


def _is_content(word: str) -> bool:
    """A word worth indexing: not a grammar word."""
    return word not in lexicon.STOPWORDS


def _content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text``, in order (the unit both index and queries use)."""
    return [stem(word) for word in _words(text) if _is_content(word)]


def _phrase_key(stems: Sequence[str]) -> str:
    """The index key of a run of stems: a unigram, or a space-joined bigram."""
    return " ".join(stems)


# ---------------------------------------------------------------------------------------------
# Phrase matching (lexicon triggers, crisis wording)
# ---------------------------------------------------------------------------------------------


class _PhraseMatcher:
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


def _stemmed_phrase(text: str) -> tuple[str, ...]:
    """A lexicon phrase as canonical stems (stopwords kept: triggers are about wording)."""
    return tuple(stem(word) for word in _words(text))


def _plain_phrase(text: str) -> tuple[str, ...]:
    """A lexicon phrase as canonical, unstemmed words."""
    return tuple(_words(text))


@lru_cache(maxsize=1)
def _concept_matcher() -> _PhraseMatcher:
    """Trigger phrases of every concept, labelled by concept position."""
    return _PhraseMatcher(
        (_stemmed_phrase(text), position)
        for position, concept in enumerate(lexicon.CONCEPTS)
        for text in concept.triggers
    )


def _plain_matcher(phrases: Iterable[str]) -> _PhraseMatcher:
    """A matcher for phrases on canonical, unstemmed words."""
    return _PhraseMatcher((_plain_phrase(text), 0) for text in phrases)


@lru_cache(maxsize=1)
def _crisis_matchers() -> dict[str, _PhraseMatcher]:
    """Matchers for crisis wording, for distress and urgency, and for topic contexts."""
    return {
        "crisis": _plain_matcher(lexicon.CRISIS_PHRASES),
        "distress": _plain_matcher(lexicon.CRISIS_DISTRESS_PHRASES),
        "urgency": _plain_matcher(lexicon.CRISIS_URGENCY_PHRASES),
        "exceptions": _plain_matcher(lexicon.CRISIS_CONTEXT_EXCEPTIONS),
    }


@lru_cache(maxsize=1)
def _lexicon_pairs() -> frozenset[tuple[str, str]]:
    """Adjacent content-stem pairs of every lexicon phrase: the pairs long fields index."""
    texts: list[str] = []
    for concept in lexicon.CONCEPTS:
        texts.extend(concept.triggers + concept.core + concept.related)
    return frozenset(pair for text in texts for pair in itertools.pairwise(_content_stems(text)))


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """Every canonical word the lexicon knows; a query word found here is not a typo."""
    texts: list[str] = list(lexicon.CRISIS_PHRASES) + list(lexicon.CRISIS_WORDS)
    for concept in lexicon.CONCEPTS:
        texts.extend(concept.triggers + concept.core + concept.related)
    return frozenset(word for text in texts for word in _plain_phrase(text))


# ---------------------------------------------------------------------------------------------
# Spelling tolerance
# ---------------------------------------------------------------------------------------------


def _deletions(word: str) -> set[str]:
    """The word with any one character removed."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _edit_distance(a: str, b: str, limit: int) -> int:
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


class _SpellingIndex:
    """Corrects unknown words to the likeliest known word (symmetric-deletion lookup)."""

    def __init__(self, frequencies: dict[str, int]) -> None:
        self._frequencies = frequencies
        self._by_key: dict[str, list[str]] = defaultdict(list)
        for word in frequencies:
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
        scored = [(_edit_distance(word, c, limit), -self._frequencies[c], c) for c in candidates]
        scored = [entry for entry in scored if entry[0] <= limit]
        return min(scored)[2] if scored else None


# ---------------------------------------------------------------------------------------------
# Crisis detection
# ---------------------------------------------------------------------------------------------


def _query_words(query: str) -> list[str]:
    """Canonical words of a query, capped so pasted essays cost no more than a paragraph."""
    return _words(query[: MAX_QUERY_WORDS * 20])[:MAX_QUERY_WORDS]


def _looks_like_crisis_word(word: str) -> bool:
    """A risk word, allowing one slip in longer words ("sucidal", "overdoes")."""
    if word in lexicon.CRISIS_WORDS:
        return True
    if len(word) < 6 or not word.isalpha():
        return False
    return any(
        _edit_distance(word, risk, 1) <= 1 for risk in lexicon.CRISIS_WORDS if len(risk) >= 6
    )


def _is_crisis(words: Sequence[str]) -> bool:
    """Crisis wording present, and single risk words not used as a bereavement or topic."""
    matchers = _crisis_matchers()
    if matchers["crisis"].found_in(words):
        return True
    if matchers["distress"].found_in(words) and matchers["urgency"].found_in(words):
        return True
    if matchers["exceptions"].found_in(words):
        return False
    return any(_looks_like_crisis_word(word) for word in words)


def is_crisis_query(query: str) -> bool:
    """True if the wording suggests someone may be at immediate risk (lay wording and typos)."""
    words = _query_words(query)
    if _is_crisis(words):
        return True
    speller = _lexicon_spelling()
    corrected = [w if speller.knows(w) else speller.correct(w) or w for w in words]
    return corrected != words and _is_crisis(corrected)


@lru_cache(maxsize=1)
def _lexicon_spelling() -> _SpellingIndex:
    """Spelling correction against the lexicon alone, for crisis checks without an index."""
    return _SpellingIndex(dict.fromkeys(_lexicon_words(), 1))


# ---------------------------------------------------------------------------------------------
# Index
# ---------------------------------------------------------------------------------------------

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


@dataclass(frozen=True, slots=True)
class _Analysed:
    """A text as the index sees it: its canonical words and the stems of its content words."""

    words: tuple[str, ...]
    stems: tuple[str, ...]


def _analyse(text: str) -> _Analysed:
    """Analysis of a text; short texts (names, terms, areas) repeat, so they are cached."""
    return _analyse_short(text) if len(text) <= 400 else _analyse_text(text)


def _analyse_text(text: str) -> _Analysed:
    """Uncached analysis of one text."""
    words = _words(text)
    stems = [stem(word) for word in words if word not in lexicon.STOPWORDS]
    return _Analysed(tuple(words), tuple(stems))


_analyse_short = lru_cache(maxsize=50_000)(_analyse_text)


def _field_keys(field: str, texts: Sequence[str], vocabulary: set[str]) -> tuple[list[str], int]:
    """Index keys of one field and its length in content words; collects words for spelling."""
    keys: list[str] = []
    length = 0
    for text in texts:
        if text:
            analysed = _analyse(text)
            vocabulary.update(analysed.words)
            keys.extend(analysed.stems)
            if field in PAIRED_FIELDS:
                keys.extend(f"{a} {b}" for a, b in itertools.pairwise(analysed.stems))
            elif field in LEXICON_PAIRED_FIELDS:
                known = _lexicon_pairs()
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


@dataclass(slots=True)
class _Slot:
    """One need in the query: alternatives for it are maxed, so synonyms do not pile up."""

    label: str
    weight: float
    alternatives: tuple[tuple[str, float], ...]  # (index key, weight)


@dataclass(slots=True)
class _Plan:
    """How one query is searched: weighted slots plus what it says about who and how urgent."""

    slots: list[_Slot]
    audiences: frozenset[str]  # groups the query names or implies
    crisis: bool


# Weights of the parts of a query. Tuned on the development set's shape, not its wording.
PIN_RELEVANCE_WEIGHT = 6.0
ORIGINAL_WEIGHT = 1.0
CORRECTION_WEIGHT = 0.85
EXPLAINED_WEIGHT = 0.4  # a word inside a recognised lay phrase: the phrase's concept speaks
BIGRAM_WEIGHT = 0.5
CORE_WEIGHT = 0.7
RELATED_WEIGHT = 0.3
SYNONYM_SPILL = 0.2  # share of a slot's weaker alternatives that still counts
AUDIENCE_PENALTY = 0.8  # per group a service is for that the query does not mention
AUDIENCE_FLOOR = 0.5


class Ranker:
    """Ranks services for free-text queries; build once per set of documents, then search."""

    def __init__(self, documents: Iterable[SearchDocument]) -> None:
        collecting = gc.isenabled()
        gc.disable()  # building makes ~10^6 small dicts; cyclic GC passes would double the time
        try:
            self._build(tuple(documents))
        finally:
            if collecting:
                gc.enable()

    def _build(self, documents: tuple[SearchDocument, ...]) -> None:
        """Index the documents: term frequencies, phrases, spelling, audiences, crisis lines."""
        self._documents = documents
        self._position: dict[str, int] = {d.id: i for i, d in enumerate(self._documents)}
        self._sort_names = tuple(d.name.casefold() for d in self._documents)
        vocabulary: set[str] = set(_lexicon_words())
        self._frequencies = self._build_frequencies(vocabulary)
        self._scored: dict[str, dict[int, float]] = {}
        self._phrases = self._build_phrase_postings()
        self._spelling = _SpellingIndex(
            {word: len(self._frequencies.get(stem(word), ())) + 1 for word in vocabulary}
        )
        self._audiences = tuple(_audiences_of(d) for d in self._documents)
        self._adjustable = frozenset(p for p, groups in enumerate(self._audiences) if groups)
        self._crisis_priors = {
            i: _crisis_prior(d) for i, d in enumerate(self._documents) if _is_crisis_service(d)
        }

    # -- building ---------------------------------------------------------------------------

    def _build_frequencies(self, vocabulary: set[str]) -> dict[str, dict[int, float]]:
        """Index key -> document -> BM25F pseudo term frequency, over all weighted fields."""
        analysed = [
            [(field, *_field_keys(field, texts, vocabulary)) for field, texts in fields.items()]
            for fields in map(_field_texts, self._documents)
        ]
        totals: Counter[str] = Counter()
        for fields in analysed:
            totals.update({field: length for field, _keys, length in fields})
        count = max(len(self._documents), 1)
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
            count = len(self._documents)
            idf = math.log(1 + (count - len(raw) + 0.5) / (len(raw) + 0.5))
            scored = {p: idf * tf / (K1 + tf) for p, tf in raw.items()}
            self._scored[key] = scored  # benign race: every thread computes the same dict
        return scored

    def _build_phrase_postings(self) -> dict[str, dict[int, float]]:
        """Postings for every lexicon expansion of three or more content words."""
        phrases: dict[str, dict[int, float]] = {}
        for concept in lexicon.CONCEPTS:
            for text in concept.core + concept.related:
                stems = _content_stems(text)
                if len(stems) >= 3:
                    phrases[_phrase_key(stems)] = self._chain_postings(stems)
        return phrases

    def _chain_postings(self, stems: Sequence[str]) -> dict[int, float]:
        """Documents holding every consecutive pair of the phrase, scored by the mean pair."""
        pairs = [self._postings(f"{a} {b}") for a, b in itertools.pairwise(stems)]
        shared = set(pairs[0]).intersection(*pairs[1:])
        return {p: sum(pair[p] for pair in pairs) / len(pairs) for p in shared}

    def _lookup(self, key: str) -> dict[int, float]:
        """Postings of a unigram, bigram or long lexicon phrase."""
        if key in self._phrases:
            return self._phrases[key]
        return self._postings(key)

    # -- searching --------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        allowed_ids: Collection[str] | None = None,
        limit: int | None = None,
    ) -> list[ScoredResult]:
        """Rank the allowed services for the query; a crisis query puts 24/7 crisis lines first."""
        words = _query_words(query)
        if not words:
            return []
        allowed = self._allowed_positions(allowed_ids)
        plan = self._plan(words)
        per_slot = [self._score_slot(slot) for slot in plan.slots]
        totals = self._totals(plan, per_slot, allowed)
        order = self._order(totals, allowed, plan, limit)
        return [
            ScoredResult(
                id=self._documents[p].id,
                score=round(totals.get(p, 0.0), 6),
                matched_terms=_matched_labels(p, plan.slots, per_slot),
            )
            for p in order
        ]

    def _allowed_positions(self, allowed_ids: Collection[str] | None) -> frozenset[int] | None:
        """Positions of the caller's candidate services; unknown ids are ignored."""
        if allowed_ids is None:
            return None
        return frozenset(self._position[i] for i in allowed_ids if i in self._position)

    def _score_slot(self, slot: _Slot) -> dict[int, float]:
        """Best alternative per document, plus a little of the others (read-only result)."""
        if len(slot.alternatives) == 1:
            key, weight = slot.alternatives[0]
            found = self._lookup(key)
            return found if weight == 1.0 else {p: v * weight for p, v in found.items()}
        best: dict[int, float] = {}
        spill: dict[int, float] = {}
        for key, weight in slot.alternatives:
            for position, value in self._lookup(key).items():
                value *= weight
                previous = best.get(position, 0.0)
                if value > previous:
                    best[position], value = value, previous
                spill[position] = spill.get(position, 0.0) + value
        return {p: v + SYNONYM_SPILL * spill[p] for p, v in best.items()}

    def _totals(
        self, plan: _Plan, per_slot: Sequence[dict[int, float]], allowed: frozenset[int] | None
    ) -> dict[int, float]:
        """Weighted sum of slot scores per allowed document, adjusted for audience and access."""
        totals: dict[int, float] = {}
        for slot, scores in zip(plan.slots, per_slot, strict=True):
            weight = slot.weight
            for position, value in scores.items():
                totals[position] = totals.get(position, 0.0) + weight * value
        if allowed is not None:
            totals = {p: v for p, v in totals.items() if p in allowed}
        for position in self._adjustable.intersection(totals):
            totals[position] *= self._fit(position, plan)
        return totals

    def _fit(self, position: int, plan: _Plan) -> float:
        """Down-weight services for groups the query does not mention: general ask, general help."""
        unasked = len(self._audiences[position] - plan.audiences)
        return max(AUDIENCE_PENALTY**unasked, AUDIENCE_FLOOR)

    def _order(
        self,
        totals: dict[int, float],
        allowed: frozenset[int] | None,
        plan: _Plan,
        limit: int | None,
    ) -> list[int]:
        """Matched services by score (ties by name, then id), crisis lines first when at risk."""
        pinned = self._pinned(totals, allowed, plan) if plan.crisis else []
        wanted = None if limit is None else max(limit, 0)
        matched = self._best(totals, wanted)
        if pinned:
            pinned_set = set(pinned)
            matched = pinned + [p for p in matched if p not in pinned_set]
        return matched if wanted is None else matched[:wanted]

    def _best(self, totals: dict[int, float], wanted: int | None) -> list[int]:
        """Positions with a positive score, best first; only the top few are fully sorted."""
        scores = {p: round(v, 9) for p, v in totals.items() if v > 0}
        if wanted is not None and len(scores) > wanted:
            cutoff = heapq.nlargest(wanted, scores.values())[-1] if wanted else math.inf
            scores = {p: v for p, v in scores.items() if v >= cutoff}
        return sorted(scores, key=self._tie_key(scores))

    def _pinned(
        self, totals: dict[int, float], allowed: frozenset[int] | None, plan: _Plan
    ) -> list[int]:
        """24/7 crisis lines the caller allows, the most direct and relevant first."""
        pinned = [p for p in self._crisis_priors if allowed is None or p in allowed]
        top = max((totals.get(p, 0.0) for p in pinned), default=0.0) or 1.0
        urgency = {
            p: self._crisis_priors[p] * self._fit(p, plan)
            + PIN_RELEVANCE_WEIGHT * totals.get(p, 0.0) / top
            for p in pinned
        }
        return sorted(pinned, key=self._tie_key(urgency))

    def _tie_key(self, scores: dict[int, float]) -> Callable[[int], tuple[float, str, str]]:
        """Sort key: higher score first, then name, then id, so equal scores never shuffle."""

        def key(position: int) -> tuple[float, str, str]:
            score = round(scores.get(position, 0.0), 9)
            return (-score, self._sort_names[position], self._documents[position].id)

        return key

    # -- query planning ---------------------------------------------------------------------

    def _plan(self, words: list[str]) -> _Plan:
        """Turn query words into weighted slots: the words, their pairs, and concept expansions."""
        corrected = [self._corrected(word) for word in words]
        stems = [stem(word) for word in corrected]
        matches = _outermost(list(_concept_matcher().find(stems)))
        explained = {i for _c, start, end in matches if end - start > 1 for i in range(start, end)}
        slots = _word_slots(words, corrected, explained) + _pair_slots(corrected)
        evidence = _concept_evidence(matches, corrected)
        for position, count in evidence.items():
            slots.extend(_concept_slots(lexicon.CONCEPTS[position], count))
        names = {lexicon.CONCEPTS[position].name for position in evidence}
        implied = {a for name in names for a in lexicon.IMPLIED_AUDIENCES.get(name, ())}
        return _Plan(
            slots=slots,
            audiences=frozenset(names | implied),
            crisis=_is_crisis(words) or _is_crisis(corrected),
        )

    def _corrected(self, word: str) -> str:
        """The word itself if known, else its closest known spelling (or itself)."""
        if self._spelling.knows(word) or stem(word) in self._frequencies:
            return word
        correction = self._spelling.correct(word)
        return _canonical_words([correction])[0] if correction else word


def _word_slots(
    words: Sequence[str], corrected: Sequence[str], explained: Collection[int]
) -> list[_Slot]:
    """One slot per distinct searchable word, weaker if corrected or explained by a phrase."""
    slots: dict[str, _Slot] = {}
    for index, (word, fixed) in enumerate(zip(words, corrected, strict=True)):
        if not _is_searchable(fixed):
            continue
        weight = ORIGINAL_WEIGHT if fixed == word else CORRECTION_WEIGHT
        if index in explained:
            weight *= EXPLAINED_WEIGHT
        if fixed not in slots or slots[fixed].weight < weight:
            slots[fixed] = _Slot(fixed, weight, ((stem(fixed), 1.0),))
    return list(slots.values())


def _pair_slots(corrected: Sequence[str]) -> list[_Slot]:
    """Adjacent content words as phrases, rewarding services that use the same wording."""
    content = [word for word in corrected if _is_content(word)]
    pairs: dict[str, _Slot] = {}
    for first, second in itertools.pairwise(content):
        if first in lexicon.QUERY_NOISE and second in lexicon.QUERY_NOISE:
            continue
        key = f"{stem(first)} {stem(second)}"
        pairs.setdefault(key, _Slot(f"{first} {second}", BIGRAM_WEIGHT, ((key, 1.0),)))
    return list(pairs.values())


def _is_searchable(word: str) -> bool:
    """Words searched on their own: not grammar, not filler, not a bare age or count."""
    if not _is_content(word) or word in lexicon.QUERY_NOISE:
        return False
    return not (word.isdigit() and len(word) < 3)


def _concept_slots(concept: lexicon.Concept, evidence: int) -> list[_Slot]:
    """A concept's core synonyms as one slot and related services as a weaker one.

    Each further phrase that triggered the concept adds weight: "angry", "snapping" and "lose
    it" together say more about anger than one word does.
    """
    strength = lexicon.CONCEPT_WEIGHTS.get(concept.name, 1.0) * min(1 + 0.25 * (evidence - 1), 1.5)
    slots = []
    for phrases, weight in ((concept.core, CORE_WEIGHT), (concept.related, RELATED_WEIGHT)):
        alternatives = tuple((_phrase_key(_content_stems(text)), 1.0) for text in phrases)
        alternatives = tuple(alt for alt in alternatives if alt[0])
        if alternatives:
            slots.append(_Slot(phrases[0], weight * strength, alternatives))
    return slots


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


def _matched_labels(
    position: int, slots: Sequence[_Slot], per_slot: Sequence[dict[int, float]]
) -> tuple[str, ...]:
    """Labels of the slots that scored for a document, strongest first, each once."""
    found = [
        (-slot.weight * scores[position], slot.label)
        for slot, scores in zip(slots, per_slot, strict=True)
        if scores.get(position)
    ]
    return tuple(dict.fromkeys(label for _score, label in sorted(found)))


# ---------------------------------------------------------------------------------------------
# Crisis services
# ---------------------------------------------------------------------------------------------


def _words_of(*texts: str) -> set[str]:
    """Canonical words of several texts, as a set."""
    return {word for text in texts for word in _analyse(text).words}


def _audiences_of(document: SearchDocument) -> frozenset[str]:
    """Groups a service is for, read from its name and taxonomy terms."""
    texts = (document.name, document.alternate_name, *document.terms)
    return frozenset().union(*(_audiences_in(text) for text in texts))


@lru_cache(maxsize=20_000)
def _audiences_in(text: str) -> frozenset[str]:
    """Audience concepts named in one short label (cached: terms repeat across services)."""
    stems = [stem(word) for word in _words(text)]
    found = {lexicon.CONCEPTS[c].name for c, _start, _end in _concept_matcher().find(stems)}
    return frozenset(found & lexicon.AUDIENCES)


@lru_cache(maxsize=8)
def _canonical_phrases(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """Lexicon phrases in the padded canonical form ``_canonical_text`` produces."""
    return tuple(_canonical_text(phrase) for phrase in phrases)


def _canonical_text(text: str) -> str:
    """Canonical words joined by single spaces, padded so phrases match whole words only."""
    return f" {' '.join(_analyse(text).words)} "


def _is_crisis_service(document: SearchDocument) -> bool:
    """Open round the clock and described as a crisis, suicide or urgent line."""
    if not document.available_24_7:
        return False
    labels = _words_of(document.name, document.alternate_name, *document.terms)
    if labels & lexicon.CRISIS_SERVICE_WORDS:
        return True
    return bool(_words_of(document.description) & {"suicide", "suicidal", "crisis"})


def _crisis_prior(document: SearchDocument) -> float:
    """How well a crisis service suits someone at risk now: direct lines open to all first."""
    name_words = _words_of(document.name, document.alternate_name)
    prior = 1.0
    bare = {word.rstrip("0123456789") for word in name_words}  # "HOPELINE247" is a line
    if bare & lexicon.HELPLINE_NAME_WORDS or any(word.endswith("line") for word in bare):
        prior += 2.0
    label_words = _words_of(document.name, *document.terms)
    prior += 0.5 * min(len(label_words & lexicon.CRISIS_SERVICE_WORDS), 2)
    eligibility = _canonical_text(document.eligibility)
    if any(phrase in eligibility for phrase in _canonical_phrases(lexicon.OPEN_TO_ALL_PHRASES)):
        prior += 0.5
    return prior / 4 if _referral_only(document) else prior


def _referral_only(document: SearchDocument) -> bool:
    """True if people cannot contact the service themselves."""
    process = _canonical_text(document.application_process)
    if any(phrase in process for phrase in _canonical_phrases(lexicon.REFERRAL_ONLY_PHRASES)):
        return True
    terms = {" ".join(_analyse(term).words) for term in document.terms}
    return "professional referral" in terms and "self referral" not in terms
