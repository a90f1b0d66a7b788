"""A member claims (or declines) for a meeting they attended; anything else is refused plainly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from signpost.involvement.models import Choice, Claim, State
from signpost.meetings.models import Attendance
from signpost.workspace.tests.factories import GroupFactory, member_of

from .factories import attended_meeting, with_rates

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    group = GroupFactory()
    with_rates(group)
    return group


def claim_url(group, meeting) -> str:
    return reverse("workspace:involvement:claim", args=[group.slug, meeting.pk])


def test_a_member_claims_payment_and_expenses_for_a_meeting_they_attended(client, group):
    member = member_of(group)
    meeting = attended_meeting(group, member)
    client.force_login(member)
    form = {"choice": "payment", "expenses_amount": "4.50", "expenses_description": "Bus fare"}
    response = client.post(claim_url(group, meeting), form)
    assert response.status_code == 302
    claim = Claim.objects.with_state().get(user=member, meeting=meeting)
    assert (claim.choice, claim.payment_amount, claim.expenses_amount) == (
        Choice.PAYMENT, Decimal("20.00"), Decimal("4.50"))  # fmt: skip
    assert claim.state == State.SUBMITTED


def test_a_claim_for_a_meeting_not_attended_is_refused_with_a_plain_message(client, group):
    member = member_of(group)
    meeting = attended_meeting(group, member, came=False)
    client.force_login(member)
    page = client.get(claim_url(group, meeting)).content.decode()
    assert "You can only claim for a meeting you attended" in page
    response = client.post(claim_url(group, meeting), {"choice": "payment"})
    assert response.status_code == 400
    assert "You can only claim for a meeting you attended" in response.content.decode()
    assert not Claim.objects.exists()


def test_the_latest_attendance_record_counts_when_a_mistake_is_corrected(client, group):
    member = member_of(group)
    meeting = attended_meeting(group, member)
    Attendance.objects.create(meeting=meeting, user=member, attended=False)
    client.force_login(member)
    client.post(claim_url(group, meeting), {"choice": "payment"})
    assert not Claim.objects.exists()


def test_declining_payment_is_recorded_and_needs_no_approval(client, group):
    member = member_of(group)
    meeting = attended_meeting(group, member)
    client.force_login(member)
    client.post(claim_url(group, meeting), {"choice": "declined"})
    claim = Claim.objects.with_state().get()
    assert (claim.choice, claim.payment_amount, claim.state) == (Choice.DECLINED, 0, None)


def test_a_voucher_is_offered_only_when_the_project_offers_one(client):
    group = GroupFactory()
    with_rates(group, voucher=False)
    member = member_of(group)
    meeting = attended_meeting(group, member)
    client.force_login(member)
    assert (
        "Voucher instead of payment" not in client.get(claim_url(group, meeting)).content.decode()
    )
    response = client.post(claim_url(group, meeting), {"choice": "voucher"})
    assert response.status_code == 400
    assert not Claim.objects.exists()


def test_expenses_need_a_description_and_a_real_amount(client, group):
    member = member_of(group)
    meeting = attended_meeting(group, member)
    client.force_login(member)
    no_reason = client.post(
        claim_url(group, meeting), {"choice": "payment", "expenses_amount": "3"}
    )
    assert "Say what the expenses were for" in no_reason.content.decode()
    negative = client.post(claim_url(group, meeting), {"choice": "payment", "expenses_amount": "-3",
                                                       "expenses_description": "Taxi"})  # fmt: skip
    assert "Enter an amount of 0 or more" in negative.content.decode()
    assert 'value="Taxi"' in negative.content.decode()
    assert not Claim.objects.exists()


def test_the_claim_page_says_payments_can_affect_benefits_and_where_to_get_advice(client, group):
    member = member_of(group)
    meeting = attended_meeting(group, member)
    client.force_login(member)
    page = client.get(claim_url(group, meeting)).content.decode()
    assert "Payments can affect benefits" in page
    assert "citizensadvice.org.uk/benefits" in page


def test_a_second_choice_for_the_same_meeting_is_refused(client, group):
    member = member_of(group)
    meeting = attended_meeting(group, member)
    client.force_login(member)
    client.post(claim_url(group, meeting), {"choice": "payment"})
    client.post(claim_url(group, meeting), {"choice": "declined"})
    assert Claim.objects.get().choice == Choice.PAYMENT


def test_a_meeting_of_another_group_is_not_found(client, group):
    member = member_of(group)
    other = GroupFactory(project=group.project)
    meeting = attended_meeting(other, member)
    client.force_login(member)
    assert client.get(claim_url(group, meeting)).status_code == 404


def test_the_member_sees_their_attended_meetings_with_a_link_to_claim(client, group):
    member = member_of(group)
    meeting = attended_meeting(group, member)
    attended_meeting(group, member, days_ago=40, came=False)
    client.force_login(member)
    page = client.get(reverse("workspace:involvement:mine", args=[group.slug])).content.decode()
    assert claim_url(group, meeting) in page
    assert page.count("Claim or decline") == 1
