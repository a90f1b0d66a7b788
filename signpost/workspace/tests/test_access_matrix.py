"""Every workspace URL, for every kind of visitor, answers as this table says.

The table (MATRIX) has one entry per named URL under /workspace/, found by walking the URL
configuration, so a new workspace page cannot ship without someone deciding who may see it:
`test_every_workspace_url_is_in_the_matrix` fails until it has an entry.

Adding a URL: add `"namespace:name": Route(expect=...)` to MATRIX. `expect` maps each role
to 200, 403, 404, 405 or SIGN_IN (a redirect to the sign-in page). The URL's arguments come
from `kwargs(world)`; the default fills `slug` with the visitor's own group. Use `world.things`
for objects your page needs (a meeting, a campaign): build them in `kwargs`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from signpost.users import roles
from signpost.workspace.models import GroupKind, Role

from .factories import GroupFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
MEMBER = "member of own group"
FACILITATOR = "facilitator of own group"
OTHER_GROUP = "member of the other group"
STAFF = "staff administrator not in the group"
ROLES = (ANONYMOUS, MEMBER, FACILITATOR, OTHER_GROUP, STAFF)
SIGN_IN = "sign in"


@dataclass
class World:
    """A project with a lived-experience group (ours) and a professionals' group (theirs)."""

    group: Any
    other_group: Any
    people: dict[str, Any]
    things: dict[str, Any] = field(default_factory=dict)

    def thing(self, name: str, make: Callable[[World], Any]) -> Any:
        """Build an object once per test, for URLs that need one (a meeting, a campaign)."""
        if name not in self.things:
            self.things[name] = make(self)
        return self.things[name]


def own_group(world: World) -> dict[str, Any]:
    return {"slug": world.group.slug}


@dataclass(frozen=True)
class Route:
    expect: dict[str, int | str]
    kwargs: Callable[[World], dict[str, Any]] = own_group
    method: str = "get"


# Shorthands for the usual answers.
GROUP_PAGE = {ANONYMOUS: SIGN_IN, MEMBER: 200, FACILITATOR: 200, OTHER_GROUP: 404, STAFF: 404}
FACILITATORS_ONLY = {
    ANONYMOUS: SIGN_IN,
    MEMBER: 404,
    FACILITATOR: 200,
    OTHER_GROUP: 404,
    STAFF: 404,
}
SIGNED_IN = {ANONYMOUS: SIGN_IN, MEMBER: 200, FACILITATOR: 200, OTHER_GROUP: 200, STAFF: 200}
POST_ONLY = {ANONYMOUS: SIGN_IN, MEMBER: 405, FACILITATOR: 405, OTHER_GROUP: 405, STAFF: 405}


def no_arguments(world: World) -> dict[str, Any]:
    return {}


def own_meeting(world: World) -> dict[str, Any]:
    """The next meeting of the visitor's own group (helper W2's meetings)."""
    from signpost.meetings.tests.factories import with_slot

    def make(world: World) -> Any:
        return with_slot(world.group).meetings.upcoming().first()

    return {"slug": world.group.slug, "meeting_id": world.thing("meeting", make).id}


def own_comment(world: World) -> dict[str, Any]:
    """A comment in the visitor's own group, on the next meeting (helper W5's comments)."""
    from signpost.meetings.models import Comment

    args = own_meeting(world)
    comment = world.thing("comment", lambda w: Comment.objects.create(group=w.group, body="Hi"))
    return {**args, "comment_id": comment.id}


def own_action(world: World) -> dict[str, Any]:
    """An action of the visitor's own group, from the next meeting (helper W5's outputs)."""
    from signpost.meetings.models import Action

    args = own_meeting(world)
    meeting = world.things["meeting"]
    action = world.thing(
        "action",
        lambda w: Action.objects.create(group=w.group, meeting=meeting, text="Do it",
                                        due_on=meeting.starts_at.date()),
    )  # fmt: skip
    return {**args, "action_id": action.id}


RECRUITERS = {ANONYMOUS: SIGN_IN, MEMBER: 404, FACILITATOR: 200, OTHER_GROUP: 404, STAFF: 200}


def _campaign(world: World) -> Any:
    from .recruitment_factories import CampaignFactory

    return world.thing(
        "campaign", lambda w: CampaignFactory(group=w.group, project=w.group.project)
    )


