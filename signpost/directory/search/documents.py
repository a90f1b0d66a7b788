"""The ranker's input and output: one service to index, one scored result."""

from __future__ import annotations

from dataclasses import dataclass


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
    minimum_age: int | None = None  # inclusive, in years; None = no lower limit
    maximum_age: int | None = None  # inclusive, in years; None = no upper limit


@dataclass(frozen=True, slots=True)
class ScoredResult:
    """One ranked service, with the query words or expansions that matched it."""

    id: str
    score: float
    matched_terms: tuple[str, ...]


FieldKeys = tuple[tuple[str, tuple[str, ...], int], ...]  # (field, index keys, length)


@dataclass(frozen=True, slots=True)
class Features:
    """What indexing one service works out from its text, once.

    A search index stores these beside each service, so a query ranks a few hundred
    candidates without analysing their text again.
    """

    fields: FieldKeys
    words: tuple[str, ...]  # canonical words, for spelling correction
    audiences: frozenset[str]
    age_specificity: float
    crisis_prior: float | None  # None: not a round-the-clock crisis line

    def to_json(self) -> dict:
        """A JSON-ready form (lists and numbers) for storing with a search entry."""
        return {
            "fields": [[field, list(keys), length] for field, keys, length in self.fields],
            "words": list(self.words),
            "audiences": sorted(self.audiences),
            "age_specificity": self.age_specificity,
            "crisis_prior": self.crisis_prior,
        }

    @classmethod
    def from_json(cls, data: dict) -> Features:
        """The inverse of `to_json`."""
        return cls(
            fields=tuple((f, tuple(keys), int(length)) for f, keys, length in data["fields"]),
            words=tuple(data["words"]),
            audiences=frozenset(data["audiences"]),
            age_specificity=float(data["age_specificity"]),
            crisis_prior=data["crisis_prior"],
        )
