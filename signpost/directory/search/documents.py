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
