"""Paired cycles, shared agendas that must fit the meeting, parked items and papers.

A cycle is a meeting of the leading group and the other group's next meeting on or after
lead + offset - 3 days. Cycles follow each other without sharing a meeting, and the leading
group swaps each cycle, so each group's outputs go first in turn. Pairing never moves a slot.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from signpost.meetings.models import Agenda, AgendaItem, Meeting, Pairing, Paper, ParkedItem
from signpost.workspace.models import Group

WARN_SHARE = 0.8
PAPERS_DAYS_AHEAD = 7
SLACK = dt.timedelta(days=3)


@dataclass(frozen=True)
class Cycle:
    """One cycle of a pairing: which group leads, its meeting, and the other's meeting after."""

    number: int
    leader: Group
    lead_meeting: Meeting
    follow_meeting: Meeting


def cycles(pairing: Pairing, *, since: dt.datetime | None = None) -> list[Cycle]:
    """The pairing's cycles from `since` (default: when the groups were paired)."""
    groups = [pairing.first_group, pairing.second_group]
    since = since or pairing.created_at
    meetings = {
        g.pk: list(g.meetings.filter(cancelled=False, starts_at__gte=since).order_by("starts_at"))
        for g in groups
    }
    offset = dt.timedelta(days=pairing.offset_days) - SLACK
    found: list[Cycle] = []
    after: dt.datetime | None = None
    while True:
        leader, other = groups[len(found) % 2], groups[(len(found) + 1) % 2]
        lead = next((m for m in meetings[leader.pk] if after is None or m.starts_at > after), None)
        if lead is None:
            return found
        follow = next(
            (m for m in meetings[other.pk] if m.starts_at >= lead.starts_at + offset), None
        )
        if follow is None:
            return found
        found.append(Cycle(len(found), leader, lead, follow))
        after = follow.starts_at


def agenda_for(meeting: Meeting) -> Agenda:
    """The meeting's agenda: shared with its pair when it is in a cycle, its own otherwise."""
    existing = (
        Agenda.objects.filter(lead_meeting=meeting).first()
        or Agenda.objects.filter(follow_meeting=meeting).first()
    )
    if existing:
        return existing
    for pairing in Pairing.objects.filter(project=meeting.group.project):
        if meeting.group_id not in (pairing.first_group_id, pairing.second_group_id):
            continue
        for cycle in cycles(pairing):
            if meeting in (cycle.lead_meeting, cycle.follow_meeting):
                agenda, _ = Agenda.objects.get_or_create(
                    lead_meeting=cycle.lead_meeting,
                    defaults={"follow_meeting": cycle.follow_meeting, "pairing": pairing},
                )
                return agenda
    agenda, _ = Agenda.objects.get_or_create(lead_meeting=meeting)
    return agenda


def minutes_used(agenda: Agenda) -> int:
    """Minutes the agenda's items take."""
    return sum(item.minutes for item in agenda.items.all())


def load_message(agenda: Agenda) -> str | None:
    """A warning once items fill more than 80% of the meeting: leave room to talk."""
    used, length = minutes_used(agenda), agenda.length_minutes
    if used > WARN_SHARE * length:
        return (
            f"The agenda fills {used} of {length} minutes. "
            "Packed agendas leave little time to talk: think about parking an item."
        )
    return None


def room_for(agenda: Agenda, minutes: int) -> str | None:
    """Why an item of this length will not fit (more than 100% of the meeting), or None."""
    left = agenda.length_minutes - minutes_used(agenda)
    if minutes > left:
        return (
            f"There are only {left} minutes left in this meeting. "
            "Shorten the item, or park it for next time."
        )
    return None


@transaction.atomic
def add_item(
    *, agenda: Agenda, title: str, minutes: int, owner: str, project_need: str
) -> AgendaItem:
    """Add an item that fits; the caller checks room_for first to show a message."""
    Agenda.objects.select_for_update().get(pk=agenda.pk)
    if problem := room_for(agenda, minutes):
        raise ValueError(problem)
    return AgendaItem.objects.create(
        agenda=agenda, title=title, minutes=minutes, owner=owner, project_need=project_need
    )


def park_item(*, item: AgendaItem, group: Group) -> ParkedItem:
    """Take an item off this agenda and keep it for the group's next one."""
    parked = ParkedItem.objects.create(
        group=group, title=item.title, minutes=item.minutes,
        owner=item.owner, project_need=item.project_need,
    )  # fmt: skip
    item.delete()
    return parked


def take_up_parked(*, parked: ParkedItem, agenda: Agenda) -> AgendaItem:
    """Put a parked item on this agenda (if it fits)."""
    item = add_item(agenda=agenda, title=parked.title, minutes=parked.minutes,
                    owner=parked.owner, project_need=parked.project_need)  # fmt: skip
    parked.taken_up_in = agenda
    parked.save(update_fields=["taken_up_in", "updated_at"])
    return item


def publish_paper(*, agenda: Agenda, group: Group, title: str, body: str, by: Any) -> Paper:
    """Publish a paper; later than 7 days before the first meeting it is marked 'sent late'."""
    now = timezone.now()
    first = min(m.starts_at for m in agenda.meetings)
    late = now > first - dt.timedelta(days=PAPERS_DAYS_AHEAD)
    return Paper.objects.create(agenda=agenda, group=group, title=title, body=body,
                                published_at=now, published_by=by, sent_late=late)  # fmt: skip


def late_papers(group: Group) -> int:
    """How many of the group's papers went out late."""
    return group.papers.filter(sent_late=True).count()
