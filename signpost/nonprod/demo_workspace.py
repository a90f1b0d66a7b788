"""The demo's co-production workspace: one project, two paired groups, a year of meetings.

Safe to run again: people, groups and campaigns are found by their email or slug, and
meetings come from the groups' fixed slots, which only ever add what is missing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from signpost.meetings.models import Attendance, Meeting, Pairing
from signpost.meetings.services import generate_meetings, move_meeting, set_slot
from signpost.users.services import create_member_account
from signpost.workspace.models import Group, GroupKind, Membership, Project, Role
from signpost.workspace.recruitment.demo import build_recruitment_demo
from signpost.workspace.services import add_member

DEMO_MEMBER_EMAIL = "member@example.org"
DEMO_FACILITATOR_EMAIL = "facilitator@example.org"
YEAR = dt.timedelta(days=365)

# (email, preferred name, group slug, role)
PEOPLE = [
    (DEMO_FACILITATOR_EMAIL, "Fran", "lived-experience", Role.FACILITATOR),
    (DEMO_FACILITATOR_EMAIL, "Fran", "partners", Role.FACILITATOR),
    (DEMO_MEMBER_EMAIL, "Robin", "lived-experience", Role.MEMBER),
    ("sam@example.org", "Sam", "lived-experience", Role.MEMBER),
    ("priya@example.org", "Priya (peer support worker)", "lived-experience", Role.MEMBER),
    ("gp@example.org", "Dr Okafor", "partners", Role.MEMBER),
    ("council@example.org", "Jo from the council", "partners", Role.MEMBER),
]


def _project() -> Project:
    project, _ = Project.objects.get_or_create(
        slug="website",
        defaults={
            "name": "Our website",
            "focus": "Shaping this website with the people who use it, so anyone can find "
            "mental health support in Nottingham and Nottinghamshire.",
            "ladder_rung": "co-production",
            "ladder_reason": "Both groups set the agenda with staff and decide what changes; "
            "staff carry out what the groups agree.",
        },
    )
    return project


def _groups(project: Project) -> dict[str, Group]:
    rows = {
        "lived-experience": (
            "Lived experience group",
            GroupKind.LIVED_EXPERIENCE,
            "People who have used mental health services, and peer support workers, "
            "trying new pages and saying what works.",
        ),
        "partners": (
            "Partners and professionals group",
            GroupKind.PARTNERS,
            "GPs, council staff and charities checking the directory and how referrals work.",
        ),
    }
    groups = {}
    for slug, (name, kind, purpose) in rows.items():
        groups[slug], _ = Group.objects.get_or_create(
            slug=slug, defaults={"project": project, "name": name, "kind": kind, "purpose": purpose}
        )
    return groups


def _people(groups: dict[str, Group]) -> dict[str, Any]:
    people: dict[str, Any] = {}
    for email, name, slug, role in PEOPLE:
        person = create_member_account(email=email, preferred_name=name, by=None)
        people[email] = person
        if not Membership.objects.filter(group=groups[slug], user=person).exists():
            add_member(group=groups[slug], user=person, role=role)
    facilitator = people[DEMO_FACILITATOR_EMAIL]
    # The demo's people have been in their groups for the year of meetings it shows.
    Membership.objects.filter(group__in=groups.values()).update(
        created_at=timezone.now() - YEAR - dt.timedelta(days=31)
    )
    for group in groups.values():
        if group.wellbeing_contact_id is None:
            group.wellbeing_contact = facilitator
            group.save(update_fields=["wellbeing_contact", "updated_at"])
    return people


def _meetings(groups: dict[str, Group], facilitator: Any) -> None:
    """Monthly slots two weeks apart, a year back and a year ahead, with one meeting moved."""
    started = timezone.localdate() - YEAR
    slots = {
        "lived-experience": ("FREQ=MONTHLY;BYDAY=2TU", dt.time(14), "Bulwell Riverside, room 2"),
        "partners": ("FREQ=MONTHLY;BYDAY=4TU", dt.time(10), "Online"),
    }
    for slug, (rule, time, venue) in slots.items():
        group = groups[slug]
        if not hasattr(group, "meeting_slot"):
            set_slot(group=group, by=facilitator, rrule=rule, starts_on=started,
                     start_time=time, duration_minutes=90, venue=venue)  # fmt: skip
        generate_meetings(group=group, now=timezone.now() - YEAR)
        generate_meetings(group=group)
    lived = groups["lived-experience"]
    past = Meeting.objects.filter(group=lived, starts_at__lt=timezone.now()).order_by("starts_at")
    if past.exists() and not past.filter(changes__isnull=False).exists():
        moved = past[len(past) // 2]
        # Months ago: nobody needs an email about it now.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            move_meeting(meeting=moved, new_start=moved.starts_at + dt.timedelta(days=1),
                         reason="The room was double-booked.", by=facilitator)  # fmt: skip
    Pairing.objects.get_or_create(
        project=lived.project, first_group=lived, second_group=groups["partners"]
    )


def _attendance(groups: dict[str, Group], facilitator: Any) -> None:
    """Who came to past meetings: most people, with Sam missing the last three (a check-in)."""
    for group in groups.values():
        members = [m.user for m in Membership.objects.current().filter(group=group)]
        past = list(
            group.meetings.filter(starts_at__lt=timezone.now(), cancelled=False)
            .filter(attendance__isnull=True)
            .order_by("starts_at")
        )
        recent = {m.pk for m in past[-3:]}
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, user=person, recorded_by=facilitator,
                       attended=not (person.email == "sam@example.org" and meeting.pk in recent)
                       and (index + len(person.email)) % 5 != 0)
            for index, meeting in enumerate(past)
            for person in members
        )  # fmt: skip


@transaction.atomic
def load_demo_workspace() -> dict[str, str]:
    """Build the demo workspace; returns the emails a person can sign in with."""
    groups = _groups(_project())
    people = _people(groups)
    facilitator = people[DEMO_FACILITATOR_EMAIL]
    _meetings(groups, facilitator)
    _attendance(groups, facilitator)
    build_recruitment_demo(group=groups["lived-experience"], facilitator=facilitator)
    return {"member": DEMO_MEMBER_EMAIL, "facilitator": DEMO_FACILITATOR_EMAIL}
