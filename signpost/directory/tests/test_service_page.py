import datetime as dt
import uuid

import pytest
from django.urls import reverse

from signpost.directory.models import Contact

from .factories import ServiceFactory, add_location, add_phone, add_schedule, build_gazetteer


@pytest.fixture
def service(db, home_page):
    build_gazetteer()
    service = ServiceFactory(
        name="Safe Place Support",
        minimum_age=16,
        maximum_age=25,
        assured_date=dt.date.today() - dt.timedelta(days=30),
        referral_criteria="Accepts young people with moderate needs.",
        professional_referral="Email the referral form to referrals@example.org.",
        application_process="Call us to book a first chat.",
    )
    add_phone(service, "0115 496 0123")
    Contact.objects.create(service=service, name="Private Manager", email="boss@example.org")
    return service


def url(service):
    return reverse("directory:service", args=[service.id])


def test_service_page_shows_how_to_get_help_and_contact(client, service):
    body = client.get(url(service)).content.decode()
    assert "Call us to book a first chat." in body
    assert 'href="tel:01154960123"' in body
    assert "Ages 16 to 25" in body


def test_private_contacts_are_never_shown(client, service):
    body = client.get(url(service)).content.decode()
    assert "Private Manager" not in body
    assert "boss@example.org" not in body


def test_a_hidden_address_shows_only_the_town_and_district_and_no_map(client, service):
    add_location(service, city="Mansfield", postcode="NG18 1AA", hide_address=True)
    body = client.get(url(service)).content.decode()
    assert "1 Secret Street" not in body
    assert "NG18 1AA" not in body
    assert "NG18" in body
    assert "openstreetmap" not in body


def test_a_visible_address_links_out_to_a_map_without_embedding_one(client, service):
    add_location(service, city="Mansfield")
    body = client.get(url(service)).content.decode()
    assert "1 Secret Street" in body
    assert 'href="https://www.openstreetmap.org/search?query=' in body
    assert "<iframe" not in body


def test_old_review_dates_get_a_notice(client, service):
    fresh = client.get(url(service)).content.decode()
    assert "have not been checked for over 6 months" not in fresh
    service.assured_date = dt.date.today() - dt.timedelta(days=200)
    service.save()
    stale = client.get(url(service)).content.decode()
    assert "have not been checked for over 6 months" in stale


def test_professionals_see_referral_criteria_only_when_they_ask(client, service):
    assert (
        "Accepts young people with moderate needs." not in client.get(url(service)).content.decode()
    )
    client.post(reverse("core:professionals"), {"show": "yes"})
    body = client.get(url(service)).content.decode()
    assert "Accepts young people with moderate needs." in body
    assert "referrals@example.org" in body


def test_a_service_that_does_not_exist_gets_a_404_in_the_site_style(client, service):
    response = client.get(reverse("directory:service", args=[uuid.uuid4()]))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "Exit this page" in response.content.decode()


def test_defunct_services_are_not_shown(client, service):
    service.status = "defunct"
    service.save()
    assert client.get(url(service)).status_code == 404


def test_not_a_uuid_is_a_404_not_a_500(client, db, home_page):
    assert client.get("/services/not-a-uuid/").status_code == 404


def test_self_referral_steps_give_the_phone_number_and_website(client, service):
    from .factories import TaxonomyFactory, TermFactory

    access = TaxonomyFactory(name="access")
    self_referral = TermFactory(taxonomy=access, code="self-referral", name="Self-referral")
    gp = TermFactory(taxonomy=access, code="gp-referral", name="GP referral")
    service.url = "https://safe.example.org"
    service.save()
    service.attributes.model.objects.create(service=service, taxonomy_term=self_referral)
    service.attributes.model.objects.create(service=service, taxonomy_term=gp)
    body = client.get(url(service)).content.decode()
    steps = body.split("How to get help")[1].split("</ol>")[0]
    assert 'You can refer yourself: call <a href="tel:01154960123">0115 496 0123</a>' in steps
    assert "visit the Safe Place Support website" in steps
    assert "ask your GP to refer you" in steps


def test_each_line_of_a_description_is_its_own_paragraph(client, service):
    service.description = "Drop-in support for adults.\n\nBring a friend if you like."
    service.save()
    body = client.get(url(service)).content.decode()
    assert "<p>Drop-in support for adults.</p><p>Bring a friend if you like.</p>" in body


def test_opening_hours_for_one_place_say_which_place(client, service):
    location = add_location(service, city="Mansfield")
    link = service.service_at_locations.get(location=location)
    add_schedule(service, freq="WEEKLY", byday="MO", opens_at=dt.time(9), closes_at=dt.time(17))
    add_schedule(
        service,
        service_at_location=link,
        freq="WEEKLY",
        byday="TU",
        opens_at=dt.time(10),
        closes_at=dt.time(12),
    )
    body = client.get(url(service)).content.decode()
    items = body.split("<li>")
    assert next(line for line in items if "Monday" in line).startswith("Monday")
    assert next(line for line in items if "Tuesday" in line).startswith(
        "At Mansfield centre: Tuesday"
    )


def test_everyone_sees_the_waiting_time_not_only_professionals(client, service):
    service.wait_time = "Usually about 3 weeks for a first appointment."
    service.save()
    body = client.get(url(service)).content.decode()
    assert "Usually about 3 weeks for a first appointment." in body
    client.post(reverse("core:professionals"), {"show": "yes"})
    professional = client.get(url(service)).content.decode()
    assert professional.count("Usually about 3 weeks for a first appointment.") == 1
