"""Agenda, papers and attendance for one meeting, reached through the person's group."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from signpost.meetings import agendas, presenters
from signpost.meetings.forms import AgendaItemForm, PaperForm
from signpost.meetings.models import Attendance, Meeting
from signpost.workspace import rules
from signpost.workspace.decorators import private_page
from signpost.workspace.models import Membership


def _meeting(group, meeting_id: uuid.UUID) -> Meeting:
    return get_object_or_404(group.meetings, pk=meeting_id)


def _again(request: HttpRequest, meeting: Meeting, membership, **forms) -> HttpResponse:
    """The meeting page again with the form's errors and what was typed."""
    context = presenters.meeting_page(meeting, user=request.user, membership=membership, **forms)
    return render(request, "meetings/meeting.jinja", {**context, "group": meeting.group})


@private_page
@require_POST
def agenda_item(request: HttpRequest, slug: str, meeting_id: uuid.UUID) -> HttpResponse:
    """Add an item that fits, park one for next time, or take up a parked one."""
    group, membership = rules.group_for_facilitator(request.user, slug)
    meeting = _meeting(group, meeting_id)
    agenda = agendas.agenda_for(meeting)
    if "park" in request.POST:
        item = get_object_or_404(agenda.items, pk=_uuid(request.POST["park"]))
        agendas.park_item(item=item, group=group)
        messages.success(request, f"Parked for next time: {item.title}")
    elif "take_up" in request.POST:
        parked = get_object_or_404(group.parked_items, pk=_uuid(request.POST["take_up"]))
        try:
            agendas.take_up_parked(parked=parked, agenda=agenda)
        except ValueError as full:  # it stays parked, with the reason on the page
            messages.error(request, str(full))
    else:
        form = AgendaItemForm(request.POST)
        if form.is_valid():
            try:
                agendas.add_item(agenda=agenda, **form.cleaned_data)
            except ValueError as full:  # it will not fit: say so next to the minutes
                form.add_error("minutes", str(full))
        if not form.is_valid():
            return _again(request, meeting, membership, item_form=form)
        messages.success(request, "Item added to the agenda.")
    return redirect(presenters.meeting_url(meeting) + "#agenda")


def _uuid(value: str) -> uuid.UUID | None:
    """A posted id, or None when it is not one (get_object_or_404 then finds nothing)."""
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


@private_page
@require_POST
def papers(request: HttpRequest, slug: str, meeting_id: uuid.UUID) -> HttpResponse:
    """Publish a paper; late papers go out, marked as sent late."""
    group, membership = rules.group_for_facilitator(request.user, slug)
    meeting = _meeting(group, meeting_id)
    form = PaperForm(request.POST)
    if not form.is_valid():
        return _again(request, meeting, membership, paper_form=form)
    paper = agendas.publish_paper(agenda=agendas.agenda_for(meeting), group=group,
                                  by=request.user, **form.cleaned_data)  # fmt: skip
    note = (
        " It is marked as sent late: papers go out at least 7 days before."
        if paper.sent_late
        else ""
    )
    messages.success(request, "Paper published." + note)
    return redirect(presenters.meeting_url(meeting) + "#papers")


@private_page
def attendance(request: HttpRequest, slug: str, meeting_id: uuid.UUID) -> HttpResponse:
    """A facilitator ticks who came; each save adds rows, the latest counts."""
    group, _ = rules.group_for_facilitator(request.user, slug)
    meeting = _meeting(group, meeting_id)
    members = list(Membership.objects.current().filter(group=group).select_related("user"))
    if request.method == "POST":
        came = set(request.POST.getlist("attended"))
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, user=m.user, attended=str(m.user.pk) in came,
                       recorded_by=request.user)
            for m in members
        )  # fmt: skip
        messages.success(request, "Attendance saved.")
        return redirect(presenters.meeting_url(meeting))
    context = {"group": group, "meeting": meeting,
               "rows": presenters.attendance_rows(meeting, members)}  # fmt: skip
    return render(request, "meetings/attendance.jinja", context)
