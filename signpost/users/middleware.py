"""Staff set up a second factor before they reach the admin (ADR 008)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from signpost.users.access import has_second_factor, is_staff_account

GUARDED_PREFIXES = ("/admin/",)


class SecondFactorRequiredMiddleware:
    """Sends a signed-in staff member without TOTP or a passkey to set one up first.

    allauth asks for a second factor at sign-in only once one exists; this closes the gap
    for a new staff account, so the admin is never reached on a password alone.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            settings.SIGNPOST_STAFF_NEED_SECOND_FACTOR
            and request.path.startswith(GUARDED_PREFIXES)
            and user is not None
            and user.is_authenticated
            and is_staff_account(user)
            and not has_second_factor(user)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)
