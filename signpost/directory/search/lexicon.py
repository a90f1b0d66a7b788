"""Word knowledge for directory search, read from the data files in ``concepts/``.

The vocabulary is data, not code, so it can be read, reviewed and extended without touching
the ranker: one TOML file per concept (how people name a need and what it searches for),
``_words.toml`` (grammar words, spellings, word families) and ``_crisis.toml`` (risk
wording). Phrases are plain lower case; the ranker normalises and stems them exactly as it
does queries and service text, so "worries" and "worry" need not both be listed.
Contractions are expanded before matching, so files write "do not", "can not", "i am".

Staff add phrases in the admin (``signpost.lexicon``) without a deploy. That app registers a
source here; ``refresh()`` (called once per search) asks it for a version token, cheaply,
and rebuilds ``CONCEPTS`` with the staff phrases only when the token has moved. This module
never imports Django: the search package stays a plain library.
"""

from __future__ import annotations

import threading
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).with_name("concepts")


@dataclass(frozen=True, slots=True)
class Concept:
    """A need people name in many ways; triggers in a query add core and related search terms."""

    name: str
    triggers: tuple[str, ...]
    core: tuple[str, ...]
    related: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StaffPhrase:
    """A phrase staff mapped to needs: lexicon concept names and/or vocabulary term names."""

    phrase: str
    concepts: tuple[str, ...] = ()
    term_names: tuple[str, ...] = ()


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def concept_files(directory: Path = DATA_DIR) -> list[Path]:
    """Concept files in name order; files starting with "_" hold shared word lists."""
    return sorted(p for p in directory.glob("*.toml") if not p.name.startswith("_"))


_WORDS = _read(DATA_DIR / "_words.toml")
_CRISIS = _read(DATA_DIR / "_crisis.toml")
_PATTERN_FILLS: dict[str, tuple[str, ...]] = {
    "relative": tuple(_WORDS["relatives"]),
    "young_person": tuple(_WORDS["young_person"]),
}


def _expand(pattern: str) -> list[str]:
    """A trigger pattern such as "lost my {relative}" for every word of its list."""
    for slot, fills in _PATTERN_FILLS.items():
        if "{" + slot + "}" in pattern:
            return [pattern.replace("{" + slot + "}", fill) for fill in fills]
    raise ValueError(f"Unknown slot in lexicon pattern {pattern!r}")


def concept_from_data(data: Mapping[str, Any]) -> Concept:
    """One concept file as a ``Concept``; patterns are expanded after the plain triggers."""
    triggers = [*data["triggers"]]
    for pattern in data.get("trigger_patterns", ()):
        triggers.extend(_expand(pattern))
    return Concept(
        name=data["name"],
        triggers=tuple(" ".join(t.split()) for t in triggers),
        core=tuple(data["core"]),
        related=tuple(data.get("related", ())),
    )


_FILES = [_read(path) for path in concept_files()]

# Grammar words: never indexed or searched. Phrase triggers still see them.
STOPWORDS: frozenset[str] = frozenset(_WORDS["stopwords"])
# Words that say little about which service is wanted; searched only as part of a phrase.
QUERY_NOISE: frozenset[str] = frozenset(_WORDS["query_noise"])
CONTRACTIONS: dict[str, str] = dict(_WORDS["contractions"])
SPELLING_VARIANTS: dict[str, str] = dict(_WORDS["spelling_variants"])
WORD_FAMILIES: dict[str, str] = dict(_WORDS["word_families"])
STEM_EXCEPTIONS: dict[str, str] = dict(_WORDS["stem_exceptions"])
MERGES: dict[tuple[str, str], str] = {(a, b): merged for a, b, merged in _WORDS["merges"]}

BASE_CONCEPTS: tuple[Concept, ...] = tuple(concept_from_data(data) for data in _FILES)
CONCEPTS: tuple[Concept, ...] = BASE_CONCEPTS  # plus staff phrases, after ``refresh()``

