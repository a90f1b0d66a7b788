"""The information every install publishes: privacy notice, accessibility statement and
'Covering your tracks'. Their words are editable in settings (`InformationSettings`)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from signpost.core.cookies import site_cookies
from signpost.pages.models import InformationSettings


def _information(request: HttpRequest, template: str, **context: object) -> HttpResponse:
    text = InformationSettings.for_request(request)
    return render(request, template, {"text": text, **context})


def privacy(request: HttpRequest) -> HttpResponse:
    """The privacy notice; its cookie list is the code's own registry, so it stays true."""
    return _information(request, "pages/privacy.jinja", cookies=site_cookies())


def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement that public bodies must publish."""
    return _information(request, "pages/accessibility.jinja")


def covering_your_tracks(request: HttpRequest) -> HttpResponse:
    """How to keep a visit private on a shared phone or computer."""
    return _information(request, "pages/covering_your_tracks.jinja")
