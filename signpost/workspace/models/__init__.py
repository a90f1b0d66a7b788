"""The co-production workspace: projects, their groups and who belongs to them."""

from .private_space import DiscussionPost, GroupNote
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
from .recruitment import (
    Campaign,
    Channel,
    ContactRoute,
    ExpressionOfInterest,
    PipelineStep,
    Stage,
)

__all__ = [
    "AccessNeed",
    "AccessNeedsView",
    "Campaign",
    "Channel",
    "CommunityAgreementAcceptance",
    "Consent",
    "ConsentTopic",
    "ContactMethod",
    "ContactRoute",
    "DiscussionPost",
    "ExpressionOfInterest",
    "Group",
    "GroupKind",
    "GroupNote",
    "LadderRung",
    "MemberProfile",
    "Membership",
    "MembershipState",
    "MembershipStatus",
    "PipelineStep",
    "Project",
    "Role",
    "Stage",
    "has_consent",
]
