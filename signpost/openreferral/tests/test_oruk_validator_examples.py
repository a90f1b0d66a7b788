"""The ORUK schema harness agrees with the ORUK validator on the validator's own mock responses.

The mocks live in ``oruk/oruk-validator/OpenReferralApi/Mocks/V3.0-UK-*``. The validator serves
them at ``/api/mock`` (pass), ``/api/mock/warn`` and ``/api/mock/fail``; its report for the fail
feed is ``src/components/ValidatorResult/example.json`` on the ORUK website, which we compare
against below. No database is needed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from signpost.openreferral.tests import oruk_schemas
from signpost.openreferral.tests.oruk_schemas import (
    BASIC_KINDS,
    ENDPOINT_KINDS,
    KINDS,
    LIST_KINDS,
    MOCKS_DIR,
    feed_level,
    openapi_errors,
    page_errors,
    require_standards,
    validate,
    validation_level,
)

# Mock file name (without .json) -> response kind.
FILE_KINDS: dict[str, str] = {
    "api_details": "api_details",
    "service_full": "service",
    "service_list": "service_list",
    "service_at_location_full": "service_at_location",
    "service_at_location_list": "service_at_location_list",
    "organization": "organization",  # Default names it organization.json ...
    "organization_full": "organization",  # ... the other folders organization_full.json.
    "organization_list": "organization_list",
    "taxonomy": "taxonomy",
    "taxonomy_list": "taxonomy_list",
    "taxonomy_term": "taxonomy_term",
    "taxonomy_term_list": "taxonomy_term_list",
}
# Files that are not ORUK feed responses.
NOT_FEED_RESPONSES = {
    # Payloads of the validator's own dashboard API (publisher, isValid, table definitions).
    "dashboard_service_details_response",
    "dashboard_services_response",
    # Test/: the 128 services of Test/service_list.json with no Page header; raw data the
    # validator's tests page through, checked separately below.
    "service_list_data",
}
# Endpoints the validator's report covers (it never requests /organizations).
VALIDATOR_TESTED_KINDS = KINDS - {"organization", "organization_list"}


def mocks(folder: str) -> Path:
    return require_standards() / MOCKS_DIR / f"V3.0-UK-{folder}"


def load(folder: str, name: str) -> Any:
    return json.loads((mocks(folder) / f"{name}.json").read_text(encoding="utf-8"))


def responses(folder: str) -> dict[str, Any]:
    """Every feed response in a mock folder, keyed by file name."""
    found = {path.stem: path for path in sorted(mocks(folder).glob("*.json"))}
    unknown = set(found) - set(FILE_KINDS) - NOT_FEED_RESPONSES
    assert not unknown, f"unmapped mock files in {folder}: {unknown}"
    return {
        name: json.loads(path.read_text(encoding="utf-8"))
        for name, path in found.items()
        if name in FILE_KINDS
    }


def levels(folder: str, kinds: set[str] | frozenset[str]) -> dict[str, str]:
    """Grade each response of the given kinds in a mock folder, by file name."""
    return {
        name: validation_level(FILE_KINDS[name], payload)
        for name, payload in responses(folder).items()
        if FILE_KINDS[name] in kinds
    }


def problems_at(errors: list[str], path: str) -> list[str]:
    """The messages of errors reported at exactly this JSON path."""
    return [error.split(": ", 1)[1] for error in errors if error.split(": ", 1)[0] == path]


# --- The harness itself -------------------------------------------------------------------


def test_every_endpoint_maps_to_a_known_kind() -> None:
    assert set(ENDPOINT_KINDS.values()) == KINDS
    assert len(KINDS) == 11
    assert {"/", "/services", "/services/{id}"} == {
        path for path, kind in ENDPOINT_KINDS.items() if kind in BASIC_KINDS
    }


def test_unknown_kind_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown ORUK response kind 'services'"):
        validate("services", {})


def test_standards_dir_sits_beside_the_repo() -> None:
    repo_root = Path(__file__).resolve().parents[3]
    assert repo_root.parent / "shared" / "standards" == oruk_schemas.STANDARDS_DIR
    assert (require_standards() / "SOURCES.md").is_file()


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("http://example.com/counselling", True),
        ("https://www.facebook.com/2waystbristol/?ref=page_internal", True),
        ("mailto:someone@example.com", True),
        ("urn:uuid:ac148810-d857-441c-9679-408f346de14b", True),
        ("example/counselling", False),
        ("example_com", False),
        ("docs-openreferraluk-org/en/latest/openapi30.json", False),
        ("http://", False),
        ("http://exa mple.com", False),
        ("", False),
    ],
)
def test_uri_format(value: str, valid: bool) -> None:
    errors = validate(
        "taxonomy_term",
        {
            "id": "3f7b145d-84af-42d7-8fae-eaca714b02b2",
            "name": "n",
            "description": "d",
            "term_uri": value,
        },
    )
    assert (errors == []) is valid, errors


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2023-03-15T10:30:45.123Z", True),
        ("2023-03-15T10:30:45.0Z", True),
        ("2023-03-15T10:30:45+01:00", True),
        ("2023-03-15T10:30:45", False),  # RFC 3339 needs an offset
        ("2023-03-15", False),
        ("2023-02-30T10:30:45Z", False),
        ("15/03/2023 10:30", False),
    ],
)
def test_date_time_format(value: str, valid: bool) -> None:
    service = load("Default", "service_full") | {"last_modified": value}
    errors = validate("service", service)
    assert (errors == []) is valid, errors


def test_other_formats_are_checked() -> None:
    service = load("Default", "service_full") | {
        "id": "not-a-uuid",
        "assured_date": "2005-13-01",  # a plain string in ORUK 3.0: no format to check
        "assurer_email": "nobody",
    }
    errors = validate("service", service)
    assert errors == [
        "$.assurer_email: 'nobody' is not a 'email'",
        "$.id: 'not-a-uuid' is not a 'uuid'",
    ]


def test_list_kinds_require_every_page_key() -> None:
    page = load("Default", "service_list")
    for kind in LIST_KINDS:
        assert validate(kind, {"contents": []}) == [
            f"$: '{key}' is a required property"
            for key in (
                "total_items",
                "total_pages",
                "page_number",
                "size",
                "first_page",
                "last_page",
                "empty",
            )
        ], kind
    errors = validate("service_list", page | {"total_items": "1", "empty": 0})
    # One message per problem, though the OpenAPI Page and the strict overlay both see it.
    assert errors == [
        "$.empty: 0 is not of type 'boolean'",
        "$.total_items: '1' is not of type 'integer'",
    ]


def test_page_errors_on_a_consistent_page() -> None:
    page = load("Default", "service_list")
    assert page_errors(page) == []
    assert page_errors(page, page=1, per_page=1) == []
    assert (
        page_errors(
            page | {"contents": [], "size": 0, "empty": True, "total_items": 0, "total_pages": 0}
        )
        == []
    )


# --- Default: the passing feed -----------------------------------------------------------


def test_default_responses_are_all_valid() -> None:
    found = responses("Default")
    assert {FILE_KINDS[name] for name in found} == KINDS
    for name, payload in found.items():
        assert validate(FILE_KINDS[name], payload) == [], name


def test_default_feed_passes() -> None:
    graded = levels("Default", VALIDATOR_TESTED_KINDS)
    assert set(graded.values()) == {"pass"}
    assert feed_level(graded.values()) == "pass"


def test_default_organization_list_has_an_inconsistent_page_header() -> None:
    # The validator never requests /organizations, so nothing catches this mock's header:
    # it says size 1 but holds 10 organisations. Schema-valid, but our page check notices.
    payload = load("Default", "organization_list")
    assert validate("organization_list", payload) == []
    assert page_errors(payload) == ["size is 1 but contents has 10 item(s)"]
    assert validation_level("organization_list", payload) == "warn"


def test_openapi_gives_service_at_location_the_service_schema() -> None:
    # Spec defect: taken literally, the OpenAPI rejects every real service_at_location.
    payload = load("Default", "service_at_location_full")
    assert openapi_errors("/service_at_locations/{id}", payload) == [
        "$: 'name' is a required property",
        "$: 'status' is a required property",
    ]
    assert validate("service_at_location", payload) == []


def test_bundle_organization_list_schema_is_not_a_page() -> None:
    # Spec defect: the bundle's /organizations schema describes one organisation.
    payload = load("Default", "organization_list")
    errors = openapi_errors("/organizations", payload, openapi_url=oruk_schemas.BUNDLE_OPENAPI_URL)
    assert errors == [
        "$: 'id' is a required property",
        "$: 'name' is a required property",
        "$: 'description' is a required property",
    ]


# --- Fail: the failing feed --------------------------------------------------------------


def test_fail_feed_fails() -> None:
    assert feed_level(levels("Fail", VALIDATOR_TESTED_KINDS).values()) == "fail"


def test_fail_api_details() -> None:
    errors = validate("api_details", load("Fail", "api_details"))
    assert errors == [
        "$: 'profile' is a required property",
        "$.openapi_url: 'docs-openreferraluk-org/en/latest/openapi30.json' is not a 'uri'",
    ]
    assert validation_level("api_details", load("Fail", "api_details")) == "fail"


def test_fail_service_full() -> None:
    errors = validate("service", load("Fail", "service_full"))
    assert errors == [
        "$.email: 'email-example_com' is not a 'email'",
        "$.url: 'example/counselling' is not a 'uri'",
    ]


def test_fail_service_list() -> None:
    payload = load("Fail", "service_list")
    errors = validate("service_list", payload)
    for index in range(4):
        assert f"$.contents[{index}]: 'name' is a required property" in errors
    assert problems_at(errors, "$.contents[0].url") == ["'example_counselling' is not a 'uri'"]
    assert problems_at(errors, "$.contents[1].email") == ["'email-example_com' is not a 'email'"]
    assert problems_at(errors, "$.contents[2].email") == ["False is not of type 'string'"]
    assert problems_at(errors, "$.contents[3].email") == ["12345 is not of type 'string'"]
    assert problems_at(errors, "$.contents[3].url") == []  # the fourth has no url at all
    assert len(errors) == 11
    # The validator's "Item count" message: size 1 but 4 services returned.
    assert "size is 1 but contents has 4 item(s)" in page_errors(payload)


def test_fail_taxonomy_term() -> None:
    errors = validate("taxonomy_term", load("Fail", "taxonomy_term"))
    assert errors == [
        "$: 'description' is a required property",
        "$.term_uri: 'example_com' is not a 'uri'",
    ]
    # Not a basic endpoint: the validator reports it at warning level.
    assert validation_level("taxonomy_term", load("Fail", "taxonomy_term")) == "warn"


def test_fail_files_with_no_schema_defect() -> None:
    # Not every Fail file is broken. These equal their Default twins apart from ids or page
    # counts, and the validator's report shows the matching endpoints passing schema checks.
    for name in (
        "organization_full",
        "organization_list",
        "service_at_location_full",
        "service_at_location_list",
        "taxonomy",
        "taxonomy_list",
        "taxonomy_term_list",
    ):
        assert validate(FILE_KINDS[name], load("Fail", name)) == [], name


def test_fail_service_at_location_list_fails_only_when_paged() -> None:
    # The header (page 1 of 10, size 1) is consistent, but the mock server returns this same
    # body for every request. The validator asks for per_page=4 and pages 2 and 3, and reports
    # "Items per page" and "First page flag"; we get the same by passing those requests.
    payload = load("Fail", "service_at_location_list")
    assert page_errors(payload) == []
    problems = page_errors(payload, page=2, per_page=4)
    assert "page_number is 1 when page 2 was requested" in problems
    assert "first_page is True when page 2 was requested" in problems
    assert "1 item(s) returned on a non-last page when 4 were requested" in problems


def _report_problems(messages: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    """(JSON path, kind of problem, detail) for each schema message in a validator report."""
    found: set[tuple[str, str, str]] = set()
    for message in messages:
        if message.get("description") != "Schema validation issue":
            continue
        at = message["errorAt"].split(", line")[0]
        path = "$" + ("." + at if at else "")
        text = message["message"]
        if message["name"] == "Required":
            missing = text.split(": ", 1)[1].rstrip(".")
            found |= {(path, "required", prop.strip()) for prop in missing.split(",")}
        elif message["name"] == "Format":
            found.add((path, "format", re.findall(r"format '([^']+)'", text)[0]))
        elif message["name"] == "Type":
            found.add((path, "type", re.findall(r"Expected (\w+)", text)[0].lower()))
        else:
            raise AssertionError(f"unexpected report message {message}")
    return found


def _our_problems(errors: list[str]) -> set[tuple[str, str, str]]:
    """The same triples from our error strings."""
    found: set[tuple[str, str, str]] = set()
    for error in errors:
        path, text = error.split(": ", 1)
        if match := re.fullmatch(r"'(\w+)' is a required property", text):
            found.add((path, "required", match[1]))
        elif match := re.search(r"is not a '([\w-]+)'$", text):
            found.add((path, "format", match[1]))
        elif match := re.search(r"is not of type '(\w+)'$", text):
            found.add((path, "type", match[1]))
        else:
            raise AssertionError(f"unexpected error {error}")
    return found


# Report endpoint (after the feed URL) -> Fail mock file.
REPORT_ENDPOINT_FILES = {
    "/": "api_details",
    "/services": "service_list",
    "/services/": "service_full",
    "/taxonomies": "taxonomy_list",
    "/taxonomies/": "taxonomy",
    "/taxonomy_terms": "taxonomy_term_list",
    "/taxonomy_terms/": "taxonomy_term",
    "/service_at_locations": "service_at_location_list",
    "/service_at_locations/": "service_at_location_full",
}


def test_fail_errors_match_the_validator_report() -> None:
    report_path = (
        require_standards()
        / "oruk/openreferraluk-website/src/components/ValidatorResult/example.json"
    )
    report = json.loads(report_path.read_text(encoding="utf-8"))
    feed_url = report["service"]["url"]
    assert report["service"]["isValid"] is False
    checked = set()
    for suite in report["testSuites"]:
        for test in suite["tests"]:
            name = REPORT_ENDPOINT_FILES[test["endpoint"].removeprefix(feed_url)]
            kind = FILE_KINDS[name]
            payload = load("Fail", name)
            assert _our_problems(validate(kind, payload)) == _report_problems(test["messages"]), (
                name
            )
            # Level 1 (messageLevel "error") is exactly our basic kinds.
            assert (suite["messageLevel"] == "error") == (kind in BASIC_KINDS)
            if not test["success"] and suite["messageLevel"] == "error":
                assert validation_level(kind, payload) == "fail", name
            checked.add(name)
    assert checked == set(REPORT_ENDPOINT_FILES.values())


# --- Warn: passes, with warnings ---------------------------------------------------------


def test_warn_basic_endpoints_match_default() -> None:
    # The warn feed's basic endpoints are the passing ones, so the feed cannot fail.
    for name in ("api_details", "service_full", "service_list"):
        assert load("Warn", name) == load("Default", name)
        assert validation_level(FILE_KINDS[name], load("Warn", name)) == "pass"


def test_warn_feed_passes_with_warnings() -> None:
    graded = levels("Warn", VALIDATOR_TESTED_KINDS)
    assert feed_level(graded.values()) == "warn"
    assert {name for name, level in graded.items() if level != "pass"} == {
        "taxonomy_term",
        "taxonomy_term_list",
    }


def test_warn_taxonomy_term_has_schema_errors() -> None:
    errors = validate("taxonomy_term", load("Warn", "taxonomy_term"))
    assert errors == [
        "$: 'description' is a required property",
        "$.term_uri: 'example_com' is not a 'uri'",
    ]


def test_warn_taxonomy_term_list_has_a_bad_page_header() -> None:
    payload = load("Warn", "taxonomy_term_list")
    assert validate("taxonomy_term_list", payload) == []
    assert page_errors(payload) == [
        "total_pages is 2 for 1 item(s)",
        "last_page is True when page_number is 1 of 2",
    ]


def test_warn_taxonomy_list_fails_only_when_paged() -> None:
    # Claims 10 pages; asking for page 2 gets page 1 back, as with the Fail SAL list.
    payload = load("Warn", "taxonomy_list")
    assert validate("taxonomy_list", payload) == []
    assert page_errors(payload) == []
    assert "first_page is True when page 2 was requested" in page_errors(payload, page=2)
    assert validation_level("taxonomy_list", payload, page=2) == "warn"


# --- Test: fixtures for the validator's own unit tests -----------------------------------


def test_test_folder_records_are_schema_valid() -> None:
    # Test/ holds fixtures for the validator's own tests, not a feed with an expected grade:
    # the same files as Default plus a 128-service page built from repeated and trimmed-down
    # copies of one service (some with only id, name and status). Every record is valid.
    for name, payload in responses("Test").items():
        assert validate(FILE_KINDS[name], payload) == [], name
    services = load("Test", "service_list")["contents"]
    assert len(services) == 128
    assert {"id", "name", "status"} in [set(service) for service in services]


def test_test_service_list_header_does_not_describe_its_contents() -> None:
    payload = load("Test", "service_list")
    assert page_errors(payload) == [
        "size is 31 but contents has 128 item(s)",
        "total_items is 31 but contents has 128 item(s)",
    ]
    # Served as-is on /services (a basic endpoint) this would fail the feed.
    assert validation_level("service_list", payload) == "fail"


def test_test_service_list_data_is_contents_without_a_page_header() -> None:
    data = load("Test", "service_list_data")
    assert list(data) == ["contents"]
    assert data["contents"] == load("Test", "service_list")["contents"]
    assert len(validate("service_list", data)) == 7  # every Page key but contents is missing


def test_missing_standards_skip_with_the_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(oruk_schemas, "STANDARDS_DIR", tmp_path / "shared" / "standards")
    with pytest.raises(pytest.skip.Exception, match=r"ORUK standards not present at .*shared"):
        require_standards()
