"""Moving or cancelling a meeting: a reason, a warning, a record, every member told, counted."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from signpost.meetings import services
from signpost.meetings.bank_holidays import ENGLAND_AND_WALES
from signpost.meetings.models import LONDON, ChangeKind, Meeting
from signpost.workspace.models import Role
from signpost.workspace.tests.factories import GroupFactory, member_of

from .factories import past_meeting, with_slot

pytestmark = pytest.mark.django_db


def _move_data(meeting, days=2, reason="The room is being repainted", time="16:00"):
    day = meeting.local_start.date() + dt.timedelta(days=days)
    return {"action": "move", "day": day.day, "month": day.month, "year": day.year,
            "time": time, "reason": reason}  # fmt: skip


@pytest.fixture
def setting(client):
    group = with_slot(GroupFactory(neutral_name="Tuesday circle"))
    facilitator = member_of(group, role=Role.FACILITATOR, email="fac@example.org")
    member_of(group, email="asha@example.org")
    member_of(group, email="ben@example.org")
    client.force_login(facilitator)
    return group, group.meetings.upcoming().first(), facilitator


def test_the_move_page_warns_that_moving_erodes_trust(client, setting):
    group, meeting, _ = setting
    page = client.get(reverse("meetings:change", args=[group.slug, meeting.pk])).content.decode()
    assert "eroded trust and attendance" in page


def test_moving_needs_a_reason_and_keeps_what_was_typed(client, setting):
    group, meeting, _ = setting
    url = reverse("meetings:change", args=[group.slug, meeting.pk])
    response = client.post(url, _move_data(meeting, reason=""))
    assert "Say why, so members understand" in response.content.decode()
    assert 'value="16:00"' in response.content.decode()
    assert not meeting.changes.exists()


def test_a_move_is_recorded_and_every_member_gets_a_discreet_email(
    client, setting, django_capture_on_commit_callbacks
):
    group, meeting, facilitator = setting
    old = meeting.starts_at
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meetings:change", args=[group.slug, meeting.pk]), _move_data(meeting))
    change = meeting.changes.get()
    assert (change.kind, change.old_starts_at, change.changed_by) == ("moved", old, facilitator)
    assert change.reason == "The room is being repainted"
    meeting.refresh_from_db()
    assert meeting.local_start.hour == 16 and meeting.usual_starts_at == old
    assert sorted(m.to[0] for m in mail.outbox) == [
        "asha@example.org", "ben@example.org", "fac@example.org",
    ]  # fmt: skip
    assert {m.subject for m in mail.outbox} == {"Tuesday circle: meeting changed"}
    assert all("mental health" not in (m.subject + m.body).lower() for m in mail.outbox)


def test_cancelling_is_recorded_and_members_are_told(
    client, setting, django_capture_on_commit_callbacks
):
    group, meeting, _ = setting
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meetings:change", args=[group.slug, meeting.pk]),
                    {"action": "cancel", "reason": "Too few people can come"})  # fmt: skip
    meeting.refresh_from_db()
    assert meeting.cancelled and meeting.changes.get().kind == ChangeKind.CANCELLED
    assert len(mail.outbox) == 3 and "is cancelled" in mail.outbox[0].body


def test_an_impossible_date_gets_a_clear_message(client, setting):
    group, meeting, _ = setting
    data = {**_move_data(meeting), "day": 31, "month": 2}
    response = client.post(reverse("meetings:change", args=[group.slug, meeting.pk]), data)
    assert "Enter a real date" in response.content.decode()
    assert not meeting.changes.exists()


def test_moving_onto_another_meeting_of_the_group_is_refused(client, setting):
    group, meeting, _ = setting
    later = group.meetings.upcoming()[1]
    day = later.local_start.date()
    data = {"action": "move", "day": day.day, "month": day.month, "year": day.year,
            "time": "14:30", "reason": "Swap"}  # fmt: skip
    response = client.post(reverse("meetings:change", args=[group.slug, meeting.pk]), data)
    assert "The group already meets then" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.starts_at == meeting.usual_starts_at


def test_a_forged_meeting_id_is_not_found(client, setting):
    group, _, _ = setting
    other = with_slot(GroupFactory())
    foreign = other.meetings.first()
    for name in ("meeting", "change", "attendance"):
        assert (
            client.get(reverse(f"meetings:{name}", args=[group.slug, foreign.pk])).status_code
            == 404
        )


def test_the_group_page_shows_how_steady_the_slot_has_been(client, setting):
    group, _, facilitator = setting
    past = [past_meeting(group, days_ago=30 * n) for n in range(1, 13)]
    services.move_meeting(meeting=past[3], new_start=past[3].starts_at + dt.timedelta(hours=3),
                          reason="Fire alarm test", by=facilitator)  # fmt: skip
    page = client.get(reverse("workspace:group", args=[group.slug])).content.decode()
    assert "11 of 12 meetings at the usual time; 1 moved." in page


def test_a_meeting_on_a_bank_holiday_is_flagged_for_the_facilitator_who_can_keep_it(client):
    today = timezone.localdate()
    holiday = min((d for d in ENGLAND_AND_WALES if d > today + dt.timedelta(days=7)), default=None)
    if holiday is None:
        pytest.skip("the bank holiday list needs next year's dates")
    group = GroupFactory()
    start = dt.datetime.combine(holiday, dt.time(11)).replace(tzinfo=LONDON)
    meeting = Meeting.objects.create(group=group, usual_starts_at=start, starts_at=start,
                                     duration_minutes=60)  # fmt: skip
    client.force_login(member_of(group, role=Role.FACILITATOR))
    page = client.get(reverse("meetings:list", args=[group.slug])).content.decode()
    assert "A meeting falls on a bank holiday" in page
    client.post(reverse("meetings:change", args=[group.slug, meeting.pk]),
                {"action": "keep", "reason": "Members asked to meet anyway"})  # fmt: skip
    assert meeting.changes.get().kind == ChangeKind.KEPT
    page = client.get(reverse("meetings:list", args=[group.slug])).content.decode()
    assert "A meeting falls on a bank holiday" not in page


def test_only_a_bank_holiday_meeting_can_be_kept_with_a_reason(client, setting):
    group, meeting, _ = setting
    assert not meeting.on_bank_holiday
    response = client.post(reverse("meetings:change", args=[group.slug, meeting.pk]),
                           {"action": "keep", "reason": "No reason"})  # fmt: skip
    assert "only a bank-holiday meeting" in response.content.decode()
    assert not meeting.changes.exists()
