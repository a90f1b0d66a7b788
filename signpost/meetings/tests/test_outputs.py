"""Outputs of a meeting, published group-only or shared, and relayed to the paired group."""

import datetime as dt

import pytest
from django.urls import reverse

from signpost.meetings import agendas
from signpost.meetings.models import Action, Output, Pairing
from signpost.workspace.models import ConsentTopic, Role
from signpost.workspace.profile.services import give_consent, withdraw_consent
from signpost.workspace.tests.factories import GroupFactory, member_of

from .factories import with_slot

pytestmark = pytest.mark.django_db

SECRET = "Sam said the waiting room felt unsafe last week"


@pytest.fixture
def paired():
    lived = with_slot(GroupFactory(name="Lived experience"), rule="FREQ=MONTHLY;BYDAY=1TU")
    partners = with_slot(
        GroupFactory(project=lived.project, name="Partners"), rule="FREQ=MONTHLY;BYDAY=3TU"
    )
    pairing = Pairing.objects.create(
        project=lived.project, first_group=lived, second_group=partners
    )
    people = {
        "lived_facilitator": member_of(lived, role=Role.FACILITATOR),
        "lived_member": member_of(lived, first_name="Asha"),
        "partner": member_of(partners),
        "partners_facilitator": member_of(partners, role=Role.FACILITATOR),
    }
    return lived, partners, agendas.cycles(pairing), people


def _outputs_url(meeting):
    return reverse("meetings:outputs", args=[meeting.group.slug, meeting.pk])


def _publish(client, meeting, **fields):
    data = {
        "kind": "note",
        "text": "A note",
        "reach": "shared",
        "owner": "",
        "due_on": "",
        "credited_to": "",
        **fields,
    }
    return client.post(_outputs_url(meeting), data)


def test_a_facilitator_publishes_notes_decisions_and_actions_with_who_and_when(client, paired):
    lived, _, found, people = paired
    meeting = found[0].lead_meeting
    client.force_login(people["lived_facilitator"])
    _publish(client, meeting, kind="decision", text="Use plain words on the home page")
    response = _publish(
        client,
        meeting,
        kind="action",
        text="Draft the new menu",
        owner=str(people["lived_member"].pk),
        due_on="27/3/2027",
    )
    assert response.status_code == 302
    decision = lived.outputs.get()
    assert decision.kind == "decision" and decision.published_by == people["lived_facilitator"]
    assert decision.published_at is not None
    action = lived.actions.get()
    assert action.owner == people["lived_member"] and action.due_on == dt.date(2027, 3, 27)
    assert list(Action.objects.open()) == [action]


