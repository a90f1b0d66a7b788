"""Tests for the HSDS 3.0 tabular data package reader and writer (no database needed)."""

from __future__ import annotations

import copy
import csv
import json
import shutil
from pathlib import Path

import pytest

from signpost.openreferral.formats.tabular import TabularError, read_package, write_package

STANDARDS = Path(__file__).resolve().parents[3] / ".." / "shared" / "standards"
HSDS_CSV = STANDARDS / "hsds" / "3.0" / "examples" / "csv"
ORUK_CSV = STANDARDS / "oruk" / "uk-profile" / "examples" / "csv"
GUIDANCE_CSV = STANDARDS / "hsds" / "3.0" / "docs" / "figures" / "field-guidance" / "attributes"
SERVICE_FULL_FILES = [
    "hsds/3.0/examples/service_full.json",
    "oruk/uk-profile/examples/service_full.json",
    "oruk/oruk-validator/OpenReferralApi/Mocks/V3.0-UK-Default/service_full.json",
]
EXAMPLE_SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"

ALL_FILES = {
    "organizations.csv",
    "programs.csv",
    "services.csv",
    "attributes.csv",
    "service_at_location.csv",
    "locations.csv",
    "phones.csv",
    "contacts.csv",
    "addresses.csv",
    "schedules.csv",
    "funding.csv",
    "service_areas.csv",
    "required_documents.csv",
    "languages.csv",
    "accessibility.csv",
    "taxonomy_terms.csv",
    "metadata.csv",
    "meta_table_descriptions.csv",
    "cost_options.csv",
    "organization_identifiers.csv",
    "taxonomies.csv",
}


def needs(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"Open Referral standards files are not available at {path}")
    return path


def normalise(value):
    """Sort every list of objects by id, so list order does not matter."""
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [normalise(item) for item in value]
        return sorted(items, key=lambda item: item.get("id", "") if isinstance(item, dict) else "")
    return value


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


# --- A rich pair of services sharing an organisation and a location --------------------------

ORG_ID = "0d6f6a3e-5b1a-4c43-9a61-3f1b2c7d8e01"
LOCATION_ID = "1b2c3d4e-5f60-4718-8293-a4b5c6d7e802"
TERM_ID = "2c3d4e5f-6071-4829-93a4-b5c6d7e8f903"
TAXONOMY_ID = "3d4e5f60-7182-493a-a4b5-c6d7e8f90a04"


def _uuid(number: int) -> str:
    return f"00000000-0000-4000-8000-{number:012d}"


def _language(number: int, name: str) -> dict:
    return {"id": _uuid(number), "name": name, "code": name[:2].lower(), "note": "Via staff"}


def _phone(number: int) -> dict:
    return {
        "id": _uuid(number),
        "number": f"0114 496 {number:04d}",
        "extension": 12,
        "type": "voice",
        "description": "Reception, 9am to 5pm",
        "languages": [_language(number + 1, "Welsh")],
    }


def _schedule(number: int) -> dict:
    return {
        "id": _uuid(number),
        "valid_from": "2024-01-01",
        "valid_to": "2025-12-31",
        "dtstart": "2024-01-01",
        "timezone": 0,
        "until": "2025-12-31",
        "count": 10,
        "wkst": "MO",
        "freq": "WEEKLY",
        "interval": 2,
        "byday": "MO,WE",
        "byweekno": "1,2",
        "bymonthday": "1,15",
        "byyearday": "100",
        "description": "Drop in, no appointment needed",
        "opens_at": "09:30:00",
        "closes_at": "17:00:00",
        "schedule_link": "https://example.org/times",
        "attending_type": "in person",
        "notes": 'Closed on bank holidays; "quiet hour" at 4pm',
    }


def _contact(number: int) -> dict:
    return {
        "id": _uuid(number),
        "name": "Sam Jones",
        "title": "Co-ordinator",
        "department": "Wellbeing",
        "email": "sam@example.org",
        "phones": [_phone(number + 1)],
    }


