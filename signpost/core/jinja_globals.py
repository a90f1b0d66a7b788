"""Functions every public template can call."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme
from jinja2 import pass_context

PROFESSIONAL_SESSION_KEY = "show_professional_information"


def _request(context: Any):
    return context.get("request")


@pass_context
def site_settings(context: Any):
    """The area's site settings, cached on the request so a page reads them once."""
    from wagtail.models import Site

    from signpost.core.models import SiteSettings

    request = _request(context)
    if request is None:
        site = Site.objects.filter(is_default_site=True).first()
        return SiteSettings.for_site(site) if site else SiteSettings()
    cached = getattr(request, "_signpost_site_settings", None)
    if cached is None:
        cached = SiteSettings.for_request(request)
        request._signpost_site_settings = cached
    return cached


@pass_context
def professional_mode(context: Any) -> bool:
    """Whether this visitor asked to see referral information for professionals."""
    request = _request(context)
    session = getattr(request, "session", None)
    return bool(session and session.get(PROFESSIONAL_SESSION_KEY))


def safe_next(request: Any, target: str | None) -> str:
    """`target` if it is a path on this site, else "": where a toggle may send someone back."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def quick_exit_url() -> str:
    """Where 'Exit this page' goes: a neutral site."""
    return settings.SIGNPOST_QUICK_EXIT_URL


def form_error_list(form: Any) -> list[dict[str, str]]:
    """Errors for the NHS.UK error summary, each linking to its field."""
    items: list[dict[str, str]] = []
    for name, errors in form.errors.items():
        href = "#" if name == "__all__" else f"#{name}"
        items.extend({"text": str(error), "href": href} for error in errors)
    return items


def page_query(request: Any, page_number: int) -> str:
    """The current query string with another page number."""
    params = request.GET.copy()
    params["page"] = str(page_number)
    return params.urlencode()


def choice_items(form: Any, name: str) -> list[dict[str, Any]]:
    """A choice field's options as NHS.UK radios/checkboxes items, keeping what was picked."""
    chosen = form.data.get(name) if form.is_bound else None
    return [
        {"value": value, "text": str(label), "checked": str(value) == chosen}
        for value, label in form.fields[name].choices
    ]


def paragraphs(text: str | None) -> list[str]:
    """Text split at its line breaks, blank lines dropped: one `<p>` each."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
