"""Facilitators start campaigns for their own project's groups, and nobody else's."""

import pytest
from django.urls import reverse

from signpost.workspace.models import Campaign, Role

from .factories import GroupFactory, member_of

pytestmark = pytest.mark.django_db

NEW = reverse("workspace:recruitment:new")


def fields(for_group, **changes):
    return {
        "project": str(for_group.project.pk),
        "group": str(for_group.pk),
        "name": "New",
        "headline": "Help shape our website",
        "what_members_do": "Read new pages and say what works.",
        "payment_text": "£20 a meeting",
    } | changes


def test_a_facilitator_starts_a_campaign_and_lands_on_its_page(client):
    group = GroupFactory()
    client.force_login(member_of(group, role=Role.FACILITATOR))
    response = client.post(NEW, fields(group))
    campaign = Campaign.objects.get()
    # "new" is the form's own address, so the campaign gets another.
    assert campaign.slug == "new-2" and campaign.group == group
    assert response["Location"] == reverse("workspace:recruitment:campaign", args=["new-2"])
    assert "Print the poster" in client.get(response["Location"]).content.decode()


def test_missing_words_are_asked_for_next_to_their_fields_keeping_the_rest(client):
    group = GroupFactory()
    client.force_login(member_of(group, role=Role.FACILITATOR))
    response = client.post(NEW, fields(group, headline="", what_members_do=""))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter the poster&#39;s headline" in page or "Enter the poster's headline" in page
    assert "£20 a meeting" in page
    assert not Campaign.objects.exists()


def test_a_group_of_another_project_cannot_be_chosen(client):
    group, elsewhere = GroupFactory(), GroupFactory()
    client.force_login(member_of(group, role=Role.FACILITATOR))
    response = client.post(NEW, fields(group, group=str(elsewhere.pk)))
    assert response.status_code == 400
    assert "Select a valid choice" not in response.content.decode()
    assert not Campaign.objects.exists()
    forged = client.post(NEW, fields(elsewhere))
    assert forged.status_code == 400 and not Campaign.objects.exists()


def test_members_cannot_start_campaigns(client):
    group = GroupFactory()
    client.force_login(member_of(group))
    assert client.get(NEW).status_code == 404
    assert client.post(NEW, fields(group)).status_code == 404


def test_a_facilitator_closes_a_campaign_and_its_form_is_then_not_found(client):
    from .recruitment_factories import CampaignFactory

    campaign = CampaignFactory()
    client.force_login(member_of(campaign.group, role=Role.FACILITATOR))
    form = reverse("get_involved:form", args=[campaign.slug])
    toggle = reverse("workspace:recruitment:open", args=[campaign.slug])
    assert client.post(toggle, {"state": "closed"}).status_code == 302
    assert client.get(form).status_code == 404
    client.post(toggle, {"state": "open"})
    assert client.get(form).status_code == 200
    client.force_login(member_of(campaign.group))
    assert client.post(toggle, {"state": "closed"}).status_code == 404
    campaign.refresh_from_db()
    assert campaign.is_open
