"""Crisis detection: queries that suggest someone is at risk now, and the lines that help.

A crisis query pins round-the-clock crisis lines to the top of the results, so wording and
typos of risk words count ("sucidal"), while bereavement and topic uses do not ("lost my
brother to suicide", "cost of living crisis").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from . import lexicon
from .documents import SearchDocument
from .phrases import PhraseMatcher, plain_matcher
from .spelling import edit_distance, lexicon_spelling
from .text import analyse, query_words


@lru_cache(maxsize=1)
def _crisis_matchers() -> dict[str, PhraseMatcher]:
    """Matchers for crisis wording, for distress and urgency, and for topic contexts."""
    return {
        "crisis": plain_matcher(lexicon.CRISIS_PHRASES),
        "distress": plain_matcher(lexicon.CRISIS_DISTRESS_PHRASES),
        "urgency": plain_matcher(lexicon.CRISIS_URGENCY_PHRASES),
        "exceptions": plain_matcher(lexicon.CRISIS_CONTEXT_EXCEPTIONS),
    }


def _looks_like_crisis_word(word: str) -> bool:
    """A risk word, allowing one slip in longer words ("sucidal") but not a real word ("crisps")."""
    if word in lexicon.CRISIS_WORDS:
        return True
    if len(word) < 6 or not word.isalpha() or word in lexicon.CRISIS_LOOKALIKES:
        return False
    return any(edit_distance(word, risk, 1) <= 1 for risk in lexicon.CRISIS_WORDS if len(risk) >= 6)


def is_crisis(words: Sequence[str]) -> bool:
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
    words = query_words(query)
    if is_crisis(words):
        return True
    speller = lexicon_spelling()
    corrected = [w if speller.knows(w) else speller.correct(w) or w for w in words]
    return corrected != words and is_crisis(corrected)


def _words_of(*texts: str) -> set[str]:
    """Canonical words of several texts, as a set."""
    return {word for text in texts for word in analyse(text).words}


@lru_cache(maxsize=8)
def _canonical_phrases(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """Lexicon phrases in the padded canonical form ``_canonical_text`` produces."""
    return tuple(_canonical_text(phrase) for phrase in phrases)


def _canonical_text(text: str) -> str:
    """Canonical words joined by single spaces, padded so phrases match whole words only."""
    return f" {' '.join(analyse(text).words)} "


def is_crisis_service(document: SearchDocument) -> bool:
    """Open round the clock and described as a crisis, suicide or urgent line."""
    if not document.available_24_7:
        return False
    labels = _words_of(document.name, document.alternate_name, *document.terms)
    if labels & lexicon.CRISIS_SERVICE_WORDS:
        return True
    return bool(_words_of(document.description) & {"suicide", "suicidal", "crisis"})


def crisis_prior(document: SearchDocument) -> float:
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
    terms = {" ".join(analyse(term).words) for term in document.terms}
    return "professional referral" in terms and "self referral" not in terms
