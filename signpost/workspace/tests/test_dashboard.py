"""The facilitator's dashboard: next meetings, agenda load, open actions, attendance over the
last six meetings, and members not seen for three meetings in a row (never removed)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from signpost.meetings import agendas
from signpost.meetings.models import Action, Attendance
from signpost.meetings.tests.factories import past_meeting, with_slot
from signpost.workspace.models import Membership, Role

from .factories import GroupFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    return GroupFactory(name="Website voices")


def page(client, group) -> str:
    client.force_login(member_of(group, role=Role.FACILITATOR))
    response = client.get(reverse("workspace:group_dashboard", args=[group.slug]))
    assert response.status_code == 200
    return response.content.decode()


def record(meeting, came: list, missed: list = ()) -> None:
    Attendance.objects.bulk_create(
        [Attendance(meeting=meeting, user=p, attended=True) for p in came]
        + [Attendance(meeting=meeting, user=p, attended=False) for p in missed]
    )


def test_the_dashboard_shows_the_next_meetings_and_warns_of_a_full_agenda(client, group):
    with_slot(group, minutes=60)
    upcoming = list(group.meetings.upcoming()[:3])
    agendas.add_item(agenda=agendas.agenda_for(upcoming[0]), title="Home page", minutes=55,
                     owner="Sam", project_need="Findable support")  # fmt: skip
    html = page(client, group)
    for meeting in upcoming:
        assert meeting.local_start.strftime("%A %-d %B %Y, %H:%M") in html
    assert "The agenda fills 55 of 60 minutes" in html
    assert "think about parking an item" in html


def test_open_actions_show_with_owner_and_due_date_and_done_ones_do_not(client, group):
    owner = member_of(group, first_name="Jules")
    meeting = past_meeting(group, days_ago=7)
    due = timezone.localdate() + dt.timedelta(days=5)
    Action.objects.create(
        group=group, meeting=meeting, text="Ring the library", owner=owner, due_on=due
    )
    Action.objects.create(group=group, meeting=meeting, text="Book the room", due_on=due,
                          done_at=timezone.now())  # fmt: skip
    html = page(client, group)
    assert "Ring the library: Jules" in html
    assert "Book the room" not in html


def test_attendance_over_the_last_six_meetings_is_a_chart_with_a_table(client, group):
    people = [member_of(group) for _ in range(4)]
    old = past_meeting(group, days_ago=300)
    record(old, people)
    for weeks, count in zip(range(12, 0, -2), [1, 2, 3, 4, 2, 1], strict=True):
        record(past_meeting(group, days_ago=weeks * 7), people[:count])
    html = page(client, group)
    assert "<svg" in html and 'role="img"' in html
    table = html[html.index("How many came to each meeting") :]
    cells = [c.split("<")[0] for c in table.split('nhsuk-table__cell--numeric">')[1:]]
    assert cells == ["1", "2", "3", "4", "2", "1"]
    assert old.local_start.strftime("%-d %B %Y") not in table


def test_a_member_missing_three_meetings_in_a_row_prompts_a_kind_check_in(client, group):
    away = member_of(group, first_name="Morgan")
    lately = member_of(group, first_name="Ash")
    joined = timezone.now() - dt.timedelta(days=120)
    Membership.objects.filter(user__in=[away, lately]).update(created_at=joined)
    meetings = [past_meeting(group, days_ago=d) for d in (90, 60, 30)]
    for meeting in meetings:
        record(meeting, [lately] if meeting is meetings[-1] else [], [away])
    newcomer = member_of(group, first_name="Robin")  # joined after those meetings
    html = page(client, group)
    section = html[html.index("Not seen for a while") :]
    assert "Morgan" in section and "kind check-in" in section
    assert "Ash" not in section and "Robin" not in section
    assert "Nobody is removed" in section
    assert Membership.objects.current().filter(user__in=[away, newcomer]).count() == 2


def test_the_dashboard_is_not_found_for_members_and_other_groups_facilitators(client, group):
    url = reverse("workspace:group_dashboard", args=[group.slug])
    other = GroupFactory(project=group.project)
    for person in (member_of(group), member_of(other, role=Role.FACILITATOR)):
        client.force_login(person)
        assert client.get(url).status_code == 404


def test_facilitators_find_the_dashboard_from_the_group_page(client, group):
    client.force_login(member_of(group, role=Role.FACILITATOR))
    html = client.get(reverse("workspace:group", args=[group.slug])).content.decode()
    assert reverse("workspace:group_dashboard", args=[group.slug]) in html
