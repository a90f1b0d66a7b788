"""The group's meeting time in plain words, for the poster and the public form.

The meetings app keeps a group's fixed slot as an RFC 5545 rule; people read "the second
Tuesday of each month, 2pm to 3:30pm", never rule syntax. Without a slot, the campaign's
own words are used.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from signpost.workspace.models import Campaign

DAYS = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth", "-1": "last"}


def meeting_time(campaign: Campaign) -> str:
    """When the group meets: from its fixed slot when there is one, else the campaign's text."""
    slot = _slot(campaign)
    if slot is not None:
        words = slot_in_words(slot.rrule, slot.start_time, slot.duration_minutes)
        if words:
            return words
    return campaign.meeting_time_text


def _slot(campaign: Campaign) -> Any:
    if campaign.group is None:
        return None
    try:
        return campaign.group.meeting_slot  # type: ignore[attr-defined]
    except Exception:  # no meetings app, or no slot set yet
        return None


def slot_in_words(rule: str, start: dt.time, minutes: int) -> str:
    """'FREQ=MONTHLY;BYDAY=2TU' at 14:00 for 90 minutes -> 'The second Tuesday of each month,
    2pm to 3:30pm'. An empty string for a rule these words cannot say."""
    parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
    byday = parts.get("BYDAY", "")
    ordinal, day = byday[:-2].lstrip("+"), DAYS.get(byday[-2:])
    end = (dt.datetime.combine(dt.date(2000, 1, 1), start) + dt.timedelta(minutes=minutes)).time()
    times = f"{clock(start)} to {clock(end)}"
    if parts.get("FREQ") == "MONTHLY" and day and ordinal in ORDINALS:
        return f"The {ORDINALS[ordinal]} {day} of each month, {times}"
    if parts.get("FREQ") == "WEEKLY" and day and not ordinal:
        every = "Every other" if parts.get("INTERVAL") == "2" else "Every"
        return f"{every} {day}, {times}"
    return ""


def clock(time: dt.time) -> str:
    """14:00 -> '2pm', 15:30 -> '3:30pm', 12:00 -> 'midday' (the NHS.UK style for times)."""
    if time.hour == 12 and time.minute == 0:
        return "midday"
    hour = time.hour % 12 or 12
    suffix = "am" if time.hour < 12 else "pm"
    return f"{hour}:{time.minute:02d}{suffix}" if time.minute else f"{hour}{suffix}"