# Concepts that name who a service is for: such services rank a little lower when the query
# does not mention the group.
AUDIENCES: frozenset[str] = frozenset(d["name"] for d in _FILES if d.get("audience"))
# Groups a need implies even when unnamed (dementia mostly affects older people).
IMPLIED_AUDIENCES: dict[str, tuple[str, ...]] = {
    d["name"]: tuple(d["implies"]) for d in _FILES if d.get("implies")
}
# Concepts that qualify a need rather than state it count for less.
CONCEPT_WEIGHTS: dict[str, float] = {d["name"]: d["weight"] for d in _FILES if "weight" in d}

CRISIS_PHRASES: tuple[str, ...] = tuple(_CRISIS["phrases"])
CRISIS_DISTRESS_PHRASES: tuple[str, ...] = tuple(_CRISIS["distress"])
CRISIS_URGENCY_PHRASES: tuple[str, ...] = tuple(_CRISIS["urgency"])
CRISIS_WORDS: frozenset[str] = frozenset(_CRISIS["words"])
CRISIS_LOOKALIKES: frozenset[str] = frozenset(_CRISIS["lookalikes"])
CRISIS_CONTEXT_EXCEPTIONS: tuple[str, ...] = tuple(_CRISIS["context_exceptions"])
CRISIS_SERVICE_WORDS: frozenset[str] = frozenset(_CRISIS["service_words"])
HELPLINE_NAME_WORDS: frozenset[str] = frozenset(_CRISIS["helpline_name_words"])
OPEN_TO_ALL_PHRASES: tuple[str, ...] = tuple(_CRISIS["open_to_all"])
REFERRAL_ONLY_PHRASES: tuple[str, ...] = tuple(_CRISIS["referral_only"])
# Words that make a lone risk word a topic ("overdose awareness course").
CRISIS_TOPIC_WORDS: frozenset[str] = frozenset(_CRISIS.get("topic_words", ()))
# People named in relation to the searcher: a close relative, or a young person.
RELATIVES: frozenset[str] = frozenset(_PATTERN_FILLS["relative"] + _PATTERN_FILLS["young_person"])
# Wording for the kinds of urgency ``crisis.assess`` tells apart.
CRISIS_INTENT: dict[str, frozenset[str]] = {
    key: frozenset(value) for key, value in _CRISIS.get("intent", {}).items()
}


def with_staff_phrases(
    base: Sequence[Concept], phrases: Iterable[StaffPhrase]
) -> tuple[Concept, ...]:
    """The concepts with staff phrases added: as triggers of named concepts, and as one new
    concept per phrase mapped to vocabulary terms (appended, so base positions never move)."""
    extra: dict[str, list[str]] = {}
    added: list[Concept] = []
    known = {concept.name for concept in base}
    for number, staff in enumerate(phrases):
        for name in staff.concepts:
            if name in known:
                extra.setdefault(name, []).append(staff.phrase)
        if staff.term_names:
            added.append(Concept(f"staff_{number}", (staff.phrase,), tuple(staff.term_names)))
    merged = tuple(
        Concept(c.name, c.triggers + tuple(extra[c.name]), c.core, c.related)
        if c.name in extra
        else c
        for c in base
    )
    return merged + tuple(added)


# Staff phrases: a source registered by the ``lexicon`` app, and this process's copy.
VersionGetter = Callable[[], object]
PhraseGetter = Callable[[], Iterable[StaffPhrase]]
_source: tuple[VersionGetter, PhraseGetter] | None = None
_seen_version: object = None
_generation = 0
_lock = threading.Lock()
_UNSET = object()


def register_staff_source(version: VersionGetter, phrases: PhraseGetter) -> None:
    """Where staff phrases come from: a cheap version token, and the phrases themselves."""
    global _source, _seen_version
    _source = (version, phrases)
    _seen_version = _UNSET


def generation() -> int:
    """A number that moves whenever ``CONCEPTS`` changes; caches built from it key on it."""
    return _generation


def refresh() -> None:
    """Reload staff phrases if their version token moved (one cheap lookup per search)."""
    global CONCEPTS, _seen_version, _generation
    if _source is None:
        return
    version_of, phrases_of = _source
    version = version_of()
    if version == _seen_version:
        return
    with _lock:
        if version == _seen_version:
            return
        CONCEPTS = with_staff_phrases(BASE_CONCEPTS, phrases_of()) if version else BASE_CONCEPTS
        _seen_version = version
        _generation += 1
