import pytest
from django.core import signing
from django.urls import reverse

from signpost.directory.models import ProblemReport

from .factories import ServiceFactory, add_phone


@pytest.fixture
def service(db, home_page):
    return ServiceFactory(name="Quiet Room")


def add(client, service):
    return client.post(reverse("directory:my_list_add", args=[service.id]))


def test_saving_and_removing_a_service_needs_no_account(client, service):
    add(client, service)
    assert "Quiet Room" in client.get(reverse("directory:my_list")).content.decode()
    client.post(reverse("directory:my_list_remove", args=[service.id]))
    assert (
        "You have not saved any services yet"
        in client.get(reverse("directory:my_list")).content.decode()
    )


def test_saving_by_get_is_not_allowed(client, service):
    assert client.get(reverse("directory:my_list_add", args=[service.id])).status_code == 405


def test_the_list_is_full_at_the_limit(client, service, settings):
    settings.SIGNPOST_MY_LIST_LIMIT = 1
    add(client, service)
    other = ServiceFactory(name="Second Place")
    response = client.post(reverse("directory:my_list_add", args=[other.id]), follow=True)
    assert "Your list is full" in response.content.decode()


def test_a_shared_link_shows_the_list_to_someone_else(client, service):
    add(client, service)
    share_url = client.get(reverse("directory:my_list")).context["share_url"]
    from django.test import Client

    stranger = Client()
    body = stranger.get(share_url).content.decode()
    assert "A list of services shared with you" in body
    assert "Quiet Room" in body


def test_a_tampered_share_link_is_a_404(client, service):
    token = signing.dumps([str(service.id)], salt="wrong-salt")
    assert client.get(reverse("directory:my_list_shared", args=[token])).status_code == 404


def test_the_print_view_has_full_contact_details(client, service):
    add_phone(service, "0115 496 0999")
    add(client, service)
    body = client.get(reverse("directory:my_list_print")).content.decode()
    assert "Call 0115 496 0999" in body


def report(client, service, **data):
    fields = {"kind": "contact", "details": "The number is wrong.", "email": "", "website": ""}
    return client.post(reverse("directory:report", args=[service.id]), {**fields, **data})


def test_a_problem_report_is_stored_for_staff(client, service):
    response = report(client, service)
    assert response.status_code == 302
    stored = ProblemReport.objects.get()
    assert (stored.service, stored.kind, stored.details) == (
        service,
        "contact",
        "The number is wrong.",
    )


def test_a_report_with_the_honeypot_filled_is_thanked_but_not_stored(client, service):
    response = report(client, service, website="http://spam.example")
    assert response.status_code == 302
    assert not ProblemReport.objects.exists()


def test_reports_are_rate_limited_per_address(client, service, settings):
    settings.SIGNPOST_REPORTS_PER_HOUR = 2
    for _ in range(2):
        assert report(client, service).status_code == 302
    response = report(client, service)
    assert response.status_code == 400
    assert "Please try again in an hour" in response.content.decode()
    assert ProblemReport.objects.count() == 2


def test_a_report_with_missing_fields_keeps_what_was_typed(client, service):
    response = report(client, service, kind="", details="Half a thought", email="not-an-email")
    body = response.content.decode()
    assert response.status_code == 400
    assert "Select what is wrong with the page" in body
    assert "Enter an email address like name@example.com" in body
    assert "Half a thought" in body
    assert not ProblemReport.objects.exists()
