"""Staff sign in with a password and an authenticator code; the admin has no other way in."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from signpost.users.second_factor import current_code, give_authenticator_app
from signpost.users.services import create_member_account

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-staff-password-9"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "kim", "kim@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in_with_password(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_staff_with_an_authenticator_need_its_code_before_the_admin(client, staff):
    give_authenticator_app(staff, SECRET)
    response = sign_in_with_password(client, "kim@example.org")
    assert response["Location"] == reverse("mfa_authenticate")
    assert not client.session.get("_auth_user_id")
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(SECRET)})
    assert client.session["_auth_user_id"] == str(staff.pk)
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_staff_signing_in_with_an_emailed_code_still_need_the_authenticator(client, staff):
    give_authenticator_app(staff, SECRET)
    client.post(reverse("account_request_login_code"), {"email": "kim@example.org"})
    code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}", mail.outbox[-1].body).group(0)
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response["Location"] == reverse("mfa_authenticate")
    assert not client.session.get("_auth_user_id")


def test_a_wrong_authenticator_code_does_not_sign_in(client, staff):
    give_authenticator_app(staff, SECRET)
    sign_in_with_password(client, "kim@example.org")
    client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert not client.session.get("_auth_user_id")


def test_staff_without_a_second_factor_are_sent_to_set_one_up(client, staff, settings):
    settings.SIGNPOST_STAFF_NEED_SECOND_FACTOR = True
    sign_in_with_password(client, "kim@example.org")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password once more before a new authenticator is set up.
    page = client.get(response["Location"], follow=True)
    assert page.status_code == 200
    assert "password" in page.content.decode().lower()


def test_the_admin_sign_in_page_is_ours(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=/admin/pages/"
    assert client.get("/admin/")["Location"].startswith(reverse("account_login"))


def test_a_member_cannot_sign_in_with_a_password(client):
    member = create_member_account(email="lee@example.org", preferred_name="Lee", by=None)
    member.set_password(PASSWORD)
    member.save()
    response = sign_in_with_password(client, "lee@example.org")
    assert response.status_code == 200
    assert not client.session.get("_auth_user_id")
    assert "The email address and/or password you specified are not correct." in (
        response.content.decode()
    )
