"""The service page says a service's opening hours once, with any notes the feed adds."""

import datetime as dt

import pytest
from django.urls import reverse

from signpost.directory.hours_lines import restates_hours, schedule_line
from signpost.directory.models import Schedule

from .factories import ServiceFactory, add_schedule


def rule(byday="MO", opens=dt.time(10, 30), closes=dt.time(13), description="", **extra):
    return Schedule(
        freq="WEEKLY", byday=byday, opens_at=opens, closes_at=closes, description=description,
        **extra,
    )  # fmt: skip


@pytest.mark.parametrize(
    "clause",
    ["Mondays, 10.30am to 1pm", "Open 24 hours a day", "7 days a week", "Every Thursday"],
)
def test_days_and_times_in_other_words_restate_the_hours(clause):
    assert restates_hours(clause)


@pytest.mark.parametrize("clause", ["Closed bank holidays", "Hyson Green group", "all year"])
def test_anything_more_is_not_a_restatement(clause):
    assert not restates_hours(clause)


def test_a_description_that_only_restates_the_rule_is_not_shown_again():
    assert schedule_line(rule(description="Mondays, 10.30am to 1pm.")) == "Monday, 10:30am to 1pm"


def test_a_description_adding_a_sentence_keeps_only_that_sentence():
    line = schedule_line(
        rule(
            "MO,TU,WE,TH,FR",
            dt.time(9),
            dt.time(17),
            "Mon to Fri, 9am to 5pm. No calls on bank holidays.",
        )
    )
    assert line == "Monday to Friday, 9am to 5pm. No calls on bank holidays."


def test_a_description_adding_a_clause_keeps_only_that_clause():
    line = schedule_line(
        rule(
            "MO,TU,WE,TH,FR,SA,SU",
            dt.time(0),
            dt.time(23, 59),
            "Open 24 hours a day, 7 days a week, even on Christmas Day.",
        )
    )
    assert line == "Every day, 24 hours, even on Christmas Day"


def test_a_description_that_qualifies_the_hours_is_shown_in_its_own_words():
    text = "Reception Monday to Friday, 9am to 5pm; beds staffed overnight."
    assert schedule_line(rule("MO,TU,WE,TH,FR", dt.time(9), dt.time(17), text)) == text


def test_a_schedule_without_a_readable_rule_shows_its_description():
    schedule = Schedule(description="Most weekdays; ring first to check.")
    assert schedule_line(schedule) == "Most weekdays; ring first to check."


def test_monthly_lines_start_with_a_capital_and_fortnightly_ones_say_so():
    monthly = Schedule(freq="MONTHLY", byday="2WE", opens_at=dt.time(19), closes_at=dt.time(21))
    assert schedule_line(monthly) == "Second Wednesday of the month, 7pm to 9pm"
    fortnightly = rule("SA", dt.time(10), dt.time(12), interval=2)
    assert schedule_line(fortnightly) == "Every other Saturday, 10am to midday"


def test_open_until_23_59_reads_as_midnight():
    assert schedule_line(rule("FR", dt.time(17), dt.time(23, 59))) == "Friday, 5pm to midnight"


def test_the_service_page_shows_the_hours_once(client, db, home_page):
    service = ServiceFactory(name="Tuesday Circle")
    add_schedule(
        service,
        freq="WEEKLY",
        byday="TU",
        opens_at=dt.time(18, 30),
        closes_at=dt.time(20),
        description="Tuesdays, 6.30pm to 8pm. Bring a friend if you like.",
    )
    body = client.get(reverse("directory:service", args=[service.id])).content.decode()
    hours = body.split("<h2>Opening times</h2>")[1].split("<h2>")[0]
    assert hours.count("6:30pm") + hours.count("6.30pm") == 1
    assert hours.count("Bring a friend if you like.") == 1
    assert "<li>Tuesday, 6:30pm to 8pm. Bring a friend if you like.</li>" in hours
