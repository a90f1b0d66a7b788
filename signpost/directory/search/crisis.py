"""Crisis detection: queries that suggest someone is at risk now, and the lines that help.

A crisis query pins round-the-clock crisis lines to the top of the results, so wording and
typos of risk words count ("sucidal"), while bereavement and topic uses do not ("lost my
brother to suicide", "cost of living crisis", "overdose awareness course").

``assess`` also says what kind of urgency it is, because the advice differs: an injury or
poisoning needs 999 or A&E now, whoever it is; someone else at risk needs the searcher told
what to do for them. The search page's message and the ranker's pinning both come from it.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
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
        "others": plain_matcher(lexicon.CRISIS_INTENT["others"]),
        "injury": plain_matcher(lexicon.CRISIS_INTENT["injury"]),
        "unwanted": plain_matcher(lexicon.CRISIS_INTENT["unwanted_leads"]),
        "plans": plain_matcher(lexicon.CRISIS_INTENT["plans"]),
        "weary": plain_matcher(lexicon.CRISIS_INTENT["weary_leads"]),
    }


def _looks_like_crisis_word(word: str) -> bool:
    """A risk word, allowing one slip in longer words ("sucidal") but not a real word ("crisps")."""
    if word in lexicon.CRISIS_WORDS:
        return True
    if len(word) < 6 or not word.isalpha() or word in lexicon.CRISIS_LOOKALIKES:
        return False
    return any(edit_distance(word, risk, 1) <= 1 for risk in lexicon.CRISIS_WORDS if len(risk) >= 6)


def is_crisis(words: Sequence[str]) -> bool:
    """Any urgency in canonical query words: risk to the searcher or someone else, or injury."""
    return bool(_assess_words(words))


def _self_risk(words: Sequence[str]) -> bool:
    """Crisis wording present, and single risk words not used as a bereavement or topic."""
    matchers = _crisis_matchers()
    excepted = [(start, end) for _l, start, end in matchers["exceptions"].find(words)]
    for _label, start, end in matchers["crisis"].find(words):
        if not any(s <= start and end <= e for s, e in excepted):
            return True
    if matchers["distress"].found_in(words) and matchers["urgency"].found_in(words):
        return True
    if _risk_span(words) is not None:
        return True
    if matchers["exceptions"].found_in(words) or lexicon.CRISIS_TOPIC_WORDS.intersection(words):
        return False
    return any(_looks_like_crisis_word(word) for word in words)


def is_crisis_query(query: str) -> bool:
    """True if the wording suggests someone may be at immediate risk (lay wording and typos)."""
    return bool(assess(query))


class Urgency(enum.StrEnum):
    """What kind of help comes first."""

    NONE = "none"
    SELF = "self"  # the searcher may act on thoughts of ending their life
    SOMEONE_ELSE = "someone_else"  # someone the searcher knows or works with is at risk
    INJURY = "injury"  # an injury or poisoning that needs treatment now: 999 or A&E


@dataclass(frozen=True, slots=True)
class CrisisDecision:
    """The crisis reading of one query; truthy when urgent help should come first."""

    urgency: Urgency = Urgency.NONE
    someone_else: bool = False  # true for another person's injury too

    def __bool__(self) -> bool:
        return self.urgency is not Urgency.NONE

    @property
    def kind(self) -> str:
        """The urgency as plain text, for templates."""
        return self.urgency.value


NOT_URGENT = CrisisDecision()


def assess(text: str) -> CrisisDecision:
    """Whether a query reads as someone at risk now, and who and how (typos tolerated)."""
    words = query_words(text)
    decision = _assess_words(words)
    if decision:
        return decision
    speller = lexicon_spelling()
    corrected = [w if speller.knows(w) else speller.correct(w) or w for w in words]
    return _assess_words(corrected) if corrected != words else decision


def _assess_words(words: Sequence[str]) -> CrisisDecision:
    injury = _injury_start(words)
    if injury is not None:
        return CrisisDecision(Urgency.INJURY, _about_someone_else(words, injury))
    others = next(_crisis_matchers()["others"].find(words), None) or _plan(words)
    if others is not None and _about_someone_else(words, others[1]):
        return CrisisDecision(Urgency.SOMEONE_ELSE, True)
    if not _self_risk(words):
        return NOT_URGENT
    start = _risk_start(words)
    if start is not None and _about_someone_else(words, start):
        return CrisisDecision(Urgency.SOMEONE_ELSE, True)
    return CrisisDecision(Urgency.SELF)


def _injury_start(words: Sequence[str]) -> int | None:
    """Where wording of an injury or poisoning needing treatment now starts, if anywhere."""
    found = next(_crisis_matchers()["injury"].find(words), None)
    if found is not None:
        return found[1]
    intent = lexicon.CRISIS_INTENT
    verbs = [i for i, word in enumerate(words) if word in intent["ingest_verbs"]]
    for i in verbs:
        after = words[i + 1 : i + 6]
        amount = any(w.isdigit() or w in intent["amounts"] for w in after)
        if "overdose" in after or (amount and intent["substances"].intersection(after)):
            return i
    for i, word in enumerate(words):
        nearby = words[max(i - 5, 0) : i + 6]
        if word in intent["wound_words"] and intent["wound_cues"].intersection(nearby):
            return i
    return None


def _plan(words: Sequence[str]) -> tuple[int, int, int] | None:
    """A plan said of someone ("told me she has a plan"), not an ordinary one ("for college")."""
    breakers = lexicon.CRISIS_INTENT["plan_breakers"]
    for found in _crisis_matchers()["plans"].find(words):
        if found[2] >= len(words) or words[found[2]] not in breakers:
            return found
    return None


def _risk_span(words: Sequence[str]) -> int | None:
    """Start of a wish not to exist ("wish I was dead", "do not want to exist")."""
    intent = lexicon.CRISIS_INTENT
    for i, word in enumerate(words):
        if word in intent["wish_leads"] and intent["wish_tails"].intersection(words[i + 1 : i + 7]):
            return i
    for key, tails in (("unwanted", "unwanted_tails"), ("weary", "weary_tails")):
        for _label, start, end in _crisis_matchers()[key].find(words):
            if any(_is_tail(words, k, intent[tails]) for k in range(end, min(end + 5, len(words)))):
                return start
    return None


def _is_tail(words: Sequence[str], k: int, tails: frozenset[str]) -> bool:
    """A word ending a wish not to exist; "live" followed by a place is about a home."""
    if words[k] not in tails:
        return False
    after = words[k + 1] if k + 1 < len(words) else ""
    return not (words[k] in {"live", "living"} and after in lexicon.CRISIS_INTENT["place_words"])


def _risk_start(words: Sequence[str]) -> int | None:
    """Where the risk wording starts, to find whose risk it is."""
    for key in ("crisis", "others"):
        found = next(_crisis_matchers()[key].find(words), None)
        if found is not None:
            return found[1]
    span = _risk_span(words)
    if span is not None:
        return span
    return next((i for i, word in enumerate(words) if _looks_like_crisis_word(word)), None)


def _about_someone_else(words: Sequence[str], start: int) -> bool:
    """True if the nearest person named before the risk wording is not the searcher."""
    intent = lexicon.CRISIS_INTENT
    others = intent["others_words"] | lexicon.RELATIVES
    for word in reversed(words[: start + 1] if words[start] in others else words[:start]):
        if word in others:
            return True
        if word in intent["self_words"]:
            return False
    return False


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
