"""Members' comments on papers and outputs, flags, hiding while a facilitator looks, and the
safeguarding route to the group's wellbeing contact.

Comments stay in the commenter's group. There is no deadline: people comment before or after
the meeting at their own pace, and each comment shows when it was made. Flags and hide/restore
are dated rows with who set them (house rule 2); the latest status row counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.mail import send_mail

from signpost.meetings.models_outputs import (
    Comment,
    CommentFlag,
    CommentStatus,
    FlagReason,
    Visibility,
)
from signpost.workspace.models import Group, Membership, Role
from signpost.workspace.profile.names import display_name

HIDDEN_TEXT = "Hidden while a facilitator looks at it"


@dataclass(frozen=True)
class ShownComment:
    """A comment as a page shows it: for members, a hidden one shows only HIDDEN_TEXT."""

    comment: Comment
    author: str
    body: str
    hidden: bool
    flags: list[CommentFlag]


def add_comment(*, group: Group, author: Any, body: str, target: Any) -> Comment:
    """Keep a member's comment on a paper, an output or an action, in their group."""
    field = {"Paper": "paper", "Output": "output", "Action": "action"}[type(target).__name__]
    return Comment.objects.create(group=group, author=author, body=body, **{field: target})


def is_hidden(comment: Comment) -> bool:
    """Hidden when the latest status row says so."""
    latest = comment.statuses.order_by("-set_at", "-id").first()
    return latest is not None and latest.status == Visibility.HIDDEN


def set_visibility(*, comment: Comment, hidden: bool, by: Any) -> CommentStatus:
    """A facilitator hides a comment while they look, or restores it: a new dated row."""
    status = Visibility.HIDDEN if hidden else Visibility.RESTORED
    return CommentStatus.objects.create(comment=comment, status=status, set_by=by)


def flag_comment(*, comment: Comment, by: Any, reason: str, note: str, link: str) -> CommentFlag:
    """Anyone in the group flags a comment; a safety worry also tells the wellbeing contact."""
    flag = CommentFlag.objects.create(comment=comment, flagged_by=by, reason=reason, note=note)
    if reason == FlagReason.SAFETY:
        tell_wellbeing_contact(group=comment.group, link=link)
    return flag


def tell_wellbeing_contact(*, group: Group, link: str) -> None:
    """Email the wellbeing contact (or, if none is named, the facilitators) a link, never the words.

    The subject uses the group's neutral name, so an inbox glance gives nothing away.
    """
    people = [group.wellbeing_contact] if group.wellbeing_contact else _facilitators(group)
    to = [p.email for p in people if p is not None and p.email]
    if not to:
        return
    subject = f"{group.neutral_name}: someone is worried about a comment"
    body = (
        "Someone in the group flagged a comment because they are worried about a person's "
        "safety. Please look at it soon and follow your safeguarding steps.\n\n"
        f"The comment is here (sign in to see it): {link}\n"
    )
    send_mail(subject, body, None, to)


def _facilitators(group: Group) -> list[Any]:
    current = Membership.objects.current().filter(group=group, role=Role.FACILITATOR)
    return [m.user for m in current.select_related("user")]


def comments_on(group: Group, target: Any, *, facilitator: bool) -> list[ShownComment]:
    """The group's comments on one paper or output, oldest first, as this viewer may see them."""
    field = {"Paper": "paper", "Output": "output", "Action": "action"}[type(target).__name__]
    found = group.comments.filter(**{field: target}).select_related("author")
    return [_shown(c, facilitator=facilitator) for c in found.prefetch_related("flags")]


def shown_comment(comment: Comment, *, facilitator: bool) -> ShownComment:
    """One comment as this viewer may see it (a hidden one is veiled for members)."""
    return _shown(comment, facilitator=facilitator)


def _shown(comment: Comment, *, facilitator: bool) -> ShownComment:
    hidden = is_hidden(comment)
    veiled = hidden and not facilitator
    body = HIDDEN_TEXT if veiled else comment.body
    author = "" if veiled else display_name(comment.author)
    flags = list(comment.flags.all()) if facilitator else []
    return ShownComment(comment, author, body, hidden, flags)
