"""The funnel per campaign and channel, and membership over time: SVG charts, each with a
table of the same numbers, seen only by the project's facilitators and administrators."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from signpost.workspace.models import Channel, MembershipState, MembershipStatus, Role, Stage
from signpost.workspace.recruitment import charts
from signpost.workspace.recruitment.services import move_interest

from .factories import GroupFactory, UserFactory, member_of
from .recruitment_factories import CampaignFactory, reply_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_replies_two_attended():
    """The real campaign: five answered the poster, two came to a meeting."""
    campaign = CampaignFactory()
    facilitator = member_of(campaign.group, role=Role.FACILITATOR)
    replies = [reply_to(campaign, email=f"p{n}@example.org") for n in range(4)]
    replies.append(reply_to(campaign, channel=Channel.SOCIAL, email="s@example.org"))
    for reply in replies[:3]:
        move_interest(interest=reply, stage=Stage.CONTACTED, by=facilitator)
    move_interest(interest=replies[0], stage=Stage.FIRST_MEETING, by=facilitator)
    move_interest(interest=replies[1], stage=Stage.ACTIVE, by=facilitator)
    move_interest(interest=replies[1], stage=Stage.PAUSED, by=facilitator)
    return campaign, facilitator


def test_the_funnel_counts_each_person_at_every_step_they_reached(five_replies_two_attended):
    campaign, _ = five_replies_two_attended
    funnel = charts.funnel(campaign)
    assert funnel.total.counts == [5, 3, 2, 2, 1]
    assert funnel.summary == "5 responses, 2 attended a meeting"
    by_channel = {row.label: row.counts for row in funnel.rows}
    assert by_channel == {"A poster or leaflet": [4, 3, 2, 2, 1], "Social media": [1, 0, 0, 0, 0]}


def test_the_campaign_page_draws_the_funnel_and_tables_its_numbers(
    client, five_replies_two_attended
):
    campaign, facilitator = five_replies_two_attended
    client.force_login(facilitator)
    page = client.get(reverse("workspace:recruitment:campaign", args=[campaign.slug]))
    html = page.content.decode()
    assert "<svg" in html and 'role="img"' in html and "<script" not in html.split("<main")[1]
    assert "5 responses, 2 attended a meeting" in html
    assert "<caption" in html and "How many people reached each step" in html
    assert '<th scope="row" class="nhsuk-table__header">Social media</th>' in html


def test_membership_over_time_counts_members_at_each_month_end(client):
    group, other = GroupFactory(), GroupFactory()
    other.project = group.project
    other.save()
    facilitator = member_of(group, role=Role.FACILITATOR)
    stayed, left = member_of(group), member_of(group)
    member_of(other)
    long_ago = timezone.now() - dt.timedelta(days=400)
    MembershipStatus.objects.filter(membership__user__in=[stayed, left]).update(set_at=long_ago)
    MembershipStatus.objects.create(
        membership=left.memberships.get(),
        state=MembershipState.LEFT,
        set_at=timezone.now() - dt.timedelta(days=100),
    )
    _, table = charts.members_over_time([group, other])
    assert len(table) == 12 and table[-1][0] == timezone.localdate()
    assert table[0][1] == [2, 0]  # a year ago: both members (facilitators are not counted)
    assert table[-1][1] == [1, 1]  # now: one left; the other group gained one this month
    client.force_login(facilitator)
    url = reverse("workspace:recruitment:membership", args=[group.project.slug])
    html = client.get(url).content.decode()
    assert "<polyline" in html and "Members per group at the end of each month" in html


def test_only_the_projects_facilitators_and_administrators_see_the_charts(
    client, five_replies_two_attended
):
    campaign, _ = five_replies_two_attended
    urls = [
        reverse("workspace:recruitment:campaigns"),
        reverse("workspace:recruitment:campaign", args=[campaign.slug]),
        reverse("workspace:recruitment:membership", args=[campaign.project.slug]),
    ]
    outsiders = [
        member_of(campaign.group),
        member_of(GroupFactory(), role=Role.FACILITATOR),
        UserFactory(is_staff=True),
    ]
    for person in outsiders:
        client.force_login(person)
        assert [client.get(url).status_code for url in urls[1:]] == [404, 404]
    client.logout()
    assert all(client.get(url).status_code == 302 for url in urls)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert [client.get(url).status_code for url in urls] == [200, 200, 200]
