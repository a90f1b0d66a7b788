"""Validate API responses against the Open Referral UK 3.0 schemas, offline.

Test-support module (not a test file). It loads the ORUK standards from ``../shared/standards``
beside the repo and checks a response body the way the ORUK validator does: JSON Schema with
format checking, plus the pagination sanity checks the validator reports separately.

Which schema each kind uses (``OPENAPI`` = the current ORUK 3.0 OpenAPI that the live validator
loads, ``oruk/openreferraluk-website/public/specifications/3.0/openapi.json``; ``BUNDLE`` = the
older validator bundle ``oruk/tpximpact-OpenReferralApi/OpenReferralApi/Schemas/V3.0-UK/``):

==========================  =============================  ====================================
kind                        endpoint                       schema
==========================  =============================  ====================================
api_details                 GET /                          BUNDLE ``api_details.json`` (1)
service                     GET /services/{id}             OPENAPI 200 response
service_list                GET /services                  OPENAPI 200 response + page keys (2)
service_at_location         GET /service_at_locations/{id} uk-profile ``compiled/
                                                           service_at_location.json`` (3)
service_at_location_list    GET /service_at_locations      OPENAPI 200 response + page keys
organization                GET /organizations/{id}        BUNDLE ``open_api.json`` 200 (4)
organization_list           GET /organizations             OPENAPI ``Page`` + BUNDLE
                                                           ``organization_list.json`` items (4)
taxonomy                    GET /taxonomies/{id}           OPENAPI 200 response
taxonomy_list               GET /taxonomies                OPENAPI 200 response + page keys
taxonomy_term               GET /taxonomy_terms/{id}       OPENAPI 200 response (5)
taxonomy_term_list          GET /taxonomy_terms            OPENAPI 200 response + page keys (5)
==========================  =============================  ====================================

(1) The OpenAPI's inline ``GET /`` schema requires nothing, but the validator's own Fail report
    (``src/components/ValidatorResult/example.json``) flags a missing ``profile`` as "Required",
    so it uses the bundle's ``api_details.json`` (``version``, ``profile``, ``openapi_url``).
(2) HSDS 3.0 says list endpoints MUST be paginated and responses should carry every ``Page``
    property plus ``contents``; HSDS 3.1.1 made ``empty`` required. The OpenAPI ``Page`` schema
    marks none of them required, so we add a stricter overlay requiring all eight keys.
(3) Spec defect: the OpenAPI gives ``/service_at_locations/{id}`` the *service* schema, which
    requires ``name`` and ``status``, so no real service_at_location could pass. The validator's
    Fail report shows that endpoint passing for the mock service_at_location, i.e. it is checked
    against the service_at_location schema, so we do the same.
(4) The current OpenAPI has no ``/organizations`` paths, so we fall back to the bundle. Spec
    defect: the bundle's ``/organizations`` response is ``organization_list.json``, which is a
    single organisation, not a page; we wrap it as page ``contents`` like the other lists.
(5) Spec defect: the two ``/taxonomy_terms`` operationIds are swapped (fixed in HSDS 3.1.3). We
    pick schemas by path, never by operationId, so this does not affect us.

Other bundle defects we avoid by using the OpenAPI: its ``/services`` and ``/taxonomies`` wrap the
already page-shaped ``service_list.json`` / ``taxonomy_list.json`` as *items* of ``contents``
(so items are effectively unchecked), and ``empy_list_response.json`` has ``"$ref": ""``.

Schemas carry no ``$schema``; we validate as Draft 2020-12 (only basic keywords are used).
Formats (``uuid``, ``uri``, ``email``, ``date-time``, ``date``) are asserted, as the validator
does. jsonschema checks ``uuid``, ``email`` and ``date`` itself; ``uri`` needs ``rfc3987`` and
``date-time`` needs ``rfc3339-validator``, neither installed, so minimal checks stand in
(an absolute URI with a scheme; an RFC 3339 timestamp with offset). No ORUK 3.0 schema uses
``date`` (``assured_date`` and the like are plain strings) and only ``service.last_modified`` is
a ``date-time``.

Grading (``validation_level``) follows ``content/developers/validator/results/index.md`` and the
report examples: any issue on a basic endpoint (``GET /``, ``/services``, ``/services/{id}``,
the "Level 1" suite, ``messageLevel: error``) fails the feed; issues on any other endpoint
("Level 2", ``messageLevel: warning``) only warn.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, Literal

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

Level = Literal["pass", "warn", "fail"]

# /work/main/signpost/openreferral/tests/oruk_schemas.py -> /work/shared/standards
STANDARDS_DIR = Path(__file__).resolve().parents[4] / "shared" / "standards"

ORUK_DIR = Path("oruk")
MOCKS_DIR = ORUK_DIR / "oruk-validator" / "OpenReferralApi" / "Mocks"

# Remote URLs the documents use, and the local folder each prefix maps to.
OPENAPI_URL = "https://openreferraluk.org/specifications/3.0/openapi.json"
UK_PROFILE_URL = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
BUNDLE_URL = (
    "https://raw.githubusercontent.com/tpximpact/OpenReferralApi/refs/heads/main/"
    "OpenReferralApi/Schemas/V3.0-UK/"
)
BUNDLE_OPENAPI_URL = BUNDLE_URL + "open_api.json"
_URL_PREFIXES: dict[str, Path] = {
    "https://openreferraluk.org/specifications/3.0/": ORUK_DIR
    / "openreferraluk-website/public/specifications/3.0",
    UK_PROFILE_URL: ORUK_DIR / "uk-profile/schema",
    BUNDLE_URL: ORUK_DIR / "tpximpact-OpenReferralApi/OpenReferralApi/Schemas/V3.0-UK",
}

ENDPOINT_KINDS: dict[str, str] = {
    "/": "api_details",
    "/services": "service_list",
    "/services/{id}": "service",
    "/service_at_locations": "service_at_location_list",
    "/service_at_locations/{id}": "service_at_location",
    "/organizations": "organization_list",
    "/organizations/{id}": "organization",
    "/taxonomies": "taxonomy_list",
    "/taxonomies/{id}": "taxonomy",
    "/taxonomy_terms": "taxonomy_term_list",
    "/taxonomy_terms/{id}": "taxonomy_term",
}
KINDS: frozenset[str] = frozenset(ENDPOINT_KINDS.values())
LIST_KINDS: frozenset[str] = frozenset(k for k in KINDS if k.endswith("_list"))
# The validator's "Level 1 - Basic checks": errors here fail the whole feed.
BASIC_KINDS: frozenset[str] = frozenset({"api_details", "service", "service_list"})

# The HSDS Page keys and their JSON types.
PAGE_KEYS: dict[str, str] = {
    "total_items": "integer",
    "total_pages": "integer",
    "page_number": "integer",
    "size": "integer",
    "first_page": "boolean",
    "last_page": "boolean",
    "empty": "boolean",
    "contents": "array",
}
_STRICT_PAGE: dict[str, Any] = {
    "type": "object",
    "required": list(PAGE_KEYS),
    "properties": {key: {"type": json_type} for key, json_type in PAGE_KEYS.items()},
}

_MAX_MESSAGE = 300


def require_standards() -> Path:
    """Return the standards folder, or skip the calling test when it is missing."""
    if not (STANDARDS_DIR / MOCKS_DIR).is_dir():
        pytest.skip(
            f"ORUK standards not present at {STANDARDS_DIR}; they live in ../shared beside "
            "the repo, as in CI"
        )
    return STANDARDS_DIR


def _pointer(path: str) -> str:
    """Escape an API path for use as one JSON Pointer token."""
    return path.replace("~", "~0").replace("/", "~1")


def _response_ref(openapi_url: str, path: str) -> dict[str, str]:
    """A $ref to the 200 JSON response schema of ``GET path`` in an OpenAPI document."""
    return {
        "$ref": f"{openapi_url}#/paths/{_pointer(path)}/get/responses/200"
        "/content/application~1json/schema"
    }


def _schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema a response of this kind must satisfy (see the module docstring)."""
    if kind == "api_details":
        return _response_ref(BUNDLE_OPENAPI_URL, "/")
    if kind == "service_at_location":
        return {"$ref": UK_PROFILE_URL + "compiled/service_at_location.json"}
    if kind == "organization":
        return _response_ref(BUNDLE_OPENAPI_URL, "/organizations/{id}")
    if kind == "organization_list":
        page = {
            "allOf": [{"$ref": OPENAPI_URL + "#/components/schemas/Page"}],
            "properties": {
                "contents": {
                    "type": "array",
                    "items": {"$ref": BUNDLE_URL + "organization_list.json"},
                }
            },
        }
        return {"allOf": [page, _STRICT_PAGE]}
    path = next(p for p, k in ENDPOINT_KINDS.items() if k == kind)
    schema = _response_ref(OPENAPI_URL, path)
    if kind in LIST_KINDS:
        return {"allOf": [schema, _STRICT_PAGE]}
    return schema


