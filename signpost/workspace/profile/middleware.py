"""Asks members to accept the community agreement before other workspace pages."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from signpost.workspace.profile.agreement import must_accept


class CommunityAgreementMiddleware:
    """Sends a member who has not accepted the current agreement to read it first.

    A middleware rather than a decorator so every workspace page, whoever adds it, is
    covered. The member's own pages (/workspace/me/) stay open: nobody should have to
    accept an agreement to download their data or to leave.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        workspace = reverse("workspace:home")
        own_pages = reverse("workspace:profile")
        path = request.path
        if (
            path.startswith(workspace)
            and not path.startswith(own_pages)
            and must_accept(getattr(request, "user", None))
        ):
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('workspace:profile_agreement')}?{query}")
        return self.get_response(request)
