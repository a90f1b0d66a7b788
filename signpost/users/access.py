"""Who counts as staff for sign-in: the people who can reach the admin (ADR 008)."""

from __future__ import annotations

from typing import Any


def is_staff_account(user: Any) -> bool:
    """True for anyone who can reach the admin: they sign in with a password and a second factor.

    Wagtail lets a non-`is_staff` person into its admin with the `access_admin` permission
    (editors and directory maintainers), so they count as staff too.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_staff", False) or getattr(user, "is_superuser", False):
        return True
    return bool(user.is_active and user.has_perm("wagtailadmin.access_admin"))


def has_second_factor(user: Any) -> bool:
    """True once the person has an authenticator app (TOTP) or a passkey set up."""
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).exists()
