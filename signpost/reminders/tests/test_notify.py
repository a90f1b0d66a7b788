"""Reminders through GOV.UK Notify, against a local server that speaks its API."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.checks import run_checks
from django.utils import timezone

from signpost.reminders import notify, sending, services
from signpost.reminders.models import SentReminder
from signpost.workspace.models import MemberProfile
from signpost.workspace.tests.factories import GroupFactory, member_of

from .fake_notify import API_KEY, SECRET, SERVICE_ID, FakeNotify
from .helpers import meeting_in

pytestmark = pytest.mark.django_db

EMAIL_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"
SMS_TEMPLATE = "289b2a60-4a41-4e11-8e4f-4d2a3a0d1d5e"


@pytest.fixture
def fake_notify(settings):
    with FakeNotify() as server:
        settings.NOTIFY_API_KEY = API_KEY
        settings.NOTIFY_BASE_URL = server.url
        settings.NOTIFY_EMAIL_TEMPLATE_ID = EMAIL_TEMPLATE
        settings.NOTIFY_SMS_TEMPLATE_ID = SMS_TEMPLATE
        yield server


@pytest.fixture
def group():
    return GroupFactory(name="Mental health lived experience group")


def test_the_key_splits_into_service_id_and_secret():
    key = notify.parse_key(API_KEY)
    assert (key.service_id, key.secret) == (SERVICE_ID, SECRET)


def test_an_email_reminder_goes_through_notify_not_django_email(fake_notify, group):
    member = member_of(group)
    meeting_in(group, days=3)
    assert sending.send_due(now=timezone.now()) == 1
    (sent,) = fake_notify.received
    assert sent["kind"] == "email" and sent["email_address"] == member.email
    assert sent["template_id"] == EMAIL_TEMPLATE
    assert sent["personalisation"]["subject"].startswith("Reminder: Signpost meeting on ")
    assert mail.outbox == []


def test_a_text_reminder_goes_to_the_phone_in_the_members_profile(fake_notify, group):
    member = member_of(group)
    MemberProfile.objects.create(user=member, phone="07700 900123", contact_methods=["text"])
    services.save_choice(user=member, reminders="text", show_group_name=False)
    meeting_in(group, days=3)
    assert sending.send_due(now=timezone.now()) == 1
    (sent,) = fake_notify.received
    assert (sent["kind"], sent["phone_number"]) == ("sms", "07700 900123")
    assert sent["personalisation"]["body"].startswith("Reminder: Signpost meeting, ")
    assert "ental health" not in sent["personalisation"]["body"]
    assert SentReminder.objects.get().channel == "text"


def test_a_key_notify_refuses_sends_nothing_and_records_nothing(fake_notify, settings, group):
    wrong_secret = "00000000-0000-4000-8000-000000000000"
    settings.NOTIFY_API_KEY = f"signpost_test-{SERVICE_ID}-{wrong_secret}"
    member_of(group)
    meeting_in(group, days=3)
    assert sending.send_due(now=timezone.now()) == 0
    assert fake_notify.received == []
    assert not SentReminder.objects.exists()


def test_check_refuses_a_key_that_is_not_a_notify_key(settings):
    settings.NOTIFY_API_KEY = "not-a-key"
    settings.NOTIFY_EMAIL_TEMPLATE_ID = EMAIL_TEMPLATE
    settings.NOTIFY_SMS_TEMPLATE_ID = "soon"
    ids = {message.id for message in run_checks()}
    assert {"reminders.E001", "reminders.E002"} <= ids
