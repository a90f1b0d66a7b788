"""Paired groups share an agenda per cycle; agendas must fit; parked items and late papers."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from signpost.meetings import agendas
from signpost.meetings.models import AgendaItem, Meeting, Pairing, ParkedItem
from signpost.workspace.models import Role
from signpost.workspace.tests.factories import GroupFactory, member_of

from .factories import with_slot

pytestmark = pytest.mark.django_db


@pytest.fixture
def paired():
    lived = with_slot(GroupFactory(name="Lived experience"), rule="FREQ=MONTHLY;BYDAY=1TU")
    partners = with_slot(GroupFactory(project=lived.project, name="Partners"),
                         rule="FREQ=MONTHLY;BYDAY=3TU")  # fmt: skip
    pairing = Pairing.objects.create(
        project=lived.project, first_group=lived, second_group=partners
    )
    return lived, partners, pairing


def test_a_cycle_is_one_groups_meeting_and_the_others_two_weeks_later_and_the_lead_swaps(paired):
    lived, partners, pairing = paired
    before = {m.pk: m.starts_at for m in [*lived.meetings.all(), *partners.meetings.all()]}
    found = agendas.cycles(pairing)
    assert len(found) >= 5
    assert [c.leader for c in found[:4]] == [lived, partners, lived, partners]
    for cycle in found:
        gap = cycle.follow_meeting.starts_at - cycle.lead_meeting.starts_at
        assert dt.timedelta(days=11) <= gap <= dt.timedelta(days=25)
        assert cycle.follow_meeting.group != cycle.leader
    used = [m.pk for c in found for m in (c.lead_meeting, c.follow_meeting)]
    assert len(used) == len(set(used))
    # Pairing never moves anyone's slot.
    after = {m.pk: m.starts_at for m in [*lived.meetings.all(), *partners.meetings.all()]}
    assert after == before


def test_both_meetings_of_a_cycle_share_one_agenda(paired):
    _, partners, pairing = paired
    cycle = agendas.cycles(pairing)[1]
    assert cycle.lead_meeting.group == partners
    shared = agendas.agenda_for(cycle.follow_meeting)
    assert agendas.agenda_for(cycle.lead_meeting) == shared
    assert shared.lead_meeting == cycle.lead_meeting and shared.pairing == pairing


def _add(client, group, meeting, minutes, title="Review the home page"):
    return client.post(reverse("meetings:agenda", args=[group.slug, meeting.pk]), {
        "title": title, "minutes": str(minutes), "owner": "Asha", "project_need": "Home page",
    })  # fmt: skip


@pytest.fixture
def facilitated(client):
    group = with_slot(GroupFactory(), minutes=60)
    client.force_login(member_of(group, role=Role.FACILITATOR))
    return group, group.meetings.upcoming().first()


def test_the_agenda_warns_past_80_percent_of_the_meeting(client, facilitated):
    group, meeting = facilitated
    _add(client, group, meeting, 45)
    page = client.get(reverse("meetings:meeting", args=[group.slug, meeting.pk])).content.decode()
    assert "The agenda is nearly full" not in page
    _add(client, group, meeting, 5, title="Thank-yous")
    page = client.get(reverse("meetings:meeting", args=[group.slug, meeting.pk])).content.decode()
    assert "The agenda is nearly full" in page and "fills 50 of 60 minutes" in page


def test_the_agenda_refuses_more_than_the_meeting_and_keeps_what_was_typed(client, facilitated):
    group, meeting = facilitated
    _add(client, group, meeting, 50)
    response = _add(client, group, meeting, 20, title="Poster wording for the library")
    page = response.content.decode()
    assert response.status_code == 200
    assert "There are only 10 minutes left in this meeting" in page
    assert "Poster wording for the library" in page
    assert AgendaItem.objects.count() == 1


def test_a_parked_item_is_offered_first_on_the_next_agenda(client, facilitated):
    group, meeting = facilitated
    _add(client, group, meeting, 20, title="Feedback form questions")
    item = AgendaItem.objects.get()
    client.post(reverse("meetings:agenda", args=[group.slug, meeting.pk]), {"park": str(item.pk)})
    nxt = group.meetings.upcoming()[1]
    page = client.get(reverse("meetings:meeting", args=[group.slug, nxt.pk])).content.decode()
    assert page.index("Parked last time") < page.index("Add an item")
    assert "Feedback form questions" in page
    parked = ParkedItem.objects.get()
    client.post(reverse("meetings:agenda", args=[group.slug, nxt.pk]), {"take_up": str(parked.pk)})
    assert list(agendas.agenda_for(nxt).items.values_list("title", flat=True)) == [
        "Feedback form questions"
    ]


def test_papers_less_than_7_days_ahead_go_out_marked_late_and_are_counted(client, facilitated):
    group, _ = facilitated
    start = timezone.now() + dt.timedelta(days=3)
    soon = Meeting.objects.create(group=group, usual_starts_at=start, starts_at=start,
                                  duration_minutes=60)  # fmt: skip
    far = group.meetings.upcoming()[3]
    for meeting, title in ((soon, "Draft page"), (far, "Early paper")):
        client.post(reverse("meetings:papers", args=[group.slug, meeting.pk]),
                    {"title": title, "body": "The words we agreed."})  # fmt: skip
    assert group.papers.get(title="Draft page").sent_late
    assert not group.papers.get(title="Early paper").sent_late
    assert agendas.late_papers(group) == 1
    page = client.get(reverse("meetings:meeting", args=[group.slug, soon.pk])).content.decode()
    assert "Sent late" in page


def test_a_parked_item_that_will_not_fit_stays_parked_with_a_message(client, facilitated):
    group, meeting = facilitated
    _add(client, group, meeting, 55)
    parked = ParkedItem.objects.create(group=group, title="Long debate", minutes=30,
                                       owner="Ben", project_need="Recruitment")  # fmt: skip
    url = reverse("meetings:agenda", args=[group.slug, meeting.pk])
    response = client.post(url, {"take_up": str(parked.pk)}, follow=True)
    assert "There are only 5 minutes left in this meeting" in response.content.decode()
    parked.refresh_from_db()
    assert parked.taken_up_in is None


def test_a_forged_item_id_in_the_agenda_form_is_not_found(client, facilitated):
    group, meeting = facilitated
    url = reverse("meetings:agenda", args=[group.slug, meeting.pk])
    assert client.post(url, {"park": "not-an-id"}).status_code == 404
    other = with_slot(GroupFactory())
    _add(client, group, meeting, 5)
    stranger = ParkedItem.objects.create(group=other, title="Theirs", minutes=5,
                                         owner="Kim", project_need="Other")  # fmt: skip
    assert client.post(url, {"take_up": str(stranger.pk)}).status_code == 404


def test_a_pairing_joins_two_different_groups_of_one_project():
    from django.core.exceptions import ValidationError

    group = GroupFactory()
    partner = GroupFactory(project=group.project)
    stranger = GroupFactory()
    Pairing(project=group.project, first_group=group, second_group=partner).full_clean()
    for second in (group, stranger):
        with pytest.raises(ValidationError):
            Pairing(project=group.project, first_group=group, second_group=second).full_clean()
