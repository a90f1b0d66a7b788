"""'Back to results' on a service page: the same search the person came from.

Result links carry the results page's query string in `back`. We never redirect to it or use it
as a URL: we keep only the search's own parameters, cut to sensible sizes, and put them after
the search page's path, so a crafted link can only ever lead to our own search page.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

SEARCH_PARAMS = (
    "q",
    "age",
    "where",
    "need",
    "type",
    "access",
    "delivery",
    "audience",
    "language",
    "free",
    "open_now",
    "page",
)
MAX_BACK_LENGTH = 2000  # longer than any real results page's query string
MAX_VALUE_LENGTH = 200  # the search box's own limit
MAX_VALUES_PER_PARAM = 30  # as many ticks as the search form reads


def search_query(back: str) -> str:
    """The kept part of a results page's query string ('' when nothing usable is left)."""
    if not back or len(back) > MAX_BACK_LENGTH:
        return ""
    kept: list[tuple[str, str]] = []
    counts: dict[str, int] = {}
    for name, value in parse_qsl(back.lstrip("?"), keep_blank_values=False):
        if name not in SEARCH_PARAMS or counts.get(name, 0) >= MAX_VALUES_PER_PARAM:
            continue
        value = "".join(ch for ch in value if ch.isprintable())[:MAX_VALUE_LENGTH].strip()
        if value:
            counts[name] = counts.get(name, 0) + 1
            kept.append((name, value))
    return urlencode(kept)