@cache
def _load(path: Path) -> Any:
    """Parse a local standards file once."""
    return json.loads(path.read_text(encoding="utf-8"))


def _retrieve(uri: str) -> Resource[Any]:
    """Resolve a remote schema URL to its local copy; there is no network."""
    for prefix, folder in _URL_PREFIXES.items():
        if uri.startswith(prefix):
            local = STANDARDS_DIR / folder / uri.removeprefix(prefix)
            if local.is_file():
                return DRAFT202012.create_resource(_load(local))
    raise NoSuchResource(ref=uri)  # type: ignore[call-arg]


_URI = re.compile(
    r"[A-Za-z][A-Za-z0-9+.\-]*:"  # scheme
    r"(?://(?P<authority>(?:[A-Za-z0-9\-._~!$&'()*+,;=:@\[\]]|%[0-9A-Fa-f]{2})*))?"  # authority
    r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-Fa-f]{2})*"  # rest, RFC 3986 characters
)
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})")


def _is_uri(value: object) -> bool:
    """Minimal RFC 3986 absolute-URI check (stands in for ``rfc3987``)."""
    if not isinstance(value, str):
        return True
    match = _URI.fullmatch(value)
    if match is None:
        return False
    # "http://" with no host is not a usable URI.
    return match["authority"] is None or match["authority"] != ""


