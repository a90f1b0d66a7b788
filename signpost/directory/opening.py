"""Opening hours from HSDS schedules: is a service open now, and how to say when it opens."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_BYDAY_RE = re.compile(r"^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$")
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}


class ScheduleLike(Protocol):
    freq: str
    byday: str
    opens_at: dt.time | None
    closes_at: dt.time | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    description: str


@dataclass(frozen=True)
class DayRule:
    weekday: int  # 0 = Monday
    ordinal: int | None  # 1 = first, -1 = last, None = every week


def parse_byday(byday: str) -> list[DayRule]:
    """Parse 'MO,TU' or '1TU,-1FR' into rules; anything unreadable is skipped."""
    rules = []
    for part in (byday or "").upper().replace(" ", "").split(","):
        match = _BYDAY_RE.match(part)
        if match:
            ordinal = int(match.group(1)) if match.group(1) else None
            rules.append(DayRule(DAY_CODES.index(match.group(2)), ordinal))
    return rules


def _matches_day(rule: DayRule, day: dt.date, monthly: bool) -> bool:
    if day.weekday() != rule.weekday:
        return False
    if not monthly or rule.ordinal is None:
        return True
    if rule.ordinal > 0:
        return (day.day - 1) // 7 + 1 == rule.ordinal
    # Counting from the end: how many more of this weekday are left in the month.
    left = sum(1 for k in range(1, 6) if (day + dt.timedelta(weeks=k)).month == day.month)
    return left == -rule.ordinal - 1


def _runs_on(schedule: ScheduleLike, day: dt.date) -> bool:
    if schedule.valid_from and day < schedule.valid_from:
        return False
    if schedule.valid_to and day > schedule.valid_to:
        return False
    monthly = (schedule.freq or "").upper() == "MONTHLY"
    return any(_matches_day(rule, day, monthly) for rule in parse_byday(schedule.byday))


def is_open_at(schedules: Iterable[ScheduleLike], moment: dt.datetime) -> bool:
    """True if any schedule has the service open at this local time."""
    today, now = moment.date(), moment.time()
    yesterday = today - dt.timedelta(days=1)
    for schedule in schedules:
        opens, closes = schedule.opens_at, schedule.closes_at
        if opens is None or closes is None:
            continue
        if is_all_day(schedule):
            if _runs_on(schedule, today):
                return True
            continue
        if opens < closes:
            if _runs_on(schedule, today) and opens <= now < closes:
                return True
        else:  # runs past midnight
            if _runs_on(schedule, today) and now >= opens:
                return True
            if _runs_on(schedule, yesterday) and now < closes:
                return True
    return False


def is_all_day(schedule: ScheduleLike) -> bool:
    """00:00 to 23:59 (or 00:00) means the whole day."""
    return schedule.opens_at == dt.time(0, 0) and schedule.closes_at in (
        dt.time(23, 59),
        dt.time(0, 0),
    )


def is_always_open(schedules: Iterable[ScheduleLike]) -> bool:
    """True when some weekly schedule covers all seven days, all day."""
    return any(
        is_all_day(s)
        and (s.freq or "WEEKLY").upper() == "WEEKLY"
        and {r.weekday for r in parse_byday(s.byday) if r.ordinal is None} == set(range(7))
        for s in schedules
    )


def _time(value: dt.time) -> str:
    text = value.strftime("%I:%M%p").lstrip("0").lower().replace(":00", "")
    return {"12am": "midnight", "12pm": "midday"}.get(text, text)


def _days_text(rules: list[DayRule]) -> str:
    names = []
    for rule in rules:
        name = DAY_NAMES[rule.weekday]
        names.append(
            f"{_ORDINALS.get(rule.ordinal, '')} {name} of the month".strip()
            if rule.ordinal
            else name
        )
    if [r.weekday for r in rules] == list(range(5)) and all(r.ordinal is None for r in rules):
        return "Monday to Friday"
    if len(rules) == 7:
        return "Every day"
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]


def describe(schedule: ScheduleLike) -> str:
    """A plain-English line for one schedule: 'Monday to Friday, 9am to 5pm'."""
    rules = parse_byday(schedule.byday)
    if not rules or schedule.opens_at is None or schedule.closes_at is None:
        return schedule.description or ""
    if is_all_day(schedule):
        return f"{_days_text(rules)}, 24 hours"
    return f"{_days_text(rules)}, {_time(schedule.opens_at)} to {_time(schedule.closes_at)}"


_DAY_SECONDS = 24 * 60 * 60
_WEEK_SECONDS = 7 * _DAY_SECONDS


def _seconds(value: dt.time) -> int:
    return value.hour * 3600 + value.minute * 60 + value.second


def _weekly_spans(schedule: ScheduleLike) -> list[tuple[int, int]]:
    """When in a week the schedule is open, as seconds from Monday 00:00 (may run past Sunday)."""
    opens, closes = schedule.opens_at, schedule.closes_at
    if opens is None or closes is None:
        return []  # unknown times: as for "open now", never counted as open
    spans = []
    for weekday in sorted({rule.weekday for rule in parse_byday(schedule.byday)}):
        base = weekday * _DAY_SECONDS
        if is_all_day(schedule):
            spans.append((base, base + _DAY_SECONDS))
        elif opens < closes:
            spans.append((base + _seconds(opens), base + _seconds(closes)))
        else:  # runs past midnight into the next day
            spans.append((base + _seconds(opens), base + _DAY_SECONDS + _seconds(closes)))
    return spans


def is_open_during(
    schedule: ScheduleLike,
    weekday: int | None,
    start: dt.time | None = None,
    end: dt.time | None = None,
) -> bool:
    """True if the schedule is open at some moment of the window asked for.

    The window is `start` to `end` on `weekday` (0 = Monday; any day when None). Either end may
    be left open; an `end` before `start` runs past midnight; `start` equal to `end` asks about
    that moment. Hours that run past midnight count on the next morning too.
    """
    spans = _weekly_spans(schedule)
    if not spans:
        return False
    begin = _seconds(start) if start else 0
    finish = _seconds(end) if end else _DAY_SECONDS
    if finish == begin:
        finish = begin + 1
    elif finish < begin:
        finish += _DAY_SECONDS
    days = range(7) if weekday is None else (weekday,)
    windows = [(day * _DAY_SECONDS + begin, day * _DAY_SECONDS + finish) for day in days]
    return any(
        a + shift < window_end and window_start < b + shift
        for a, b in spans
        for window_start, window_end in windows
        for shift in (-_WEEK_SECONDS, 0, _WEEK_SECONDS)
    )
