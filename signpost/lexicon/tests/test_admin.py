"""The admin's Search screens: staff with the permission read them; nobody else does."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from signpost.lexicon.models import SearchPhrase, UnmatchedSearch

REPORT = reverse("lexicon_report:index")
PHRASES = reverse("search_phrases:index")


@pytest.fixture
def counts(db):
    UnmatchedSearch.objects.create(phrase="older week", week=dt.date(2026, 11, 23), searches=9)
    UnmatchedSearch.objects.create(phrase="newer week", week=dt.date(2026, 11, 30), searches=2)
    UnmatchedSearch.objects.create(phrase="already mapped", week=dt.date(2026, 11, 30))
    SearchPhrase.objects.create(phrase="already mapped", concepts=["debt"])


def test_the_report_lists_newest_week_first_with_counts_and_a_prefilled_link(
    admin_client, counts
) -> None:
    response = admin_client.get(REPORT)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.index("newer week") < body.index("older week")
    assert f"{reverse('search_phrases:add')}?phrase=newer+week" in body
    assert "?phrase=already+mapped" not in body and "Mapped" in body


def test_the_phrase_list_opens_for_staff(admin_client, counts) -> None:
    response = admin_client.get(PHRASES)
    assert response.status_code == 200
    assert "already mapped" in response.content.decode()


@pytest.mark.parametrize("url", [REPORT, PHRASES])
def test_someone_signed_out_is_sent_to_sign_in(client, db, url) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("url", [REPORT, PHRASES])
def test_staff_without_the_permission_cannot_read_them(client, django_user_model, counts, url):
    user = django_user_model.objects.create_user(
        username="editor", email="editor@example.org", password="x", is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "newer week" not in response.content.decode()
