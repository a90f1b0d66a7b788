"""Publishing a meeting's outputs and relaying the shared ones to the paired group.

A group's members see all its outputs. Only outputs a facilitator marked "shared" travel, and
only to the paired group's meeting in the same cycle, where they are credited to the group:
a member is named only if they agreed (consent "name in outputs", checked when shown, so a
withdrawal takes effect everywhere at once). The leading group swaps each cycle
(`agendas.cycles`), so outputs go one way, then the other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from signpost.meetings import agendas
from signpost.meetings.models import Meeting
from signpost.meetings.models_outputs import Action, Output, OutputKind, Published, Reach
from signpost.workspace.models import ConsentTopic, Group, has_consent
from signpost.workspace.profile.names import display_name


@dataclass(frozen=True)
class ShownOutput:
    """An output as a page shows it: what it is, its words, and who it is credited to."""

    item: Published
    kind: str
    credit: str
    owner: str
    relayed: bool


def publish_output(
    *, group: Group, meeting: Meeting, kind: str, text: str, reach: str, by: Any,
    credited_to: Any = None,
) -> Output:  # fmt: skip
    """A facilitator publishes a note or decision, for the group only or shared."""
    return Output.objects.create(
        group=group, meeting=meeting, kind=OutputKind(kind), text=text, reach=Reach(reach),
        credited_to=credited_to, published_by=by, published_at=timezone.now(),
    )  # fmt: skip


def publish_action(
    *, group: Group, meeting: Meeting, text: str, reach: str, by: Any, owner: Any,
    due_on: dt.date, credited_to: Any = None,
) -> Action:  # fmt: skip
    """A facilitator publishes an action with its owner and due date."""
    return Action.objects.create(
        group=group, meeting=meeting, text=text, reach=Reach(reach), owner=owner,
        due_on=due_on, credited_to=credited_to, published_by=by, published_at=timezone.now(),
    )  # fmt: skip


def mark_done(*, action: Action, by: Any) -> None:
    """Record that an action is done, and who said so."""
    if action.done_at is None:
        action.done_at, action.done_by = timezone.now(), by
        action.save(update_fields=["done_at", "done_by"])


def relayed_from(meeting: Meeting) -> Meeting | None:
    """The paired group's meeting whose shared outputs reach this one, or None.

    Only the following meeting of a cycle receives: the leading group publishes first.
    """
    agenda = agendas.agenda_for(meeting)
    if agenda.pairing_id and agenda.follow_meeting_id == meeting.pk:
        return agenda.lead_meeting
    return None


def group_credit(group: Group) -> str:
    """ "From the Lived experience group": the group, never a person, by default."""
    name = group.name
    return f"From the {name}" if name.lower().endswith("group") else f"From the {name} group"


def _person(user: Any, *, relayed: bool) -> str:
    """A person's name, across groups only when they agreed to be named in outputs."""
    if user is None:
        return ""
    if relayed and not has_consent(user, ConsentTopic.NAME_IN_OUTPUTS):
        return ""
    return display_name(user)


def _shown(item: Published, *, relayed: bool) -> ShownOutput:
    credit = group_credit(item.group)
    if name := _person(item.credited_to, relayed=relayed):
        credit = f"{credit} ({name})"
    is_action = isinstance(item, Action)
    owner = ""
    if isinstance(item, Action):
        owner = _person(item.owner, relayed=relayed) or "a member of the group"
    kind = "Action" if is_action else item.get_kind_display()  # type: ignore[attr-defined]
    return ShownOutput(item=item, kind=kind, credit=credit, owner=owner, relayed=relayed)


def own_outputs(group: Group, meeting: Meeting) -> list[ShownOutput]:
    """All of the group's outputs from this meeting, group-only and shared."""
    found: list[Published] = [
        *group.outputs.filter(meeting=meeting).select_related("group", "credited_to"),
        *group.actions.filter(meeting=meeting).select_related("group", "credited_to", "owner"),
    ]
    found.sort(key=lambda o: o.published_at)
    return [_shown(o, relayed=False) for o in found]


def relayed_outputs(meeting: Meeting) -> list[ShownOutput]:
    """The shared outputs the paired group's leading meeting sent to this meeting's papers."""
    source = relayed_from(meeting)
    if source is None:
        return []
    found: list[Published] = [
        *source.outputs.shared().filter(group=source.group).select_related("group"),
        *source.actions.shared().filter(group=source.group).select_related("group", "owner"),
    ]
    found.sort(key=lambda o: o.published_at)
    return [_shown(o, relayed=True) for o in found]
