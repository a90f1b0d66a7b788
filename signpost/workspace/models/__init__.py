"""The co-production workspace: projects, their groups and who belongs to them."""

from .projects import (
    Group,
    GroupKind,
    LadderRung,
    Membership,
    MembershipState,
    MembershipStatus,
    Project,
    Role,
)

__all__ = [
    "Group",
    "GroupKind",
    "LadderRung",
    "Membership",
    "MembershipState",
    "MembershipStatus",
    "Project",
    "Role",
]