def _reply(world: World) -> dict[str, Any]:
    from .recruitment_factories import reply_to

    reply = world.thing("reply", lambda w: reply_to(_campaign(w)))
    return {"slug": _campaign(world).slug, "reply_id": reply.pk}


def _member_feed(world: World) -> dict[str, Any]:
    """The secret feed address of the member of our group (helper W6)."""
    from signpost.reminders.services import member_feed

    return {"token": member_feed(world.people[MEMBER]).token}


def _own_claim(world: World) -> dict[str, Any]:
    """A claim by the member of our group for a meeting they came to (helper W7's involvement)."""
    from signpost.involvement.models import Claim
    from signpost.meetings.tests.factories import past_meeting

    def make(w: World) -> Any:
        meeting = past_meeting(w.group, days_ago=7)
        return Claim.objects.create(meeting=meeting, user=w.people[MEMBER], choice="declined")

    return {"slug": world.group.slug, "claim_id": world.thing("claim", make).pk}


MATRIX: dict[str, Route] = {
    "workspace:home": Route(SIGNED_IN, kwargs=no_arguments),
    "workspace:group": Route(GROUP_PAGE),
    # The private space (helper W1): notes are written by facilitators, read by members.
    "workspace:group_notes": Route(GROUP_PAGE),
    "workspace:group_discussion": Route(GROUP_PAGE),
    "workspace:group_members": Route(GROUP_PAGE),
    # Recruitment (helper W2): the project's facilitators and administrators; 404 for others.
    "workspace:recruitment:campaigns": Route(RECRUITERS, kwargs=no_arguments),
    "workspace:recruitment:new": Route(RECRUITERS, kwargs=no_arguments),
    "workspace:recruitment:membership": Route(
        RECRUITERS, kwargs=lambda w: {"slug": w.group.project.slug}
    ),
    "workspace:recruitment:campaign": Route(
        RECRUITERS, kwargs=lambda w: {"slug": _campaign(w).slug}
    ),
    "workspace:recruitment:poster": Route(RECRUITERS, kwargs=lambda w: {"slug": _campaign(w).slug}),
    "workspace:recruitment:reply": Route(RECRUITERS, kwargs=_reply),
    "workspace:recruitment:open": Route(
        {**RECRUITERS, FACILITATOR: 400, STAFF: 400},
        kwargs=lambda w: {"slug": _campaign(w).slug},
        method="post",
    ),
    # Posting no stage is refused with a message (400) to those who may move people.
    "workspace:recruitment:move": Route(
        {**RECRUITERS, FACILITATOR: 400, STAFF: 400}, kwargs=_reply, method="post"
    ),
    # Meetings (signpost/meetings): the group's own; changes, slot and attendance for its
    # facilitators. Forms that only take a POST answer a GET with 405 for everyone signed in.
    "meetings:list": Route(GROUP_PAGE),
    "meetings:slot": Route(FACILITATORS_ONLY),
    "meetings:meeting": Route(GROUP_PAGE, kwargs=own_meeting),
    "meetings:change": Route(FACILITATORS_ONLY, kwargs=own_meeting),
    "meetings:attendance": Route(FACILITATORS_ONLY, kwargs=own_meeting),
    "meetings:apologies": Route(POST_ONLY, kwargs=own_meeting),
    "meetings:agenda": Route(POST_ONLY, kwargs=own_meeting),
    "meetings:papers": Route(POST_ONLY, kwargs=own_meeting),
    # Outputs and comments (helper W5): members read, comment and flag; posting outputs,
    # hiding comments and marking actions done are for facilitators (POSTs).
    "meetings:outputs": Route(GROUP_PAGE, kwargs=own_meeting),
    "meetings:comment": Route(POST_ONLY, kwargs=own_meeting),
    "meetings:comment_flag": Route(GROUP_PAGE, kwargs=own_comment),
    "meetings:comment_moderate": Route(POST_ONLY, kwargs=own_comment),
    "meetings:action_done": Route(POST_ONLY, kwargs=own_action),
    # A member's own pages (helper W4): everyone signed in has their own; consent changes are
    # POSTs; access needs a member shared are for the group's facilitators only.
    "workspace:profile": Route(SIGNED_IN, kwargs=no_arguments),
    "workspace:profile_edit": Route(SIGNED_IN, kwargs=no_arguments),
    "workspace:profile_consent": Route(POST_ONLY, kwargs=no_arguments),
    "workspace:profile_data": Route(SIGNED_IN, kwargs=no_arguments),
    "workspace:profile_data_json": Route(SIGNED_IN, kwargs=no_arguments),
    "workspace:profile_leave": Route(SIGNED_IN, kwargs=no_arguments),
    "workspace:profile_agreement": Route(SIGNED_IN, kwargs=no_arguments),
    "workspace:profile_group_access_needs": Route(FACILITATORS_ONLY),
    # Calendars (helper W6): a member's own page; resetting an address is a POST. A feed is
    # read by calendar apps, which cannot sign in: its long random token is the key, so it
    # answers everyone who has it (and 404s once reset: signpost/reminders/tests).
    "workspace:calendar": Route(SIGNED_IN, kwargs=no_arguments),
    "workspace:calendar_reset": Route(POST_ONLY, kwargs=no_arguments),
    "workspace:calendar_feed": Route({role: 200 for role in ROLES}, kwargs=_member_feed),
    # Involvement (helper W7): members claim for their own group's meetings; facilitators
    # decide, set rates and see the dashboard. Deciding without a choice is refused (400).
    # The finance CSV is for the project's facilitators and staff with the finance permission.
    "workspace:group_dashboard": Route(FACILITATORS_ONLY),
    "workspace:involvement:mine": Route(GROUP_PAGE),
    "workspace:involvement:claim": Route(GROUP_PAGE, kwargs=own_meeting),
    "workspace:involvement:claims": Route(FACILITATORS_ONLY),
    "workspace:involvement:rates": Route(FACILITATORS_ONLY),
    "workspace:involvement:decide": Route(
        {**FACILITATORS_ONLY, FACILITATOR: 400}, kwargs=_own_claim, method="post"
    ),
    "workspace:involvement:approved_csv": Route(
        {**FACILITATORS_ONLY, STAFF: 200}, kwargs=lambda w: {"slug": w.group.project.slug}
    ),
    "workspace:involvement:finance": Route({**FACILITATORS_ONLY, STAFF: 200}, kwargs=no_arguments),
}


