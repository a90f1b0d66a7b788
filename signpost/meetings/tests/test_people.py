"""Members see the next meeting and send apologies; facilitators record attendance."""

import pytest
from django.urls import reverse

from signpost.meetings.models import Apology, Attendance
from signpost.workspace.models import Role
from signpost.workspace.tests.factories import GroupFactory, member_of

from .factories import with_slot

pytestmark = pytest.mark.django_db


def test_a_member_sees_the_next_meeting_on_their_home_and_group_page(client):
    group = with_slot(GroupFactory())
    client.force_login(member_of(group))
    nxt = group.meetings.upcoming().first()
    when = nxt.local_start.strftime("%A %-d %B %Y, %H:%M")
    home = client.get(reverse("workspace:home")).content.decode()
    assert "Next meeting" in home and when in home
    page = client.get(reverse("workspace:group", args=[group.slug])).content.decode()
    assert when in page
    meeting_page = client.get(
        reverse("meetings:meeting", args=[group.slug, nxt.pk])
    ).content.decode()
    assert "Community Room, 1 High Street" in meeting_page and "Step-free entrance" in meeting_page


def test_a_member_sends_apologies_and_the_facilitator_sees_them(client):
    group = with_slot(GroupFactory())
    member = member_of(group, first_name="Asha")
    meeting = group.meetings.upcoming().first()
    client.force_login(member)
    client.post(reverse("meetings:apologies", args=[group.slug, meeting.pk]))
    client.post(reverse("meetings:apologies", args=[group.slug, meeting.pk]))
    assert Apology.objects.filter(meeting=meeting, user=member).count() == 1
    client.force_login(member_of(group, role=Role.FACILITATOR))
    page = client.get(
        reverse("meetings:attendance", args=[group.slug, meeting.pk])
    ).content.decode()
    assert "Asha (sent apologies)" in page


def test_a_facilitator_records_who_came_and_the_latest_record_counts(client):
    group = with_slot(GroupFactory())
    asha, ben = member_of(group, first_name="Asha"), member_of(group, first_name="Ben")
    facilitator = member_of(group, role=Role.FACILITATOR)
    meeting = group.meetings.upcoming().first()
    client.force_login(facilitator)
    url = reverse("meetings:attendance", args=[group.slug, meeting.pk])
    client.post(url, {"attended": [str(asha.pk)]})
    client.post(url, {"attended": [str(asha.pk), str(ben.pk)]})
    latest = {a.user_id: a.attended for a in Attendance.objects.filter(meeting=meeting)}
    assert latest == {asha.pk: True, ben.pk: True, facilitator.pk: False}
    assert Attendance.objects.filter(meeting=meeting).count() == 6
    assert Attendance.objects.filter(recorded_by=facilitator).count() == 6


def test_members_cannot_record_attendance_or_reach_another_groups_meetings(client):
    group, other = with_slot(GroupFactory()), with_slot(GroupFactory())
    client.force_login(member_of(group))
    meeting = group.meetings.first()
    assert (
        client.get(reverse("meetings:attendance", args=[group.slug, meeting.pk])).status_code == 404
    )
    assert client.get(reverse("meetings:list", args=[other.slug])).status_code == 404
    foreign = other.meetings.first()
    assert (
        client.post(reverse("meetings:apologies", args=[other.slug, foreign.pk])).status_code == 404
    )
    assert client.get(reverse("meetings:meeting", args=[group.slug, foreign.pk])).status_code == 404
