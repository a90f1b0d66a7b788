"""What the meeting pages show, worked out once so templates stay simple."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from signpost.meetings import agendas, slots
from signpost.meetings.forms import AgendaItemForm, PaperForm
from signpost.meetings.models import Meeting, MeetingSlot
from signpost.workspace.models import Group, Membership, Role


def meeting_url(meeting: Meeting) -> str:
    """The meeting's page."""
    return reverse("meetings:meeting", args=[meeting.group.slug, meeting.pk])


def slot_initial(slot: MeetingSlot | None) -> dict[str, Any]:
    """The slot's current choices in plain words, to fill the form."""
    if slot is None:
        return {"frequency": "monthly", "duration_minutes": 90}
    return {
        **slots.words_from_rule(slot.rrule),
        "start_time": slot.start_time.strftime("%H:%M"),
        "duration_minutes": slot.duration_minutes,
        "venue": slot.venue,
        "access_information": slot.access_information,
        "joining_link": slot.joining_link,
    }


def meetings_page(group: Group, *, facilitator: bool) -> dict[str, Any]:
    """Coming meetings, the slot in words, steadiness, and bank holidays still to settle."""
    slot = MeetingSlot.objects.filter(group=group).first()
    ahead = list(group.meetings.upcoming())
    upcoming = ahead[:12]
    # The whole year ahead, not only the next few, so a bank holiday is flagged well ahead.
    unsettled = [m for m in ahead if m.on_bank_holiday and not m.bank_holiday_settled]
    return {
        "slot": slot,
        "slot_words": slots.describe(slot) if slot else "",
        "upcoming": upcoming,
        "steadiness": group.meetings.steadiness(),
        "facilitator": facilitator,
        "bank_holidays": unsettled if facilitator else [],
        "late_papers": agendas.late_papers(group),
    }


def meeting_page(
    meeting: Meeting,
    *,
    user: Any,
    membership: Membership,
    item_form: AgendaItemForm | None = None,
    paper_form: PaperForm | None = None,
) -> dict[str, Any]:
    """One meeting: time, place, agenda with its load, parked items, papers, apologies."""
    agenda = agendas.agenda_for(meeting)
    facilitator = membership.role == Role.FACILITATOR
    slot = MeetingSlot.objects.filter(group=meeting.group).first()
    return {
        "meeting": meeting,
        "slot": slot,
        "agenda": agenda,
        "items": list(agenda.items.all()),
        "minutes_used": agendas.minutes_used(agenda),
        "load_warning": agendas.load_message(agenda),
        "parked": list(meeting.group.parked_items.filter(taken_up_in__isnull=True))
        if facilitator
        else [],
        "papers": list(agenda.papers.select_related("group").order_by("published_at")),
        "other_meeting": next((m for m in agenda.meetings if m.pk != meeting.pk), None),
        "facilitator": facilitator,
        "apologised": meeting.apologies.filter(user=user).exists(),
        "apologies": list(meeting.apologies.select_related("user")) if facilitator else [],
        "changes": list(meeting.changes.all()),
        "item_form": item_form or AgendaItemForm(),
        "paper_form": paper_form or PaperForm(),
    }


def attendance_rows(meeting: Meeting, members: list[Membership]) -> list[dict[str, Any]]:
    """Each member with whether they came (latest record) and whether they sent apologies."""
    latest = {a.user_id: a.attended for a in meeting.attendance.all()}
    sorry = set(meeting.apologies.values_list("user_id", flat=True))
    return [
        {
            "user": m.user,
            "name": m.user.get_full_name() or m.user.username,
            "attended": latest.get(m.user_id, False),
            "apologies": m.user_id in sorry,
        }
        for m in members
    ]
