"""Cache-Control that fits each response, decided from what the response actually holds.

A page the same for every visitor (home, urgent help, a service, search results) may be kept
for five minutes by browsers and shared caches (a CDN, a trust's proxy): cheap to serve
under load, and a changed phone number reaches everyone within minutes. Anything that could
be one person's own must never sit in a shared cache:

- a page carrying a CSRF token (any form that posts: report a problem, My list's buttons),
  because the token is tied to that visitor's cookie;
- a response that sets a cookie, or a request that brings a session or message cookie (My
  list, the professional view, a signed-in person, a "Saved to your list" message);
- the admin, the workspace, sign-in and My list (`SIGNPOST_NEVER_CACHED_PATHS`), whatever
  they say themselves: what they show is one person's, even when it happens to be empty;
- anything but a successful GET or HEAD (errors, redirects after a form).

Those get `private, no-store`. A view that sets its own Cache-Control (the ORUK API, the
workspace's `private_page`) keeps it, except that staff and member areas are never public.
Static files never reach here: WhiteNoise answers them with its own long-lived headers.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse

PUBLIC = "public, max-age=300"
PRIVATE = "private, no-store"


def _is_personal(request: HttpRequest, response: HttpResponse) -> bool:
    if response.cookies:
        return True
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # get_token() ran: a form with a token
        return True
    personal_cookies = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
    return any(name in request.COOKIES for name in personal_cookies)


def cache_control_for(request: HttpRequest, response: HttpResponse) -> str | None:
    """The Cache-Control value to send, or None to keep what the view set."""
    existing = response.get("Cache-Control", "")
    if request.path.startswith(tuple(settings.SIGNPOST_NEVER_CACHED_PATHS)):
        return None if "no-store" in existing else PRIVATE
    if existing:
        return None
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return PRIVATE
    if _is_personal(request, response):
        return PRIVATE
    return PUBLIC


class CacheControlMiddleware:
    """Sits above the session, CSRF and message middleware, so it sees what they add."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        value = cache_control_for(request, response)
        if value is not None:
            response["Cache-Control"] = value
        return response
