"""Lets allauth's Django templates wear the public site's NHS.UK header and footer.

allauth renders Django templates; the public layout is Jinja2. Rather than keep two copies of
the header, footer and urgent-help strip, the Jinja2 layout is rendered once per request with
a marker where the content goes, and the Django layout prints the part before and after it.
"""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

register = template.Library()
MARKER = "<!--signpost-account-content-->"


@register.simple_tag(takes_context=True)
def public_page_part(context: template.Context, part: str, title: str = "") -> SafeString:
    """The public layout before ("top") or after ("bottom") an account page's content."""
    request = context["request"]
    parts = getattr(request, "_signpost_layout_parts", None)
    if parts is None:
        _default_settings_without_a_site(request)
        html = render_to_string(
            "users/account_layout.jinja",
            {"page_title": " ".join(title.split()), "marker": MARKER},
            request=request,
        )
        top, _, bottom = html.partition(MARKER)
        parts = request._signpost_layout_parts = (top, bottom)
    return mark_safe(parts[0] if part == "top" else parts[1])


def _default_settings_without_a_site(request: Any) -> None:
    """Staff must be able to sign in before any Wagtail site exists (a fresh database), so
    the layout falls back to default site settings rather than failing (core's cache slot)."""
    from wagtail.models import Site

    from signpost.core.models import SiteSettings

    if Site.find_for_request(request) is None:
        request._signpost_site_settings = SiteSettings()


def _widget_class(widget: forms.Widget, has_error: bool) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "nhsuk-checkboxes__input"
    name = "nhsuk-textarea" if isinstance(widget, forms.Textarea) else "nhsuk-input"
    return f"{name} {name}--error" if has_error else name


@register.filter
def nhsuk_widget(field: forms.BoundField) -> SafeString:
    """The field's input with NHS.UK classes, tied to its hint and error for screen readers."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    attrs: dict[str, Any] = {"class": _widget_class(field.field.widget, bool(field.errors))}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)
