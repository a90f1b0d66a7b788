"""The demo workspace: two paired groups, a year of meetings with one moved, two campaigns."""

import pytest
from django.utils import timezone

from signpost.meetings.models import Attendance, Meeting, MeetingChange, Pairing
from signpost.nonprod.demo_workspace import load_demo_workspace
from signpost.workspace.dashboard import not_seen_lately
from signpost.workspace.models import Group, Membership, MembershipStatus
from signpost.workspace.models.recruitment import Campaign

pytestmark = pytest.mark.django_db


def test_the_demo_workspace_has_paired_groups_a_year_of_meetings_and_two_campaigns():
    emails = load_demo_workspace()
    lived = Group.objects.get(slug="lived-experience")
    assert Membership.objects.current().filter(user__email=emails["member"], group=lived).exists()
    assert (
        Membership.objects.current()
        .filter(user__email=emails["facilitator"], role="facilitator")
        .count()
        == 2
    )
    now = timezone.now()
    assert lived.meetings.filter(starts_at__lt=now).count() >= 11
    assert lived.meetings.filter(starts_at__gt=now).count() >= 11
    assert MeetingChange.objects.filter(meeting__group=lived, kind="moved").count() == 1
    assert Pairing.objects.count() == 1
    assert Campaign.objects.count() == 2
    # Past meetings have attendance, so the facilitator's dashboard has a trend and a check-in.
    assert Attendance.objects.filter(meeting__group=lived, attended=True).exists()
    assert not_seen_lately(lived) == ["Sam"]


def test_loading_the_demo_workspace_again_adds_nothing():
    load_demo_workspace()
    counts = (
        Meeting.objects.count(),
        MembershipStatus.objects.count(),
        Campaign.objects.count(),
        Attendance.objects.count(),
    )
    load_demo_workspace()
    again = (
        Meeting.objects.count(),
        MembershipStatus.objects.count(),
        Campaign.objects.count(),
        Attendance.objects.count(),
    )
    assert again == counts
    assert MeetingChange.objects.count() == 1
