"""Pages that belong to the whole site: urgent help, the professional toggle, error pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods

from signpost.core import urgent_contacts
from signpost.core.jinja_globals import PROFESSIONAL_SESSION_KEY, safe_next
from signpost.core.models import SiteSettings


def urgent_help(request: HttpRequest) -> HttpResponse:
    """Who to call or text right now, and whether each is open now (UK time)."""
    settings_obj = SiteSettings.for_request(request)
    return render(
        request,
        "core/urgent_help.jinja",
        {
            "contacts": urgent_contacts.present(settings_obj.contacts_for(None)),
        },
    )


@require_http_methods(["GET", "POST"])
def professionals(request: HttpRequest) -> HttpResponse:
    """Show or hide referral criteria for professionals (kept in the session).

    Carries `next` (the page the person came from) through the form, so switching the view
    on or off lands them back where they were; only paths on this site are followed.
    """
    if request.method == "POST":
        request.session[PROFESSIONAL_SESSION_KEY] = request.POST.get("show") == "yes"
        next_url = safe_next(request, request.POST.get("next"))
        return redirect(next_url or "core:professionals")
    return render(
        request, "core/professionals.jinja", {"next": safe_next(request, request.GET.get("next"))}
    )


def _error(request: HttpRequest, status: int, heading: str, message: str) -> HttpResponse:
    return render(
        request, "errors/error.jinja", {"heading": heading, "message": message}, status=status
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        404,
        "Page not found",
        "We could not find that page. It may have moved, or the address may be wrong.",
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        400,
        "Sorry, we could not understand that",
        "Something in the address was not right. Please try again.",
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """No database here (it may be what broke): the contacts last read, or the defaults."""
    contacts = urgent_contacts.for_age(urgent_contacts.last_known_contacts(), None)
    return HttpResponse(render_to_string("errors/500.jinja", {"contacts": contacts}), status=500)


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Let search engines find services; keep them out of the admin and personal lists."""
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /my-list/", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")
