"""Members comment on papers and outputs at their own pace; flags, hiding, and safeguarding."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from signpost.meetings import agendas
from signpost.meetings.models import Comment, CommentStatus, Output, Pairing
from signpost.meetings.tests.factories import past_meeting, with_slot
from signpost.workspace.models import Role
from signpost.workspace.tests.factories import GroupFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db

WORDS = "I found the second paper hard to follow on my phone"


@pytest.fixture
def setup():
    contact = UserFactory(email="wellbeing@example.org")
    group = with_slot(
        GroupFactory(
            name="Lived experience", neutral_name="Tuesday group", wellbeing_contact=contact
        )
    )
    meeting = group.meetings.upcoming().first()
    people = {
        "member": member_of(group, first_name="Asha"),
        "other": member_of(group),
        "facilitator": member_of(group, role=Role.FACILITATOR),
    }
    paper = agendas.publish_paper(
        agenda=agendas.agenda_for(meeting),
        group=group,
        title="Home page ideas",
        body="Three ideas",
        by=None,
    )
    return group, meeting, paper, people


def _url(name, meeting, *more):
    return reverse(f"meetings:{name}", args=[meeting.group.slug, meeting.pk, *more])


def _comment(client, meeting, target, body=WORDS):
    return client.post(_url("comment", meeting), {"target": str(target.pk), "body": body})


def test_a_member_comments_on_a_paper_and_the_group_sees_when(client, setup):
    group, meeting, paper, people = setup
    client.force_login(people["member"])
    assert _comment(client, meeting, paper).status_code == 302
    comment = group.comments.get()
    assert comment.paper == paper and comment.author == people["member"]
    client.force_login(people["other"])
    page = client.get(_url("outputs", meeting)).content.decode()
    assert WORDS in page and "Asha" in page
    assert "&lt;span" not in page  # the hidden part of each label is markup, not text
    assert timezone.localtime(comment.made_at).strftime("%-d %B %Y at %H:%M") in page


def test_comments_on_outputs_are_welcome_after_the_meeting(client, setup):
    group, _, _, people = setup
    earlier = past_meeting(group, days_ago=40)
    output = Output.objects.create(group=group, meeting=earlier, text="We chose plain words")
    client.force_login(people["member"])
    assert _comment(client, earlier, output, body="Thinking about it since").status_code == 302
    assert group.comments.get().output == output


def test_an_empty_comment_gets_a_message_next_to_the_box(client, setup):
    group, meeting, paper, people = setup
    client.force_login(people["member"])
    response = _comment(client, meeting, paper, body="")
    assert response.status_code == 400
    assert "Enter your comment" in response.content.decode()
    assert not group.comments.exists()


def test_commenting_on_another_groups_paper_is_not_found(client, setup):
    group, meeting, _, people = setup
    elsewhere = with_slot(GroupFactory(project=group.project))
    theirs_meeting = elsewhere.meetings.upcoming().first()
    theirs = agendas.publish_paper(
        agenda=agendas.agenda_for(theirs_meeting),
        group=elsewhere,
        title="Private",
        body="x",
        by=None,
    )
    client.force_login(people["member"])
    assert _comment(client, meeting, theirs).status_code == 404
    assert not Comment.objects.exists()


def test_anyone_in_the_group_flags_a_comment_and_a_facilitator_hides_and_restores_it(client, setup):
    group, meeting, paper, people = setup
    comment = Comment.objects.create(group=group, author=people["member"], paper=paper, body=WORDS)
    client.force_login(people["other"])
    assert client.get(_url("comment_flag", meeting, comment.pk)).status_code == 200
    client.post(_url("comment_flag", meeting, comment.pk), {"reason": "unkind", "note": ""})
    assert comment.flags.get().flagged_by == people["other"]
    client.force_login(people["member"])  # a member may not hide it
    assert (
        client.post(
            _url("comment_moderate", meeting, comment.pk), {"visibility": "hide"}
        ).status_code
        == 404
    )
    client.force_login(people["facilitator"])
    client.post(_url("comment_moderate", meeting, comment.pk), {"visibility": "hide"})
    client.force_login(people["other"])
    page = client.get(_url("outputs", meeting)).content.decode()
    assert "Hidden while a facilitator looks at it" in page and WORDS not in page
    client.force_login(people["facilitator"])
    client.post(_url("comment_moderate", meeting, comment.pk), {"visibility": "restore"})
    statuses = list(CommentStatus.objects.filter(comment=comment))
    assert [s.status for s in statuses] == ["hidden", "restored"]
    assert all(s.set_by == people["facilitator"] and s.set_at for s in statuses)
    client.force_login(people["other"])
    assert WORDS in client.get(_url("outputs", meeting)).content.decode()


def test_a_safety_flag_emails_the_wellbeing_contact_a_link_never_the_words(client, setup):
    group, meeting, paper, people = setup
    comment = Comment.objects.create(group=group, author=people["member"], paper=paper, body=WORDS)
    client.force_login(people["other"])
    client.post(_url("comment_flag", meeting, comment.pk), {"reason": "safety", "note": ""})
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["wellbeing@example.org"]
    assert sent.subject.startswith("Tuesday group")
    assert "mental health" not in (sent.subject + sent.body).lower()
    assert f"{_url('outputs', meeting)}#comment-{comment.pk}" in sent.body
    assert WORDS not in sent.body and "Asha" not in sent.body


def test_an_ordinary_flag_sends_no_email(client, setup):
    group, meeting, paper, people = setup
    comment = Comment.objects.create(group=group, author=people["member"], paper=paper, body=WORDS)
    client.force_login(people["other"])
    client.post(_url("comment_flag", meeting, comment.pk), {"reason": "", "note": ""})
    assert comment.flags.count() == 1 and not mail.outbox


def test_a_forged_comment_id_from_another_group_is_not_found(client, setup):
    group, meeting, _, people = setup
    elsewhere = with_slot(GroupFactory(project=group.project))
    theirs = Comment.objects.create(group=elsewhere, author=None, body="theirs")
    client.force_login(people["facilitator"])
    assert client.get(_url("comment_flag", meeting, theirs.pk)).status_code == 404
    assert (
        client.post(
            _url("comment_moderate", meeting, theirs.pk), {"visibility": "hide"}
        ).status_code
        == 404
    )
    assert not CommentStatus.objects.exists()


def test_the_paired_group_comments_on_a_relayed_output_in_its_own_space(client):
    lived = with_slot(GroupFactory(name="Lived experience"), rule="FREQ=MONTHLY;BYDAY=1TU")
    partners = with_slot(
        GroupFactory(project=lived.project, name="Partners"), rule="FREQ=MONTHLY;BYDAY=3TU"
    )
    pairing = Pairing.objects.create(
        project=lived.project, first_group=lived, second_group=partners
    )
    cycle = agendas.cycles(pairing)[0]
    shared = Output.objects.create(
        group=lived,
        meeting=cycle.lead_meeting,
        text="Shared idea",
        reach="shared",
        published_at=timezone.now() - dt.timedelta(1),
    )
    partner = member_of(partners)
    client.force_login(partner)
    assert _comment(client, cycle.follow_meeting, shared, body="Good idea").status_code == 302
    assert partners.comments.get().output == shared
    lived_member = member_of(lived)
    client.force_login(lived_member)
    assert "Good idea" not in client.get(_url("outputs", cycle.lead_meeting)).content.decode()
