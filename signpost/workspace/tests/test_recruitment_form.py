"""The public expression-of-interest form: short, records the channel, keeps what was typed."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from signpost.workspace.models import Channel, ExpressionOfInterest, Stage
from signpost.workspace.recruitment.services import allow_reply_from

from .recruitment_factories import CampaignFactory

pytestmark = pytest.mark.django_db

GOOD = {"preferred_name": "Asha", "email": "asha@example.org", "contact_by": "email"}


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def form_url(campaign, via=""):
    url = reverse("get_involved:form", kwargs={"slug": campaign.slug})
    return f"{url}?via={via}" if via else url


def test_a_reply_from_the_poster_link_is_counted_as_the_poster(client):
    campaign = CampaignFactory()
    page = client.get(form_url(campaign, "poster")).content.decode()
    assert campaign.headline in page and 'name="via" value="poster"' in page
    response = client.post(form_url(campaign, "poster"), GOOD | {"via": "poster"})
    assert response.status_code == 302
    assert response["Location"] == reverse("get_involved:thanks", kwargs={"slug": campaign.slug})
    reply = ExpressionOfInterest.objects.with_stage().get()
    assert (reply.channel, reply.preferred_name, reply.stage) == ("poster", "Asha", "expressed")


def test_without_a_channel_in_the_link_the_person_can_say_where_they_heard(client):
    campaign = CampaignFactory()
    page = client.get(form_url(campaign, "made-up")).content.decode()
    assert "Where did you hear about the group?" in page
    client.post(form_url(campaign), GOOD | {"channel": Channel.PARTNERS})
    client.post(form_url(campaign), GOOD | {"email": "b@example.org"})
    channels = sorted(ExpressionOfInterest.objects.values_list("channel", flat=True))
    assert channels == ["other", "partners"]


def test_missing_answers_get_messages_next_to_their_fields_and_nothing_typed_is_lost(client):
    campaign = CampaignFactory()
    typed = {
        "preferred_name": "",
        "phone": "0115 496 0123",
        "contact_by": "email",
        "message": "Evenings suit me",
    }
    response = client.post(form_url(campaign), typed)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter the name you would like us to use" in page
    assert "Enter your email address, or choose another way to hear" in page
    assert 'value="0115 496 0123"' in page and "Evenings suit me" in page
    assert "Error:" in page.split("</title>")[0]
    assert not ExpressionOfInterest.objects.exists()


def test_a_phone_number_that_is_not_one_is_explained(client):
    campaign = CampaignFactory()
    response = client.post(form_url(campaign), GOOD | {"phone": "call me", "contact_by": "text"})
    assert "Enter a phone number, like 07700 900 982" in response.content.decode()


def test_a_bot_filling_the_hidden_field_is_thanked_but_nothing_is_stored(client):
    campaign = CampaignFactory()
    response = client.post(form_url(campaign), GOOD | {"website": "http://spam.example"})
    assert response.status_code == 302
    assert not ExpressionOfInterest.objects.exists()


def test_too_many_replies_from_one_address_are_refused_politely_keeping_the_typing(
    client, settings
):
    settings.SIGNPOST_INTEREST_PER_HOUR = 2
    campaign = CampaignFactory()
    for n in range(2):
        client.post(form_url(campaign), GOOD | {"email": f"p{n}@example.org"})
    response = client.post(form_url(campaign), GOOD | {"preferred_name": "Third"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Please try again in an hour" in page and 'value="Third"' in page
    assert ExpressionOfInterest.objects.count() == 2


def test_each_address_has_its_own_allowance(settings):
    # Twenty at once from one address: test_recruitment_rate_limit_database_cache.
    settings.SIGNPOST_INTEREST_PER_HOUR = 2
    assert [allow_reply_from("203.0.113.9") for _ in range(3)] == [True, True, False]
    assert allow_reply_from("198.51.100.1")


def test_a_closed_or_unknown_campaign_is_not_found(client):
    campaign = CampaignFactory(is_open=False)
    assert client.get(form_url(campaign)).status_code == 404
    assert client.get("/get-involved/no-such-campaign/").status_code == 404


def test_the_form_asks_nothing_about_health_and_the_first_step_is_dated(client):
    campaign = CampaignFactory()
    page = client.get(form_url(campaign)).content.decode()
    assert "diagnos" not in page.lower() and "condition" not in page.lower()
    client.post(form_url(campaign), GOOD)
    step = ExpressionOfInterest.objects.get().steps.get()
    assert step.stage == Stage.EXPRESSED and step.moved_at is not None
