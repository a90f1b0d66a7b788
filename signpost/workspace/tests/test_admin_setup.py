"""Staff set up a project and a group, and name its facilitators, in the admin."""

import pytest
from django.urls import reverse

from signpost.workspace import rules
from signpost.workspace.models import Group, Project

from .factories import GroupFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_staff_add_a_project_and_a_group_with_its_facilitator(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_workspace_project:add"),
        {
            "name": "New crisis pathway",
            "slug": "crisis-pathway",
            "focus": "Designing the new crisis pathway with the people who use it.",
            "ladder_rung": "co-design",
            "ladder_reason": "Staff keep the final say on clinical safety.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    project = Project.objects.get(slug="crisis-pathway")
    fran = UserFactory(first_name="Fran", email="fran@example.org")
    response = admin_client.post(
        reverse("wagtailsnippets_workspace_group:add"),
        {
            "project": project.pk,
            "name": "Crisis voices",
            "slug": "crisis-voices",
            "kind": "lived-experience",
            "purpose": "People who have used crisis services shaping the new pathway.",
            "public_description": "",
            "neutral_name": "Signpost meeting",
            "wellbeing_contact": fran.pk,
            "facilitator_emails": "Fran@Example.org\nnew.person@example.org",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    group = Group.objects.get(slug="crisis-voices")
    assert rules.is_facilitator(fran, group)
    assert group.memberships.filter(user__email="new.person@example.org", role="facilitator")


def test_a_facilitator_line_that_is_not_an_email_is_said_next_to_the_field(admin_client):
    group = GroupFactory()
    edit = reverse("wagtailsnippets_workspace_group:edit", args=[group.pk])
    data = {
        "project": group.project.pk,
        "name": "Renamed",
        "slug": group.slug,
        "kind": group.kind,
        "purpose": group.purpose,
        "public_description": "",
        "neutral_name": group.neutral_name,
        "wellbeing_contact": "",
        "facilitator_emails": "fran at example",
    }
    page = admin_client.post(edit, data).content.decode()
    assert "is not an email address" in page
    group.refresh_from_db()
    assert group.name != "Renamed"


def test_taking_a_facilitator_off_ends_their_access_and_keeps_the_history(admin_client):
    group = GroupFactory()
    fran = member_of(group, role="facilitator", first_name="Fran", email="fran@example.org")
    edit = reverse("wagtailsnippets_workspace_group:edit", args=[group.pk])
    page = admin_client.get(edit).content.decode()
    assert "fran@example.org" in page
    data = {
        "project": group.project.pk,
        "name": group.name,
        "slug": group.slug,
        "kind": group.kind,
        "purpose": group.purpose,
        "public_description": "",
        "neutral_name": group.neutral_name,
        "wellbeing_contact": "",
    }
    assert admin_client.post(edit, data).status_code == 302
    assert not rules.is_facilitator(fran, group)
    assert fran.memberships.get().statuses.count() == 2


def test_the_admin_does_not_list_a_groups_members(admin_client):
    group = GroupFactory()
    member_of(group, first_name="Quietmember")
    page = admin_client.get(reverse("wagtailsnippets_workspace_group:edit", args=[group.pk]))
    assert "Quietmember" not in page.content.decode()
