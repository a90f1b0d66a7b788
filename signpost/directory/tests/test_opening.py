import datetime as dt
from types import SimpleNamespace

from signpost.directory import opening


def schedule(byday, opens, closes, freq="WEEKLY", **extra):
    return SimpleNamespace(
        freq=freq,
        byday=byday,
        opens_at=dt.time.fromisoformat(opens) if opens else None,
        closes_at=dt.time.fromisoformat(closes) if closes else None,
        valid_from=extra.get("valid_from"),
        valid_to=extra.get("valid_to"),
        description=extra.get("description", ""),
    )


MONDAY_NOON = dt.datetime(2026, 11, 23, 12, 0)  # a Monday


def test_weekday_service_is_open_at_noon_on_monday_and_closed_on_sunday():
    hours = [schedule("MO,TU,WE,TH,FR", "09:00", "17:00")]
    assert opening.is_open_at(hours, MONDAY_NOON)
    assert not opening.is_open_at(hours, MONDAY_NOON - dt.timedelta(days=1))
    assert not opening.is_open_at(hours, MONDAY_NOON.replace(hour=17))


def test_evening_session_that_runs_past_midnight_is_open_in_the_small_hours():
    hours = [schedule("FR", "18:00", "02:00")]
    friday_late = dt.datetime(2026, 11, 27, 23, 30)
    saturday_early = dt.datetime(2026, 11, 28, 1, 30)
    assert opening.is_open_at(hours, friday_late)
    assert opening.is_open_at(hours, saturday_early)
    assert not opening.is_open_at(hours, saturday_early.replace(hour=3))


def test_monthly_first_tuesday_group_only_meets_on_the_first_tuesday():
    hours = [schedule("1TU", "10:00", "12:00", freq="MONTHLY")]
    assert opening.is_open_at(hours, dt.datetime(2026, 12, 1, 11, 0))
    assert not opening.is_open_at(hours, dt.datetime(2026, 12, 8, 11, 0))


def test_last_friday_of_the_month_is_recognised():
    hours = [schedule("-1FR", "10:00", "12:00", freq="MONTHLY")]
    assert opening.is_open_at(hours, dt.datetime(2026, 11, 27, 11, 0))
    assert not opening.is_open_at(hours, dt.datetime(2026, 11, 20, 11, 0))


def test_all_week_all_day_is_always_open_and_described_as_24_hours():
    hours = [schedule("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59")]
    assert opening.is_always_open(hours)
    assert opening.is_open_at(hours, MONDAY_NOON.replace(hour=23, minute=59, second=30))
    assert opening.describe(hours[0]) == "Every day, 24 hours"


def test_description_reads_as_plain_english():
    assert opening.describe(schedule("MO,TU,WE,TH,FR", "09:00", "17:30")) == (
        "Monday to Friday, 9am to 5:30pm"
    )


def test_unreadable_days_are_ignored_not_fatal():
    assert opening.parse_byday("XX,MO,,9ZZ") == [opening.DayRule(0, None)]
