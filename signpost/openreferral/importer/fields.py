"""Reading one field of a feed's record: checked, cleaned, and reported when it is wrong.

A value we cannot use safely rejects the record (`RecordRejected`); one we can do without is
dropped with a warning, so the rest of the record is kept.
"""

from __future__ import annotations

import datetime as dt
import decimal
import html
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.html import strip_tags

_email_ok = EmailValidator()
_url_ok = URLValidator(schemes=["http", "https"])

Warn = Callable[[str, str], None]


class RecordRejected(Exception):
    """One record cannot be imported; says which field and why."""

    def __init__(self, field_name: str, reason: str) -> None:
        super().__init__(f"{field_name}: {reason}")
        self.field_name = field_name
        self.reason = reason


# Real feeds use their own ids ("svc-42"). Inside `ids_from_feed(key)` such an id becomes a
# uuid5 of the feed and the id, so every run of the same feed gives the same UUID (a re-import
# updates rather than duplicates) and two feeds' "svc-42" never meet. Outside it, ids must be
# UUIDs, as the HSDS 3.0 standard says.
FEED_NAMESPACE = uuid.UUID("0b7e0e4c-53f5-4d8e-9a55-4c1d8f3e2a61")
_feed_key: ContextVar[str | None] = ContextVar("signpost_import_feed_key", default=None)


@contextmanager
def ids_from_feed(key: str) -> Iterator[None]:
    """Within this block, non-UUID ids are turned into stable UUIDs for the feed `key`."""
    token = _feed_key.set(key)
    try:
        yield
    finally:
        _feed_key.reset(token)


def derived_id(value: Any) -> uuid.UUID | None:
    """The stable UUID a non-UUID id gets in the current feed, or None outside a feed."""
    key = _feed_key.get()
    if key is None or value in (None, "") or isinstance(value, (dict, list, bool)):
        return None
    return uuid.uuid5(FEED_NAMESPACE, f"{key}\n{value}")


def is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except (TypeError, ValueError):
        return False
    return True


def uuid_of(value: Any, field_name: str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        derived = derived_id(value)
        if derived is not None:
            return derived
        raise RecordRejected(field_name, f"{value!r} is not a valid id (a UUID)") from None


def optional_uuid(value: Any, field_name: str, warn: Warn) -> uuid.UUID | None:
    if value in (None, ""):
        return None
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        warn(field_name, f"{str(value)[:60]!r} is not a valid id, so it was left out")
        return None


def age_of(value: Any, field_name: str) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 130:
        raise RecordRejected(field_name, f"{value!r} is not an age between 0 and 130")
    return value


def date_of(value: Any, field_name: str, warn: Warn) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        parsed = parse_date(str(value)[:10])
    except ValueError:
        parsed = None
    if parsed is None:
        warn(field_name, f"{str(value)[:40]!r} is not a date (YYYY-MM-DD), so it was left out")
    return parsed


def time_of(value: Any, field_name: str, warn: Warn) -> dt.time | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        parsed = parse_time(text[:8])
    except ValueError:
        parsed = None
    if parsed is None:
        warn(field_name, f"{text[:40]!r} is not a time (HH:MM), so it was left out")
    return parsed


def timestamp_of(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = parse_datetime(str(value))
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def _finite_decimal(value: Any) -> decimal.Decimal | None:
    """The value as a finite decimal, or None (NaN cannot even be compared with a number)."""
    if isinstance(value, bool):
        return None
    try:
        number = decimal.Decimal(str(value))
    except decimal.InvalidOperation:
        return None
    return number if number.is_finite() else None


def money_of(value: Any, field_name: str, warn: Warn) -> decimal.Decimal | None:
    if value in (None, ""):
        return None
    number = _finite_decimal(value)
    if number is None or number < 0:
        warn(field_name, f"{str(value)[:40]!r} is not an amount of money, so it was left out")
        return None
    return number.quantize(decimal.Decimal("0.01"))


def coordinate_of(value: Any, limit: int, field_name: str, warn: Warn) -> decimal.Decimal | None:
    if value in (None, ""):
        return None
    number = _finite_decimal(value)
    if number is None or not -limit <= number <= limit:
        warn(field_name, f"{str(value)[:40]!r} is not a valid coordinate, so it was left out")
        return None
    return number.quantize(decimal.Decimal("0.000001"))


def whole_number_of(value: Any, field_name: str, warn: Warn) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 32767:
        warn(field_name, f"{str(value)[:40]!r} is not a whole number, so it was left out")
        return None
    return value


_HTML_TAG = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);"
)
_LINE_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6]|tr|ul|ol)>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"<li(?:\s[^<>]*)?>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when text holds tags or character entities."""
    return _HTML_TAG.search(text) is not None


def html_to_text(text: str) -> str:
    """HTML as plain text: a line for each paragraph, line break or list item; no tags."""
    text = _LIST_ITEM.sub("\n", _LINE_BREAK.sub("\n", text))
    text = html.unescape(strip_tags(text)).replace("\xa0", " ")
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


class Reader:
    """Reads one object's fields, reporting problems under a dotted field path."""

    def __init__(self, data: dict, path: str, warn: Warn) -> None:
        self.data = data
        self.path = path
        self._warn = warn

    def name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def warn(self, key: str, reason: str) -> None:
        self._warn(self.name(key), reason)

    def text(
        self, key: str, limit: int | None = None, *, fallback: str = "", markup: bool = True
    ) -> str:
        """The field as plain text; with `markup`, HTML (as many feeds send) becomes text."""
        value = self.data.get(key)
        if value is None or value == "":
            value = self.data.get(fallback) if fallback else None
        if value is None:
            return ""
        if isinstance(value, dict | list):
            self.warn(key, "is not text, so it was left out")
            return ""
        text = str(value).strip()
        if markup and looks_like_html(text):
            text = html_to_text(text)
            self.warn(key, "held HTML, which was turned into plain text")
        if limit and len(text) > limit:
            self.warn(key, f"is longer than {limit} characters, so it was cut short")
            text = text[:limit]
        return text

    def email(self, key: str) -> str:
        text = self.text(key, 254, markup=False)
        if not text:
            return ""
        try:
            _email_ok(text)
        except ValidationError:
            self.warn(key, f"{text[:60]!r} is not an email address, so it was left out")
            return ""
        return text

    def url(self, key: str) -> str:
        text = self.text(key, markup=False)
        if not text:
            return ""
        if "://" not in text and "." in text and " " not in text:
            text = "https://" + text  # "www.example.org" is how people write web addresses
        try:
            if len(text) > 500:
                raise ValidationError("too long")
            _url_ok(text)
        except ValidationError:
            self.warn(key, f"{text[:60]!r} is not a web address, so it was left out")
            return ""
        return text

    def choice(self, key: str, allowed: set[str], default: str = "") -> str:
        text = self.text(key).lower()
        if text and text not in allowed:
            self.warn(key, f"{text[:40]!r} is not one of {', '.join(sorted(allowed))}")
            return default
        return text or default

    def items(self, key: str) -> list[dict]:
        value = self.data.get(key)
        if value in (None, ""):
            return []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise RecordRejected(self.name(key), "is not a list of objects")
        return value

    def child_id(self, data: dict, key: str) -> uuid.UUID:
        return uuid_of(data.get("id"), f"{self.name(key)}.id")
