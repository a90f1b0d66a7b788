"""Setting up and reading authenticator-app (TOTP) codes for the demo admin and for tests."""

from __future__ import annotations

import time
from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

TOTP_PERIOD_SECONDS = 30


def give_authenticator_app(user: Any, secret: str) -> None:
    """Give the person a TOTP authenticator with a known secret (demo and tests only)."""
    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    TOTP.activate(user, secret)


def current_code(secret: str, *, at: float | None = None) -> str:
    """The six digits an authenticator app with this secret shows now."""
    moment = time.time() if at is None else at
    return format_hotp_value(hotp_value(secret, int(moment) // TOTP_PERIOD_SECONDS))