def test_an_action_without_an_owner_or_with_an_impossible_date_is_refused_next_to_the_field(
    client, paired
):
    lived, _, found, people = paired
    client.force_login(people["lived_facilitator"])
    response = _publish(
        client, found[0].lead_meeting, kind="action", text="Draft the menu", due_on="31/2/2027"
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose who will do the action" in page and "Enter a real date" in page
    assert "Draft the menu" in page  # what was typed is kept
    assert not lived.actions.exists()


def test_members_cannot_publish_and_see_their_groups_outputs(client, paired):
    _lived, _, found, people = paired
    meeting = found[0].lead_meeting
    client.force_login(people["lived_member"])
    assert _publish(client, meeting).status_code == 404
    client.force_login(people["lived_facilitator"])
    _publish(client, meeting, text=SECRET, reach="group")
    client.force_login(people["lived_member"])
    assert SECRET in client.get(_outputs_url(meeting)).content.decode()


def test_shared_outputs_reach_the_paired_groups_papers_credited_to_the_group(client, paired):
    _lived, _partners, found, people = paired
    client.force_login(people["lived_facilitator"])
    _publish(
        client,
        found[0].lead_meeting,
        text="Put the crisis line at the top",
        credited_to=str(people["lived_member"].pk),
    )
    client.force_login(people["partner"])
    page = client.get(_outputs_url(found[0].follow_meeting)).content.decode()
    assert "Put the crisis line at the top" in page
    assert "From the Lived experience group" in page
    assert "Asha" not in page  # not named: she has not agreed


def test_a_member_who_agreed_is_named_until_they_withdraw(client, paired):
    _, _, found, people = paired
    asha = people["lived_member"]
    give_consent(user=asha, topic=ConsentTopic.NAME_IN_OUTPUTS)
    client.force_login(people["lived_facilitator"])
    _publish(client, found[0].lead_meeting, text="Add opening times", credited_to=str(asha.pk))
    client.force_login(people["partner"])
    url = _outputs_url(found[0].follow_meeting)
    assert "From the Lived experience group (Asha)" in client.get(url).content.decode()
    withdraw_consent(user=asha, topic=ConsentTopic.NAME_IN_OUTPUTS)
    assert "Asha" not in client.get(url).content.decode()


def test_a_group_only_output_never_reaches_the_other_group(client, paired):
    _lived, partners, found, people = paired
    client.force_login(people["lived_facilitator"])
    _publish(client, found[0].lead_meeting, text=SECRET, reach="group")
    _publish(
        client,
        found[0].lead_meeting,
        kind="action",
        text=SECRET + " (action)",
        reach="group",
        owner=str(people["lived_member"].pk),
        due_on="1/6/2027",
    )
    for person in ("partner", "partners_facilitator"):
        client.force_login(people[person])
        pages = [reverse("workspace:home"), reverse("workspace:group", args=[partners.slug])]
        pages += [reverse("meetings:list", args=[partners.slug])]
        for meeting in partners.meetings.all():
            pages += [
                _outputs_url(meeting),
                reverse("meetings:meeting", args=[partners.slug, meeting.pk]),
            ]
        for url in pages:
            response = client.get(url)
            assert SECRET not in response.content.decode(), url


def test_in_the_next_cycle_the_order_swaps(client, paired):
    _lived, partners, found, people = paired
    second = found[1]
    assert second.leader == partners
    client.force_login(people["partners_facilitator"])
    _publish(client, second.lead_meeting, text="Staff will test the new form")
    client.force_login(people["lived_member"])
    page = client.get(_outputs_url(second.follow_meeting)).content.decode()
    assert "Staff will test the new form" in page and "From the Partners group" in page
    # The leading meeting receives nothing: outputs go from the leader to the follower.
    client.force_login(people["partner"])
    assert "Shared with us" not in client.get(_outputs_url(second.lead_meeting)).content.decode()


def test_a_forged_meeting_or_action_id_from_another_group_is_not_found(client, paired):
    lived, partners, found, people = paired
    theirs = found[0].follow_meeting
    client.force_login(people["lived_facilitator"])
    assert client.get(_outputs_url(theirs).replace(partners.slug, lived.slug)).status_code == 404
    action = Action.objects.create(
        group=partners, meeting=theirs, text="x", due_on=dt.date(2027, 1, 1)
    )
    url = reverse("meetings:action_done", args=[lived.slug, found[0].lead_meeting.pk, action.pk])
    assert client.post(url).status_code == 404
    action.refresh_from_db()
    assert action.done_at is None
    assert Output.objects.count() == 0


def test_a_facilitator_marks_an_action_done(client, paired):
    lived, _, found, people = paired
    meeting = found[0].lead_meeting
    action = Action.objects.create(
        group=lived,
        meeting=meeting,
        text="Book the room",
        owner=people["lived_member"],
        due_on=dt.date(2027, 1, 1),
    )
    client.force_login(people["lived_facilitator"])
    client.post(reverse("meetings:action_done", args=[lived.slug, meeting.pk, action.pk]))
    action.refresh_from_db()
    assert action.done_at is not None and action.done_by == people["lived_facilitator"]
    assert not Action.objects.open().exists()
