"""Tests for converting Open Referral UK 1.0 feeds to HSDS 3.0 (no database needed)."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path

import pytest

from signpost.openreferral.formats.legacy import (
    NAMESPACE,
    convert_oruk1_service,
    is_oruk1_page,
    is_oruk1_service,
    page_items,
    stable_id,
    weekday_codes,
)
from signpost.openreferral.formats.tabular import read_package, write_package

STANDARDS = Path(__file__).resolve().parents[3] / ".." / "shared" / "standards"
V1_MOCKS = STANDARDS / "oruk" / "oruk-validator" / "OpenReferralApi" / "Mocks" / "V1.0-UK-Default"
V3_SERVICE_FILES = [
    "hsds/3.0/examples/service_full.json",
    "oruk/uk-profile/examples/service_full.json",
    "oruk/openreferraluk-website/public/specifications/3.0/examples/service_full.json",
    "oruk/oruk-validator/OpenReferralApi/Mocks/V3.0-UK-Default/service_full.json",
    "oruk/oruk-validator/OpenReferralApi/Mocks/V3.0-UK-Warn/service_full.json",
]
V3_LIST_FILES = [
    "hsds/3.0/examples/service_list.json",
    "oruk/uk-profile/examples/service_list.json",
]

ORG_ID = "5c9f3bb2-6a0b-4f1e-9d64-0c6e8f1a2b3c"


def needs(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"Open Referral standards files are not available at {path}")
    return path


def oruk1_service() -> dict:
    """A 1.0 service in the shape councils' ORUK 1.0 APIs publish (numeric ids and all)."""
    return {
        "id": "1502",
        "name": "Young Minds Drop-in",
        "description": "Informal support for 11 to 18 year olds.",
        "url": "https://example.gov.uk/young-minds",
        "email": "youngminds@example.gov.uk",
        "status": "active",
        "fees": "Free of charge",
        "accreditations": "",
        "deliverable_type": "Counselling",
        "assured_date": "2023-11-20T00:00:00",
        "attending_type": "venue",
        "attending_access": "drop-in",
        "organization": {
            "id": ORG_ID,
            "name": "Example Borough Council",
            "description": "Local authority",
            "email": "info@example.gov.uk",
            "url": "https://example.gov.uk",
            "logo": None,
            "uri": "",
            "reviews": [],
        },
        "contacts": [
            {
                "id": "c-77",
                "name": "Duty worker",
                "title": "Youth worker",
                "phones": [{"id": "p-1", "number": "01632 960123", "language": "English"}],
            }
        ],
        "cost_options": [
            {
                "id": "co-1",
                "option": "Session",
                "amount": "0.00",
                "amount_description": "No charge",
                "linkId": "1502",
                "valid_from": "2023-01-01T00:00:00",
                "valid_to": None,
            }
        ],
        "eligibilitys": [
            {
                "id": "e-1",
                "eligibility": "Age",
                "minimum_age": 11,
                "maximum_age": 18,
                "taxonomys": [{"id": "bccsource:Youth", "name": "Youth", "vocabulary": "BCC"}],
            }
        ],
        "fundings": [{"id": "f-1", "source": "Public Health grant"}],
        "holiday_schedules": [
            {
                "id": "h-1",
                "closed": True,
                "opens_at": None,
                "closes_at": None,
                "start_date": "2023-12-25",
                "end_date": "2023-12-26",
            }
        ],
        "languages": [{"id": "l-1", "language": "English"}, {"id": "l-2", "language": "pl"}],
        "regular_schedules": [
            {
                "id": "rs-1",
                "weekday": "Monday",
                "opens_at": "16:00",
                "closes_at": "19:30",
                "valid_from": None,
                "valid_to": None,
                "dtstart": None,
                "freq": None,
                "interval": None,
                "byday": None,
                "bymonthday": None,
                "description": "After school",
            },
            {"id": "rs-2", "weekday": "Thurs", "opens_at": "9:00", "closes_at": "12:00:00"},
        ],
        "reviews": [{"id": "r-1", "title": "Great", "score": "5"}],
        "service_areas": [
            {"id": "sa-1", "service_area": "Example Borough", "extent": None, "uri": ""}
        ],
        "service_at_locations": [
            {
                "id": "sal-9",
                "location": {
                    "id": "loc-44",
                    "name": "Youth Centre",
                    "description": "Next to the library",
                    "latitude": 52.2053,
                    "longitude": "0.1218",
                    "physical_addresses": [
                        {
                            "id": "pa-1",
                            "address_1": "12 High Street",
                            "city": "Exampleton",
                            "state_province": "Examplshire",
                            "postal_code": "EX1 2AB",
                            "country": "England",
                        }
                    ],
                    "accessibility_for_disabilities": [
                        {"id": "a-1", "accessibility": "Wheelchair accessible entrance"}
                    ],
                },
                "regular_schedules": [
                    {"id": "rs-3", "weekday": "Sat", "opens_at": "10:00", "closes_at": "13:00"}
                ],
                "holiday_schedules": [],
            }
        ],
        "service_taxonomys": [
            {
                "id": "st-1",
                "taxonomy": {
                    "id": "LGA:1234",
                    "name": "Mental health support",
                    "vocabulary": "esdServiceTypes",
                    "parent": "LGA:1000",
                },
            }
        ],
    }


