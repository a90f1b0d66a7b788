"""What the member's pages show, gathered in one place so views stay thin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from signpost.workspace.models import (
    AccessNeedsView,
    Consent,
    ConsentTopic,
    Group,
    MemberProfile,
    Role,
    has_consent,
)
from signpost.workspace.models.profiles import SHARED_WITH
from signpost.workspace.profile import services
from signpost.workspace.profile.names import display_name


@dataclass
class ConsentChoice:
    """One topic on the profile page: in force or not, and since when."""

    topic: str
    label: str
    shared_with: str
    in_force: Consent | None


def profile_page(user: Any) -> dict[str, Any]:
    """The profile page: details, consents with their history, groups and who looked."""
    consents = list(Consent.objects.filter(user=user))
    return {
        "profile": services.profile_for(user),
        "name": display_name(user),
        "choices": [_choice(topic, consents) for topic in ConsentTopic],
        "history": consents,
        "groups": Group.objects.for_member(user).select_related("project", "wellbeing_contact"),
        "views": AccessNeedsView.objects.filter(member=user).select_related("viewer", "group"),
    }


def _choice(topic: ConsentTopic, consents: list[Consent]) -> ConsentChoice:
    current = next((c for c in consents if c.topic == topic and not c.withdrawn_at), None)
    return ConsentChoice(
        topic=topic.value, label=topic.label, shared_with=SHARED_WITH[topic], in_force=current
    )


@dataclass
class MemberNeeds:
    """A member as their facilitator sees them: name, and needs only if shared."""

    name: str
    shared: bool
    profile: MemberProfile | None


def group_access_needs(*, group: Group, viewer: Any) -> list[MemberNeeds]:
    """Each current member's shared access needs; showing them records a view per member."""
    rows = []
    memberships = group.memberships.current().exclude(user=viewer).select_related("user")
    for membership in memberships.exclude(role=Role.FACILITATOR).order_by("user__first_name"):
        member = membership.user
        shared = has_consent(member, ConsentTopic.ACCESS_NEEDS_TO_FACILITATORS)
        profile = None
        if shared:
            profile = services.access_needs_for_facilitator(
                viewer=viewer, member=member, group=group
            )
        rows.append(MemberNeeds(display_name(member), shared, profile))
    return rows


def checkbox_items(form: Any, name: str) -> list[dict[str, Any]]:
    """A multiple-choice field's options as NHS.UK checkbox items, keeping what was ticked."""
    chosen = set(form.data.getlist(name) if form.is_bound else form.initial.get(name) or [])
    return [
        {"value": value, "text": str(label), "checked": value in chosen}
        for value, label in form.fields[name].choices
    ]
