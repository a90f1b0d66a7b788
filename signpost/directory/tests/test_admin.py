"""Staff maintain the directory in the Wagtail admin."""

import datetime as dt

import pytest
from django.urls import reverse
from wagtail.models import Revision

from signpost.directory.models import Service

from .factories import ServiceFactory


@pytest.fixture
def staff_client(client, django_user_model, home_page):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-x1y2z3")
    client.force_login(user)
    return client


@pytest.fixture
def services(db):
    fresh = ServiceFactory(name="Fresh Service", assured_date=dt.date.today())
    stale = ServiceFactory(name="Stale Service", assured_date=dt.date(2020, 1, 1))
    return fresh, stale


def test_staff_can_list_and_search_services(staff_client, services):
    response = staff_client.get(reverse("wagtailsnippets_directory_service:list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Fresh Service" in body and "Stale Service" in body
    found = staff_client.get(reverse("wagtailsnippets_directory_service:list"), {"q": "Stale"})
    assert "Stale Service" in found.content.decode()
    assert "Fresh Service" not in found.content.decode()


def test_services_past_their_review_date_are_flagged_and_filterable(staff_client, services):
    url = reverse("wagtailsnippets_directory_service:list")
    body = staff_client.get(url, {"review_overdue": "true"}).content.decode()
    assert "Stale Service" in body
    assert "Fresh Service" not in body


def test_editing_a_service_records_who_changed_what(staff_client, services):
    fresh, _ = services
    edit = reverse("wagtailsnippets_directory_service:edit", args=[fresh.pk])
    form = staff_client.get(edit)
    assert form.status_code == 200
    service = Service.objects.get(pk=fresh.pk)
    service.description = "Now with evening sessions."
    revision = service.save_revision(user=form.wsgi_request.user)
    assert revision.user.username == "editor"
    assert Revision.objects.for_instance(service).count() == 1
    history = staff_client.get(
        reverse("wagtailsnippets_directory_service:history", args=[fresh.pk])
    )
    assert history.status_code == 200


def test_the_public_cannot_reach_the_admin_lists(client, services):
    response = client.get(reverse("wagtailsnippets_directory_service:list"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_problem_reports_are_listed_for_staff(staff_client, services):
    from signpost.directory.models import ProblemReport

    ProblemReport.objects.create(service=services[0], kind="hours", details="Closed Mondays now")
    body = staff_client.get(reverse("wagtailsnippets_directory_problemreport:list")).content
    assert b"Fresh Service" in body


@pytest.mark.parametrize(
    "model",
    ["service", "organisation", "location", "taxonomy", "taxonomyterm", "place", "problemreport"],
)
def test_every_directory_list_can_be_searched(staff_client, services, model):
    url = reverse(f"wagtailsnippets_directory_{model}:list")
    assert staff_client.get(url, {"q": "anything"}).status_code == 200