def _term(term_id: str, name: str) -> dict:
    return {
        "id": term_id,
        "code": name.upper(),
        "name": name,
        "description": f"Services for {name}",
        "parent_id": _uuid(999),
        "taxonomy": "Signpost needs",
        "language": "en",
        "term_uri": f"https://example.org/terms/{name}",
        "taxonomy_detail": {
            "id": TAXONOMY_ID,
            "name": "Signpost needs",
            "description": "Needs a service helps with",
            "uri": "https://example.org/taxonomy",
            "version": "2",
        },
    }


def _location() -> dict:
    return {
        "id": LOCATION_ID,
        "location_type": "physical",
        "url": "https://example.org/hub",
        "name": "Wellbeing Hub",
        "alternate_name": "The Hub",
        "description": "Ground floor, step-free",
        "transportation": "Bus 52 stops outside",
        "latitude": 53.38112,
        "longitude": -1.47008,
        "external_identifier": "100050912345",
        "external_identifier_type": "UPRN",
        "languages": [_language(100, "Polish")],
        "addresses": [
            {
                "id": _uuid(110),
                "attention": "Reception",
                "address_1": "1 Church Street",
                "address_2": "Floor 0",
                "city": "Sheffield",
                "region": "South Yorkshire",
                "state_province": "England",
                "postal_code": "S1 2GN",
                "country": "GB",
                "address_type": "physical",
            }
        ],
        "contacts": [_contact(120)],
        "accessibility": [
            {
                "id": _uuid(130),
                "description": "Hearing loop",
                "details": "Ask at reception",
                "url": "https://example.org/access",
                "accessibility": "Hearing loop at reception",
            }
        ],
        "phones": [_phone(140)],
        "schedules": [_schedule(150)],
        "attributes": [
            {
                "id": _uuid(160),
                "link_type": "accessibility",
                "link_entity": "location",
                "value": "yes",
                "taxonomy_term": _term(_uuid(161), "step-free"),
            }
        ],
    }


def _organization() -> dict:
    return {
        "id": ORG_ID,
        "name": "Mind in Sheffield",
        "alternate_name": "Sheffield Mind",
        "description": "Local mental health charity, founded 1988.",
        "email": "info@example.org",
        "website": "https://example.org",
        "tax_status": "charity",
        "tax_id": "1234567",
        "year_incorporated": 1988,
        "legal_status": "Charitable company",
        "logo": "https://example.org/logo.png",
        "uri": "https://example.org/org",
        "parent_organization_id": _uuid(998),
        "funding": [{"id": _uuid(200), "source": "NHS South Yorkshire ICB"}],
        "contacts": [_contact(210)],
        "phones": [_phone(220)],
        "locations": [_location()],
        "programs": [
            {
                "id": _uuid(230),
                "name": "Talking therapies",
                "alternate_name": "IAPT",
                "description": "Short courses of therapy",
            }
        ],
        "organization_identifiers": [
            {
                "id": _uuid(240),
                "identifier_scheme": "GB-CHC",
                "identifier_type": "Charity number",
                "identifier": "1110023",
            }
        ],
        "metadata": [
            {
                "id": _uuid(250),
                "resource_type": "organization",
                "last_action_date": "2024-05-01",
                "last_action_type": "update",
                "field_name": "name",
                "previous_value": "Sheffield Mind",
                "replacement_value": "Mind in Sheffield",
                "updated_by": "Data team",
            }
        ],
    }