def workspace_urls() -> dict[str, str]:
    """Every URL pattern under /workspace/: its name (namespaced) and its route."""
    found: dict[str, str] = {}

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, route, inner)
            elif isinstance(pattern, URLPattern) and route.startswith("workspace/"):
                found[f"{namespace}{pattern.name}" if pattern.name else route] = route

    walk(get_resolver().url_patterns, "", "")
    return found


@pytest.fixture
def world() -> World:
    group = GroupFactory(kind=GroupKind.LIVED_EXPERIENCE)
    other = GroupFactory(project=group.project, kind=GroupKind.PARTNERS)
    administrator = UserFactory(is_staff=True, is_superuser=True)
    administrator.groups.add(AuthGroup.objects.get(name=roles.ADMINISTRATOR))
    people = {
        ANONYMOUS: None,
        MEMBER: member_of(group),
        FACILITATOR: member_of(group, role=Role.FACILITATOR),
        OTHER_GROUP: member_of(other),
        STAFF: administrator,
    }
    member_of(other, role=Role.FACILITATOR)
    return World(group=group, other_group=other, people=people)


def answer(client, route: Route, url: str) -> int | str:
    """The status, or SIGN_IN for a redirect to the sign-in page."""
    response = getattr(client, route.method)(url)
    location = response.get("Location", "")
    if response.status_code == 302 and location.startswith(reverse("account_login")):
        return SIGN_IN
    return response.status_code


def test_every_workspace_url_is_in_the_matrix():
    missing = sorted(set(workspace_urls()) - set(MATRIX))
    assert not missing, f"Add these workspace URLs to MATRIX in {__name__}: {missing}"


@pytest.mark.parametrize("name", sorted(workspace_urls()))
def test_each_role_gets_the_answer_the_matrix_gives(client, world, name):
    route = MATRIX.get(name)
    if route is None:
        pytest.fail(f"{name} has no entry in MATRIX")
    url = reverse(name, kwargs=route.kwargs(world))
    answers = {}
    for role in ROLES:
        client.logout()
        if world.people[role] is not None:
            client.force_login(world.people[role])
        answers[role] = answer(client, route, url)
    assert answers == {role: route.expect.get(role) for role in ROLES}, url
