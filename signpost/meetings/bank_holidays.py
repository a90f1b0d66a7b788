"""Bank holidays in England and Wales, so a meeting that falls on one is flagged well ahead.

Source: https://www.gov.uk/bank-holidays (England and Wales), checked December 2026.
Kept as data rather than fetched, so the site needs no other host at run time. Add the next
year's list when GOV.UK publishes it; a one-off holiday (a jubilee, a coronation) goes here too.
"""

from __future__ import annotations

import datetime as dt

ENGLAND_AND_WALES: frozenset[dt.date] = frozenset(
    dt.date.fromisoformat(day)
    for day in [
        # 2026
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
        "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        # 2027
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
        "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
        # 2028
        "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01",
        "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26",
        # 2029
        "2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07",
        "2029-05-28", "2029-08-27", "2029-12-25", "2029-12-26",
    ]
)  # fmt: skip


def is_bank_holiday(day: dt.date) -> bool:
    """True when the day is a bank holiday in England and Wales."""
    return day in ENGLAND_AND_WALES