def rich_services() -> list[dict]:
    """Two services sharing one organisation and one location; every field and list filled."""
    counselling = {
        "id": "a0000000-0000-4000-8000-000000000001",
        "name": "Counselling, for adults",
        "alternate_name": "Talk it through",
        "description": 'Up to 12 "free" sessions.\nSelf-referral welcome — £0 charge.',
        "url": "https://example.org/counselling",
        "email": "counselling@example.org",
        "status": "active",
        "interpretation_services": "BSL on request",
        "application_process": "Fill in the online form",
        "fees_description": "Free",
        "wait_time": "About 6 weeks",
        "fees": "None",
        "accreditations": "BACP",
        "eligibility_description": "Adults who live in Sheffield",
        "minimum_age": 18,
        "maximum_age": 65.5,
        "assured_date": "2024-04-01",
        "assurer_email": "quality@example.org",
        "licenses": "CQC registered",
        "alert": "Waiting list open",
        "last_modified": "2024-04-02T10:00:00Z",
        "organization": _organization(),
        "program": {
            "id": _uuid(230),
            "name": "Talking therapies",
            "alternate_name": "IAPT",
            "description": "Short courses of therapy",
        },
        "phones": [_phone(300)],
        "schedules": [_schedule(310)],
        "service_areas": [
            {
                "id": _uuid(320),
                "name": "Sheffield",
                "description": "Sheffield city council area",
                "extent": '{"type": "Point", "coordinates": [-1.47, 53.38]}',
                "extent_type": "geojson",
                "uri": "https://example.org/areas/sheffield",
                "service_area": "Sheffield",
            }
        ],
        "service_at_locations": [
            {
                "id": _uuid(330),
                "description": "Tuesday clinic at the Hub",
                "contacts": [_contact(340)],
                "phones": [_phone(350)],
                "schedules": [_schedule(360)],
                "location": _location(),
            }
        ],
        "languages": [_language(370, "English"), _language(372, "Urdu")],
        "funding": [{"id": _uuid(380), "source": "Lottery grant"}],
        "cost_options": [
            {
                "id": _uuid(390),
                "valid_from": "2024-01-01",
                "valid_to": "2024-12-31",
                "option": "Concession",
                "currency": "GBP",
                "amount": 12.5,
                "amount_description": "per session",
            }
        ],
        "required_documents": [
            {"id": _uuid(400), "document": "Proof of address", "uri": "https://example.org/d"}
        ],
        "contacts": [_contact(410)],
        "attributes": [
            {
                "id": _uuid(420),
                "link_type": "need",
                "link_entity": "service",
                "value": "primary",
                "taxonomy_term": _term(TERM_ID, "anxiety"),
            },
            {
                "id": _uuid(421),
                "link_entity": "service",
                "taxonomy_term": _term(_uuid(422), "low mood"),
            },
        ],
        "metadata": [
            {
                "id": _uuid(430),
                "resource_type": "service",
                "last_action_date": "2024-04-02",
                "last_action_type": "create",
                "field_name": "name",
                "previous_value": "-",
                "replacement_value": "Counselling, for adults",
                "updated_by": "Importer",
            }
        ],
    }
    peer_support = {
        "id": "b0000000-0000-4000-8000-000000000002",
        "name": "Peer support group",
        "status": "temporarily closed",
        "organization": _organization(),
        "service_at_locations": [{"id": _uuid(500), "location": _location()}],
        "attributes": [
            {
                "id": _uuid(510),
                "link_entity": "service",
                "taxonomy_term": _term(TERM_ID, "anxiety"),
            }
        ],
    }
    return [counselling, peer_support]


# --- Round trips -----------------------------------------------------------------------------


def test_rich_services_round_trip(tmp_path: Path) -> None:
    services = rich_services()
    write_package(copy.deepcopy(services), tmp_path)
    back = list(read_package(tmp_path))
    assert normalise(back) == normalise(services)


def test_rich_round_trip_shares_rows(tmp_path: Path) -> None:
    write_package(rich_services(), tmp_path)
    assert [row["id"] for row in read_rows(tmp_path / "organizations.csv")] == [ORG_ID]
    assert [row["id"] for row in read_rows(tmp_path / "locations.csv")] == [LOCATION_ID]
    terms = read_rows(tmp_path / "taxonomy_terms.csv")
    assert sorted(row["id"] for row in terms) == sorted([TERM_ID, _uuid(161), _uuid(422)])
    assert {row["taxonomy_id"] for row in terms} == {TAXONOMY_ID}
    assert [row["id"] for row in read_rows(tmp_path / "taxonomies.csv")] == [TAXONOMY_ID]
    links = read_rows(tmp_path / "service_at_location.csv")
    assert {row["location_id"] for row in links} == {LOCATION_ID}
    location = read_rows(tmp_path / "locations.csv")[0]
    assert location["organization_id"] == ORG_ID
    assert location["latitude"] == "53.38112"


@pytest.mark.parametrize("relative", SERVICE_FULL_FILES)
def test_example_service_full_round_trips(tmp_path: Path, relative: str) -> None:
    service = json.loads(needs(STANDARDS / relative).read_text(encoding="utf-8"))
    write_package([service], tmp_path)
    (back,) = read_package(tmp_path)
    assert normalise(back) == normalise(service)


