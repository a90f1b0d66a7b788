"""Urgent-help contacts: each nation's defaults, who a contact suits, and when it is open.

Kept apart from the models so the 500 page can use it with no database: the last contacts
read successfully are held in memory, and the code defaults stand in before any read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
DAYS = [
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
]
DAY_CODES = [code for code, _ in DAYS]
DAY_NAMES = dict(DAYS)

NATIONS = [
    ("england", "England"),
    ("scotland", "Scotland"),
    ("wales", "Wales"),
    ("northern_ireland", "Northern Ireland"),
]

Contact = dict[str, Any]


def _contact(name: str, number: str, description: str, label: str, **extra: Any) -> Contact:
    """One default contact, open 24 hours and shown in the strip unless `extra` says not."""
    contact: Contact = {
        "name": name,
        "action": "call",
        "number": number,
        "message": "",
        "description": description,
        "show_in_banner": True,
        "banner_label": label,
        "open_24_hours": True,
        "opening_times": [],
        "min_age": None,
        "max_age": None,
    }
    contact.update(extra)
    return contact


EMERGENCY = _contact(
    "Emergency services",
    "999",
    "If someone's life is at risk or they are seriously hurt, call 999 or go to A&E now.",
    "Emergency 999",
)
SAMARITANS = _contact(
    "Samaritans",
    "116 123",
    "Free, any time, day or night. Someone will listen.",
    "Samaritans 116 123",
)
SHOUT = _contact(
    "Shout",
    "85258",
    "Text SHOUT to 85258 for free, 24 hours a day, if you would rather not talk.",
    "Text SHOUT to 85258",
    action="text",
    message="SHOUT",
)
CHILDLINE = _contact(
    "Childline",
    "0800 1111",
    "Free for children and young people under 19, 24 hours a day.",
    "Childline 0800 1111 (under 19s)",
    max_age=18,
)

NATION_ROUTES: dict[str, Contact] = {
    "england": _contact(
        "NHS 111, option 2",
        "111",
        "Call 111 and choose option 2 for your local NHS mental health crisis line. "
        "Any age, 24 hours a day.",
        "NHS 111, option 2",
    ),
    "scotland": _contact(
        "NHS 24 on 111",
        "111",
        "Call NHS 24 on 111 and choose the mental health option. Any age, 24 hours a day.",
        "NHS 24 on 111",
    ),
    "wales": _contact(
        "NHS 111 Wales, press 2",
        "111",
        "Call 111 and press 2 for the NHS mental health line. Any age, 24 hours a day.",
        "NHS 111, press 2",
    ),
    "northern_ireland": _contact(
        "Lifeline",
        "0808 808 8000",
        "Northern Ireland's crisis helpline. Free, any age, 24 hours a day.",
        "Lifeline 0808 808 8000",
    ),
}


def nation_defaults(nation: str) -> list[Contact]:
    """The urgent routes a nation's sites start with; staff may edit them afterwards."""
    route = NATION_ROUTES.get(nation, NATION_ROUTES["england"])
    return [dict(c) for c in (EMERGENCY, route, SAMARITANS, SHOUT, CHILDLINE)]


def as_stream(contacts: Iterable[Contact]) -> list[tuple[str, Contact]]:
    """Contacts in the shape a StreamField default or assignment takes."""
    return [("contact", dict(c)) for c in contacts]


def same_routes(a: Iterable[Mapping[str, Any]], b: Iterable[Mapping[str, Any]]) -> bool:
    """Whether two lists name the same services on the same numbers, in the same order."""

    def key(contacts: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
        return [(str(c.get("name")), str(c.get("number"))) for c in contacts]

    return key(a) == key(b)


_last_known: list[Contact] | None = None


def remember(contacts: list[Contact]) -> None:
    """Keep the contacts just read, for pages that must render without the database."""
    global _last_known
    _last_known = [dict(c) for c in contacts]


def last_known_contacts() -> list[Contact]:
    """The contacts last read from settings, or England's defaults if none were read yet."""
    return [dict(c) for c in (_last_known or nation_defaults("england"))]


def is_general(contact: Mapping[str, Any]) -> bool:
    """A contact for any age (no age range set)."""
    return contact.get("min_age") is None and contact.get("max_age") is None


def suits_age(contact: Mapping[str, Any], age: int) -> bool:
    """Whether a person of `age` may use this contact."""
    low, high = contact.get("min_age"), contact.get("max_age")
    return (low is None or age >= low) and (high is None or age <= high)


def for_age(contacts: list[Contact], age: int | None) -> list[Contact]:
    """General contacts first, then age-specific ones that fit (all of them if age unknown)."""
    general = [c for c in contacts if is_general(c)]
    specific = [c for c in contacts if not is_general(c)]
    if age is not None:
        specific = [c for c in specific if suits_age(c, age)]
    return general + specific


def age_label(contact: Mapping[str, Any]) -> str:
    """Who a contact is for by age, in words: 'Under 19s', 'Ages 16 and over'."""
    low, high = contact.get("min_age"), contact.get("max_age")
    if high is None:
        return "" if low is None else f"Ages {low} and over"
    if low is None:
        return f"Under {high + 1}s"
    return f"Ages {low} to {high}"


def _clock(value: dt.time) -> str:
    """9am, 6:30pm, midnight: the way NHS.UK writes times."""
    if value.hour == 0 and value.minute == 0:
        return "midnight"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def _days_text(days: list[str]) -> str:
    """Days in words, a run of three or more as 'Monday to Friday'."""
    ordered = [d for d in DAY_CODES if d in days]
    if len(ordered) == 7:
        return "Every day"
    indexes = [DAY_CODES.index(d) for d in ordered]
    if len(ordered) >= 3 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{DAY_NAMES[ordered[0]]} to {DAY_NAMES[ordered[-1]]}"
    return ", ".join(DAY_NAMES[d] for d in ordered)


def hours_lines(contact: Mapping[str, Any]) -> list[str]:
    """When a contact is open, one line a window: ['24 hours, every day'] or 'Monday ...'."""
    if contact.get("open_24_hours"):
        return ["24 hours, every day"]
    return [
        f"{_days_text(list(w.get('days') or []))}, {_clock(w['opens'])} to {_clock(w['closes'])}"
        for w in contact.get("opening_times") or []
        if w.get("opens") is not None and w.get("closes") is not None
    ]


def _window_open(window: Mapping[str, Any], now: dt.datetime) -> bool:
    """Whether `now` (London time) falls in a window; one that closes early is overnight."""
    days = list(window.get("days") or [])
    opens, closes = window.get("opens"), window.get("closes")
    if opens is None or closes is None:
        return False
    today = DAY_CODES[now.weekday()]
    yesterday = DAY_CODES[(now.weekday() - 1) % 7]
    moment = now.time()
    if closes > opens:
        return today in days and opens <= moment < closes
    return (today in days and moment >= opens) or (yesterday in days and moment < closes)


def open_now(contact: Mapping[str, Any], now: dt.datetime | None = None) -> bool | None:
    """True or False in London time, or None when the contact gives no hours."""
    if contact.get("open_24_hours"):
        return True
    windows = contact.get("opening_times") or []
    if not windows:
        return None
    local = (now or dt.datetime.now(tz=LONDON)).astimezone(LONDON)
    return any(_window_open(w, local) for w in windows)


def present(contacts: list[Contact], now: dt.datetime | None = None) -> list[Contact]:
    """Contacts with their hours, open-now state and age label, for the urgent help page."""
    return [
        {**c, "hours": hours_lines(c), "open_now": open_now(c, now), "ages": age_label(c)}
        for c in contacts
    ]
