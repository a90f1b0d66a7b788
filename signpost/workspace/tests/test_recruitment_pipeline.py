"""The pipeline: each move is a dated row with who made it; welcoming someone gives them an
account and a place in the group; only the project's facilitators can move anyone."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from signpost.workspace.models import MembershipState, Role, Stage
from signpost.workspace.rules import current_membership

from .factories import GroupFactory, UserFactory, member_of
from .recruitment_factories import CampaignFactory, reply_to

pytestmark = pytest.mark.django_db


def move(client, reply, stage, **extra):
    url = reverse("workspace:recruitment:move", args=[reply.campaign.slug, reply.pk])
    return client.post(url, {"stage": stage, **extra})


@pytest.fixture
def facilitated():
    campaign = CampaignFactory()
    facilitator = member_of(campaign.group, role=Role.FACILITATOR, first_name="Sam")
    return campaign, facilitator


def test_each_move_is_a_new_dated_row_saying_who_moved_it(client, facilitated):
    campaign, facilitator = facilitated
    reply = reply_to(campaign, preferred_name="Kit")
    client.force_login(facilitator)
    response = move(client, reply, Stage.CONTACTED)
    assert response.status_code == 302
    steps = list(reply.steps.values_list("stage", "moved_by"))
    assert steps == [(Stage.EXPRESSED, None), (Stage.CONTACTED, facilitator.pk)]
    page = client.get(response["Location"]).content.decode()
    assert "Contacted" in page and "by Sam" in page


def test_the_welcome_conversation_gives_an_account_and_a_place_in_the_group(client, facilitated):
    campaign, facilitator = facilitated
    reply = reply_to(campaign, preferred_name="Kit", email="kit@example.org")
    client.force_login(facilitator)
    move(client, reply, Stage.WELCOME)
    reply.refresh_from_db()
    person = get_user_model().objects.get(email="kit@example.org")
    assert reply.user == person and person.first_name == "Kit"
    assert not person.has_usable_password()
    membership = current_membership(person, campaign.group)
    assert membership is not None and membership.role == Role.MEMBER
    assert membership.statuses.get().set_by == facilitator


def test_pausing_and_leaving_follow_through_to_the_membership(client, facilitated):
    campaign, facilitator = facilitated
    reply = reply_to(campaign)
    client.force_login(facilitator)
    move(client, reply, Stage.ACTIVE)
    move(client, reply, Stage.PAUSED)
    reply.refresh_from_db()
    membership = reply.membership
    assert membership.statuses.last().state == MembershipState.PAUSED
    move(client, reply, Stage.LEFT)
    assert current_membership(reply.user, campaign.group) is None


def test_a_project_wide_campaign_asks_which_group_they_are_joining(client):
    group = GroupFactory()
    campaign = CampaignFactory(group=None, project=group.project)
    facilitator = member_of(group, role=Role.FACILITATOR)
    reply = reply_to(campaign)
    client.force_login(facilitator)
    response = move(client, reply, Stage.WELCOME)
    assert response.status_code == 400
    assert "Select the group they are joining" in response.content.decode()
    assert reply.steps.count() == 1
    move(client, reply, Stage.WELCOME, group=str(group.pk))
    reply.refresh_from_db()
    assert reply.membership.group == group


def test_people_who_do_not_run_the_project_get_not_found(client, facilitated):
    campaign, _ = facilitated
    reply = reply_to(campaign)
    other_facilitator = member_of(GroupFactory(), role=Role.FACILITATOR)
    for person in (member_of(campaign.group), other_facilitator, UserFactory(is_staff=True)):
        client.force_login(person)
        assert move(client, reply, Stage.CONTACTED).status_code == 404
        url = reverse("workspace:recruitment:reply", args=[campaign.slug, reply.pk])
        assert client.get(url).status_code == 404
    assert reply.steps.count() == 1


def test_a_reply_from_another_campaign_cannot_be_reached_through_this_one(client, facilitated):
    campaign, facilitator = facilitated
    elsewhere = reply_to(CampaignFactory())
    client.force_login(facilitator)
    url = reverse("workspace:recruitment:reply", args=[campaign.slug, elsewhere.pk])
    assert client.get(url).status_code == 404
    forged = reverse("workspace:recruitment:move", args=[campaign.slug, elsewhere.pk])
    assert client.post(forged, {"stage": Stage.CONTACTED}).status_code == 404


def test_an_administrator_can_move_people_and_moves_are_buttons_not_links(client, facilitated):
    campaign, _ = facilitated
    reply = reply_to(campaign)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("workspace:recruitment:reply", args=[campaign.slug, reply.pk])
    page = client.get(url).content.decode()
    assert 'method="post"' in page and 'name="stage" value="contacted"' in page
    assert (
        client.get(
            reverse("workspace:recruitment:move", args=[campaign.slug, reply.pk])
        ).status_code
        == 405
    )
    assert move(client, reply, "nonsense").status_code == 400
    assert move(client, reply, Stage.CONTACTED).status_code == 302


def test_someone_who_asks_to_be_forgotten_leaves_no_contact_details_in_their_reply(
    client, facilitated
):
    from signpost.workspace.profile.services import forget_member

    campaign, facilitator = facilitated
    reply = reply_to(
        campaign,
        preferred_name="Kit",
        email="kit@example.org",
        phone="07700900982",
        message="I'm Kit from the allotments, I had a rough year",
    )
    client.force_login(facilitator)
    move(client, reply, Stage.WELCOME)
    reply.refresh_from_db()
    forget_member(user=reply.user)
    reply.refresh_from_db()
    assert (reply.preferred_name, reply.email, reply.phone, reply.message) == ("", "", "", "")
    assert reply.steps.count() == 2  # the history of moves stays