def _is_date_time(value: object) -> bool:
    """RFC 3339 date-time check (stands in for ``rfc3339-validator``)."""
    if not isinstance(value, str):
        return True
    if _DATE_TIME.fullmatch(value) is None:
        return False
    try:
        datetime.fromisoformat(value.upper())
    except ValueError:
        return False
    return True


def _format_checker() -> FormatChecker:
    """jsonschema's checker, with stand-ins for formats whose extra packages are missing."""
    checker = FormatChecker()
    if "uri" not in checker.checkers:
        checker.checks("uri")(_is_uri)
    if "date-time" not in checker.checkers:
        checker.checks("date-time")(_is_date_time)
    return checker


@cache
def _registry() -> Registry[Any]:
    """One registry for all kinds; files are read lazily and parsed once."""
    return Registry(retrieve=_retrieve)  # type: ignore[call-arg]


@cache
def _validator(kind: str) -> Draft202012Validator:
    """Build (once per kind) the validator for a response kind."""
    if kind not in KINDS:
        raise ValueError(f"unknown ORUK response kind {kind!r}; expected one of {sorted(KINDS)}")
    require_standards()
    return Draft202012Validator(
        _schema_for(kind), registry=_registry(), format_checker=_format_checker()
    )


def _sort_key(error: ValidationError) -> tuple[tuple[int, int, str], ...]:
    """Order errors by JSON path (list indexes numerically, keys by name).

    Errors at the same path keep the schema's order (e.g. required keys as listed).
    """
    return tuple(
        (0, step, "") if isinstance(step, int) else (1, 0, str(step)) for step in error.path
    )


def _describe(error: ValidationError) -> str:
    message = error.message
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 3] + "..."
    return f"{error.json_path}: {message}"


def _errors(validator: Draft202012Validator, payload: object) -> list[str]:
    described: list[str] = []
    for error in sorted(validator.iter_errors(payload), key=_sort_key):
        text = _describe(error)
        # The OpenAPI Page and our strict overlay can report the same type error twice.
        if text not in described:
            described.append(text)
    return described


