"""Opening hours as staff think of them: a week of days, each closed, open all day or open
at set times, with a note.

The database keeps HSDS schedules (weekly rules with days and times). This module reads the
schedules a week can say into a week for the admin form, and turns an edited week back into
schedules. Schedules a week cannot say exactly (monthly, dated, tied to one place, with a link
or attendance type) are left alone, so editing the week never loses what an import brought in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from signpost.directory.opening import DAY_CODES, parse_byday

CLOSED, OPEN, ALL_DAY = "closed", "open", "24h"
MIDNIGHT = dt.time(0, 0)
END_OF_DAY = dt.time(23, 59)


class WeeklySchedule(Protocol):
    """The schedule fields this module reads (a Schedule row, or one from a revision)."""

    service_at_location_id: object
    freq: str
    interval: int | None
    byday: str
    bymonthday: str
    opens_at: dt.time | None
    closes_at: dt.time | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    dtstart: dt.date | None
    until: dt.date | None
    description: str
    notes: str
    attending_type: str
    schedule_link: str


@dataclass(frozen=True)
class Window:
    """One opening on a day; `closes` before `opens` means it closes after midnight."""

    opens: dt.time
    closes: dt.time


@dataclass(frozen=True)
class DayHours:
    state: str = CLOSED
    windows: tuple[Window, ...] = ()
    note: str = ""


Week = tuple[DayHours, ...]  # seven days, Monday first
CLOSED_WEEK: Week = (DayHours(),) * 7


@dataclass(frozen=True)
class Rule:
    """One weekly schedule to store: these days, these times (none for a note on a closed day)."""

    days: tuple[int, ...]
    opens_at: dt.time | None
    closes_at: dt.time | None
    description: str

    @property
    def byday(self) -> str:
        return ",".join(DAY_CODES[day] for day in self.days)


def fits_week(schedule: WeeklySchedule) -> bool:
    """Whether the week form says exactly what this schedule says (if not, it is kept as is)."""
    if schedule.service_at_location_id or (schedule.freq or "WEEKLY").upper() != "WEEKLY":
        return False
    extras = (schedule.bymonthday, schedule.valid_from, schedule.valid_to, schedule.dtstart)
    more = (schedule.until, schedule.notes, schedule.attending_type, schedule.schedule_link)
    if schedule.interval not in (None, 1) or any(extras) or any(more):
        return False
    parts = [p for p in (schedule.byday or "").replace(" ", "").split(",") if p]
    rules = parse_byday(schedule.byday)
    if not rules or len(rules) != len(parts) or any(r.ordinal for r in rules):
        return False
    timed = schedule.opens_at is not None and schedule.closes_at is not None
    untimed = schedule.opens_at is None and schedule.closes_at is None
    return (timed and schedule.opens_at != schedule.closes_at) or (
        untimed and bool(schedule.description.strip())
    )


def _is_all_day(opens: dt.time, closes: dt.time) -> bool:
    return opens == MIDNIGHT and closes in (END_OF_DAY, MIDNIGHT)


def week_from_schedules(schedules: Iterable[WeeklySchedule]) -> Week:
    """The week the given schedules describe (call with the ones that fit a week)."""
    windows: list[set[Window]] = [set() for _ in range(7)]
    all_day = [False] * 7
    notes: list[list[str]] = [[] for _ in range(7)]
    for schedule in schedules:
        for day in sorted({rule.weekday for rule in parse_byday(schedule.byday)}):
            note = schedule.description.strip()
            if note and note not in notes[day]:
                notes[day].append(note)
            if schedule.opens_at is None or schedule.closes_at is None:
                continue
            if _is_all_day(schedule.opens_at, schedule.closes_at):
                all_day[day] = True
            else:
                windows[day].add(Window(schedule.opens_at, schedule.closes_at))
    return tuple(
        DayHours(
            state=ALL_DAY if all_day[day] else OPEN if windows[day] else CLOSED,
            windows=() if all_day[day] else tuple(sorted(windows[day], key=_window_key)),
            note="; ".join(notes[day]),
        )
        for day in range(7)
    )


def _window_key(window: Window) -> tuple[dt.time, dt.time]:
    return (window.opens, window.closes)


def rules_for_week(week: Sequence[DayHours]) -> list[Rule]:
    """Schedules for a week: days with the same hours and note share one schedule per time."""
    groups: dict[DayHours, list[int]] = {}
    for day, hours in enumerate(week):
        groups.setdefault(hours, []).append(day)
    rules = []
    for hours, days in groups.items():
        note = hours.note.strip()
        if hours.state == ALL_DAY:
            rules.append(Rule(tuple(days), MIDNIGHT, END_OF_DAY, note))
        elif hours.state == OPEN and hours.windows:
            rules += [Rule(tuple(days), w.opens, w.closes, note) for w in hours.windows]
        elif note:
            rules.append(Rule(tuple(days), None, None, note))
    return sorted(rules, key=lambda r: (r.days, r.opens_at or MIDNIGHT))


_TIME_RE = re.compile(r"^(\d{1,2})(?:[:.]?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$")
_WORDS = {"midday": dt.time(12, 0), "noon": dt.time(12, 0), "midnight": MIDNIGHT}


def parse_time(text: str) -> dt.time | None:
    """A time as people type it ('9', '09:30', '5.30pm', 'midday'); None if it is not one."""
    cleaned = text.strip().lower()
    if cleaned in _WORDS:
        return _WORDS[cleaned]
    match = _TIME_RE.match(cleaned)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").replace(".", "")
    if suffix:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def format_time(value: dt.time) -> str:
    """How the form shows a stored time: 24-hour, as staff can type it back."""
    return value.strftime("%H:%M")
