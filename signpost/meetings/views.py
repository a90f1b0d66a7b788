"""Meeting pages. Every view reaches data through the person's group (house rule 1)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from signpost.meetings import presenters, services, slots
from signpost.meetings.forms import ChangeForm, SlotForm
from signpost.meetings.models import Apology, Meeting
from signpost.workspace import rules
from signpost.workspace.decorators import private_page


def _meeting(group, meeting_id: uuid.UUID) -> Meeting:
    """One of this group's meetings, or 404 (a forged id finds nothing)."""
    return get_object_or_404(group.meetings, pk=meeting_id)


@private_page
def group_meetings(request: HttpRequest, slug: str) -> HttpResponse:
    """The group's coming meetings; facilitators also see bank holidays to settle."""
    group, membership = rules.group_for_member(request.user, slug)
    context = presenters.meetings_page(group, facilitator=membership.role == "facilitator")
    return render(request, "meetings/list.jinja", {**context, "group": group})


@private_page
def slot_form(request: HttpRequest, slug: str) -> HttpResponse:
    """Set the group's fixed slot in plain words; meetings follow for the next 12 months."""
    group, _ = rules.group_for_facilitator(request.user, slug)
    slot = getattr(group, "meeting_slot", None)
    form = SlotForm(request.POST or None, initial=presenters.slot_initial(slot))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        rule = slots.rule_from_words(frequency=data["frequency"], weekday=data["weekday"],
                                     week_of_month=data["week_of_month"])  # fmt: skip
        starts_on = slot.starts_on if slot else timezone.localdate()
        clash = services.slot_clash(group=group, rule=rule, starts_on=starts_on,
                                    start_time=data["start_time"],
                                    duration_minutes=data["duration_minutes"])  # fmt: skip
        if clash:
            form.add_error("weekday", clash + ". Choose another day or time.")
        else:
            fields = {k: data[k] for k in ("start_time", "duration_minutes", "venue",
                                           "access_information", "joining_link")}  # fmt: skip
            services.set_slot(
                group=group, by=request.user, rrule=rule, starts_on=starts_on, **fields
            )
            messages.success(request, "The meeting time is saved.")
            return redirect("meetings:list", group.slug)
    return render(request, "meetings/slot.jinja", {"group": group, "form": form})


@private_page
def meeting_detail(request: HttpRequest, slug: str, meeting_id: uuid.UUID) -> HttpResponse:
    """One meeting: when and where, its agenda and papers, apologies, and for facilitators more."""
    group, membership = rules.group_for_member(request.user, slug)
    meeting = _meeting(group, meeting_id)
    context = presenters.meeting_page(meeting, user=request.user, membership=membership)
    return render(request, "meetings/meeting.jinja", {**context, "group": group})


@private_page
def change_meeting(request: HttpRequest, slug: str, meeting_id: uuid.UUID) -> HttpResponse:
    """Move, cancel or (on a bank holiday) keep one meeting, always with a reason."""
    group, _ = rules.group_for_facilitator(request.user, slug)
    meeting = _meeting(group, meeting_id)
    form = ChangeForm(request.POST or None)
    if form.is_bound and form.data.get("action") == "keep" and not meeting.on_bank_holiday:
        form.add_error("action", "Choose to move or cancel: only a bank-holiday meeting is 'kept'")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["action"] == "move":
                services.move_meeting(meeting=meeting, new_start=data["new_start"],
                                      reason=data["reason"], by=request.user)  # fmt: skip
            elif data["action"] == "cancel":
                services.cancel_meeting(meeting=meeting, reason=data["reason"], by=request.user)
            else:
                services.keep_meeting(meeting=meeting, reason=data["reason"], by=request.user)
        except services.Clash as clash:
            form.add_error("day", f"{clash}. Choose another time.")
        else:
            messages.success(request, "Saved. Members have been told of any change.")
            return redirect("meetings:meeting", group.slug, meeting.pk)
    context = {"group": group, "meeting": meeting, "form": form}
    return render(request, "meetings/change.jinja", context)


@private_page
@require_POST
def send_apologies(request: HttpRequest, slug: str, meeting_id: uuid.UUID) -> HttpResponse:
    """A member says they cannot come."""
    group, _ = rules.group_for_member(request.user, slug)
    meeting = _meeting(group, meeting_id)
    Apology.objects.get_or_create(meeting=meeting, user=request.user)
    messages.success(request, "Your apologies are sent. Thank you for letting us know.")
    return redirect("meetings:meeting", group.slug, meeting.pk)
