"""A group's facilitator approves or rejects claims (dated rows naming who) and sets the rates."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from signpost.involvement import services
from signpost.involvement.models import Claim, InvolvementRate, State
from signpost.workspace.models import Role
from signpost.workspace.tests.factories import GroupFactory, member_of

from .factories import attended_meeting, with_rates

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    group = GroupFactory()
    with_rates(group)
    member = member_of(group, first_name="Rowan")
    meeting = attended_meeting(group, member)
    return services.make_claim(meeting=meeting, user=member, choice="payment")


def decide_url(claim) -> str:
    return reverse("workspace:involvement:decide", args=[claim.meeting.group.slug, claim.pk])


def test_a_facilitator_sees_a_waiting_claim_and_approves_it_as_a_dated_row_naming_them(
    client, claim
):
    facilitator = member_of(claim.meeting.group, role=Role.FACILITATOR)
    client.force_login(facilitator)
    page = client.get(reverse("workspace:involvement:claims", args=[claim.meeting.group.slug]))
    assert "Rowan" in page.content.decode()
    client.post(decide_url(claim), {"decision": "approve"})
    states = list(claim.statuses.values_list("state", "set_by"))
    assert states == [(State.SUBMITTED, claim.user.pk), (State.APPROVED, facilitator.pk)]


def test_a_facilitator_rejects_a_claim_and_it_is_not_paid(client, claim):
    client.force_login(member_of(claim.meeting.group, role=Role.FACILITATOR))
    client.post(decide_url(claim), {"decision": "reject"})
    assert Claim.objects.with_state().get().state == State.REJECTED
    assert not Claim.objects.approved().exists()


def test_a_decided_claim_is_not_decided_again(client, claim):
    client.force_login(member_of(claim.meeting.group, role=Role.FACILITATOR))
    client.post(decide_url(claim), {"decision": "reject"})
    response = client.post(decide_url(claim), {"decision": "approve"}, follow=True)
    assert "already been decided" in response.content.decode()
    assert Claim.objects.with_state().get().state == State.REJECTED


def test_members_and_other_groups_facilitators_cannot_decide(client, claim):
    other = GroupFactory(project=claim.meeting.group.project)
    for person in (member_of(claim.meeting.group), member_of(other, role=Role.FACILITATOR)):
        client.force_login(person)
        assert client.post(decide_url(claim), {"decision": "approve"}).status_code == 404
    assert Claim.objects.with_state().get().state == State.SUBMITTED


def test_a_facilitator_sets_the_projects_rates_and_new_claims_use_them(client):
    group = GroupFactory()
    facilitator = member_of(group, role=Role.FACILITATOR)
    client.force_login(facilitator)
    url = reverse("workspace:involvement:rates", args=[group.slug])
    client.post(url, {"payment_per_meeting": "25", "voucher_available": "on"})
    rate = InvolvementRate.objects.get(project=group.project)
    assert (rate.payment_per_meeting, rate.expenses_allowed, rate.voucher_available) == (
        Decimal("25.00"), False, True)  # fmt: skip
    assert rate.set_by == facilitator


def test_a_rate_that_is_not_an_amount_gets_a_message_next_to_the_field(client):
    group = GroupFactory()
    client.force_login(member_of(group, role=Role.FACILITATOR))
    url = reverse("workspace:involvement:rates", args=[group.slug])
    response = client.post(url, {"payment_per_meeting": "twenty"})
    assert response.status_code == 400
    assert "Enter an amount in pounds" in response.content.decode()
    assert not InvolvementRate.objects.exists()


def test_staff_set_rates_in_the_admin_as_a_snippet():
    assert InvolvementRate in get_snippet_models()
