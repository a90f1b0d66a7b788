"""Someone sees a poster, follows its link, says they are interested and is thanked."""

import pytest
from playwright.sync_api import expect

from signpost.workspace.models import ExpressionOfInterest
from signpost.workspace.tests.recruitment_factories import CampaignFactory


@pytest.fixture
def campaign(transactional_db, live_server):
    from signpost.nonprod.demo import build_site

    build_site()
    return CampaignFactory(headline="Help shape our website")


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_from_the_poster_link_to_thanks(page, live_server, campaign, axe, javascript_enabled):
    page.goto(f"{live_server.url}/get-involved/{campaign.slug}/?via=poster")
    expect(page.get_by_role("heading", level=1)).to_have_text("Help shape our website")
    axe(page)

    page.get_by_label("Phone number (optional)").fill("0115 496 0123")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("There is a problem")
    # The message sits next to its field, and the summary links to it.
    field_error = page.locator(".nhsuk-form-group--error .nhsuk-error-message").first
    expect(field_error).to_contain_text("Enter the name you would like us to use")
    expect(page.get_by_label("Phone number (optional)")).to_have_value("0115 496 0123")
    axe(page)

    page.get_by_label("What name would you like us to use?").fill("Robin")
    page.get_by_role("radio", name="Text message").check()
    page.get_by_label("Anything you would like us to know? (optional)").fill("Mornings are best")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    axe(page)

    reply = ExpressionOfInterest.objects.get()
    assert (reply.preferred_name, reply.channel, reply.contact_by) == ("Robin", "poster", "text")


def _sign_in(page, live_server, user) -> None:
    """Sign in by session cookie: the sign-in journey itself is tested with accounts."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_a_facilitator_starts_a_campaign_welcomes_someone_and_sees_the_funnel(
    page, live_server, campaign, axe
):
    from signpost.workspace.models import Role
    from signpost.workspace.tests.factories import member_of
    from signpost.workspace.tests.recruitment_factories import reply_to

    reply_to(campaign, preferred_name="Robin", email="robin@example.org")
    _sign_in(page, live_server, member_of(campaign.group, role=Role.FACILITATOR))
    page.goto(f"{live_server.url}/workspace/recruitment/")
    axe(page)
    page.get_by_role("link", name="Start a campaign").click()
    page.get_by_label("Campaign name").fill("Library posters")
    page.get_by_role("button", name="Start the campaign").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter the poster's headline")
    expect(page.get_by_label("Campaign name")).to_have_value("Library posters")
    axe(page)

    page.goto(f"{live_server.url}/workspace/recruitment/{campaign.slug}/")
    expect(page.get_by_role("img", name="Funnel for this campaign: 1 response,")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Robin").click()
    page.get_by_role("button", name="Welcome conversation").click()
    expect(page.get_by_role("status")).to_contain_text("moved to welcome conversation")
    axe(page)

    page.goto(
        f"{live_server.url}/workspace/recruitment/projects/{campaign.project.slug}/membership/"
    )
    expect(page.get_by_role("table")).to_contain_text("1")
    axe(page)
