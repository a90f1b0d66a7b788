"""The Jinja2 environment for public pages: our templates first, then NHS.UK frontend's."""

from __future__ import annotations

from typing import Any

from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils.formats import date_format
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader

from signpost.core import jinja_globals
from signpost.directory import jinja_globals as directory_globals


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """Reverse a URL name from a template."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options: Any) -> Environment:
    """Build the environment Django's Jinja2 backend uses."""
    # Django passes a FileSystemLoader for app folders; keep it and fall back to the
    # nhsuk_frontend_jinja package so `nhsuk/components/...` imports resolve.
    app_loader = options.pop("loader", None)
    loaders = [app_loader] if app_loader else []
    options["loader"] = ChoiceLoader([*loaders, PackageLoader("nhsuk_frontend_jinja")])
    options["undefined"] = ChainableUndefined
    options.setdefault("autoescape", True)
    env = Environment(**options)
    env.globals.update(
        {
            "static": static,
            "url": url,
            "site_settings": jinja_globals.site_settings,
            "professional_mode": jinja_globals.professional_mode,
            "my_list_count": directory_globals.my_list_count,
            "crisis_services": directory_globals.crisis_services,
            "quick_exit_url": jinja_globals.quick_exit_url,
            "form_error_list": jinja_globals.form_error_list,
            "page_query": jinja_globals.page_query,
            "get_messages": get_messages,
            "choice_items": jinja_globals.choice_items,
        }
    )
    env.filters["date_format"] = date_format
    env.filters["paragraphs"] = jinja_globals.paragraphs
    return env
