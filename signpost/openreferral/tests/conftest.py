"""Fixtures shared by the Open Referral API tests: a small directory with every kind of row."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

import pytest

from signpost.directory.models import (
    Address,
    Contact,
    Location,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from signpost.directory.tests.factories import ServiceFactory, build_gazetteer
from signpost.openreferral.importer import import_services

from .feed_server import feed_server  # noqa: F401 (a fixture for the feed tests)

# What a hidden address must never give away (the address is in these rows all the same).
HIDDEN_STREET = "7 Sanctuary Row"
HIDDEN_POSTCODE = "NG18 4QQ"
HIDDEN_LATITUDE = "53.151234"
HIDDEN_LONGITUDE = "-1.187654"
# Other ways to the place: a UPRN, its own web page, how to get there.
HIDDEN_UPRN = "100031476543"
HIDDEN_PAGE = "https://example.org/safe-haven-sanctuary-row"
HIDDEN_DIRECTIONS = "Bus 12 to Sanctuary Row, then the blue door"
PRIVATE_CONTACT_NAME = "Pat Private"
PRIVATE_CONTACT_EMAIL = "pat.private@example.org"


@pytest.fixture(autouse=True)
def imports_run_at_once(settings):
    """Imports queued from the admin run in the request here (the immediate backend), so a
    test sees the finished run; test_feed_worker.py runs them through the real worker."""
    settings.SIGNPOST_IMPORT_TASK_BACKEND = "default"


def full_service_record(**overrides: object) -> dict:
    """A nested HSDS 3.0 service using every part the API writes back out."""
    location_id = str(uuid.uuid4())
    record = {
        "id": str(uuid.uuid4()),
        "name": "Harbour Talking Therapies",
        "alternate_name": "Harbour",
        "status": "active",
        "description": "Talking therapy for anxiety and low mood, in groups or one to one.",
        "url": "https://harbour.example.org/",
        "email": "hello@harbour.example.org",
        "eligibility_description": "Adults registered with a GP in Mansfield.",
        "application_process": "Refer yourself online or ask your GP.",
        "fees_description": "Free on the NHS.",
        "minimum_age": 18,
        "maximum_age": 65,
        "assured_date": "2026-01-15",
        "organization": {
            "id": str(uuid.uuid4()),
            "name": "Harbour Trust",
            "description": "A local mental health charity.",
            "website": "https://harbour.example.org/",
        },
        "phones": [{"id": str(uuid.uuid4()), "number": "01623 496 000", "type": "voice"}],
        "schedules": [
            {
                "id": str(uuid.uuid4()),
                "freq": "WEEKLY",
                "byday": "MO,TU,WE",
                "opens_at": "09:00",
                "closes_at": "17:00",
            }
        ],
        "service_areas": [{"id": str(uuid.uuid4()), "name": "Mansfield"}],
        "languages": [{"id": str(uuid.uuid4()), "name": "Polish", "code": "pl"}],
        "cost_options": [
            {"id": str(uuid.uuid4()), "option": "Per session", "amount": 0, "currency": "GBP"}
        ],
        "attributes": [
            {
                "id": str(uuid.uuid4()),
                "link_type": "service_type",
                "taxonomy_term": {
                    "id": str(uuid.uuid4()),
                    "code": "talking-therapy",
                    "name": "Talking therapy",
                    "description": "Therapy through conversation.",
                    "taxonomy": "api-test-needs",
                },
            }
        ],
        "service_at_locations": [
            {
                "id": str(uuid.uuid4()),
                "location_id": location_id,
                "location": {
                    "id": location_id,
                    "location_type": "physical",
                    "name": "Harbour House",
                    "latitude": 53.1405,
                    "longitude": -1.1978,
                    "addresses": [
                        {
                            "id": str(uuid.uuid4()),
                            "address_1": "12 Market Street",
                            "city": "Mansfield",
                            "state_province": "Nottinghamshire",
                            "postal_code": "NG18 1HX",
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
    }
    record.update(overrides)
    return record


@dataclass
class ApiDirectory:
    service: Service
    hidden_service: Service
    term: TaxonomyTerm
    hidden_location: Location


@pytest.fixture
def api_directory(db) -> ApiDirectory:
    """Two services: one fully nested (imported), one at a refuge whose address is hidden."""
    build_gazetteer()
    record = full_service_record()
    report = import_services([record])
    assert not report.rejected, report
    service = Service.objects.get(id=record["id"])
    Contact.objects.create(
        service=service, name="Sam Public", email="sam@example.org", is_private=False
    )
    Contact.objects.create(
        service=service, name=PRIVATE_CONTACT_NAME, email=PRIVATE_CONTACT_EMAIL, is_private=True
    )
    term = TaxonomyTerm.objects.get(code="talking-therapy")

    hidden_service = ServiceFactory(
        name="Safe Haven Refuge",
        description="Emergency accommodation for women escaping domestic abuse.",
        organisation=service.organisation,
        areas=["Mansfield"],
        terms=[term],
    )
    hidden_location = Location.objects.create(
        name="Safe Haven",
        description="Address given on referral.",
        hide_address=True,
        latitude=Decimal(HIDDEN_LATITUDE),
        longitude=Decimal(HIDDEN_LONGITUDE),
        external_identifier=HIDDEN_UPRN,
        external_identifier_type="UPRN",
        url=HIDDEN_PAGE,
        transportation=HIDDEN_DIRECTIONS,
    )
    Address.objects.create(
        location=hidden_location,
        address_1=HIDDEN_STREET,
        city="Mansfield",
        postal_code=HIDDEN_POSTCODE,
        state_province="Nottinghamshire",
    )
    ServiceAtLocation.objects.create(service=hidden_service, location=hidden_location)
    hidden_service.save()
    return ApiDirectory(service, hidden_service, term, hidden_location)
