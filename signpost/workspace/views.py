"""The workspace's own pages: the person's groups and each group's page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from signpost.workspace import rules
from signpost.workspace.decorators import private_page
from signpost.workspace.models import Group, Membership, Role


@private_page
def home(request: HttpRequest) -> HttpResponse:
    """The groups this person belongs to."""
    groups = Group.objects.for_member(request.user).select_related("project")
    facilitating = (
        Membership.objects.current().filter(user=request.user, role=Role.FACILITATOR).exists()
    )
    return render(request, "workspace/home.jinja", {"groups": groups, "facilitating": facilitating})


@private_page
def group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A group's page: its purpose, its project's focus and, for its members, who is in it."""
    group, membership = rules.group_for_member(request.user, slug)
    members = (
        Membership.objects.current()
        .filter(group=group)
        .select_related("user")
        .order_by("role", "user__first_name", "user__username")
    )
    return render(
        request,
        "workspace/group.jinja",
        {"group": group, "membership": membership, "members": members},
    )