def validate(kind: str, payload: object) -> list[str]:
    """Schema errors for a response body of ``kind``, as "JSON path: message"; [] if valid."""
    return _errors(_validator(kind), payload)


@cache
def _openapi_validator(openapi_url: str, path: str) -> Draft202012Validator:
    require_standards()
    return Draft202012Validator(
        _response_ref(openapi_url, path), registry=_registry(), format_checker=_format_checker()
    )


def openapi_errors(path: str, payload: object, *, openapi_url: str = OPENAPI_URL) -> list[str]:
    """Errors against the literal 200 schema of ``GET path`` in an OpenAPI, with no corrections.

    For showing spec defects; use ``validate`` for real checks.
    """
    return _errors(_openapi_validator(openapi_url, path), payload)


def _int(page: dict[str, Any], key: str) -> int | None:
    value = page.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _flag(page: dict[str, Any], key: str) -> bool | None:
    value = page.get(key)
    return value if isinstance(value, bool) else None


def page_errors(
    payload: object, *, page: int | None = None, per_page: int | None = None
) -> list[str]:
    """Pagination consistency problems in a list response; [] if none.

    These mirror the validator's non-schema list checks ("Item count", "Items per page",
    "First page flag") plus plain arithmetic on the Page keys. Pass the ``page``/``per_page``
    that were requested, if any. Keys with missing or wrong types are left to ``validate``.
    """
    if not isinstance(payload, dict) or not isinstance(payload.get("contents"), list):
        return []
    count = len(payload["contents"])
    total, pages = _int(payload, "total_items"), _int(payload, "total_pages")
    number, size = _int(payload, "page_number"), _int(payload, "size")
    first, last = _flag(payload, "first_page"), _flag(payload, "last_page")
    empty = _flag(payload, "empty")
    problems: list[str] = []

    if size is not None and size != count:
        problems.append(f"size is {size} but contents has {count} item(s)")
    if empty is not None and empty != (count == 0):
        problems.append(f"empty is {empty} but contents has {count} item(s)")
    if total is not None and total < count:
        problems.append(f"total_items is {total} but contents has {count} item(s)")
    if total is not None and pages is not None:
        if (total == 0 and pages > 1) or (total > 0 and not 1 <= pages <= total):
            problems.append(f"total_pages is {pages} for {total} item(s)")
        if per_page and total > 0 and pages != math.ceil(total / per_page):
            problems.append(f"total_pages is {pages} for {total} item(s) at {per_page} per page")
    if number is not None:
        if page is not None and number != page:
            problems.append(f"page_number is {number} when page {page} was requested")
        if first is not None and first != (number == 1):
            problems.append(f"first_page is {first} when page_number is {number}")
        if last is not None and pages is not None and last != (number >= pages):
            problems.append(f"last_page is {last} when page_number is {number} of {pages}")
    if page is not None and first is not None and first != (page == 1):
        problems.append(f"first_page is {first} when page {page} was requested")
    if per_page is not None:
        if count > per_page:
            problems.append(f"{count} item(s) returned when {per_page} were requested")
        elif last is False and count != per_page:
            problems.append(
                f"{count} item(s) returned on a non-last page when {per_page} were requested"
            )
    return problems


def validation_level(
    kind: str, payload: object, *, page: int | None = None, per_page: int | None = None
) -> Level:
    """Grade one response as the validator would: "pass", "warn" or "fail".

    Any schema or pagination problem is an error on a basic endpoint (fails the feed) and a
    warning anywhere else; see the module docstring for the sources.
    """
    problems = validate(kind, payload)
    if kind in LIST_KINDS:
        problems += page_errors(payload, page=page, per_page=per_page)
    if not problems:
        return "pass"
    return "fail" if kind in BASIC_KINDS else "warn"


def feed_level(levels: Iterable[Level] | Mapping[str, object]) -> Level:
    """Overall grade: the worst of several levels, or of ``{kind: payload}`` responses."""
    if isinstance(levels, Mapping):
        levels = [validation_level(kind, payload) for kind, payload in levels.items()]
    order: list[Level] = ["pass", "warn", "fail"]
    return max(levels, key=order.index, default="pass")
