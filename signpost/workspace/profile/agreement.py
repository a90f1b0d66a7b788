"""The community agreement every member accepts before using the workspace.

The text lives in `workspace/profile/agreement_text.jinja`. Changing what it asks of people
means raising CURRENT_VERSION, so every member is asked to read and accept it again.
"""

from __future__ import annotations

from typing import Any

from signpost.workspace.models import CommunityAgreementAcceptance, Membership

CURRENT_VERSION = "2026-1"


def has_accepted_current(user: Any) -> bool:
    """Whether this person accepted the agreement as it reads now."""
    return CommunityAgreementAcceptance.objects.filter(user=user, version=CURRENT_VERSION).exists()


def must_accept(user: Any) -> bool:
    """True for someone in a group (member or facilitator) who has not accepted this version.

    Staff who belong to no group are not asked: the agreement is about how groups work.
    """
    if not getattr(user, "is_authenticated", False):
        return False
    if not Membership.objects.current().filter(user=user).exists():
        return False
    return not has_accepted_current(user)
