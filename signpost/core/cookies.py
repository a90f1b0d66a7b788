"""Every cookie the site can set, why, and for how long: the privacy notice lists these.

Lifetimes are worked out from settings, so the notice cannot drift from what the site does.
A test visits the site and fails if a Set-Cookie name is missing here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class SiteCookie:
    """One cookie as the privacy notice describes it."""

    name: str
    purpose: str
    lifetime: str


def _duration(seconds: int) -> str:
    """A cookie age in plain words: '30 days', '2 weeks', 'About 1 year' (Django's 52 weeks)."""
    day = 24 * 60 * 60
    if seconds >= 364 * day:
        years = round(seconds / (365 * day))
        exact = seconds == years * 365 * day
        return f"{'' if exact else 'About '}{years} year{'s' if years != 1 else ''}"
    for unit, size in [("week", 7 * day), ("day", day), ("hour", 3600)]:
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{max(1, round(seconds / 60))} minutes"


def _session_lifetime() -> str:
    if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE:
        return "Until you close your browser"
    return _duration(int(settings.SESSION_COOKIE_AGE))


def _messages_use_cookies() -> bool:
    storage = import_string(settings.MESSAGE_STORAGE)
    return issubclass(storage, (CookieStorage, FallbackStorage))


def site_cookies() -> list[SiteCookie]:
    """The cookies this install can set, each needed for the site to work."""
    cookies = [
        SiteCookie(
            settings.SESSION_COOKIE_NAME,
            "Remembers your saved list and your choices, such as showing information for "
            "professionals, while you use the site. Staff who sign in also use it.",
            _session_lifetime(),
        )
    ]
    if not settings.CSRF_USE_SESSIONS:
        cookies.append(
            SiteCookie(
                settings.CSRF_COOKIE_NAME,
                "Stops other websites sending forms to this one pretending to be you.",
                _duration(int(settings.CSRF_COOKIE_AGE)),
            )
        )
    if _messages_use_cookies():
        cookies.append(
            SiteCookie(
                CookieStorage.cookie_name,
                "Carries a short message to the next page, such as 'Saved to your list'.",
                "Until the message is shown, or you close your browser",
            )
        )
    return cookies
