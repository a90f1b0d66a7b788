"""Reminders a week and a day before: once each per member, discreet, retried after a failure."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from signpost.meetings.models import Apology
from signpost.reminders import sending, services
from signpost.reminders.models import SentReminder
from signpost.workspace.models import Role
from signpost.workspace.tests.factories import GroupFactory, member_of

from .helpers import meeting_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    return GroupFactory(name="Mental health lived experience group")


def test_a_week_reminder_and_a_day_reminder_go_once_each(group):
    member, facilitator = member_of(group), member_of(group, role=Role.FACILITATOR)
    meeting = meeting_in(group, days=10)
    six_days_before = meeting.starts_at - dt.timedelta(days=6)
    assert sending.send_due(now=six_days_before) == 2
    assert sending.send_due(now=six_days_before + dt.timedelta(hours=1)) == 0
    assert sending.send_due(now=meeting.starts_at - dt.timedelta(hours=20)) == 2
    assert sending.send_due(now=meeting.starts_at - dt.timedelta(hours=19)) == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.email, facilitator.email] * 2)
    assert SentReminder.objects.filter(meeting=meeting).count() == 4


def test_nothing_is_sent_more_than_a_week_ahead_or_after_the_start(group):
    member_of(group)
    meeting = meeting_in(group, days=10)
    assert sending.send_due(now=meeting.starts_at - dt.timedelta(days=8)) == 0
    assert sending.send_due(now=meeting.starts_at + dt.timedelta(minutes=1)) == 0


def test_subjects_use_the_neutral_name_never_the_groups_own(group):
    member_of(group)
    meeting = meeting_in(group, days=3)
    sending.send_due(now=timezone.now())
    (email,) = mail.outbox
    assert email.subject.startswith("Reminder: Signpost meeting on ")
    assert "ental health" not in email.subject + email.body
    assert email.attachments[0][0] == "meeting.ics"
    assert str(meeting.pk) in str(email.attachments[0][1])


def test_no_reminder_for_a_cancelled_meeting_apologies_or_who_said_no_reminders(group):
    apologising, declining = member_of(group), member_of(group)
    services.save_choice(user=declining, reminders="none", show_group_name=False)
    cancelled = meeting_in(group, days=2)
    cancelled.cancelled = True
    cancelled.save()
    meeting = meeting_in(group, days=3)
    Apology.objects.create(meeting=meeting, user=apologising)
    assert sending.send_due(now=timezone.now()) == 0
    assert mail.outbox == []


def test_a_failed_send_leaves_no_record_and_goes_next_time(group):
    member_of(group)
    meeting_in(group, days=3)
    with mock.patch("signpost.reminders.sending.EmailMessage.send", side_effect=OSError("down")):
        assert sending.send_due(now=timezone.now()) == 0
    assert not SentReminder.objects.exists()
    assert sending.send_due(now=timezone.now()) == 1
    assert len(mail.outbox) == 1
