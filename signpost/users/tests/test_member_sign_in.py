"""Members sign in with an emailed code: no password, no sign-up, nothing said about who exists."""

import re
import time

import pytest
from allauth.account import app_settings as login_by_code_settings
from allauth.account.internal.flows import code_verification
from django.core import mail
from django.urls import reverse

from signpost.users.services import create_member_account
from signpost.workspace.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def request_code(client, email):
    return client.post(reverse("account_request_login_code"), {"email": email})


def emailed_code():
    return re.search(
        r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.outbox[-1].body, re.MULTILINE
    ).group(1)


@pytest.fixture
def member():
    return create_member_account(email="Asha@Example.org", preferred_name="Asha", by=UserFactory())


def test_a_welcomed_member_signs_in_with_the_code_we_email(client, member):
    response = request_code(client, "asha@example.org")
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["asha@example.org"]
    response = client.post(reverse("account_confirm_login_code"), {"code": emailed_code()})
    assert response.status_code == 302
    assert response["Location"] == "/workspace/"
    assert client.session["_auth_user_id"] == str(member.pk)
    assert client.get("/workspace/").status_code == 200


def test_sign_in_emails_name_no_site_and_offer_no_sign_up(client, member, settings):
    request_code(client, "asha@example.org")
    code_email = mail.outbox[-1]
    client.logout()
    request_code(client, "stranger@example.org")
    unknown_email = mail.outbox[-1]
    assert unknown_email.to == ["stranger@example.org"]
    for email in (code_email, unknown_email):
        assert "testserver" not in email.subject + email.body
        assert "sign up" not in email.body.lower()
    assert "facilitator" in unknown_email.body


def test_a_member_account_has_no_password(member):
    assert not member.has_usable_password()


def test_asking_for_a_code_for_an_unknown_address_looks_the_same(client, member):
    known = request_code(client, "asha@example.org")
    client.logout()
    unknown = request_code(client, "nobody@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    page = client.get(unknown["Location"]).content.decode()
    assert "nobody@example.org" in page
    assert "no account" not in page.lower()


def test_an_expired_code_does_not_sign_in(client, member, monkeypatch):
    request_code(client, "asha@example.org")
    code = emailed_code()
    later = time.time() + login_by_code_settings.LOGIN_BY_CODE_TIMEOUT + 1
    monkeypatch.setattr(code_verification.time, "time", lambda: later)
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert not client.session.get("_auth_user_id")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_used_code_cannot_sign_in_again(client, member):
    request_code(client, "asha@example.org")
    code = emailed_code()
    client.post(reverse("account_confirm_login_code"), {"code": code})
    assert client.session.get("_auth_user_id") == str(member.pk)
    client.logout()
    client.post(reverse("account_confirm_login_code"), {"code": code})
    assert not client.session.get("_auth_user_id")


def test_there_is_no_open_sign_up(client, django_user_model):
    response = client.post(reverse("account_signup"), {"email": "new@example.org"})
    assert "Sign up is closed" in response.content.decode() or response.status_code == 200
    assert not django_user_model.objects.filter(email="new@example.org").exists()
    assert not client.session.get("_auth_user_id")


def test_welcoming_the_same_address_twice_keeps_one_account(member):
    again = create_member_account(email="asha@example.org ", preferred_name="A", by=None)
    assert again == member


def test_a_member_signs_out_from_any_workspace_page(client, member):
    client.force_login(member)
    page = client.get("/workspace/").content.decode()
    assert f'action="{reverse("account_logout")}"' in page and "Sign out" in page
    response = client.post(reverse("account_logout"))
    assert response["Location"] == "/"
    assert not client.session.get("_auth_user_id")


def test_signing_in_says_so_without_showing_the_account_s_internal_name(client, member):
    request_code(client, "asha@example.org")
    client.post(reverse("account_confirm_login_code"), {"code": emailed_code().lower()})
    page = client.get("/workspace/", follow=True).content.decode()
    assert "You are signed in." in page
    assert member.username not in page
