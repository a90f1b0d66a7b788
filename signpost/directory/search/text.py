"""Text analysis shared by the index and queries: tokens, canonical words and light stems."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon

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


def text_words(text: str) -> list[str]:
    """Canonical words of any text; "I'll" and "we'd" are expanded before apostrophes go."""
    if _CONTRACTION_HINT_RE.search(text):
        text = _PRONOUN_CONTRACTION_RE.sub(
            lambda m: f"{m.group(1)} {'will' if m.group(2).lower() == 'll' else 'would'}", text
        )
    return canonical_words(normalise(text))


_MERGE_FIRSTS = frozenset(first for first, _second in lexicon.MERGES)


def canonical_words(tokens: Sequence[str]) -> list[str]:
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


def is_content(word: str) -> bool:
    """A word worth indexing: not a grammar word."""
    return word not in lexicon.STOPWORDS


def content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text``, in order (the unit both index and queries use)."""
    return [stem(word) for word in text_words(text) if is_content(word)]


def phrase_key(stems: Sequence[str]) -> str:
    """The index key of a run of stems: a unigram, or a space-joined bigram."""
    return " ".join(stems)


def query_words(query: str) -> list[str]:
    """Canonical words of a query, capped so pasted essays cost no more than a paragraph."""
    return text_words(query[: MAX_QUERY_WORDS * 20])[:MAX_QUERY_WORDS]


@dataclass(frozen=True, slots=True)
class Analysed:
    """A text as the index sees it: its canonical words and the stems of its content words."""

    words: tuple[str, ...]
    stems: tuple[str, ...]


def analyse(text: str) -> Analysed:
    """Analysis of a text; short texts (names, terms, areas) repeat, so they are cached."""
    return _analyse_short(text) if len(text) <= 400 else _analyse_text(text)


def _analyse_text(text: str) -> Analysed:
    """Uncached analysis of one text."""
    words = text_words(text)
    stems = [stem(word) for word in words if word not in lexicon.STOPWORDS]
    return Analysed(tuple(words), tuple(stems))


_analyse_short = lru_cache(maxsize=50_000)(_analyse_text)
