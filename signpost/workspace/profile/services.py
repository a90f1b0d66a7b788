"""Writes about a member's own record: profile, consents, access-needs views and leaving."""

from __future__ import annotations

import uuid
from typing import Any

from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone

from signpost.workspace.models import (
    AccessNeedsView,
    CommunityAgreementAcceptance,
    Consent,
    ConsentTopic,
    Group,
    MemberProfile,
    Membership,
    MembershipState,
    MembershipStatus,
    has_consent,
)
from signpost.workspace.models.profiles import SHARED_WITH
from signpost.workspace.profile import export
from signpost.workspace.profile.agreement import CURRENT_VERSION


def profile_for(user: Any) -> MemberProfile:
    """The member's profile, made empty on first use so forms always have one."""
    profile, _ = MemberProfile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def give_consent(*, user: Any, topic: str) -> Consent:
    """Record a consent from now; giving one already in force changes nothing."""
    existing = Consent.objects.in_force().select_for_update().filter(user=user, topic=topic)
    if found := existing.first():
        return found
    try:
        with transaction.atomic():
            return Consent.objects.create(
                user=user, topic=topic, shared_with=SHARED_WITH[ConsentTopic(topic)]
            )
    except IntegrityError:  # a second click got there first: one record in force is enough
        return Consent.objects.in_force().get(user=user, topic=topic)


def withdraw_consent(*, user: Any, topic: str) -> int:
    """End a consent now; the dated record stays so the member can see what they agreed."""
    return (
        Consent.objects.in_force()
        .filter(user=user, topic=topic)
        .update(withdrawn_at=timezone.now())
    )


def access_needs_for_facilitator(*, viewer: Any, member: Any, group: Group) -> MemberProfile | None:
    """A member's access needs for a facilitator of their group, recorded as a view.

    None when the member has not agreed to share them (nothing is recorded then). Callers
    must already have checked, through rules.py, that `viewer` facilitates `group` and
    `member` belongs to it.
    """
    if not has_consent(member, ConsentTopic.ACCESS_NEEDS_TO_FACILITATORS):
        return None
    profile = MemberProfile.objects.filter(user=member, forgotten_at__isnull=True).first()
    AccessNeedsView.objects.create(viewer=viewer, member=member, group=group)
    return profile


def accept_agreement(*, user: Any) -> CommunityAgreementAcceptance:
    """Record that the member accepted the agreement as it reads now."""
    acceptance, _ = CommunityAgreementAcceptance.objects.get_or_create(
        user=user, version=CURRENT_VERSION
    )
    return acceptance


@transaction.atomic
def forget_member(*, user: Any) -> None:
    """Leave every group and erase what identifies the person; their contributions stay.

    Memberships end with a "left" row (history is data). Profile details, consents and the
    record of who viewed their access needs are erased; the account keeps its id so notes
    and comments still point at it, and `display_name` shows it as "a former member".
    """
    for membership in Membership.objects.current().filter(user=user):
        MembershipStatus.objects.create(
            membership=membership, state=MembershipState.LEFT, set_by=user, note="Asked to leave"
        )
    Consent.objects.filter(user=user).delete()
    AccessNeedsView.objects.filter(member=user).delete()
    MemberProfile.objects.filter(user=user).delete()
    MemberProfile.objects.create(user=user, forgotten_at=timezone.now())
    _erase_contact_details(user)
    _erase_sign_in(user)


# Fields that would let someone reach or name a forgotten person, wherever a row is about them
# (an expression of interest's free-text message may say who they are or how they are).
CONTACT_DETAILS = ("preferred_name", "email", "phone", "postal_address", "message")


def _erase_contact_details(user: Any) -> None:
    """Blank contact details on any row that is about the person (its `user` field).

    Found the way the export finds rows, so a new model (an expression of interest, say)
    is covered without this module knowing it. Rows where the person only acted (set a
    status, recorded attendance) keep their content: those are contributions.
    """
    for model_field in export.person_fields():
        if model_field.name != "user" or model_field.many_to_many:
            continue
        model = model_field.model
        names = [f.name for f in model._meta.concrete_fields if f.name in CONTACT_DETAILS]
        if names:
            model._default_manager.filter(user=user).update(**dict.fromkeys(names, ""))


def _erase_sign_in(user: Any) -> None:
    """Replace name, email and username and remove every way to sign in."""
    user.username = f"former-member-{uuid.uuid4().hex[:12]}"
    user.first_name = ""
    user.last_name = ""
    user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    for label, model in (("account", "EmailAddress"), ("mfa", "Authenticator")):
        if apps.is_installed(f"allauth.{label}"):
            apps.get_model(label, model).objects.filter(user=user).delete()
