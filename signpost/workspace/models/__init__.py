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
from .private_space import DiscussionPost, GroupNote
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
    "DiscussionPost",
    "Group",
    "GroupKind",
    "GroupNote",
    "LadderRung",
    "Membership",
    "MembershipState",
    "MembershipStatus",
    "Project",
    "Role",
]
