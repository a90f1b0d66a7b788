"""Recruitment writes: taking an expression of interest and moving a person along the pipeline.

Every move is a new dated row with who made it (house rule 2), never an edit in place.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import time
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import OperationalError, transaction

from signpost.workspace.models import (
    Campaign,
    ExpressionOfInterest,
    Group,
    MembershipState,
    PipelineStep,
    Role,
    Stage,
)
from signpost.workspace.services import add_member, set_membership_state

# Stages from which someone has (or is about to have) an account and a place in a group.
JOINED_STAGES: frozenset[str] = frozenset({Stage.WELCOME, Stage.FIRST_MEETING, Stage.ACTIVE})
MEMBERSHIP_STATE_FOR: dict[str, str] = {
    Stage.ACTIVE: MembershipState.ACTIVE,
    Stage.PAUSED: MembershipState.PAUSED,
    Stage.LEFT: MembershipState.LEFT,
}
RATE_WINDOW_SECONDS = 3600
T = TypeVar("T")


def replies_per_hour() -> int:
    """How many expressions of interest one address may send in an hour."""
    return int(getattr(settings, "SIGNPOST_INTEREST_PER_HOUR", 5))


def allow_reply_from(address: str) -> bool:
    """Count one reply from this address; False once it is over the hourly limit.

    The address is kept only as a keyed hash. `add` then `incr`, so many posts at once
    cannot all read "0" and all get through.
    """
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    key = "interest-rate:" + digest.hexdigest()[:32]
    cache.add(key, 0, timeout=RATE_WINDOW_SECONDS)
    return when_free(lambda: _count_one(key)) <= replies_per_hour()


def _count_one(key: str) -> int:
    # The database cache's incr is a read then a write: inside one transaction (IMMEDIATE on
    # SQLite) those run one writer at a time. Other backends count atomically anyway.
    with transaction.atomic():
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr: this reply starts a new window
            cache.add(key, 1, timeout=RATE_WINDOW_SECONDS)
            return 1


def when_free(action: Callable[[], T], *, tries: int = 6) -> T:
    """Run a short write, tried again after a pause while the database is busy.

    Many people answering at once can find the database locked for a moment; trying again
    is better than losing a reply. After the last try the error goes to the caller, which
    tells the person their reply was not saved (never a silent loss).
    """
    for attempt in range(tries - 1):
        try:
            return action()
        except OperationalError:
            time.sleep(0.02 * 2**attempt + random.uniform(0, 0.02))
    return action()


def store_interest(*, campaign: Campaign, channel: str, details: dict[str, Any]) -> Any:
    """record_interest, tried again while the database is busy."""
    return when_free(lambda: record_interest(campaign=campaign, channel=channel, details=details))


@transaction.atomic
def record_interest(*, campaign: Campaign, channel: str, details: dict[str, Any]):
    """Store an expression of interest and its first pipeline step, together or not at all."""
    interest = ExpressionOfInterest.objects.create(campaign=campaign, channel=channel, **details)
    PipelineStep.objects.create(interest=interest, stage=Stage.EXPRESSED)
    return interest


@transaction.atomic
def move_interest(
    *, interest: ExpressionOfInterest, stage: str, by, group: Group | None = None
) -> PipelineStep:
    """Move someone to a stage; from the welcome conversation on, give them an account and a
    place in the group, and keep their membership's state in step with paused and left."""
    interest = ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)
    step = PipelineStep.objects.create(interest=interest, stage=stage, moved_by=by)
    target = group or interest.campaign.group
    if stage in JOINED_STAGES and interest.membership_id is None and target is not None:
        user = interest.user or account_for(interest, by=by)
        interest.user = user
        interest.membership = add_member(group=target, user=user, role=Role.MEMBER, by=by)
        interest.save(update_fields=["user", "membership", "updated_at"])
    elif interest.membership is not None and stage in MEMBERSHIP_STATE_FOR:
        set_membership_state(
            membership=interest.membership, state=MEMBERSHIP_STATE_FOR[stage], by=by
        )
    return step


def account_for(interest: ExpressionOfInterest, *, by: Any = None) -> Any:
    """The person's account, from the accounts app's `create_member_account` when present."""
    try:
        from signpost.users.services import create_member_account
    except ImportError:  # the accounts app is not there: a plain account with no password
        return _plain_account(interest)
    return create_member_account(
        email=interest.email, preferred_name=interest.preferred_name, by=by
    )


def _plain_account(interest: ExpressionOfInterest) -> Any:
    """An account with no usable password (sign-in is by code), reusing one for the address."""
    users = get_user_model().objects
    if interest.email and (existing := users.filter(email__iexact=interest.email).first()):
        return existing
    user = users.create_user(
        username=str(uuid.uuid4()), email=interest.email, first_name=interest.preferred_name
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    return user
