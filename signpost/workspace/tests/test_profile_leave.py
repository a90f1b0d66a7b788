"""Leaving and being forgotten: memberships end, details go, contributions stay unnamed."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from signpost.workspace.models import (
    AccessNeedsView,
    Consent,
    ConsentTopic,
    MemberProfile,
    MembershipState,
    MembershipStatus,
)
from signpost.workspace.profile.names import FORMER_MEMBER, display_name
from signpost.workspace.profile.services import access_needs_for_facilitator, give_consent
from signpost.workspace.services import set_membership_state

from .factories import GroupFactory, member_of

pytestmark = pytest.mark.django_db


def _leave(client, member):
    client.force_login(member)
    return client.post(reverse("workspace:profile_leave"), {"confirm": "yes"})


def test_leaving_needs_the_box_ticked_and_changes_nothing_without_it(client):
    member = member_of(GroupFactory(), first_name="Kit")
    client.force_login(member)
    response = client.post(reverse("workspace:profile_leave"), {})
    assert "Tick the box to confirm" in response.content.decode()
    member.refresh_from_db()
    assert member.first_name == "Kit" and member.is_active


def test_leaving_ends_every_membership_with_a_left_row_and_erases_details(client):
    group, other = GroupFactory(), GroupFactory()
    member = member_of(group, first_name="Kit", email="kit@example.org")
    member_of(other, first_name="Someone")
    from signpost.workspace.services import add_member

    add_member(group=other, user=member)
    MemberProfile.objects.create(user=member, preferred_name="Kitty", access_needs=["bsl"])
    give_consent(user=member, topic=ConsentTopic.ACCESS_NEEDS_TO_FACILITATORS)
    access_needs_for_facilitator(
        viewer=member_of(group, role="facilitator"), member=member, group=group
    )
    response = _leave(client, member)
    assert "You have left" in response.content.decode()
    states = {m.group: m.statuses.last().state for m in member.memberships.all()}
    assert states == {group: MembershipState.LEFT, other: MembershipState.LEFT}
    assert not Consent.objects.filter(user=member).exists()
    assert not AccessNeedsView.objects.filter(member=member).exists()
    profile = MemberProfile.objects.get(user=member)
    assert profile.forgotten_at and not profile.preferred_name and not profile.access_needs
    member.refresh_from_db()
    assert "Kit" not in member.username and member.first_name == "" and member.email == ""
    assert not get_user_model().objects.filter(email="kit@example.org").exists()


def test_a_forgotten_account_can_no_longer_sign_in(client):
    member = member_of(GroupFactory(), username="kit")
    member.set_password("a long passphrase 123")
    member.save()
    _leave(client, member)
    assert client.get(reverse("workspace:profile")).status_code == 302
    member.refresh_from_db()
    assert not member.is_active and not member.has_usable_password()
    assert not client.login(username=member.username, password="a long passphrase 123")


def test_contributions_stay_attributed_to_a_former_member(client):
    group = GroupFactory()
    member = member_of(group, role="facilitator", first_name="Kit")
    other = member_of(group).memberships.get()
    status = set_membership_state(membership=other, state=MembershipState.PAUSED, by=member)
    _leave(client, member)
    assert MembershipStatus.objects.filter(pk=status.pk, set_by=member).exists()
    member.refresh_from_db()
    assert display_name(member) == FORMER_MEMBER == "a former member"


def test_a_former_wellbeing_contact_is_named_as_a_former_member_on_group_pages(client):
    group = GroupFactory()
    contact = member_of(group, role="facilitator", first_name="Kit")
    group.wellbeing_contact = contact
    group.save()
    _leave(client, contact)
    client.force_login(member_of(group))
    page = client.get(reverse("workspace:group", args=[group.slug])).content.decode()
    assert "You can talk to a former member" in page and "Kit" not in page


def test_contact_details_on_other_rows_about_the_person_are_blanked(client):
    """An expression of interest (recruitment) keeps its dated steps but not how to reach them."""
    from django.apps import apps

    try:
        interest_model = apps.get_model("workspace", "ExpressionOfInterest")
    except LookupError:
        pytest.skip("recruitment models are not installed")
    recruitment = pytest.importorskip("signpost.workspace.tests.recruitment_factories")
    group = GroupFactory()
    member = member_of(group)
    campaign = recruitment.CampaignFactory(group=group)
    interest = recruitment.reply_to(
        campaign, preferred_name="Kit", email="kit@example.org", phone="0115 496 0000"
    )
    interest_model.objects.filter(pk=interest.pk).update(user=member)
    _leave(client, member)
    interest.refresh_from_db()
    assert (interest.preferred_name, interest.email, interest.phone) == ("", "", "")
