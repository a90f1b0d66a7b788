"""Where someone lives, and which services reach them: the directory's one code path for
places, used by the public search, the Open Referral API and the importer (ADR 009).

    answer = resolve_place("Dereham")          # a PlaceAnswer: found, corrected, ambiguous...
    Service.objects.public().reaching(answer.reach)
    distances(service_ids, answer)             # {id: miles} for local services
"""

from __future__ import annotations

from django.db.models import QuerySet

from .answer import PlaceAnswer, Status, resolve_place
from .coverage import (
    PlaceFacts,
    coverage_rows,
    refresh_all_coverage,
    refresh_coverage,
    stated_places,
)
from .distance import distance_words, distances, nearer_first
from .index import FoundPlace, PlaceIndex, current_index
from .names import POSTCODE_RE, fold, outward_code

__all__ = [
    "POSTCODE_RE",
    "FoundPlace",
    "PlaceAnswer",
    "PlaceFacts",
    "PlaceIndex",
    "Status",
    "coverage_rows",
    "current_index",
    "distance_words",
    "distances",
    "fold",
    "nearer_first",
    "outward_code",
    "reaching",
    "refresh_all_coverage",
    "refresh_coverage",
    "resolve_place",
    "stated_places",
]


def reaching(services: QuerySet, answer: PlaceAnswer) -> QuerySet:
    """These services, less those that do not reach someone in the place answered."""
    return services.reaching(answer.reach)  # type: ignore[attr-defined]
