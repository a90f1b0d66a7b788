"""A group's fixed slot: set in plain words, stored as an RFC 5545 rule, a year of meetings."""

import datetime as dt

import pytest
from django.urls import reverse

from signpost.meetings import services, slots
from signpost.meetings.models import LONDON, Meeting, MeetingSlot
from signpost.workspace.models import Role
from signpost.workspace.tests.factories import GroupFactory, member_of

from .factories import with_slot

pytestmark = pytest.mark.django_db


def test_second_tuesday_of_the_month_becomes_an_rfc_5545_rule_and_back():
    rule = slots.rule_from_words(frequency="monthly", weekday="TU", week_of_month="2")
    assert rule == "FREQ=MONTHLY;BYDAY=2TU"
    assert slots.words_from_rule(rule) == {
        "frequency": "monthly", "weekday": "TU", "week_of_month": "2",
    }  # fmt: skip


def test_a_monthly_slot_yields_twelve_meetings_on_the_second_tuesday_and_twice_adds_nothing():
    group = with_slot(GroupFactory())
    meetings = list(group.meetings.all())
    assert 12 <= len(meetings) <= 13
    for meeting in meetings:
        local = meeting.local_start
        assert local.weekday() == 1 and 8 <= local.day <= 14 and local.hour == 14
    assert services.generate_meetings(group=group) == 0
    assert group.meetings.count() == len(meetings)


def test_meetings_keep_london_wall_clock_time_across_summer_time():
    group = with_slot(GroupFactory(), rule="FREQ=WEEKLY;BYDAY=WE")
    hours = {m.starts_at.astimezone(LONDON).hour for m in group.meetings.all()}
    assert hours == {14}


def test_the_slot_form_speaks_plain_words_and_saves_a_rule(client):
    group = GroupFactory()
    client.force_login(member_of(group, role=Role.FACILITATOR))
    url = reverse("meetings:slot", args=[group.slug])
    page = client.get(url).content.decode()
    assert "FREQ" not in page and "BYDAY" not in page and "Which week of the month?" in page
    response = client.post(url, {
        "frequency": "monthly", "week_of_month": "-1", "weekday": "FR", "start_time": "10:30",
        "duration_minutes": "60", "venue": "Library meeting room",
    })  # fmt: skip
    assert response.status_code == 302
    slot = MeetingSlot.objects.get(group=group)
    assert slot.rrule == "FREQ=MONTHLY;BYDAY=-1FR" and slot.start_time == dt.time(10, 30)
    assert group.meetings.count() >= 12
    listing = client.get(reverse("meetings:list", args=[group.slug])).content.decode()
    assert "Last Friday of the month, 10:30 to 11:30" in listing and "FREQ" not in listing


def test_a_slot_on_top_of_another_group_of_the_project_is_refused_and_nothing_typed_is_lost(client):
    group = GroupFactory()
    with_slot(GroupFactory(project=group.project, name="Partners"), rule="FREQ=WEEKLY;BYDAY=TH")
    client.force_login(member_of(group, role=Role.FACILITATOR))
    response = client.post(reverse("meetings:slot", args=[group.slug]), {
        "frequency": "weekly", "weekday": "TH", "start_time": "15:00",
        "duration_minutes": "60", "venue": "The Old Chapel",
    })  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert "Partners already meets then" in page and "The Old Chapel" in page
    assert not Meeting.objects.filter(group=group).exists()


def test_an_impossible_time_gets_a_message_next_to_the_field(client):
    group = GroupFactory()
    client.force_login(member_of(group, role=Role.FACILITATOR))
    response = client.post(reverse("meetings:slot", args=[group.slug]), {
        "frequency": "monthly", "week_of_month": "2", "weekday": "TU", "start_time": "25:70",
        "duration_minutes": "90", "venue": "Hall",
    })  # fmt: skip
    assert response.status_code == 200
    assert "Enter a time like 14:00" in response.content.decode()


def test_members_who_are_not_facilitators_cannot_set_the_slot(client):
    group = GroupFactory()
    client.force_login(member_of(group))
    assert client.get(reverse("meetings:slot", args=[group.slug])).status_code == 404
