"""Query parameters of the Open Referral UK API, checked one by one.

A bad value is the caller's mistake, so it becomes a 400 that names the parameter and says
what was wrong, in words a developer can act on. Parameters we do not know are ignored, as
HSDS asks.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
MAX_PAGE = 10_000_000

DAY_CODES = {
    "mo": "MO",
    "monday": "MO",
    "tu": "TU",
    "tuesday": "TU",
    "we": "WE",
    "wednesday": "WE",
    "th": "TH",
    "thursday": "TH",
    "fr": "FR",
    "friday": "FR",
    "sa": "SA",
    "saturday": "SA",
    "su": "SU",
    "sunday": "SU",
}

_TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$")


class BadParameter(Exception):
    """A query parameter we cannot use; says which and why."""

    def __init__(self, parameter: str, reason: str) -> None:
        super().__init__(f"{parameter}: {reason}")
        self.parameter = parameter
        self.reason = reason


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int


class Params:
    """Typed access to a request's query string; every getter raises BadParameter."""

    def __init__(self, query: QueryDict) -> None:
        self.query = query

    def text(self, name: str) -> str:
        values = self.query.getlist(name)
        if len(values) > 1:
            raise BadParameter(name, "give it once only")
        value = values[0] if values else ""
        if "\x00" in value:
            raise BadParameter(name, "contains a character that is not allowed")
        # Spaces only: str.strip() would also take control characters, turning nonsense into
        # "not given".
        return value.strip(" \t\r\n")

    def whole_number(self, name: str, *, minimum: int, maximum: int) -> int | None:
        raw = self.text(name)
        if not raw:
            return None
        if not re.fullmatch(r"[+-]?[0-9]{1,9}", raw):
            raise BadParameter(name, f"must be a whole number, not {raw[:40]!r}")
        value = int(raw)
        if not minimum <= value <= maximum:
            raise BadParameter(name, f"must be between {minimum} and {maximum}, not {value}")
        return value

    def paging(self) -> Paging:
        page = self.whole_number("page", minimum=1, maximum=MAX_PAGE)
        per_page = self.whole_number("per_page", minimum=1, maximum=MAX_PER_PAGE)
        return Paging(page or 1, per_page or DEFAULT_PER_PAGE)

    def identifier(self, name: str) -> uuid.UUID | None:
        raw = self.text(name)
        if not raw:
            return None
        try:
            return uuid.UUID(raw)
        except ValueError:
            raise BadParameter(name, f"must be an id (a UUID), not {raw[:40]!r}") from None

    def age(self, name: str) -> int | None:
        return self.whole_number(name, minimum=0, maximum=130)

    def boolean(self, name: str) -> bool:
        raw = self.text(name).lower()
        if raw in ("", "false", "0", "no"):
            return False
        if raw in ("true", "1", "yes"):
            return True
        raise BadParameter(name, f"must be true or false, not {raw[:40]!r}")

    def day(self) -> str | None:
        raw = self.text("day")
        if not raw:
            return None
        code = DAY_CODES.get(raw.lower())
        if code is None:
            raise BadParameter("day", f"must be a day such as MO or monday, not {raw[:40]!r}")
        return code

    def time(self, name: str) -> dt.time | None:
        raw = self.text(name)
        if not raw:
            return None
        match = _TIME_RE.match(raw)
        if not match:
            raise BadParameter(name, f"must be a time as HH:MM, not {raw[:40]!r}")
        return dt.time(int(match.group(1)), int(match.group(2)), int(match.group(3) or 0))

    def timestamp(self, name: str) -> dt.datetime | None:
        raw = self.text(name)
        if not raw:
            return None
        try:
            moment = parse_datetime(raw.replace(" ", "+"))
            if moment is None:
                day = parse_date(raw)
                moment = dt.datetime.combine(day, dt.time()) if day else None
        except ValueError:
            moment = None
        if moment is None:
            raise BadParameter(
                name, f"must be a date or date-time such as 2026-01-31T09:00:00Z, not {raw[:40]!r}"
            )
        if timezone.is_naive(moment):
            moment = moment.replace(tzinfo=dt.UTC)
        try:
            # The database compares in UTC; 0001-01-01 at +01:00 has no UTC moment.
            return moment.astimezone(dt.UTC)
        except OverflowError:
            raise BadParameter(name, "must be a moment between the years 1 and 9999") from None

    def proximity(self) -> float | None:
        raw = self.text("proximity")
        if not raw:
            return None
        try:
            metres = float(raw)
        except ValueError:
            metres = -1.0
        if not 0 < metres <= 1_000_000 or metres != metres:
            raise BadParameter(
                "proximity", f"must be a distance in metres up to 1000000, not {raw[:40]!r}"
            )
        return metres
