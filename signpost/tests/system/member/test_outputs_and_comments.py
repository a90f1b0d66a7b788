"""A facilitator publishes a shared output; the paired group sees it in its papers and comments."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from signpost.meetings import agendas
from signpost.meetings.models import Pairing
from signpost.meetings.tests.factories import with_slot
from signpost.workspace.models import Role
from signpost.workspace.tests.factories import GroupFactory, member_of


def _sign_in(page, live_server, user) -> None:
    """Sign in by session cookie: the sign-in journey itself is tested with accounts."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.clear_cookies()
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.fixture
def cycle(transactional_db):
    from signpost.nonprod.demo import build_site

    build_site()  # a Wagtail site for the page chrome
    lived = with_slot(GroupFactory(name="Lived experience"), rule="FREQ=MONTHLY;BYDAY=1TU")
    partners = with_slot(GroupFactory(project=lived.project, name="Partners"),
                         rule="FREQ=MONTHLY;BYDAY=3TU")  # fmt: skip
    pairing = Pairing.objects.create(project=lived.project, first_group=lived,
                                     second_group=partners)  # fmt: skip
    return agendas.cycles(pairing)[0]


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_a_shared_output_reaches_the_paired_groups_papers_and_gets_a_comment(
    page, live_server, axe, cycle
):
    lead, follow = cycle.lead_meeting, cycle.follow_meeting
    _sign_in(page, live_server, member_of(lead.group, role=Role.FACILITATOR))
    page.goto(f"{live_server.url}/workspace/meetings/{lead.group.slug}/{lead.pk}/")
    page.get_by_role("link", name="Comment on papers, and see outputs").click()
    axe(page)
    page.get_by_role("radio", name="A decision").check()
    page.get_by_label("What to record").fill("Put the urgent help number first")
    page.get_by_role("radio", name="Share with the paired group too").check()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Put the urgent help number first")).to_be_visible()
    axe(page)

    _sign_in(page, live_server, member_of(follow.group, first_name="Robin"))
    page.goto(f"{live_server.url}/workspace/meetings/{follow.group.slug}/{follow.pk}/")
    page.get_by_role("link", name="Comment on papers, and see outputs").click()
    expect(page.get_by_role("heading", name="Shared with us by Lived experience")).to_be_visible()
    expect(page.get_by_text("From the Lived experience group")).to_be_visible()
    axe(page)
    page.get_by_label("Add a comment").fill("We can do that on the new home page")
    page.get_by_role("button", name="Add comment").click()
    expect(page.get_by_text("We can do that on the new home page")).to_be_visible()
    expect(page.get_by_text("Robin,")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Flag").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Flag a comment for a facilitator")
    axe(page)