def test_v1_mocks_hold_no_service_records() -> None:
    """The V1.0 validator mocks are reports, not feeds, so the tests build a 1.0 service."""
    folder = needs(V1_MOCKS)
    for path in folder.glob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert '"service_taxonomys"' not in text
        assert '"regular_schedules"' not in text


def test_detects_oruk1_page_and_items() -> None:
    service = oruk1_service()
    page = {
        "totalElements": 1,
        "totalPages": 1,
        "number": 1,
        "size": 50,
        "first": True,
        "last": True,
        "content": [service],
    }
    assert is_oruk1_page(page)
    assert page_items(page) == [service]
    # The published 1.0 OpenAPI spells the list "contents".
    spelled = {"totalElements": 1, "contents": [service]}
    assert is_oruk1_page(spelled)
    assert page_items(spelled) == [service]
    assert not is_oruk1_page({"content": [service]})
    assert not is_oruk1_page([service])
    with pytest.raises(ValueError, match="not a page"):
        page_items({"totalElements": 1})


@pytest.mark.parametrize("relative", V3_LIST_FILES)
def test_v3_pages_are_not_oruk1(relative: str) -> None:
    page = json.loads(needs(STANDARDS / relative).read_text(encoding="utf-8"))
    assert not is_oruk1_page(page)
    items = page_items(page)
    assert items
    assert not any(is_oruk1_service(item) for item in items)


@pytest.mark.parametrize("relative", V3_SERVICE_FILES)
def test_v3_services_are_not_oruk1(relative: str) -> None:
    service = json.loads(needs(STANDARDS / relative).read_text(encoding="utf-8"))
    assert not is_oruk1_service(service)


def test_detects_oruk1_services() -> None:
    assert is_oruk1_service(oruk1_service())
    # Only nested 1.0 markers: a location with physical_addresses.
    nested = {
        "id": "9",
        "name": "Clinic",
        "service_at_locations": [{"id": "1", "location": {"id": "2", "physical_addresses": []}}],
    }
    assert is_oruk1_service(nested)
    assert is_oruk1_service({"id": "9", "languages": [{"id": "1", "language": "Welsh"}]})
    assert not is_oruk1_service({"id": "9", "languages": [{"id": "1", "name": "Welsh"}]})
    assert not is_oruk1_service({"id": "9", "name": "Anything"})
    assert not is_oruk1_service("not a record")


