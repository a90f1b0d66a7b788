"""The whole co-production journey, as the people in it meet it.

Someone answers a poster, is welcomed, signs in with an emailed code, sees their next meeting
and comments on its papers; the facilitator records who came and publishes a shared output;
the paired group finds it in its own papers; the new member downloads their data.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from signpost.meetings import agendas
from signpost.meetings.models import Pairing
from signpost.meetings.tests.factories import with_slot
from signpost.workspace.models import Role
from signpost.workspace.tests.factories import GroupFactory, member_of
from signpost.workspace.tests.recruitment_factories import CampaignFactory


def _signed_in_as(page, live_server, user) -> None:
    """Staff and the paired group's member sign in by cookie; the newcomer signs in for real."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.clear_cookies()
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.fixture
def paired_groups(transactional_db):
    from signpost.nonprod.demo import build_site

    build_site()
    lived = with_slot(GroupFactory(name="Voices group"), rule="FREQ=MONTHLY;BYDAY=1TU")
    partners = with_slot(
        GroupFactory(project=lived.project, name="Partners group"), rule="FREQ=MONTHLY;BYDAY=3TU"
    )
    pairing = Pairing.objects.create(
        project=lived.project, first_group=lived, second_group=partners
    )
    facilitator = member_of(lived, role=Role.FACILITATOR, first_name="Femi")
    campaign = CampaignFactory(group=lived, project=lived.project, headline="Shape our website")
    cycle = agendas.cycles(pairing)[0]
    agendas.publish_paper(
        agenda=agendas.agenda_for(cycle.lead_meeting),
        group=lived,
        title="Draft home page",
        body="A first go at the home page, with urgent help at the top.",
        by=facilitator,
    )
    return {"campaign": campaign, "facilitator": facilitator, "cycle": cycle, "partners": partners}


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_from_a_poster_to_the_paired_groups_papers_and_a_data_download(
    page, live_server, axe, paired_groups, javascript_enabled
):
    campaign, cycle = paired_groups["campaign"], paired_groups["cycle"]
    meeting = cycle.lead_meeting

    # A poster's QR code brings someone to the form.
    page.goto(f"{live_server.url}/get-involved/{campaign.slug}/?via=poster")
    page.get_by_label("What name would you like us to use?").fill("Rowan")
    page.get_by_label("Email address (optional)").fill("Rowan@Example.org")
    page.get_by_role("radio", name="Email", exact=True).check()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    axe(page)

    # The facilitator welcomes them: that makes their account and membership.
    _signed_in_as(page, live_server, paired_groups["facilitator"])
    page.goto(f"{live_server.url}/workspace/recruitment/{campaign.slug}/")
    page.get_by_role("link", name="Rowan").click()
    page.get_by_role("button", name="Welcome conversation").click()
    expect(page.get_by_role("status")).to_contain_text("moved to welcome conversation")

    # Rowan signs in with the code we email, accepts the agreement, sees the next meeting.
    page.context.clear_cookies()
    page.goto(live_server.url + "/workspace/")
    page.get_by_role("button", name="Email me a sign-in code").click()
    page.get_by_label("Email").fill("rowan@example.org")
    page.get_by_role("button", name="Send the code").click()
    code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}", mail.outbox[-1].body).group(0)
    page.get_by_label("Code").fill(code.lower())
    page.get_by_role("button", name="Confirm").click()
    page.get_by_label("I have read the community agreement and I accept it").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Your groups")).to_be_visible()
    axe(page)
    page.get_by_role("link", name=meeting.local_start.strftime("%A %-d %B %Y, %H:%M")).click()
    expect(page.get_by_text("Draft home page")).to_be_visible()
    axe(page)

    # Rowan comments on the papers, in their own time.
    page.get_by_role("link", name="Comment on papers, and see outputs").click()
    page.get_by_label("Add a comment").first.fill("Could the phone numbers be bigger?")
    page.get_by_role("button", name="Add comment").first.click()
    expect(page.get_by_text("Could the phone numbers be bigger?")).to_be_visible()
    axe(page)

    # The facilitator records who came and publishes a shared output.
    _signed_in_as(page, live_server, paired_groups["facilitator"])
    meeting_url = f"{live_server.url}/workspace/meetings/{meeting.group.slug}/{meeting.pk}/"
    page.goto(meeting_url + "attendance/")
    page.get_by_label("Rowan").check()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_role("status")).to_contain_text("Attendance saved")
    axe(page)
    page.goto(meeting_url)
    page.get_by_role("link", name="Comment on papers, and see outputs").click()
    page.get_by_role("radio", name="A decision").check()
    page.get_by_label("What to record").fill("Make the urgent help numbers larger")
    page.get_by_role("radio", name="Share with the paired group too").check()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Make the urgent help numbers larger")).to_be_visible()

    # The paired group finds it in its own papers, credited to the group, not to a person.
    follow = cycle.follow_meeting
    _signed_in_as(page, live_server, member_of(paired_groups["partners"], first_name="Dr Okafor"))
    page.goto(f"{live_server.url}/workspace/meetings/{follow.group.slug}/{follow.pk}/")
    page.get_by_role("link", name="Comment on papers, and see outputs").click()
    expect(page.get_by_text("Make the urgent help numbers larger")).to_be_visible()
    expect(page.get_by_text("From the Voices group")).to_be_visible()
    expect(page.get_by_text("Could the phone numbers be bigger?")).to_have_count(0)
    axe(page)

    # Rowan downloads everything held about them.
    rowan = campaign.responses.get().user
    _signed_in_as(page, live_server, rowan)
    page.goto(live_server.url + "/workspace/me/")
    page.get_by_role("link", name="Read everything we hold about you").click()
    axe(page)
    if javascript_enabled:
        with page.expect_download() as download:
            page.get_by_role("link", name="download it as a JSON file").click()
        data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    else:
        data = json.loads(
            page.context.request.get(live_server.url + "/workspace/me/data.json").text()
        )
    text = json.dumps(data)
    assert "Could the phone numbers be bigger?" in text
    assert "rowan@example.org" in text
