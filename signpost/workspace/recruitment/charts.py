"""Figures for the recruitment pages: the funnel and membership over time.

Each chart is drawn as inline SVG from these numbers and shown beside a table of the same
numbers, so people using a screen reader (or who prefer tables) get everything.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from signpost.workspace.models import (
    Campaign,
    Channel,
    Group,
    MembershipState,
    MembershipStatus,
    PipelineStep,
    Role,
    Stage,
)

# The stages a funnel counts, in order; paused and left are not steps forward.
FUNNEL_STAGES: list[str] = [
    Stage.EXPRESSED,
    Stage.CONTACTED,
    Stage.WELCOME,
    Stage.FIRST_MEETING,
    Stage.ACTIVE,
]
FUNNEL_LABELS = ["Responses", "Contacted", "Welcome conversation", "Attended a meeting", "Active"]
# Sizes in SVG units; the charts are drawn narrow, so their words stay readable on a phone.
BAR_HEIGHT, ROW_HEIGHT, FUNNEL_WIDTH = 22, 52, 360
LINE_WIDTH, LINE_HEIGHT, LINE_TOP, LINE_LEFT = 400, 200, 20, 30


@dataclass
class FunnelRow:
    label: str
    counts: list[int]


@dataclass
class Funnel:
    """How many people reached each stage, per channel and in all."""

    rows: list[FunnelRow]
    total: FunnelRow
    labels: list[str] = field(default_factory=lambda: list(FUNNEL_LABELS))

    @property
    def summary(self) -> str:
        """'5 responses, 2 attended a meeting': the line people quote."""
        responses = self.total.counts[0]
        plural = "" if responses == 1 else "s"
        return f"{responses} response{plural}, {self.total.counts[3]} attended a meeting"


def funnel(campaign: Campaign) -> Funnel:
    """Count each reply once at every stage up to the furthest it has reached."""
    furthest: dict[Any, int] = {}
    channel_of = dict(campaign.responses.values_list("id", "channel"))
    steps = PipelineStep.objects.filter(interest__campaign=campaign, stage__in=FUNNEL_STAGES)
    for interest_id, stage in steps.values_list("interest_id", "stage"):
        furthest[interest_id] = max(furthest.get(interest_id, 0), FUNNEL_STAGES.index(stage))
    per_channel: dict[str, list[int]] = defaultdict(lambda: [0] * len(FUNNEL_STAGES))
    for interest_id, reached in furthest.items():
        for index in range(reached + 1):
            per_channel[channel_of[interest_id]][index] += 1
    rows = [FunnelRow(c.label, per_channel[c.value]) for c in Channel if c.value in per_channel]
    total = [sum(row.counts[i] for row in rows) for i in range(len(FUNNEL_STAGES))]
    return Funnel(rows=rows, total=FunnelRow("All channels", total))


@dataclass
class Bar:
    label: str
    value: int
    y: int
    width: int


def funnel_bars(counts: list[int], labels: list[str]) -> tuple[list[Bar], int]:
    """Horizontal bars (each under its label), scaled to the largest count; bars and height."""
    largest = max(counts, default=0) or 1
    room = FUNNEL_WIDTH - 40
    bars = [
        Bar(label, value, i * ROW_HEIGHT, max(round(room * value / largest), 2))
        for i, (label, value) in enumerate(zip(labels, counts, strict=True))
    ]
    return bars, len(bars) * ROW_HEIGHT


def month_ends(months: int, *, today: dt.date | None = None) -> list[dt.date]:
    """The last day of each of the past `months` months, this month (so far) last."""
    today = today or timezone.localdate()
    ends, cursor = [], today
    for _ in range(months):
        ends.append(cursor)
        cursor = cursor.replace(day=1) - dt.timedelta(days=1)
    return list(reversed(ends))


def members_over_time(groups: Iterable[Group], *, months: int = 12) -> tuple[list, list]:
    """For each month end, how many members (not facilitators) each group had."""
    groups = list(groups)
    ends = month_ends(months)
    statuses = MembershipStatus.objects.filter(
        membership__group__in=groups, membership__role=Role.MEMBER
    ).values_list("membership_id", "membership__group_id", "state", "set_at")
    history: dict[tuple[Any, Any], list] = defaultdict(list)
    for membership_id, group_id, state, set_at in statuses:
        history[(group_id, membership_id)].append((timezone.localdate(set_at), state))
    table = []
    for end in ends:
        counts = dict.fromkeys((g.pk for g in groups), 0)
        for (group_id, _), rows in history.items():
            states = [state for day, state in sorted(rows) if day <= end]
            if states and states[-1] != MembershipState.LEFT:
                counts[group_id] += 1
        table.append((end, [counts[g.pk] for g in groups]))
    return groups, table


@dataclass
class Line:
    name: str
    points: str
    dots: list[tuple[int, int, int]]
    dash: str
    colour: str


DASHES = ["", "8 4", "2 4", "12 4 2 4"]
COLOURS = ["#005eb8", "#007f3b", "#330072", "#d5281b"]


def member_lines(groups: list[Group], table: list) -> tuple[list, list, int]:
    """Polylines for membership over time (dashes differ, so colour is not the only cue);
    also the month ticks and the largest count, for the axis."""
    largest = max((n for _, counts in table for n in counts), default=0) or 1
    step = (LINE_WIDTH - LINE_LEFT - 20) // max(len(table) - 1, 1)
    xs = [LINE_LEFT + 10 + i * step for i in range(len(table))]
    bottom = LINE_TOP + LINE_HEIGHT
    lines = []
    for index, group in enumerate(groups):
        values = [counts[index] for _, counts in table]
        heights = [round(LINE_HEIGHT * v / largest) for v in values]
        dots = [(x, bottom - h, v) for x, h, v in zip(xs, heights, values, strict=True)]
        points = " ".join(f"{x},{y}" for x, y, _ in dots)
        style = (DASHES[index % len(DASHES)], COLOURS[index % len(COLOURS)])
        lines.append(Line(group.name, points, dots, *style))
    ticks = [(x, end.strftime("%b")) for x, (end, _) in zip(xs, table, strict=True)]
    return lines, ticks, largest
