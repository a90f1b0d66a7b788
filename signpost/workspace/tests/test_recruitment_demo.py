"""The demo's recruitment tells the real story: a poster brought five responses, two came."""

import pytest

from signpost.workspace.models import Campaign, Role
from signpost.workspace.recruitment import charts
from signpost.workspace.recruitment.demo import build_recruitment_demo

from .factories import GroupFactory, member_of

pytestmark = pytest.mark.django_db


def test_the_demo_has_two_campaigns_and_the_poster_brought_five_and_two_came():
    group = GroupFactory()
    facilitator = member_of(group, role=Role.FACILITATOR)
    poster, partners = build_recruitment_demo(group=group, facilitator=facilitator)
    assert charts.funnel(poster).summary == "5 responses, 2 attended a meeting"
    assert charts.funnel(partners).total.counts[0] == 2
    build_recruitment_demo(group=group, facilitator=facilitator)  # again: nothing doubles
    assert Campaign.objects.count() == 2 and poster.responses.count() == 5
