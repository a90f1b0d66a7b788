"""Cache-Control on real pages: shared caches keep only what is the same for everyone."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from signpost.core.http_cache import PRIVATE, PUBLIC
from signpost.directory.tests.factories import ServiceFactory

PASSWORD = "a-long-test-password-9"


@pytest.fixture
def service(home_page):
    return ServiceFactory(name="Riverside Wellbeing Cafe", description="A place to talk.")


@pytest.mark.parametrize(
    "url", ["/", "/urgent-help/", "/services/", "/services/?q=feeling+low&age=30", "/privacy/"]
)
def test_pages_the_same_for_everyone_may_be_kept_briefly_by_shared_caches(client, home_page, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    assert not response.cookies


def test_a_service_page_has_a_save_form_so_shared_caches_never_keep_it(client, service):
    response = client.get(f"/services/{service.pk}/")
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content  # "Save to my list" posts
    assert response["Cache-Control"] == PRIVATE


def test_the_report_a_problem_form_carries_a_csrf_token_so_is_never_stored(client, service):
    response = client.get(f"/services/{service.pk}/report/")
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert response["Cache-Control"] == PRIVATE


def test_my_list_is_never_stored_once_a_service_is_saved(client, service):
    client.post(f"/my-list/add/{service.pk}/")
    response = client.get("/my-list/")
    assert response.status_code == 200
    assert b"Riverside Wellbeing Cafe" in response.content
    assert response["Cache-Control"] == PRIVATE
    # With the session cookie, even pages public to strangers are this person's own (the
    # header can show their list).
    assert client.get("/")["Cache-Control"] == PRIVATE
    assert client.get(f"/services/{service.pk}/")["Cache-Control"] == PRIVATE


def test_an_empty_my_list_is_never_stored_either(client, home_page):
    response = client.get("/my-list/")
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


def test_a_post_and_its_redirect_are_never_stored(client, service):
    response = client.post(f"/my-list/add/{service.pk}/")
    assert response.status_code in (302, 303)
    assert response["Cache-Control"] == PRIVATE


def test_a_page_not_found_is_not_kept(client, home_page):
    response = client.get("/services/no-such-service/")
    assert response.status_code == 404
    assert response["Cache-Control"] == PRIVATE


def test_the_admin_is_never_stored(client, home_page, django_user_model):
    staff = django_user_model.objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_staff=True
    )
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    # Signed in, the public pages are theirs too.
    assert client.get("/")["Cache-Control"] == PRIVATE


def test_the_admin_sign_in_redirect_is_never_stored(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]


def test_the_workspace_is_never_stored(client, db):
    response = client.get("/workspace/")
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_view_that_says_its_own_cache_rule_keeps_it(client, db):
    response = client.get("/api/oruk/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
