"""A group's private space: its notes, its discussion and who is in it.

Every view reaches the group through rules.group_for_member, so anyone not currently in the
group (another group's members, staff, people who have left) gets 404, and data comes
through the group (`group.notes`, `group.discussion_posts`), never from an id in the URL.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from signpost.workspace import rules
from signpost.workspace.decorators import private_page
from signpost.workspace.private_space_forms import DiscussionPostForm, NoteForm


def _signed_in_person(request: HttpRequest) -> Any:
    """The person writing; private_page has already sent anyone signed out to sign in."""
    return request.user


@private_page
def group_notes(request: HttpRequest, slug: str) -> HttpResponse:
    """The group's notes; its facilitators add new ones here."""
    group, membership = rules.group_for_member(request.user, slug)
    can_write = rules.can_write_notes(membership)
    form = NoteForm(request.POST or None)
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied("Only the group's facilitators write its notes")
        if form.is_valid():
            with transaction.atomic():
                group.notes.create(author=_signed_in_person(request), **form.cleaned_data)
            messages.success(request, "Your note has been added for the group.")
            return redirect("workspace:group_notes", slug=group.slug)
    context = {
        "group": group,
        "membership": membership,
        "notes": group.notes.select_related("author"),
        "form": form if can_write else None,
    }
    return render(request, "workspace/private_space/notes.jinja", context)


@private_page
def group_discussion(request: HttpRequest, slug: str) -> HttpResponse:
    """The group's discussion: members and facilitators post when it suits them."""
    group, membership = rules.group_for_member(request.user, slug)
    form = DiscussionPostForm(request.POST or None)
    if request.method == "POST":
        if not rules.can_post_in_discussion(membership):
            raise PermissionDenied("Not a member of this group")
        if form.is_valid():
            group.discussion_posts.create(
                author=_signed_in_person(request), body=form.cleaned_data["body"]
            )
            messages.success(request, "Your message has been posted.")
            return redirect("workspace:group_discussion", slug=group.slug)
    context = {
        "group": group,
        "membership": membership,
        "posts": group.discussion_posts.select_related("author"),
        "form": form,
    }
    return render(request, "workspace/private_space/discussion.jinja", context)


@private_page
def group_members(request: HttpRequest, slug: str) -> HttpResponse:
    """Who is in the group now, facilitators first."""
    group, membership = rules.group_for_member(request.user, slug)
    members = (
        group.memberships.current()
        .select_related("user")
        .order_by("role", "user__first_name", "user__username")
    )
    context = {"group": group, "membership": membership, "members": members}
    return render(request, "workspace/private_space/members.jinja", context)
