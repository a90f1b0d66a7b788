"""A group's fixed slot in plain words, turned into an RFC 5545 rule and the meetings it yields.

People never see rule words: the form asks how often, which week, which day, what time and
how long, and this module writes and reads the rule.
"""

from __future__ import annotations

import datetime as dt

from dateutil.rrule import rrulestr

from signpost.meetings.models import LONDON, MeetingSlot

WEEKDAYS = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
            "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}  # fmt: skip
WEEKS = {"1": "First", "2": "Second", "3": "Third", "4": "Fourth", "-1": "Last"}
FREQUENCIES = {
    "weekly": "Every week",
    "fortnightly": "Every two weeks",
    "monthly": "Once a month",
}


def rule_from_words(*, frequency: str, weekday: str, week_of_month: str = "") -> str:
    """The RFC 5545 rule for, say, 'once a month, second Tuesday' (FREQ=MONTHLY;BYDAY=2TU)."""
    if frequency == "weekly":
        return f"FREQ=WEEKLY;BYDAY={weekday}"
    if frequency == "fortnightly":
        return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={weekday}"
    return f"FREQ=MONTHLY;BYDAY={week_of_month}{weekday}"


def words_from_rule(rule: str) -> dict[str, str]:
    """The plain-word choices a rule came from, to fill the form again."""
    parts = dict(part.split("=", 1) for part in rule.split(";"))
    byday = parts.get("BYDAY", "MO")
    weekday, week = byday[-2:], byday[:-2]
    if parts.get("FREQ") == "MONTHLY":
        return {"frequency": "monthly", "weekday": weekday, "week_of_month": week}
    frequency = "fortnightly" if parts.get("INTERVAL") == "2" else "weekly"
    return {"frequency": frequency, "weekday": weekday, "week_of_month": ""}


def describe(slot: MeetingSlot) -> str:
    """'Second Tuesday of the month, 14:00 to 15:30', for pages and emails."""
    words = words_from_rule(slot.rrule)
    day = WEEKDAYS[words["weekday"]]
    start = dt.datetime.combine(dt.date.today(), slot.start_time)
    end = start + dt.timedelta(minutes=slot.duration_minutes)
    times = f"{start:%H:%M} to {end:%H:%M}"
    if words["frequency"] == "monthly":
        return f"{WEEKS[words['week_of_month']]} {day} of the month, {times}"
    every = "Every" if words["frequency"] == "weekly" else "Every other"
    return f"{every} {day}, {times}"


def occurrences(
    *, rule: str, starts_on: dt.date, start_time: dt.time, until: dt.datetime
) -> list[dt.datetime]:
    """Each start the rule gives up to `until`, at London wall-clock time (summer time too)."""
    first = dt.datetime.combine(starts_on, start_time)
    naive_until = until.astimezone(LONDON).replace(tzinfo=None)
    starts = rrulestr(rule, dtstart=first).between(first, naive_until, inc=True)
    return [start.replace(tzinfo=LONDON) for start in starts]
