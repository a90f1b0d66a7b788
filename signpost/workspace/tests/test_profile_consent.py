"""Consent is a dated record that can be withdrawn, and a withdrawal counts everywhere at once."""

import pytest
from django.urls import reverse

from signpost.workspace.models import Consent, ConsentTopic, has_consent
from signpost.workspace.profile.services import give_consent, withdraw_consent

from .factories import GroupFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db

SHARE_NAME = ConsentTopic.NAME_IN_OUTPUTS


def test_a_withdrawn_consent_stops_counting():
    person = UserFactory()
    give_consent(user=person, topic=SHARE_NAME)
    assert has_consent(person, SHARE_NAME)
    withdraw_consent(user=person, topic=SHARE_NAME)
    assert not has_consent(person, SHARE_NAME)


def test_a_withdrawn_consent_keeps_its_dates_and_giving_again_starts_a_new_record():
    person = UserFactory()
    give_consent(user=person, topic=SHARE_NAME)
    withdraw_consent(user=person, topic=SHARE_NAME)
    give_consent(user=person, topic=SHARE_NAME)
    first, second = Consent.objects.filter(user=person)
    assert first.given_at and first.withdrawn_at and first.withdrawn_at >= first.given_at
    assert second.withdrawn_at is None
    assert first.shared_with  # the record says with whom, on its own
    assert has_consent(person, SHARE_NAME)


def test_giving_a_consent_twice_keeps_one_record_in_force():
    person = UserFactory()
    give_consent(user=person, topic=SHARE_NAME)
    give_consent(user=person, topic=SHARE_NAME)
    assert Consent.objects.in_force().filter(user=person).count() == 1


def test_one_persons_consent_says_nothing_about_anothers():
    person, other = UserFactory(), UserFactory()
    give_consent(user=person, topic=SHARE_NAME)
    assert not has_consent(other, SHARE_NAME)
    assert not has_consent(None, SHARE_NAME)


def test_a_member_gives_and_withdraws_a_consent_from_their_profile(client):
    member = member_of(GroupFactory())
    client.force_login(member)
    topic = ConsentTopic.CONTACT_ABOUT_OTHER_GROUPS
    url = reverse("workspace:profile_consent")
    response = client.post(url, {"topic": topic, "action": "give"}, follow=True)
    assert has_consent(member, topic)
    assert "Agreed" in response.content.decode()
    client.post(url, {"topic": topic, "action": "withdraw"})
    assert not has_consent(member, topic)
    page = client.get(reverse("workspace:profile")).content.decode()
    assert "Your consent record" in page and "Still in force" not in page


def test_a_forged_consent_topic_changes_nothing(client):
    member = member_of(GroupFactory())
    client.force_login(member)
    response = client.post(
        reverse("workspace:profile_consent"), {"topic": "sell-my-data", "action": "give"}
    )
    assert response.status_code == 302
    assert not Consent.objects.filter(user=member).exists()


def test_withdrawing_a_consent_never_given_says_nothing_changed(client):
    client.force_login(member_of(GroupFactory()))
    response = client.post(
        reverse("workspace:profile_consent"),
        {"topic": SHARE_NAME, "action": "withdraw"},
        follow=True,
    )
    assert "You had not given that consent, so nothing changed" in response.content.decode()
