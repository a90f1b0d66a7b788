"""Finance gets a CSV of approved claims: only for finance staff and the project's facilitators,
with no health details, and safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from signpost.involvement import services
from signpost.workspace.models import Role
from signpost.workspace.tests.factories import GroupFactory, UserFactory, member_of

from .factories import attended_meeting, with_rates

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    group = GroupFactory(name="Website voices")
    with_rates(group, pay="20")
    return group


def approved(group, person, *, choice="payment", expenses="0", why="", days_ago=7):
    meeting = attended_meeting(group, person, days_ago=days_ago)
    claim = services.make_claim(meeting=meeting, user=person, choice=choice,
                                expenses_amount=Decimal(expenses),
                                expenses_description=why)  # fmt: skip
    services.decide_claim(claim=claim, approve=True, by=None)
    return claim


def download(client, group) -> list[list[str]]:
    url = reverse("workspace:involvement:approved_csv", args=[group.project.slug])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_approved_claims_are_rows_with_date_group_name_type_and_amount(client, group):
    claim = approved(
        group, member_of(group, first_name="Rowan"), expenses="4.50", why="Bus to the clinic"
    )
    waiting = attended_meeting(group, member := member_of(group, first_name="Kit"), days_ago=3)
    services.make_claim(meeting=waiting, user=member, choice="payment")
    client.force_login(member_of(group, role=Role.FACILITATOR))
    rows = download(client, group)
    day = claim.meeting.local_start.strftime("%Y-%m-%d")
    assert rows == [
        ["Meeting date", "Group", "Member", "Type", "Amount (£)"],
        [day, "Website voices", "Rowan", "Involvement payment", "20.00"],
        [day, "Website voices", "Rowan", "Expenses", "4.50"],
    ]
    assert "clinic" not in str(rows)  # the free-text description may hold health details


def test_a_name_that_looks_like_a_formula_is_written_as_text(client, group):
    approved(group, member_of(group, first_name='=HYPERLINK("http://x")'))
    client.force_login(member_of(group, role=Role.FACILITATOR))
    assert download(client, group)[1][2].startswith("'=HYPERLINK")


def test_finance_staff_with_the_permission_can_download(client, group):
    approved(group, member_of(group))
    finance = UserFactory()
    finance.user_permissions.add(Permission.objects.get(codename="export_approved_claims"))
    client.force_login(finance)
    assert len(download(client, group)) == 2


def test_members_and_other_projects_facilitators_are_not_found(client, group):
    approved(group, member_of(group))
    url = reverse("workspace:involvement:approved_csv", args=[group.project.slug])
    for person in (member_of(group), member_of(GroupFactory(), role=Role.FACILITATOR)):
        client.force_login(person)
        assert client.get(url).status_code == 404


def test_finance_staff_find_each_projects_file_from_one_page(client, group):
    finance = UserFactory()
    finance.user_permissions.add(Permission.objects.get(codename="export_approved_claims"))
    client.force_login(finance)
    page = client.get(reverse("workspace:involvement:finance")).content.decode()
    assert reverse("workspace:involvement:approved_csv", args=[group.project.slug]) in page
    client.force_login(member_of(group))
    assert client.get(reverse("workspace:involvement:finance")).status_code == 404


def test_the_admin_menu_offers_claims_for_finance_to_staff_with_the_permission(client, settings):
    settings.SIGNPOST_STAFF_NEED_SECOND_FACTOR = False
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert "Claims for finance" in client.get("/admin/").content.decode()
