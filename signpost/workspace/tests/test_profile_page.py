"""A member's profile, told once: the name to use, how to get in touch and access needs."""

import pytest
from django.urls import reverse

from signpost.workspace.models import MemberProfile
from signpost.workspace.profile.names import display_name

from .factories import GroupFactory, member_of

pytestmark = pytest.mark.django_db


def test_a_member_saves_their_name_contact_preferences_and_access_needs(client):
    member = member_of(GroupFactory())
    client.force_login(member)
    response = client.post(
        reverse("workspace:profile_edit"),
        {
            "preferred_name": "Jo",
            "contact_methods": ["email", "text"],
            "contact_times": "Weekday mornings",
            "phone": "07700 900123",
            "access_needs": ["large-print", "breaks"],
            "access_needs_details": "A seat near the door",
        },
    )
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=member)
    assert profile.contact_methods == ["email", "text"]
    assert profile.access_needs == ["large-print", "breaks"]
    page = client.get(reverse("workspace:profile")).content.decode()
    assert "Jo" in page and "Text message" in page and "Large print" in page
    assert "A seat near the door" in page


def test_asking_for_texts_without_a_number_says_so_next_to_the_field_and_keeps_the_rest(client):
    client.force_login(member_of(GroupFactory()))
    response = client.post(
        reverse("workspace:profile_edit"),
        {"preferred_name": "Jo", "contact_methods": ["text"], "access_needs": ["bsl"]},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a phone number, or untick phone call and text message" in page
    assert 'value="Jo"' in page
    assert 'value="bsl" checked' in page
    assert page.count('href="#phone"') == 1


def test_an_unknown_access_need_is_refused_with_a_message_not_an_error(client):
    client.force_login(member_of(GroupFactory()))
    response = client.post(reverse("workspace:profile_edit"), {"access_needs": ["jetpack"]})
    assert response.status_code == 200
    assert "Choose from the needs listed" in response.content.decode()


def test_the_chosen_name_is_used_in_the_groups_member_list(client):
    group = GroupFactory()
    member = member_of(group, first_name="Joanna")
    MemberProfile.objects.create(user=member, preferred_name="Jo B")
    client.force_login(member_of(group))
    page = client.get(reverse("workspace:group", args=[group.slug])).content.decode()
    assert "Jo B" in page and "Joanna" not in page
    assert display_name(member) == "Jo B"


def test_the_profile_page_names_each_groups_wellbeing_contact(client):
    group = GroupFactory()
    contact = member_of(group, role="facilitator", first_name="Priya", last_name="Shah")
    group.wellbeing_contact = contact
    group.save()
    client.force_login(member_of(group))
    page = client.get(reverse("workspace:profile")).content.decode()
    assert "your wellbeing contact is Priya Shah" in page


@pytest.mark.parametrize(
    "name",
    [
        "workspace:profile",
        "workspace:profile_edit",
        "workspace:profile_data",
        "workspace:profile_data_json",
        "workspace:profile_leave",
        "workspace:profile_agreement",
    ],
)
def test_a_members_own_pages_need_sign_in_and_are_never_stored(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    client.force_login(member_of(GroupFactory()))
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
