"""A group's notes and discussion stay inside the group: facilitators write notes, all post."""

import pytest
from django.urls import reverse

from signpost.workspace.models import GroupKind, Role

from .factories import GroupFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def lived_experience():
    return GroupFactory(kind=GroupKind.LIVED_EXPERIENCE)


@pytest.fixture
def professionals(lived_experience):
    return GroupFactory(project=lived_experience.project, kind=GroupKind.PARTNERS)


def notes_url(group):
    return reverse("workspace:group_notes", args=[group.slug])


def test_a_facilitator_writes_a_note_that_the_groups_members_read(client, lived_experience):
    facilitator = member_of(lived_experience, role=Role.FACILITATOR, first_name="Fran")
    client.force_login(facilitator)
    response = client.post(
        notes_url(lived_experience), {"title": "After Tuesday", "body": "Thank you all."}
    )
    assert response.status_code == 302
    client.force_login(member_of(lived_experience))
    page = client.get(notes_url(lived_experience)).content.decode()
    assert "After Tuesday" in page and "Thank you all." in page
    assert "Add the note" not in page


def test_a_member_cannot_write_a_note(client, lived_experience):
    client.force_login(member_of(lived_experience))
    response = client.post(notes_url(lived_experience), {"title": "Mine", "body": "Text"})
    assert response.status_code == 403
    assert not lived_experience.notes.exists()


def test_a_professionals_group_never_sees_the_lived_experience_groups_notes(
    client, lived_experience, professionals
):
    lived_experience.notes.create(title="Private reflections", body="Only for us")
    client.force_login(member_of(professionals, role=Role.FACILITATOR))
    response = client.get(notes_url(lived_experience))
    assert response.status_code == 404
    assert "Private reflections" not in response.content.decode()
    page = client.get(notes_url(professionals)).content.decode()
    assert "Private reflections" not in page


def test_members_and_facilitators_post_in_the_discussion(client, lived_experience):
    url = reverse("workspace:group_discussion", args=[lived_experience.slug])
    client.force_login(member_of(lived_experience, first_name="Asha"))
    client.post(url, {"body": "I liked the new leaflet."})
    client.force_login(member_of(lived_experience, role=Role.FACILITATOR, first_name="Fran"))
    client.post(url, {"body": "Thanks, Asha."})
    page = client.get(url).content.decode()
    assert page.index("I liked the new leaflet.") < page.index("Thanks, Asha.")
    assert lived_experience.discussion_posts.count() == 2


def test_an_empty_message_is_refused_with_a_message_next_to_the_box(client, lived_experience):
    client.force_login(member_of(lived_experience))
    url = reverse("workspace:group_discussion", args=[lived_experience.slug])
    response = client.post(url, {"body": "   "})
    assert response.status_code == 200
    assert "Write a message before you post it" in response.content.decode()
    assert not lived_experience.discussion_posts.exists()


def test_a_post_by_someone_forgotten_stays_as_a_former_member(client, lived_experience):
    author = member_of(lived_experience, first_name="Gone")
    lived_experience.discussion_posts.create(author=author, body="My idea")
    author.delete()
    client.force_login(member_of(lived_experience))
    page = client.get(reverse("workspace:group_discussion", args=[lived_experience.slug]))
    assert "A former member" in page.content.decode()
    assert "My idea" in page.content.decode()


def test_staff_outside_the_group_cannot_read_its_discussion(client, lived_experience):
    lived_experience.discussion_posts.create(body="Between us")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("workspace:group_discussion", args=[lived_experience.slug])
    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "Hello"}).status_code == 404


def test_the_member_list_is_for_the_group_only(client, lived_experience, professionals):
    member_of(lived_experience, first_name="Asha")
    url = reverse("workspace:group_members", args=[lived_experience.slug])
    client.force_login(member_of(professionals))
    assert client.get(url).status_code == 404
    client.force_login(member_of(lived_experience))
    assert "Asha" in client.get(url).content.decode()