def test_converts_service_fields() -> None:
    out = convert_oruk1_service(oruk1_service())
    assert out["id"] == str(uuid.uuid5(NAMESPACE, "service:1502"))
    assert out["name"] == "Young Minds Drop-in"
    assert out["status"] == "active"
    assert out["url"] == "https://example.gov.uk/young-minds"
    assert out["fees_description"] == "Free of charge"
    assert out["assured_date"] == "2023-11-20"
    assert "accreditations" not in out  # empty in the feed
    assert (out["minimum_age"], out["maximum_age"]) == (11, 18)
    assert out["organization"] == {
        "id": ORG_ID,
        "name": "Example Borough Council",
        "description": "Local authority",
        "email": "info@example.gov.uk",
        "website": "https://example.gov.uk",
    }
    assert out["funding"] == [{"id": stable_id("funding", "f-1"), "source": "Public Health grant"}]
    assert out["cost_options"] == [
        {
            "id": stable_id("cost_option", "co-1"),
            "option": "Session",
            "amount_description": "No charge",
            "amount": 0.0,
            "valid_from": "2023-01-01",
        }
    ]
    assert out["languages"] == [
        {"id": stable_id("language", "l-1"), "name": "English"},
        {"id": stable_id("language", "l-2"), "code": "pl"},
    ]
    assert out["service_areas"] == [
        {"id": stable_id("service_area", "sa-1"), "name": "Example Borough"}
    ]
    assert "reviews" not in out
    assert "holiday_schedules" not in out


def test_converts_contacts_and_phones() -> None:
    (contact,) = convert_oruk1_service(oruk1_service())["contacts"]
    assert contact["id"] == stable_id("contact", "c-77")
    assert contact["title"] == "Youth worker"
    (phone,) = contact["phones"]
    assert phone["id"] == stable_id("phone", "p-1")
    assert phone["number"] == "01632 960123"
    assert phone["languages"][0]["name"] == "English"


def test_converts_regular_schedules() -> None:
    out = convert_oruk1_service(oruk1_service())
    monday, thursday = sorted(out["schedules"], key=lambda item: item["byday"])
    assert monday == {
        "id": stable_id("schedule", "rs-1"),
        "freq": "WEEKLY",
        "byday": "MO",
        "description": "After school",
        "opens_at": "16:00:00",
        "closes_at": "19:30:00",
    }
    assert (thursday["byday"], thursday["opens_at"]) == ("TH", "09:00:00")
    saturday = out["service_at_locations"][0]["schedules"][0]
    assert (saturday["freq"], saturday["byday"]) == ("WEEKLY", "SA")


def test_converts_locations() -> None:
    (link,) = convert_oruk1_service(oruk1_service())["service_at_locations"]
    assert link["id"] == stable_id("service_at_location", "sal-9")
    location = link["location"]
    assert location["id"] == stable_id("location", "loc-44")
    assert location["location_type"] == "physical"
    assert (location["latitude"], location["longitude"]) == (52.2053, 0.1218)
    assert location["addresses"] == [
        {
            "id": stable_id("address", "pa-1"),
            "address_1": "12 High Street",
            "city": "Exampleton",
            "state_province": "Examplshire",
            "postal_code": "EX1 2AB",
            "country": "GB",
            "address_type": "physical",
        }
    ]
    assert location["accessibility"] == [
        {"id": stable_id("accessibility", "a-1"), "description": "Wheelchair accessible entrance"}
    ]


def test_converts_taxonomies_to_attributes() -> None:
    attributes = convert_oruk1_service(oruk1_service())["attributes"]
    by_name = {item["taxonomy_term"]["name"]: item for item in attributes}
    assert set(by_name) == {"Mental health support", "Youth", "Counselling", "venue", "drop-in"}
    service_type = by_name["Mental health support"]
    assert service_type["id"] == stable_id("attribute", "st-1")
    assert service_type["link_entity"] == "service"
    term = service_type["taxonomy_term"]
    assert term["code"] == "LGA:1234"
    assert term["id"] == stable_id("taxonomy_term", "esdServiceTypes/LGA:1234")
    assert term["parent_id"] == stable_id("taxonomy_term", "esdServiceTypes/LGA:1000")
    assert term["taxonomy"] == "esdServiceTypes"
    assert term["taxonomy_detail"] == {
        "id": stable_id("taxonomy", "esdServiceTypes"),
        "name": "esdServiceTypes",
    }
    assert by_name["Youth"]["link_type"] == "eligibility"
    assert by_name["drop-in"]["link_type"] == "attending_access"
    assert by_name["drop-in"]["taxonomy_term"]["taxonomy"] == "ORUK 1.0 attending_access"


