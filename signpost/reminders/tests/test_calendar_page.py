"""The calendar page: addresses to subscribe to, and the member's reminder choices."""

from __future__ import annotations

import pytest
from django.urls import reverse

from signpost.reminders.models import CalendarChoice
from signpost.workspace.tests.factories import GroupFactory, member_of

pytestmark = pytest.mark.django_db

KEY = "signpost_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0"


def test_the_page_shows_a_subscribe_address_for_all_groups_and_each_group(client):
    group = GroupFactory(name="Website group")
    member = member_of(group)
    client.force_login(member)
    response = client.get(reverse("workspace:calendar"))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("/workspace/calendar/feed/") >= 4  # https + webcal, twice
    assert "Website group" in page
    assert "no-store" in response["Cache-Control"]


def test_saving_choices_keeps_them(client):
    member = member_of(GroupFactory())
    client.force_login(member)
    response = client.post(
        reverse("workspace:calendar"), {"reminders": "none", "show_group_name": "on"}
    )
    assert response.status_code == 302
    choice = CalendarChoice.objects.get(user=member)
    assert (choice.reminders, choice.show_group_name) == ("none", True)


def test_text_reminders_without_a_phone_number_say_so_next_to_the_field(client, settings):
    settings.NOTIFY_API_KEY = KEY
    member = member_of(GroupFactory())
    client.force_login(member)
    response = client.post(reverse("workspace:calendar"), {"reminders": "text"})
    assert response.status_code == 200
    assert "Add a mobile phone number to your profile first" in response.content.decode()
    assert not CalendarChoice.objects.filter(user=member).exists()


def test_text_is_not_offered_until_notify_is_set_up(client):
    member = member_of(GroupFactory())
    client.force_login(member)
    assert 'value="text"' not in client.get(reverse("workspace:calendar")).content.decode()
    response = client.post(reverse("workspace:calendar"), {"reminders": "text"})
    assert "Choose one of the ways listed" in response.content.decode()
