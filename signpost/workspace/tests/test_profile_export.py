"""A member can download everything held about them; no model that names people escapes."""

import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from signpost.workspace.models import ConsentTopic, MemberProfile, MembershipState
from signpost.workspace.profile import export
from signpost.workspace.profile.services import give_consent, withdraw_consent
from signpost.workspace.services import set_membership_state

from .factories import GroupFactory, member_of

pytestmark = pytest.mark.django_db


def _member_with_history():
    group = GroupFactory(name="Website group")
    member = member_of(group, first_name="Ruth")
    MemberProfile.objects.create(user=member, preferred_name="Ruthie", access_needs=["breaks"])
    give_consent(user=member, topic=ConsentTopic.NAME_IN_OUTPUTS)
    withdraw_consent(user=member, topic=ConsentTopic.NAME_IN_OUTPUTS)
    membership = member.memberships.get()
    set_membership_state(membership=membership, state=MembershipState.PAUSED, by=member)
    facilitator = member_of(group, role="facilitator", first_name="Femi")
    give_consent(user=member, topic=ConsentTopic.ACCESS_NEEDS_TO_FACILITATORS)
    from signpost.workspace.profile.services import access_needs_for_facilitator

    access_needs_for_facilitator(viewer=facilitator, member=member, group=group)
    return member


def test_the_json_file_holds_profile_consents_memberships_with_states_and_views(client):
    member = _member_with_history()
    client.force_login(member)
    response = client.get(reverse("workspace:profile_data_json"))
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    sections = {section["label"]: section for section in data["sections"]}
    assert sections["workspace.MemberProfile"]["rows"][0]["preferred name"] == "Ruthie"
    consents = sections["workspace.Consent"]["rows"]
    assert consents[0]["withdrawn at"] and consents[0]["given at"]
    states = [s["state"] for s in sections["workspace.Membership"]["rows"][0]["statuses"]]
    assert states == ["Active", "Paused"]
    assert sections["workspace.AccessNeedsView"]["rows"][0]["viewer"] == "Femi"
    assert data["account"]["first_name"] == "Ruth"
    assert "password" not in json.dumps(data).lower()


def test_the_readable_page_shows_the_same_things(client):
    member = _member_with_history()
    client.force_login(member)
    page = client.get(reverse("workspace:profile_data")).content.decode()
    for words in ("Ruthie", "Website group", "Paused", "Femi", "Member profiles"):
        assert words in page


def test_a_facilitators_export_includes_rows_where_they_acted_on_others():
    group = GroupFactory()
    facilitator = member_of(group, role="facilitator")
    membership = member_of(group).memberships.get()
    set_membership_state(membership=membership, state=MembershipState.PAUSED, by=facilitator)
    labels = {section.label for section in export.collect(facilitator)["sections"]}
    assert "workspace.MembershipStatus" in labels


def test_every_field_in_our_apps_that_points_at_a_person_is_exported_or_excluded_with_a_reason():
    user_model = get_user_model()
    exported = {export.field_key(field) for field in export.person_fields()}
    missing = []
    for app_config in apps.get_app_configs():
        if not app_config.name.startswith("signpost."):
            continue
        for model in app_config.get_models():
            for field in [*model._meta.local_fields, *model._meta.local_many_to_many]:
                points_at_person = (
                    field.is_relation
                    and field.related_model is user_model
                    and model is not user_model
                )
                key = f"{model._meta.label}.{field.name}"
                if points_at_person and key not in exported and key not in export.EXCLUDED:
                    missing.append(key)
    assert not missing, f"add to the export or to export.EXCLUDED with a reason: {missing}"
    assert all(reason.strip() for reason in export.EXCLUDED.values())
