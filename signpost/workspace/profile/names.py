"""How the workspace names a person: the name they chose, or "a former member"."""

from __future__ import annotations

from typing import Any

FORMER_MEMBER = "a former member"


def display_name(user: Any) -> str:
    """The name this person asked us to use; "a former member" once they asked to be forgotten.

    Every page that names a member should call this, so a forgotten member's notes,
    comments and actions stay in place without naming them.
    """
    if user is None:
        return FORMER_MEMBER
    profile = _profile(user)
    if profile is not None and profile.forgotten_at:
        return FORMER_MEMBER
    if profile is not None and profile.preferred_name:
        return str(profile.preferred_name)
    return str(user.get_full_name() or user.username)


def _profile(user: Any) -> Any:
    from signpost.workspace.models import MemberProfile

    try:
        return user.member_profile
    except MemberProfile.DoesNotExist:
        return None


def workspace_names(request: Any) -> dict[str, Any]:
    """Context processor: lets every template call `display_name(user)` and `local_time(when)`."""
    from django.utils.timezone import localtime

    return {"display_name": display_name, "local_time": localtime}
