"""A group's space is for its own current members: others get 'not found', never a peek."""

import pytest
from django.urls import reverse

from signpost.workspace.models import MembershipState
from signpost.workspace.services import set_membership_state

from .factories import GroupFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


def test_a_member_sees_who_is_in_their_group(client):
    group = GroupFactory()
    member = member_of(group, first_name="Asha")
    member_of(group, first_name="Ben")
    client.force_login(member)
    response = client.get(reverse("workspace:group", args=[group.slug]))
    assert response.status_code == 200
    assert "Ben" in response.content.decode()
    assert group.project.focus in response.content.decode()


def test_a_member_of_another_group_gets_not_found(client):
    group, other = GroupFactory(), GroupFactory()
    member_of(group, first_name="Asha")
    client.force_login(member_of(other))
    response = client.get(reverse("workspace:group", args=[group.slug]))
    assert response.status_code == 404
    assert "Asha" not in response.content.decode()


def test_staff_who_are_not_members_get_not_found(client):
    group = GroupFactory()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(reverse("workspace:group", args=[group.slug])).status_code == 404


def test_someone_who_left_loses_access(client):
    group = GroupFactory()
    person = member_of(group)
    membership = person.memberships.get()
    set_membership_state(membership=membership, state=MembershipState.LEFT)
    client.force_login(person)
    assert client.get(reverse("workspace:group", args=[group.slug])).status_code == 404
    assert group.name not in client.get(reverse("workspace:home")).content.decode()


def test_signed_out_visitors_are_sent_to_sign_in_and_pages_are_never_stored(client):
    group = GroupFactory()
    response = client.get(reverse("workspace:group", args=[group.slug]))
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    client.force_login(member_of(group))
    response = client.get(reverse("workspace:group", args=[group.slug]))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_only_facilitators_are_offered_the_recruitment_pages_from_home(client):
    group = GroupFactory()
    client.force_login(member_of(group))
    link = reverse("workspace:recruitment:campaigns")
    assert link not in client.get(reverse("workspace:home")).content.decode()
    client.force_login(member_of(group, role="facilitator"))
    assert link in client.get(reverse("workspace:home")).content.decode()