def test_output_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    write_package(rich_services(), first)
    write_package(list(reversed(rich_services())), second)
    names = sorted(path.name for path in first.iterdir())
    assert names == sorted(path.name for path in second.iterdir())
    assert set(names) == ALL_FILES | {"datapackage.json"}
    for name in names:
        data = (first / name).read_bytes()
        assert data == (second / name).read_bytes(), name
        assert b"\r" not in data
        data.decode("utf-8")


def test_children_keep_their_order_through_a_package_not_their_ids_order(tmp_path: Path) -> None:
    # The publisher's order carries meaning (the main phone first); ids are random.
    service = {
        "id": _uuid(1),
        "name": "Ordered",
        "status": "active",
        "phones": [_phone(9), _phone(3), _phone(7)],
        "languages": [
            {"id": _uuid(60), "name": "Urdu", "code": "ur"},
            {"id": _uuid(50), "name": "English", "code": "en"},
        ],
    }
    write_package([service], tmp_path)
    assert [row["id"] for row in read_rows(tmp_path / "phones.csv")] == [
        _uuid(9),
        _uuid(3),
        _uuid(7),
    ]
    (back,) = read_package(tmp_path)
    assert [phone["id"] for phone in back["phones"]] == [_uuid(9), _uuid(3), _uuid(7)]
    assert [language["code"] for language in back["languages"]] == ["ur", "en"]


def test_empty_tables_have_headers_and_descriptor_matches(tmp_path: Path) -> None:
    write_package([{"id": _uuid(1), "name": "Lonely", "status": "active"}], tmp_path)
    assert (
        tmp_path / "meta_table_descriptions.csv"
    ).read_text() == "id,name,language,character_set\n"
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["profile"] == "tabular-data-package"
    assert {resource["path"] for resource in descriptor["resources"]} == ALL_FILES
    for resource in descriptor["resources"]:
        with (tmp_path / resource["path"]).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == [field["name"] for field in resource["schema"]["fields"]]
        assert resource["schema"]["primaryKey"] == "id"
    services = next(r for r in descriptor["resources"] if r["name"] == "service")
    types = {field["name"]: field["type"] for field in services["schema"]["fields"]}
    assert types["minimum_age"] == "number"
    assert types["assured_date"] == "date"


def test_writer_rejects_nested_item_without_id(tmp_path: Path) -> None:
    service = {"id": _uuid(1), "name": "X", "status": "active", "phones": [{"number": "1"}]}
    with pytest.raises(TabularError, match=r"phones\[0\] has no id"):
        write_package([service], tmp_path)


# --- Reading the published example packages -------------------------------------------------


def test_reads_hsds_example_package() -> None:
    (service,) = read_package(needs(HSDS_CSV))
    assert service["id"] == EXAMPLE_SERVICE_ID
    assert service["name"] == "Community Counselling"
    assert service["minimum_age"] == 12
    assert service["maximum_age"] == 100
    assert service["organization"]["name"] == "Example Organization Inc."
    assert service["organization"]["year_incorporated"] == 2011
    assert service["program"]["name"] == "Community Mental Health Support"
    assert len(service["phones"]) == 1
    assert service["phones"][0]["extension"] == 100
    assert service["phones"][0]["languages"][0]["name"] == "Urdu"
    assert service["cost_options"][0]["amount"] == 35
    assert service["schedules"][0]["byday"] == "TH,FR"
    assert service["schedules"][0]["interval"] == 1
    (link,) = service["service_at_locations"]
    location = link["location"]
    assert location["name"] == "MyCity Civic Center"
    assert location["latitude"] == 100
    assert location["addresses"][0]["city"] == "MyCity"
    assert location["accessibility"][0]["details"].startswith("Switch hearing aid")
    # The example's only attribute points at f28dd44b-..., which is not a row in the package.
    assert "attributes" not in service
    assert "service_id" not in service["phones"][0]


