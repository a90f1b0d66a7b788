"""How place names and postcodes are compared: folded, with council words set aside."""

from __future__ import annotations

import math
import re

# An outward code ("NR19"), optionally with its inward half ("1AB").
POSTCODE_RE = re.compile(r"^\s*([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})?\s*$", re.I)

# Words around a council's name that people add or leave off ("Breckland District Council").
GENERIC_PREFIXES = ("the ", "city of ", "royal borough of ", "london borough of ", "borough of ")
GENERIC_SUFFIXES = (
    " county council",
    " city council",
    " district council",
    " borough council",
    " metropolitan borough council",
    " council area",
    " council",
    " district",
    " borough",
    " county",
    " area",
    " city",
)

# Area names that mean the whole country, whether or not the gazetteer lists them.
NATIONWIDE_NAMES = frozenset(
    {
        "united kingdom",
        "uk",
        "great britain",
        "britain",
        "gb",
        "national",
        "nationwide",
        "all of the uk",
        "uk wide",
        "the whole of the uk",
    }
)


_DROPPED = re.compile(r"['\u2019.]")
_BETWEEN_WORDS = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Lower case, no apostrophes or full stops, '&' as 'and', 'Saint' as 'St', single spaces.

    So "King's Lynn" is "kings lynn" and "Sutton-in-Ashfield" is "sutton in ashfield"."""
    text = _DROPPED.sub("", text.casefold()).replace("&", " and ")
    words = _BETWEEN_WORDS.sub(" ", text).split()
    return " ".join("st" if word == "saint" else word for word in words)


def without_council_words(key: str) -> str:
    """The folded name without 'district council', 'borough of' and the like ('' if none)."""
    stripped = key
    for prefix in GENERIC_PREFIXES:
        if stripped.startswith(prefix):
            stripped = stripped[len(prefix) :]
    for suffix in GENERIC_SUFFIXES:
        if stripped.endswith(suffix):
            stripped = stripped[: -len(suffix)]
            break
    return stripped if stripped != key else ""


def outward_code(text: str) -> tuple[str, bool] | None:
    """('NR19', True) for 'nr19 1ab', ('NR19', False) for 'nr19'; None if not a postcode."""
    match = POSTCODE_RE.match(text)
    if not match:
        return None
    return match.group(1).upper(), bool(match.group(2))


def one_slip_apart(a: str, b: str) -> bool:
    """Whether b is a with one letter changed, added, dropped or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diffs) == 1:
            return True
        i = diffs[0]
        return len(diffs) == 2 and diffs[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((n for n, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


def miles_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in miles (haversine), plenty precise for 'about 3 miles'."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 3958.8 * math.asin(math.sqrt(h))
