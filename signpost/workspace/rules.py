"""Who may see what in the workspace. Views reach groups only through these functions.

A group's private space (notes, discussion, member list, attendance) is for its current
members and facilitators only: not other groups, and not staff by virtue of being staff.
A group that a person may not see is "not found" (404), so a forged id leaks nothing.
"""

from __future__ import annotations

from django.http import Http404

from signpost.workspace.models import Group, Membership, Role


def current_membership(user, group: Group) -> Membership | None:
    """The person's current membership of this group, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Membership.objects.current().filter(user=user, group=group).first()


def is_facilitator(user, group: Group) -> bool:
    """True for a current facilitator of this group."""
    membership = current_membership(user, group)
    return membership is not None and membership.role == Role.FACILITATOR


def group_for_member(user, slug: str) -> tuple[Group, Membership]:
    """The group with this slug and the person's membership of it, or 404."""
    group = Group.objects.select_related("project", "wellbeing_contact").filter(slug=slug).first()
    membership = current_membership(user, group) if group else None
    if group is None or membership is None:
        raise Http404("No such group")
    return group, membership


def group_for_facilitator(user, slug: str) -> tuple[Group, Membership]:
    """As group_for_member, but only for its facilitators (404 for everyone else)."""
    group, membership = group_for_member(user, slug)
    if membership.role != Role.FACILITATOR:
        raise Http404("No such group")
    return group, membership


def can_write_notes(membership: Membership) -> bool:
    """Only a group's facilitators write its notes; its members read them."""
    return membership.role == Role.FACILITATOR


def can_post_in_discussion(membership: Membership) -> bool:
    """Everyone currently in the group (member or facilitator) may take part in its discussion."""
    return membership.role in (Role.MEMBER, Role.FACILITATOR)