def test_non_uuid_ids_map_to_stable_uuids() -> None:
    first = convert_oruk1_service(oruk1_service())
    second = convert_oruk1_service(copy.deepcopy(oruk1_service()))
    assert first == second
    assert uuid.UUID(first["id"]).version == 5
    # The same original id gives different uuids for different kinds.
    assert stable_id("service", "44") != stable_id("location", "44")
    # A real UUID is kept (canonical lower case); anything else is replaced.
    assert stable_id("organization", ORG_ID.upper()) == ORG_ID
    assert stable_id("organization", ORG_ID.replace("-", "")) != ORG_ID
    assert first["organization"]["id"] == ORG_ID


def test_records_without_ids_get_ids_from_their_position() -> None:
    record = oruk1_service()
    del record["regular_schedules"][0]["id"]
    first = convert_oruk1_service(record)["schedules"][0]["id"]
    assert first == convert_oruk1_service(copy.deepcopy(record))["schedules"][0]["id"]
    assert first != stable_id("schedule", "rs-2")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Monday", ["MO"]),
        ("tuesday", ["TU"]),
        ("Wed", ["WE"]),
        ("Thurs", ["TH"]),
        ("FRI", ["FR"]),
        ("Sat.", ["SA"]),
        ("SU", ["SU"]),
        ("Mon-Fri", ["MO", "TU", "WE", "TH", "FR"]),
        ("Saturday to Sunday", ["SA", "SU"]),
        ("Friday - Monday", ["FR", "SA", "SU", "MO"]),
        ("Monday, Wednesday and Friday", ["MO", "WE", "FR"]),
        ("1", []),
        ("Weekdays", []),
        ("", []),
        (None, []),
    ],
)
def test_weekday_codes(text: str | None, codes: list[str]) -> None:
    assert weekday_codes(text) == codes


def test_byday_wins_over_weekday_and_unknown_days_pass_through() -> None:
    record = oruk1_service()
    record["regular_schedules"] = [
        {"id": "a", "weekday": "Monday", "byday": "TU,WE"},
        {"id": "b", "weekday": "Someday", "opens_at": "noon"},
    ]
    first, second = convert_oruk1_service(record)["schedules"]
    assert (first["byday"], first["freq"]) == ("TU,WE", "WEEKLY")
    assert "byday" not in second and "freq" not in second
    assert second["opens_at"] == "noon"  # left for the importer to reject with a reason


def test_converted_service_round_trips_through_tabular(tmp_path: Path) -> None:
    converted = convert_oruk1_service(oruk1_service())
    write_package([converted], tmp_path)
    (back,) = read_package(tmp_path)

    def normalise(value):
        if isinstance(value, dict):
            return {key: normalise(item) for key, item in value.items()}
        if isinstance(value, list):
            return sorted((normalise(item) for item in value), key=lambda item: item["id"])
        return value

    assert normalise(back) == normalise(converted)


def test_eligibility_ages_take_the_widest_range_and_pass_bad_values_through() -> None:
    record = oruk1_service()
    record["eligibilitys"] = [
        {"id": "e-1", "minimum_age": 16, "maximum_age": "25"},
        {"id": "e-2", "minimum_age": "14", "maximum_age": 19},
    ]
    out = convert_oruk1_service(record)
    assert (out["minimum_age"], out["maximum_age"]) == (14, 25)
    record["eligibilitys"] = [{"id": "e-3", "minimum_age": "eleven"}]
    out = convert_oruk1_service(record)
    assert out["minimum_age"] == "eleven"
    assert "maximum_age" not in out
