"""`resolve_place`: what someone means by where they live, said back plainly.

One code path for the public search, the API and the importer (ADR 009).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from signpost.directory.models.places import Reach

from .index import FoundPlace, PlaceIndex, current_index
from .names import fold, miles_between, one_slip_apart, outward_code, without_council_words

MAX_TYPED = 60


class Status(enum.StrEnum):
    FOUND = "found"
    CORRECTED = "corrected"  # one slip from a place's name: said back ("near Dereham")
    AMBIGUOUS = "ambiguous"  # several places of that name: the page asks which
    UNKNOWN = "unknown"  # no such place that we know: national help only, said kindly
    NO_SUCH_POSTCODE = "no-such-postcode"  # shaped like a postcode, but not a real district


@dataclass(frozen=True)
class PlaceAnswer:
    """The answer to "where do they live?"."""

    typed: str
    status: Status
    places: tuple[FoundPlace, ...] = ()
    said: str = ""  # the name to say back, when not the place's own

    @property
    def found(self) -> bool:
        return self.status in (Status.FOUND, Status.CORRECTED)

    @property
    def corrected(self) -> bool:
        return self.status == Status.CORRECTED

    @property
    def ambiguous(self) -> bool:
        return self.status == Status.AMBIGUOUS

    @property
    def unknown(self) -> bool:
        return self.status in (Status.UNKNOWN, Status.NO_SUCH_POSTCODE)

    @property
    def place(self) -> FoundPlace | None:
        return self.places[0] if self.found else None

    @property
    def label(self) -> str:
        """The place said back: its proper name when found, else what was typed."""
        if not self.found:
            return self.typed
        return self.said or self.places[0].name

    @property
    def centre(self) -> tuple[float, float] | None:
        """Where distances are measured from (only for one place found)."""
        return self.places[0].centre if self.found else None

    @property
    def reach(self) -> Reach:
        """What a service must cover to reach someone here: for several candidates, any."""
        paths: set[str] = set()
        for place in self.places if self.found or self.ambiguous else ():
            paths.update(place.parts or (place.path,))
        ancestors = {int(pk) for path in paths for pk in path.strip("/").split("/") if pk}
        return Reach(tuple(sorted(ancestors)), tuple(sorted(paths)))


def resolve_place(
    text: str, *, near: tuple[float, float] | None = None, index: PlaceIndex | None = None
) -> PlaceAnswer:
    """A town, village, council area, postcode district or full postcode, or why not.

    `near` (the service's own location, for the importer) settles a name several places share.
    """
    typed = " ".join(text.split())[:MAX_TYPED]
    index = index or current_index()
    postcode = outward_code(typed)
    if postcode:
        pk = index.by_postcode.get(postcode[0])
        if pk is None:
            return PlaceAnswer(typed, Status.NO_SUCH_POSTCODE)
        return PlaceAnswer(typed, Status.FOUND, (index.places[pk],))
    if "," in typed:
        chosen = _with_context(typed, index)
        if chosen is not None:
            return PlaceAnswer(typed, Status.FOUND, (chosen,))
    key = fold(typed)
    for wanted in (key, without_council_words(key)):
        exact = index.named(wanted)
        if exact:
            return _choose(typed, index.outermost(exact), near, Status.FOUND, index, wanted)
    for wanted in (key, without_council_words(key)):
        slips = index.one_slip_from(wanted)
        if slips:
            places = index.outermost(set(slips))
            return _choose(typed, places, near, Status.CORRECTED, index, slips)
    return PlaceAnswer(typed, Status.UNKNOWN)


def _choose(
    typed: str,
    places: list[FoundPlace],
    near: tuple[float, float] | None,
    status: Status,
    index: PlaceIndex,
    key: str | dict[int, str],
) -> PlaceAnswer:
    """One place is the answer; of several, the nearest to `near`, else the page asks."""
    chosen: FoundPlace | None = places[0] if len(places) == 1 else None
    if chosen is None and near is not None:
        placed = [p for p in places if p.centre]
        if placed:
            chosen = min(placed, key=lambda p: miles_between(near, p.centre))  # type: ignore[arg-type]
    if chosen is None:
        return PlaceAnswer(typed, Status.AMBIGUOUS, tuple(places))
    matched = key if isinstance(key, str) else key.get(chosen.id, "")
    return PlaceAnswer(typed, status, (chosen,), index.said(chosen, matched))


def _with_context(typed: str, index: PlaceIndex) -> FoundPlace | None:
    """'Newport, Isle of Wight' (what the page's choice links say): the one so labelled, or
    the one of that name inside the named area."""
    name, context = (part.strip() for part in typed.rsplit(",", 1))
    key, where = fold(name), fold(context)
    ids = index.named(key) or index.named(without_council_words(key))
    if not ids:
        ids = set(index.one_slip_from(key))
    candidates = index.outermost(ids)
    labelled = [p for p in candidates if fold(p.context) == where]
    if len(labelled) == 1:
        return labelled[0]
    inside = [
        p
        for p in candidates
        if any(
            fold(index.places[a].name) == where or one_slip_apart(fold(index.places[a].name), where)
            for a in p.ancestor_ids()[:-1]
            if a in index.places
        )
    ]
    return inside[0] if len(inside) == 1 else None


def split_list(name: str) -> list[str]:
    """'Mansfield, Ashfield and Bassetlaw' as its three names (one name gives one)."""
    parts = [p.strip() for p in re.split(r",|/|&|\band\b|\bplus\b", name) if p.strip()]
    return parts if len(parts) > 1 else [name]
