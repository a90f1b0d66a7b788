"""A page showing every component the public site uses, for designers and reviewers."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from signpost.directory.forms import ProblemReportForm


def components(request: HttpRequest) -> HttpResponse:
    """Every component in one place; only where SIGNPOST_COMPONENTS_PAGE is on (local)."""
    if not settings.SIGNPOST_COMPONENTS_PAGE:
        raise Http404("Not available here")
    form = ProblemReportForm({"kind": "", "details": "", "email": "not-an-email"})
    form.is_valid()
    return render(request, "nonprod/components.jinja", {"form": form})
