"""The facilitator's dashboard for one group: what is coming, what is open, who to check on.

Read-only. It never changes a membership: a member not seen for three meetings is a prompt
for a kind check-in by a person, never an automatic removal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from signpost.meetings import agendas
from signpost.meetings.models import Meeting
from signpost.workspace.models import Group, Membership, Role
from signpost.workspace.profile.names import display_name

TREND_MEETINGS = 6
MISSED_IN_A_ROW = 3
# SVG units for the attendance chart: narrow, so its words stay readable on a phone.
CHART_WIDTH, CHART_HEIGHT, CHART_TOP, BAR_GAP = 360, 160, 24, 12


@dataclass(frozen=True)
class AgendaLoad:
    used: int
    length: int
    warning: str | None


@dataclass(frozen=True)
class TrendBar:
    meeting: Meeting
    attended: int
    x: int
    y: int
    width: int
    height: int


def who_came(meeting: Meeting) -> set[Any] | None:
    """Ids of people whose latest record says they came; None if nobody recorded attendance."""
    latest: dict[Any, bool] = {}
    for user_id, came in meeting.attendance.order_by("recorded_at", "id").values_list(
        "user_id", "attended"
    ):
        latest[user_id] = came
    return {uid for uid, came in latest.items() if came} if latest else None


def past_meetings(group: Group, count: int) -> list[Meeting]:
    """The group's last `count` meetings that went ahead, oldest first."""
    done = group.meetings.filter(starts_at__lt=timezone.now(), cancelled=False)
    return list(reversed(done.order_by("-starts_at")[:count]))


def agenda_load(meeting: Meeting | None) -> AgendaLoad | None:
    """How full the next meeting's agenda is, with the warning past 80%."""
    if meeting is None:
        return None
    agenda = agendas.agenda_for(meeting)
    return AgendaLoad(agendas.minutes_used(agenda), agenda.length_minutes,
                      agendas.load_message(agenda))  # fmt: skip


def attendance_trend(group: Group) -> list[TrendBar]:
    """Bars for how many came to each of the last six meetings, scaled to the largest."""
    meetings = past_meetings(group, TREND_MEETINGS)
    counts = [len(who_came(m) or ()) for m in meetings]
    largest = max(counts, default=0) or 1
    width = (CHART_WIDTH - BAR_GAP * (TREND_MEETINGS + 1)) // TREND_MEETINGS
    bars = []
    for index, (meeting, count) in enumerate(zip(meetings, counts, strict=True)):
        height = max(round(CHART_HEIGHT * count / largest), 2)
        x = BAR_GAP + index * (width + BAR_GAP)
        bars.append(TrendBar(meeting, count, x, CHART_TOP + CHART_HEIGHT - height, width, height))
    return bars


def not_seen_lately(group: Group) -> list[str]:
    """Members who were in the group for, and missed, each of the last three recorded meetings."""
    recorded = [(m, who_came(m)) for m in past_meetings(group, 24)]
    last = [(m, came) for m, came in recorded if came is not None][-MISSED_IN_A_ROW:]
    if len(last) < MISSED_IN_A_ROW:
        return []
    first_start = last[0][0].starts_at
    members = (
        Membership.objects.current()
        .filter(group=group, role=Role.MEMBER, created_at__lt=first_start)
        .select_related("user__member_profile")
    )
    return sorted(
        display_name(m.user)
        for m in members
        if all(m.user_id not in came for _, came in last)  # type: ignore[operator]
    )


def open_actions(group: Group) -> list[Any]:
    """The group's actions not yet done, soonest due first (the meetings app's outputs)."""
    return list(group.actions.open().select_related("owner__member_profile")[:20])