def test_hsds_example_taxonomy_term_when_attribute_is_linked(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    shutil.copytree(needs(HSDS_CSV), folder)
    attributes = (folder / "attributes.csv").read_text(encoding="utf-8")
    attribute_link = "f28dd44b-0c4d-479f-8e90-4c52219a8b3c"
    (folder / "attributes.csv").write_text(attributes.replace(attribute_link, EXAMPLE_SERVICE_ID))
    terms = (folder / "taxonomy_terms.csv").read_text(encoding="utf-8")
    taxonomy_link = "07ff6aee-a219-438c-b694-d2fcb6c5373b"
    real_taxonomy = "5c4d79d7-cc55-470e-9f1f-8cad074e4892"
    (folder / "taxonomy_terms.csv").write_text(terms.replace(taxonomy_link, real_taxonomy))
    (service,) = read_package(folder)
    (attribute,) = service["attributes"]
    assert attribute["link_entity"] == "link_entity"  # a placeholder, so matched on link_id
    term = attribute["taxonomy_term"]
    assert term["id"] == "3f7b145d-84af-42d7-8fae-eaca714b02b2"
    assert term["name"] == "name"
    assert term["taxonomy_detail"]["id"] == real_taxonomy
    assert term["taxonomy_detail"]["uri"] == "http://example.com"
    assert "taxonomy_id" not in term


def test_reads_field_guidance_attributes_package() -> None:
    services = {service["name"]: service for service in read_package(needs(GUIDANCE_CSV))}
    assert set(services) == {"Kitten Time", "Puppy Time"}
    terms = {
        attribute["taxonomy_term"]["name"]: attribute["taxonomy_term"]
        for attribute in services["Kitten Time"]["attributes"]
    }
    assert set(terms) == {"stress", "WORKPLACE"}
    assert terms["stress"]["taxonomy_detail"]["name"] == "Fictional Health Service Taxonomy"


def test_reads_oruk_example_package(tmp_path: Path) -> None:
    (service,) = read_package(needs(ORUK_CSV))
    assert service["name"] == "Community Counselling"
    assert service["organization"]["name"] == "Example Organization Inc."
    # phones.csv links its one phone to a contact only, so the service has no phones of its own.
    assert "phones" not in service
    (contact,) = service["contacts"]
    assert contact["name"] == "Ann Persona"
    assert len(contact["phones"]) == 1
    assert contact["phones"][0]["number"] == '"+44 1234 234567"'
    location = service["service_at_locations"][0]["location"]
    (address,) = location["addresses"]
    assert address["city"] == "MyCity"
    assert address["address_2"] == "MyVillage"  # addresses.csv is preferred to address.csv
    assert location["accessibility"][0]["accessibility"].startswith("The building is equipped")
    assert service["service_areas"][0]["service_area"].startswith("The service is available")
    assert service["schedules"][0]["wkst"] == "TU"  # schedules.csv preferred to schedule.csv
    assert "attributes" not in service

    folder = tmp_path / "csv"
    shutil.copytree(ORUK_CSV, folder)
    text = (folder / "attribute.csv").read_text(encoding="utf-8")
    linked = text.replace("f28dd44b-0c4d-479f-8e90-4c52219a8b3c", EXAMPLE_SERVICE_ID)
    (folder / "attribute.csv").write_text(linked)
    (service,) = read_package(folder)
    term = service["attributes"][0]["taxonomy_term"]
    assert term["term"] == "name"
    # taxonomy_terms.csv names a taxonomy id that taxonomies.csv lacks: the raw id is kept.
    assert term["taxonomy_id"] == "07ff6aee-a219-438c-b694-d2fcb6c5373b"
    assert "taxonomy_detail" not in term


# --- Datapackage descriptor handling ---------------------------------------------------------


def _minimal_package(folder: Path, services_name: str = "services.csv") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(
        folder / services_name,
        ["id", "organization_id", "name", "status", "minimum_age", "maximum_age"],
        [[_uuid(1), _uuid(2), "Crisis line", "active", "twelve", ""]],
    )
    write_csv(folder / "organizations.csv", ["id", "name"], [[_uuid(2), "Samaritans"]])


def test_uses_paths_declared_in_datapackage(tmp_path: Path) -> None:
    _minimal_package(tmp_path, "our-services.csv")
    descriptor = {
        "resources": [
            {"name": "service", "path": "our-services.csv"},
            {"name": "organization", "path": "missing-organisations.csv"},
        ]
    }
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor))
    (service,) = read_package(tmp_path)
    assert service["name"] == "Crisis line"
    # The declared organisations file is absent, so organizations.csv is used instead.
    assert service["organization"]["name"] == "Samaritans"


