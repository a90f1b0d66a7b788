"""Creating accounts: only a facilitator's welcome makes one (there is no open sign-up)."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.crypto import get_random_string


@transaction.atomic
def create_member_account(*, email: str, preferred_name: str, by: Any) -> Any:
    """An account for a welcomed member: signs in by emailed code or passkey, never a password.

    Returns the existing account when the address already has one, so a second welcome
    (into another group) does not make a duplicate person.
    """
    email = get_user_model().objects.normalize_email(email.strip()).lower()
    existing = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    if existing is not None:
        return existing.user
    # Someone already here (staff, say) whose address allauth has not recorded yet.
    known = get_user_model().objects.filter(email__iexact=email).first()
    if known is not None:
        EmailAddress.objects.create(user=known, email=email, primary=True, verified=True)
        return known
    user = get_user_model()(
        username=f"member-{get_random_string(12).lower()}",
        email=email,
        first_name=preferred_name.strip()[:150],
    )
    user.set_unusable_password()
    user.save()
    # The facilitator has spoken to them at this address, and a code proves it again anyway.
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    return user
