"""Facilitators see access needs members agreed to share, without asking; every look is recorded."""

import pytest
from django.urls import reverse

from signpost.workspace.models import AccessNeedsView, ConsentTopic, MemberProfile
from signpost.workspace.profile.services import give_consent, withdraw_consent

from .factories import GroupFactory, member_of

pytestmark = pytest.mark.django_db

SHARE_NEEDS = ConsentTopic.ACCESS_NEEDS_TO_FACILITATORS


def _member_with_needs(group, **fields):
    member = member_of(group, **fields)
    MemberProfile.objects.create(
        user=member, access_needs=["hearing-loop"], access_needs_details="Captions on calls"
    )
    return member


def _needs_page(client, group):
    return client.get(reverse("workspace:profile_group_access_needs", args=[group.slug]))


def test_a_facilitator_sees_shared_needs_and_the_look_is_recorded(client):
    group = GroupFactory()
    member = _member_with_needs(group)
    give_consent(user=member, topic=SHARE_NEEDS)
    facilitator = member_of(group, role="facilitator")
    client.force_login(facilitator)
    page = _needs_page(client, group).content.decode()
    assert "A hearing loop" in page and "Captions on calls" in page
    view = AccessNeedsView.objects.get(member=member)
    assert view.viewer == facilitator and view.group == group and view.viewed_at


def test_without_consent_a_facilitator_sees_no_needs_and_nothing_is_recorded(client):
    group = GroupFactory()
    _member_with_needs(group)
    client.force_login(member_of(group, role="facilitator"))
    page = _needs_page(client, group).content.decode()
    assert "Captions on calls" not in page
    assert "Has not chosen to share" in page
    assert not AccessNeedsView.objects.exists()


def test_withdrawing_consent_hides_needs_from_facilitators_at_once(client):
    group = GroupFactory()
    member = _member_with_needs(group)
    give_consent(user=member, topic=SHARE_NEEDS)
    withdraw_consent(user=member, topic=SHARE_NEEDS)
    client.force_login(member_of(group, role="facilitator"))
    assert "Captions on calls" not in _needs_page(client, group).content.decode()


def test_a_facilitator_of_another_group_and_an_ordinary_member_get_not_found(client):
    group, other = GroupFactory(), GroupFactory()
    member = _member_with_needs(group)
    give_consent(user=member, topic=SHARE_NEEDS)
    client.force_login(member_of(other, role="facilitator"))
    assert _needs_page(client, group).status_code == 404
    client.force_login(member_of(group))
    assert _needs_page(client, group).status_code == 404
    assert not AccessNeedsView.objects.exists()


def test_a_member_sees_who_looked_at_their_access_needs(client):
    group = GroupFactory()
    member = _member_with_needs(group)
    give_consent(user=member, topic=SHARE_NEEDS)
    client.force_login(member_of(group, role="facilitator", first_name="Sam", last_name="Lee"))
    _needs_page(client, group)
    client.force_login(member)
    page = client.get(reverse("workspace:profile")).content.decode()
    assert "Sam Lee" in page and f"({group.name})" in page
    assert "Nobody has looked at them yet" not in page
