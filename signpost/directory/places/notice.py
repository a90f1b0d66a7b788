"""What the search page says about the place someone gave, beside the results."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import QueryDict

from .answer import PlaceAnswer, Status
from .distance import distance_words, distances


@dataclass(frozen=True)
class PlaceNotice:
    """A plain message, and for a shared name the places to choose from (label, link)."""

    kind: str  # "corrected", "ambiguous" or "unknown"
    text: str
    choices: list[tuple[str, str]] = field(default_factory=list)


def place_notice(answer: PlaceAnswer | None, params: QueryDict) -> PlaceNotice | None:
    """Say what we did with the place: corrected, which one, or not known (never silent)."""
    if answer is None or answer.status == Status.FOUND:
        return None
    if answer.corrected:
        return PlaceNotice("corrected", f"Showing services near {answer.label}.")
    if answer.ambiguous:
        name = answer.places[0].name
        choices = []
        for place in answer.places:
            query = params.copy()
            query["where"] = place.label
            query.pop("page", None)
            choices.append((place.label, "?" + query.urlencode()))
        return PlaceNotice(
            "ambiguous",
            f"There is more than one {name}. Until you choose, we show services for all of them.",
            choices,
        )
    return PlaceNotice(
        "unknown",
        f"We do not know a place called {answer.typed}, so we cannot show local services. "
        "These are for anyone, wherever they live.",
    )


def with_distances(cards: list, answer: PlaceAnswer | None) -> list:
    """Give each result card its distance in words ('about 3 miles away') when we know it."""
    miles = distances([card.service.id for card in cards], answer)
    for card in cards:
        card.distance = distance_words(miles.get(card.service.id))
    return cards