def test_declared_path_outside_folder_is_refused(tmp_path: Path) -> None:
    _minimal_package(tmp_path / "pkg")
    descriptor = {"resources": [{"name": "service", "path": "../../etc/services.csv"}]}
    (tmp_path / "pkg" / "datapackage.json").write_text(json.dumps(descriptor))
    with pytest.raises(TabularError, match="outside the package folder"):
        read_package(tmp_path / "pkg")


def test_unconvertible_and_empty_cells(tmp_path: Path) -> None:
    _minimal_package(tmp_path)
    (service,) = read_package(tmp_path)
    assert service["minimum_age"] == "twelve"
    assert "maximum_age" not in service
    assert "organization_id" not in service


def test_missing_organization_keeps_raw_id(tmp_path: Path) -> None:
    _minimal_package(tmp_path)
    (tmp_path / "organizations.csv").unlink()
    (service,) = read_package(tmp_path)
    assert service["organization_id"] == _uuid(2)
    assert "organization" not in service


def test_number_conversion(tmp_path: Path) -> None:
    write_csv(
        tmp_path / "services.csv",
        ["id", "name", "status", "minimum_age", "maximum_age"],
        [[_uuid(1), "A", "active", " 16 ", "24.5"], [_uuid(3), "B", "active", "1_000", "nan"]],
    )
    first, second = read_package(tmp_path)
    assert (first["minimum_age"], first["maximum_age"]) == (16, 24.5)
    assert (second["minimum_age"], second["maximum_age"]) == ("1_000", "nan")


# --- Structural errors -----------------------------------------------------------------------


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(TabularError, match="does not exist"):
        read_package(tmp_path / "nowhere")


def test_missing_services_csv(tmp_path: Path) -> None:
    write_csv(tmp_path / "organizations.csv", ["id", "name"], [[_uuid(2), "Samaritans"]])
    with pytest.raises(TabularError, match=r"no services\.csv"):
        read_package(tmp_path)


def test_row_with_too_many_values(tmp_path: Path) -> None:
    _minimal_package(tmp_path)
    with (tmp_path / "services.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"{_uuid(5)},{_uuid(2)},Extra,active,1,2,surprise\n")
    with pytest.raises(TabularError, match=r"services\.csv, line 3: found 7 values"):
        read_package(tmp_path)


def test_unparseable_csv(tmp_path: Path) -> None:
    _minimal_package(tmp_path)
    (tmp_path / "phones.csv").write_text(
        f'id,service_id,number\n{_uuid(9)},{_uuid(1)},"0114" 496\n', encoding="utf-8"
    )
    with pytest.raises(TabularError, match=r"phones\.csv, line 2: not valid CSV"):
        read_package(tmp_path)


def test_not_utf8(tmp_path: Path) -> None:
    _minimal_package(tmp_path)
    (tmp_path / "organizations.csv").write_bytes(b"id,name\n1,Caf\xe9\n")
    with pytest.raises(TabularError, match=r"organizations\.csv is not UTF-8"):
        read_package(tmp_path)


def test_missing_id_column(tmp_path: Path) -> None:
    _minimal_package(tmp_path)
    write_csv(tmp_path / "phones.csv", ["service_id", "number"], [[_uuid(1), "0114"]])
    with pytest.raises(TabularError, match=r"phones\.csv has no id column"):
        read_package(tmp_path)


def test_child_table_without_link_column(tmp_path: Path) -> None:
    _minimal_package(tmp_path)
    write_csv(tmp_path / "phones.csv", ["id", "number"], [[_uuid(9), "0114"]])
    with pytest.raises(TabularError, match=r"phones\.csv has no column linking"):
        read_package(tmp_path)


def test_empty_services_csv(tmp_path: Path) -> None:
    (tmp_path / "services.csv").write_text("")
    with pytest.raises(TabularError, match=r"services\.csv is empty"):
        read_package(tmp_path)
