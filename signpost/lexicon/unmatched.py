"""Counting searches that found nothing or too little, without keeping anything personal.

The search view calls ``note_search`` after every search. A phrase is kept only as its
normalised words (casefolded, punctuation gone, spaces collapsed, at most 100 characters),
counted per ISO week; anything that looks like a postcode, phone number, email address,
date or long number is dropped whole, and so are crisis searches. Nothing links a count to
a person, session, address or time of day.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from signpost.directory.search.crisis import assess

logger = logging.getLogger(__name__)

MAX_LENGTH = 100
DEFAULT_TOO_FEW = 3  # fewer results than this counts as "too little"
KEEP_DAYS = 366  # twelve months, then ``purge`` deletes the row

_PERSONAL = [
    re.compile(r"\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b", re.IGNORECASE),  # full postcode
    re.compile(r"\b[a-z]{1,2}\d{1,2}[a-z]?\b", re.IGNORECASE),  # postcode district (NR19)
    re.compile(r"\S+@\S+|\bat\s+\w+\s+dot\s+(com|co|org|net)\b", re.IGNORECASE),  # email
    re.compile(r"(\+?\d[\s\-()]*){6,}"),  # phone, NHS or other long number
    re.compile(r"\b\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}\b"),  # a date, such as a birthday
]
_NOT_WORD = re.compile(r"[^\w]+|_")


def normalise(text: str) -> str:
    """Casefolded words separated by single spaces, cut at a word under 100 characters."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    words = _NOT_WORD.sub(" ", folded).split()
    phrase = " ".join(words)
    if len(phrase) > MAX_LENGTH:
        phrase = phrase[: MAX_LENGTH + 1].rsplit(" ", 1)[0][:MAX_LENGTH]
    return phrase


def looks_personal(text: str) -> bool:
    """True if the text holds something that could identify a person or where they live."""
    return any(pattern.search(text) for pattern in _PERSONAL)


def phrase_to_keep(text: str) -> str | None:
    """The phrase to count for a search's words, or None if nothing should be kept."""
    if not text or looks_personal(text) or assess(text):
        return None
    return normalise(text) or None


def iso_week_start(day: dt.date) -> dt.date:
    """The Monday of the ISO week holding ``day``."""
    return day - dt.timedelta(days=day.isoweekday() - 1)


def too_few() -> int:
    return int(getattr(settings, "SIGNPOST_UNMATCHED_BELOW", DEFAULT_TOO_FEW))


def note_search(text: str, results: int, *, filtered: bool = False) -> None:
    """Count a public search whose words found too little (never with filters chosen, since
    then the filters, not the words, may be why). Never lets a database error reach the page."""
    if filtered or results >= too_few():
        return
    phrase = phrase_to_keep(text)
    if phrase is None:
        return
    try:
        record(phrase, iso_week_start(timezone.localdate()), found_nothing=results == 0)
    except DatabaseError:
        logger.warning("Could not count a search that found too little.")  # no words logged


def record(phrase: str, week: dt.date, *, found_nothing: bool) -> None:
    """Add one to a phrase's count for a week: an atomic update, or an insert that a racing
    insert may beat (the unique constraint refuses the second, which then updates). A new
    row also purges counts past retention."""
    from .models import UnmatchedSearch

    increments = {"searches": F("searches") + 1}
    if found_nothing:
        increments["found_nothing"] = F("found_nothing") + 1
    rows = UnmatchedSearch.objects.filter(phrase=phrase, week=week)
    if rows.update(**increments):
        return
    try:
        with transaction.atomic():
            UnmatchedSearch.objects.create(
                phrase=phrase, week=week, searches=1, found_nothing=int(found_nothing)
            )
            # A new row is rare (a phrase's first search of a week): the moment to let
            # counts over twelve months old go, so retention holds without a scheduler.
            purge()
    except IntegrityError:
        rows.update(**increments)


def purge(*, today: dt.date | None = None) -> int:
    """Delete counts for weeks that ended more than twelve months ago; returns how many."""
    from .models import UnmatchedSearch

    cutoff = (today or timezone.localdate()) - dt.timedelta(days=KEEP_DAYS)
    deleted, _by_model = UnmatchedSearch.objects.filter(week__lt=iso_week_start(cutoff)).delete()
    return deleted
