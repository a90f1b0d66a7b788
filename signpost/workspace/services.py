"""Writes in the workspace that touch several rows: each takes the person doing it as `by`."""

from __future__ import annotations

from django.db import transaction

from signpost.workspace.models import (
    Group,
    Membership,
    MembershipState,
    MembershipStatus,
    Role,
)


@transaction.atomic
def add_member(*, group: Group, user, role: str = Role.MEMBER, by=None) -> Membership:
    """Welcome someone into a group (or back into it), recorded as an active status row."""
    membership, _ = Membership.objects.get_or_create(
        group=group, user=user, defaults={"role": role}
    )
    if membership.role != role:
        membership.role = role
        membership.save(update_fields=["role", "updated_at"])
    MembershipStatus.objects.create(membership=membership, state=MembershipState.ACTIVE, set_by=by)
    return membership


def set_membership_state(
    *, membership: Membership, state: str, by=None, note: str = ""
) -> MembershipStatus:
    """Pause, resume or end a membership; the history stays as rows."""
    return MembershipStatus.objects.create(membership=membership, state=state, set_by=by, note=note)
