"""A meeting's papers and outputs with members' comments; publishing outputs; flags.

Everything is reached through the person's own group (rules.py); ids from another group,
including comments and outputs, are "not found". Relayed outputs come only from the paired
group's leading meeting of the same cycle, and only the shared ones (outputs.relayed_outputs).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from signpost.meetings import agendas, comments, outputs
from signpost.meetings.forms_outputs import CommentForm, FlagForm, OutputForm
from signpost.meetings.models import Meeting
from signpost.meetings.models_outputs import FlagReason
from signpost.workspace import rules
from signpost.workspace.decorators import private_page
from signpost.workspace.models import Group, Membership, Role
from signpost.workspace.profile.names import display_name


def _meeting(group: Group, meeting_id: uuid.UUID) -> Meeting:
    return get_object_or_404(group.meetings, pk=meeting_id)


def outputs_url(meeting: Meeting) -> str:
    """The meeting's papers, outputs and comments page."""
    return reverse("meetings:outputs", args=[meeting.group.slug, meeting.pk])


def _people(group: Group) -> list[tuple[str, str]]:
    current = Membership.objects.current().filter(group=group).select_related("user")
    return [(str(m.user.pk), display_name(m.user)) for m in current]


def _targets(group: Group, meeting: Meeting) -> dict[str, Any]:
    """Everything a member of this group may comment on at this meeting, by id."""
    found: dict[str, Any] = {str(p.pk): p for p in agendas.agenda_for(meeting).papers.all()}
    for shown in [*outputs.own_outputs(group, meeting), *outputs.relayed_outputs(meeting)]:
        found[str(shown.item.pk)] = shown.item
    return found


def _page(request: HttpRequest, group: Group, membership: Membership, meeting: Meeting,
          **extra: Any) -> HttpResponse:  # fmt: skip
    facilitator = membership.role == Role.FACILITATOR
    papers = list(agendas.agenda_for(meeting).papers.select_related("group"))

    def with_comments(target: Any) -> list[comments.ShownComment]:
        return comments.comments_on(group, target, facilitator=facilitator)

    source = outputs.relayed_from(meeting)
    context = {
        "group": group, "meeting": meeting, "facilitator": facilitator,
        "papers": papers, "own": outputs.own_outputs(group, meeting),
        "relayed": outputs.relayed_outputs(meeting),
        "relayed_group": source.group if source else None,
        "comments_on": with_comments,
        "output_form": extra.get("output_form") or OutputForm(people=_people(group)),
        "comment_form": extra.get("comment_form"),
    }  # fmt: skip
    status = 400 if extra else 200
    return render(request, "meetings/outputs.jinja", context, status=status)


@private_page
def meeting_outputs(request: HttpRequest, slug: str, meeting_id: uuid.UUID) -> HttpResponse:
    """Papers and outputs with comments; a facilitator publishes outputs here."""
    if request.method == "POST":
        return _publish(request, slug, meeting_id)
    group, membership = rules.group_for_member(request.user, slug)
    return _page(request, group, membership, _meeting(group, meeting_id))


def _publish(request: HttpRequest, slug: str, meeting_id: uuid.UUID) -> HttpResponse:
    group, membership = rules.group_for_facilitator(request.user, slug)
    meeting = _meeting(group, meeting_id)
    form = OutputForm(request.POST, people=_people(group))
    if not form.is_valid():
        return _page(request, group, membership, meeting, output_form=form)
    data = form.cleaned_data
    people = {str(m.user.pk): m.user for m in Membership.objects.current().filter(group=group)}
    common = {"group": group, "meeting": meeting, "text": data["text"], "reach": data["reach"],
              "by": request.user, "credited_to": people.get(data["credited_to"])}  # fmt: skip
    if data["kind"] == "action":
        outputs.publish_action(owner=people[data["owner"]], due_on=data["due_on"], **common)
    else:
        outputs.publish_output(kind=data["kind"], **common)
    messages.success(request, "Published.")
    return redirect(outputs_url(meeting) + "#our-outputs")


@private_page
@require_POST
def add_comment(request: HttpRequest, slug: str, meeting_id: uuid.UUID) -> HttpResponse:
    """A member comments on a paper or output they can see; no deadline."""
    group, membership = rules.group_for_member(request.user, slug)
    meeting = _meeting(group, meeting_id)
    form = CommentForm(request.POST)
    target = _targets(group, meeting).get(str(request.POST.get("target", "")))
    if form.is_valid() and target is None:
        raise Http404("Nothing to comment on")
    if not form.is_valid():
        return _page(request, group, membership, meeting, comment_form=form)
    comment = comments.add_comment(group=group, author=request.user,
                                   body=form.cleaned_data["body"], target=target)  # fmt: skip
    messages.success(request, "Your comment is saved.")
    return redirect(outputs_url(meeting) + f"#comment-{comment.pk}")


@private_page
def flag_comment(
    request: HttpRequest, slug: str, meeting_id: uuid.UUID, comment_id: uuid.UUID
) -> HttpResponse:
    """Anyone in the group flags a comment, with an optional reason."""
    group, _ = rules.group_for_member(request.user, slug)
    meeting = _meeting(group, meeting_id)
    comment = get_object_or_404(group.comments, pk=comment_id)
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        link = request.build_absolute_uri(outputs_url(meeting) + f"#comment-{comment.pk}")
        comments.flag_comment(comment=comment, by=request.user, link=link,
                              **form.cleaned_data)  # fmt: skip
        note = " We have told the group's wellbeing contact." if (
            form.cleaned_data["reason"] == FlagReason.SAFETY) else ""  # fmt: skip
        messages.success(request, "Thank you. A facilitator will look at it." + note)
        return redirect(outputs_url(meeting) + f"#comment-{comment.pk}")
    shown = comments.shown_comment(comment, facilitator=False)
    context = {"group": group, "meeting": meeting, "form": form, "shown": shown}
    return render(request, "meetings/flag.jinja", context, status=400 if form.errors else 200)


@private_page
@require_POST
def moderate_comment(
    request: HttpRequest, slug: str, meeting_id: uuid.UUID, comment_id: uuid.UUID
) -> HttpResponse:
    """A facilitator hides a comment while they look at it, or restores it."""
    group, _ = rules.group_for_facilitator(request.user, slug)
    meeting = _meeting(group, meeting_id)
    comment = get_object_or_404(group.comments, pk=comment_id)
    hide = request.POST.get("visibility") == "hide"
    comments.set_visibility(comment=comment, hidden=hide, by=request.user)
    messages.success(request, "Comment hidden while you look at it." if hide else "Restored.")
    return redirect(outputs_url(meeting) + f"#comment-{comment.pk}")


@private_page
@require_POST
def action_done(
    request: HttpRequest, slug: str, meeting_id: uuid.UUID, action_id: uuid.UUID
) -> HttpResponse:
    """A facilitator marks one of the group's actions done."""
    group, _ = rules.group_for_facilitator(request.user, slug)
    meeting = _meeting(group, meeting_id)
    action = get_object_or_404(group.actions, pk=action_id)
    outputs.mark_done(action=action, by=request.user)
    messages.success(request, "Action marked as done.")
    return redirect(outputs_url(meeting) + "#our-outputs")
