"""Response headers that keep public pages private and free of third-party requests."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# Public pages load nothing from any other host: no fonts, maps, analytics or scripts.
PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
# The Wagtail admin: still nothing from other hosts, but Wagtail's own templates carry inline
# scripts (date and time pickers, inline panels) and style attributes, with no nonce to hang a
# stricter policy on. 'unsafe-eval' is not needed. The page preview frames this site; image
# uploads preview through blob: URLs. The strictest that keeps every admin screen working is
# checked in a browser (signpost/tests/system/staff/test_admin_csp.py); ADR 013.
ADMIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "media-src 'self'",
        "frame-src 'self'",
        "worker-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()"


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy on public pages; a looser one, still this site only,
    on the admin."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        admin = request.path.startswith(ADMIN_PREFIXES)
        response.setdefault("Content-Security-Policy", ADMIN_CSP if admin else PUBLIC_CSP)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
