"""Secret calendar feeds: valid iCalendar, discreet titles, reset addresses, change emails."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from signpost.meetings import services as meeting_services
from signpost.meetings.tests.factories import with_slot
from signpost.reminders import services
from signpost.workspace.models import MembershipState, Role
from signpost.workspace.services import set_membership_state
from signpost.workspace.tests.factories import GroupFactory, member_of

pytestmark = pytest.mark.django_db


def events(response) -> list:
    assert response["Content-Type"].startswith("text/calendar")
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


@pytest.fixture
def group():
    return with_slot(GroupFactory(name="Mental health lived experience group"))


def test_member_feed_lists_every_group_meeting_under_the_neutral_name(client, group):
    other = with_slot(GroupFactory(project=group.project), rule="FREQ=MONTHLY;BYDAY=4TH")
    member = member_of(group)
    from signpost.workspace.services import add_member

    add_member(group=other, user=member)
    feed = services.member_feed(member)
    found = events(client.get(reverse("workspace:calendar_feed", args=[feed.token])))
    expected = group.meetings.count() + other.meetings.count()
    assert len(found) == expected > 0
    assert {str(e["SUMMARY"]) for e in found} == {"Signpost meeting"}
    assert b"ental health" not in client.get(
        reverse("workspace:calendar_feed", args=[feed.token])
    ).content.replace(b"\r\n ", b"")


def test_a_feed_needs_no_sign_in_but_a_made_up_address_is_not_found(client, group):
    feed = services.group_feed(member_of(group), group)
    assert client.get(reverse("workspace:calendar_feed", args=[feed.token])).status_code == 200
    made_up = reverse("workspace:calendar_feed", args=["x" * 43])
    assert client.get(made_up).status_code == 404


def test_getting_a_new_address_makes_the_old_one_not_found(client, group):
    member = member_of(group)
    old = reverse("workspace:calendar_feed", args=[services.group_feed(member, group).token])
    client.force_login(member)
    client.post(reverse("workspace:calendar_reset"), {"group": group.slug})
    new = reverse("workspace:calendar_feed", args=[services.group_feed(member, group).token])
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_resetting_the_feed_of_someone_elses_group_is_not_found(client, group):
    outsider = member_of(GroupFactory(project=group.project))
    client.force_login(outsider)
    response = client.post(reverse("workspace:calendar_reset"), {"group": group.slug})
    assert response.status_code == 404


def test_a_group_feed_stops_when_the_member_leaves(client, group):
    member = member_of(group)
    feed = services.group_feed(member, group)
    membership = member.memberships.get(group=group)
    set_membership_state(membership=membership, state=MembershipState.LEFT, by=None)
    assert client.get(reverse("workspace:calendar_feed", args=[feed.token])).status_code == 404


def test_every_feed_of_a_member_who_asked_to_be_forgotten_is_not_found(client, group):
    from signpost.workspace.profile.services import forget_member

    member = member_of(group)
    feeds = [services.member_feed(member), services.group_feed(member, group)]
    forget_member(user=member)
    for feed in feeds:
        url = reverse("workspace:calendar_feed", args=[feed.token])
        assert client.get(url).status_code == 404


def test_a_member_who_chose_the_group_name_sees_it_in_titles(client, group):
    member = member_of(group)
    services.save_choice(user=member, reminders="email", show_group_name=True)
    feed = services.member_feed(member)
    found = events(client.get(reverse("workspace:calendar_feed", args=[feed.token])))
    assert {str(e["SUMMARY"]) for e in found} == {group.name}


def test_moved_meeting_keeps_its_uid_with_a_higher_sequence_and_cancelled_is_cancelled(
    client, group
):
    member = member_of(group)
    facilitator = member_of(group, role=Role.FACILITATOR)
    url = reverse("workspace:calendar_feed", args=[services.group_feed(member, group).token])
    first, second = list(group.meetings.upcoming()[:2])
    before = {str(e["UID"]): e for e in events(client.get(url))}
    new_start = first.starts_at + dt.timedelta(days=1)
    meeting_services.move_meeting(
        meeting=first, new_start=new_start, reason="Room booked", by=facilitator
    )
    meeting_services.cancel_meeting(meeting=second, reason="Snow", by=facilitator)
    after = {str(e["UID"]): e for e in events(client.get(url))}
    assert set(after) == set(before)
    moved, cancelled = after[f"{first.pk}@signpost"], after[f"{second.pk}@signpost"]
    assert moved["SEQUENCE"] == before[f"{first.pk}@signpost"]["SEQUENCE"] + 1
    assert moved.decoded("DTSTART") == new_start
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(moved["STATUS"]) == "CONFIRMED"


def test_a_change_email_carries_the_moved_meeting_as_an_ics(
    group, django_capture_on_commit_callbacks
):
    member = member_of(group)
    facilitator = member_of(group, role=Role.FACILITATOR)
    meeting = group.meetings.upcoming().first()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.move_meeting(
            meeting=meeting,
            reason="Room booked",
            by=facilitator,
            new_start=meeting.starts_at + dt.timedelta(hours=2),
        )
    sent = [m for m in mail.outbox if member.email in m.to]
    assert len(sent) == 1
    name, content, mimetype = sent[0].attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    (event,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(event["UID"]) == f"{meeting.pk}@signpost"
    assert event["SEQUENCE"] == 1
    assert str(event["SUMMARY"]) == "Signpost meeting"
