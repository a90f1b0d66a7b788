"""Every place in memory (about 8,000 rows), so resolving a name costs no query.

Built once per process and rebuilt when the gazetteer changes (a signature of its row count
and newest change), like the search ranker.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max

from signpost.directory.models import Place
from signpost.directory.models.places import PlaceKind

from .names import fold, miles_between, one_slip_apart

# A town and its council or county share a name; say which is meant by the bigger area.
CONTEXT_KINDS = (PlaceKind.COUNCIL, PlaceKind.COUNTY, PlaceKind.REGION, PlaceKind.NATION)
GRID = 4  # cells per degree for the nearest-place search


@dataclass(frozen=True)
class FoundPlace:
    """One place, with what the page says about it and where it is."""

    id: int
    slug: str
    name: str
    kind: str
    path: str  # from the top down to this place itself
    latitude: float | None
    longitude: float | None
    context: str = ""  # the area it is in, to tell apart places of one name
    parts: tuple[str, ...] = ()  # a grouping's members' paths

    @property
    def label(self) -> str:
        """'Newport, Isle of Wight': the name, and where it is when that helps."""
        return f"{self.name}, {self.context}" if self.context else self.name

    @property
    def centre(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)

    def ancestor_ids(self) -> list[int]:
        return [int(pk) for pk in self.path.strip("/").split("/") if pk]


@dataclass
class PlaceIndex:
    """Names, postcode districts and the tree, in memory."""

    places: dict[int, FoundPlace] = field(default_factory=dict)
    by_name: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    by_postcode: dict[str, int] = field(default_factory=dict)
    by_length: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    grid: dict[tuple[int, int], list[int]] = field(default_factory=lambda: defaultdict(list))
    spelled: dict[tuple[str, int], str] = field(default_factory=dict)  # folded name → as written

    @classmethod
    def load(cls) -> PlaceIndex:
        """Read the gazetteer from the database."""
        index = cls()
        rows = list(
            Place.objects.values_list(
                "id", "slug", "name", "kind", "path", "latitude", "longitude", "aliases"
            )
        )
        names = {pk: name for pk, _, name, *_ in rows}
        folded = {pk: fold(name) for pk, name in names.items()}
        kinds = {pk: kind for pk, _, _, kind, *_ in rows}
        parts: dict[int, list[int]] = defaultdict(list)
        for edge in Place.contains.through.objects.values_list("from_place_id", "to_place_id"):
            parts[edge[0]].append(edge[1])
        paths = {pk: f"{path or '/'}{pk}/" for pk, _, _, _, path, *_ in rows}
        for pk, slug, name, kind, _, lat, lng, aliases in rows:
            path = paths[pk]
            ancestors = [int(a) for a in path.strip("/").split("/") if a][:-1]
            context = next(
                (
                    names[a]
                    for a in reversed(ancestors)
                    if kinds.get(a) in CONTEXT_KINDS and folded[a] != folded[pk]
                ),
                "",
            )
            index.places[pk] = FoundPlace(
                pk, slug, name, kind, path, lat, lng, context,
                tuple(paths[p] for p in parts.get(pk, []) if paths.get(p)),
            )  # fmt: skip
            if kind in (PlaceKind.TOWN, PlaceKind.POSTCODE) and lat is not None:
                index.grid[(int(lat * GRID), int((lng or 0) * GRID))].append(pk)
            if kind == PlaceKind.POSTCODE:
                index.by_postcode[name.upper()] = pk
                continue
            for written in [name, *(aliases or [])]:
                key = folded[pk] if written is name else fold(written)
                if key:
                    index.by_name[key].add(pk)
                    index.spelled.setdefault((key, pk), written)
        for key in index.by_name:
            index.by_length[len(key)].append(key)
        return index

    def named(self, key: str) -> set[int]:
        """Places whose folded name or alias is exactly this."""
        return set(self.by_name.get(key, ()))

    def one_slip_from(self, key: str) -> dict[int, str]:
        """Places whose name is one typing slip away from this (for names of 4+ letters),
        with the name each matched as folded."""
        if len(key) < 4:
            return {}
        found: dict[int, str] = {}
        for length in (len(key) - 1, len(key), len(key) + 1):
            for candidate in self.by_length.get(length, ()):
                if one_slip_apart(key, candidate):
                    found.update(dict.fromkeys(self.by_name[candidate], candidate))
        return found

    def said(self, place: FoundPlace, key: str) -> str:
        """How to say a place back: a town by the name it was found by ('Dereham' for East
        Dereham), anything else by its own name."""
        if place.kind == PlaceKind.TOWN:
            return self.spelled.get((key, place.id), place.name)
        return place.name

    def outermost(self, ids: set[int]) -> list[FoundPlace]:
        """The places, less any inside another of them (Mansfield town inside its council)."""
        chosen = [self.places[pk] for pk in ids if pk in self.places]
        inside = {
            p.id for p in chosen for q in chosen if q.id != p.id and p.path.startswith(q.path)
        }
        return sorted(
            (p for p in chosen if p.id not in inside), key=lambda p: (p.name, p.context, p.id)
        )

    def nearest_town(self, point: tuple[float, float], within_miles: float) -> FoundPlace | None:
        """The nearest town or postcode district centre within this distance, if any."""
        cell = (int(point[0] * GRID), int(point[1] * GRID))
        near = [
            self.places[pk]
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for pk in self.grid.get((cell[0] + dx, cell[1] + dy), ())
        ]
        scored = [(miles_between(point, p.centre), p) for p in near if p.centre]
        scored = [pair for pair in scored if pair[0] <= within_miles]
        return min(scored, key=lambda pair: (pair[0], pair[1].id))[1] if scored else None


_lock = threading.Lock()
_cache: dict[str, object] = {}


def forget(*args, **kwargs) -> None:
    """Drop this process's index so the next search reads the gazetteer again."""
    with _lock:
        _cache.clear()


def current_index() -> PlaceIndex:
    """The index for the gazetteer as it is now: one indexed query to check (row count and
    newest change), so another process's edits, and rolled-back ones, are seen at once."""
    signature = tuple(Place.objects.aggregate(n=Count("id"), changed=Max("changed_at")).values())
    with _lock:
        if _cache.get("signature") != signature or "index" not in _cache:
            _cache["index"] = PlaceIndex.load()
            _cache["signature"] = signature
        return _cache["index"]  # type: ignore[return-value]
