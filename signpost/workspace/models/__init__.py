"""The co-production workspace: projects, their groups and who belongs to them."""

from .profiles import (
    AccessNeed,
    AccessNeedsView,
    CommunityAgreementAcceptance,
    Consent,
    ConsentTopic,
    ContactMethod,
    MemberProfile,
    has_consent,
)
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
    "AccessNeed",
    "AccessNeedsView",
    "CommunityAgreementAcceptance",
    "Consent",
    "ConsentTopic",
    "ContactMethod",
    "MemberProfile",
    "has_consent",
    "Group",
    "GroupKind",
    "LadderRung",
    "Membership",
    "MembershipState",
    "MembershipStatus",
    "Project",
    "Role",
]
