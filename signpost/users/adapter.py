"""How allauth treats our people: nobody signs up, and members have no password (ADR 008)."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from signpost.users.access import is_staff_account


class AccountAdapter(DefaultAccountAdapter):
    """Accounts come from a facilitator's welcome; passwords are for staff only."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Never: joining is by expression of interest and a facilitator's welcome."""
        return False

    def authenticate(self, request: HttpRequest, **credentials: Any) -> Any:
        """A password signs in staff only; a member's way in is a code or a passkey.

        The refusal looks exactly like a wrong password, so it says nothing about the address.
        """
        user = super().authenticate(request, **credentials)
        if user is not None and "password" in credentials and not is_staff_account(user):
            self.authentication_failed(request, **credentials)
            return None
        return user

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Staff land in the admin, members in their workspace."""
        if is_staff_account(request.user):
            return "/admin/"
        return super().get_login_redirect_url(request)
