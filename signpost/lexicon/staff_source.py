"""Staff phrases as the search reads them: a cheap version check, then the phrases.

Registered with ``directory.search.lexicon`` when the app is ready. Each search asks for the
version token (one indexed read of one row); only when it has moved does this process read
the phrases again, so a phrase added in the admin takes effect at once in this process and on
the next search in every other, without a deploy or a restart.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError

from signpost.directory.search.lexicon import StaffPhrase

logger = logging.getLogger(__name__)


def version() -> str | None:
    """The current token, or None when there are no staff phrases or no database yet."""
    from .models import LexiconVersion

    try:
        return LexiconVersion.current()
    except (DatabaseError, RuntimeError):  # before migrate, or where tests forbid queries
        return None


def phrases() -> list[StaffPhrase]:
    """Every staff phrase with the names of its needs."""
    from .models import SearchPhrase

    try:
        rows = SearchPhrase.objects.prefetch_related("terms")
        return [
            StaffPhrase(
                phrase=row.phrase,
                concepts=tuple(row.concepts),
                term_names=tuple(term.name for term in row.terms.all()),
            )
            for row in rows
        ]
    except (DatabaseError, RuntimeError):
        logger.warning("Could not read staff search phrases; searching without them.")
        return []


def changed(**_kwargs: object) -> None:
    """Any change to a phrase or its needs moves the version token (signal receiver)."""
    from .models import LexiconVersion

    LexiconVersion.bump()
