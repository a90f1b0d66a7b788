"""Members read and accept the community agreement before using other workspace pages."""

import pytest
from django.urls import reverse

from signpost.workspace.models import CommunityAgreementAcceptance
from signpost.workspace.profile import agreement

from .factories import GroupFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


def test_a_member_who_has_not_accepted_is_asked_first_and_then_taken_where_they_were_going(client):
    group = GroupFactory()
    client.force_login(member_of(group, accepted_agreement=False))
    group_url = reverse("workspace:group", args=[group.slug])
    response = client.get(group_url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("workspace:profile_agreement"))
    page = client.get(response["Location"])
    assert "Our community agreement" in page.content.decode()
    response = client.post(reverse("workspace:profile_agreement"), {"next": group_url})
    assert "Tick the box" in response.content.decode()
    response = client.post(
        reverse("workspace:profile_agreement"), {"accept": "yes", "next": group_url}
    )
    assert response["Location"] == group_url
    assert client.get(group_url).status_code == 200


def test_a_member_can_reach_their_own_pages_without_accepting(client):
    client.force_login(member_of(GroupFactory(), accepted_agreement=False))
    assert client.get(reverse("workspace:profile")).status_code == 200
    assert client.get(reverse("workspace:profile_data_json")).status_code == 200
    assert client.get(reverse("workspace:profile_leave")).status_code == 200


def test_a_new_version_of_the_agreement_is_asked_for_again(client, monkeypatch):
    client.force_login(member_of(GroupFactory()))
    assert client.get(reverse("workspace:home")).status_code == 200
    monkeypatch.setattr(agreement, "CURRENT_VERSION", "2099-1")
    monkeypatch.setattr("signpost.workspace.profile.services.CURRENT_VERSION", "2099-1")
    assert client.get(reverse("workspace:home")).status_code == 302


def test_someone_in_no_group_is_not_asked(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse("workspace:home")).status_code == 200


def test_accepting_never_sends_someone_to_another_site(client):
    client.force_login(member_of(GroupFactory(), accepted_agreement=False))
    response = client.post(
        reverse("workspace:profile_agreement"),
        {"accept": "yes", "next": "https://elsewhere.example/"},
    )
    assert response["Location"] == reverse("workspace:home")
    assert CommunityAgreementAcceptance.objects.count() == 1
