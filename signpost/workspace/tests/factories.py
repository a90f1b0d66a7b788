"""Factories for workspace tests: people, projects, groups and memberships."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from signpost.workspace.models import Group, GroupKind, Project, Role
from signpost.workspace.services import add_member


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Sequence(lambda n: f"Person{n}")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    name = factory.Sequence(lambda n: f"Project {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    focus = "Shaping the website so people can find support."
    ladder_reason = "Members decide the agenda with staff."


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    kind = GroupKind.LIVED_EXPERIENCE
    purpose = "People with lived experience shaping the website together."


def member_of(
    group: Group, *, role: str = Role.MEMBER, accepted_agreement: bool = True, **user_fields
):
    """A new person who currently belongs to the group (and, unless told, has accepted the
    community agreement, as everyone does on joining)."""
    user = UserFactory(**user_fields)
    add_member(group=group, user=user, role=role)
    if accepted_agreement:
        from signpost.workspace.profile.services import accept_agreement

        accept_agreement(user=user)
    return user
