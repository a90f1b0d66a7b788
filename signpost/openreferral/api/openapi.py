"""Our own OpenAPI 3.0 document: exactly what this API serves, self-contained (no remote refs).

It follows the ORUK 3.0 API description, and describes the objects as we write them: the
HSDS 3.0 superset of the UK profile. Schemathesis tests the API against this document.
"""

from __future__ import annotations

from typing import Any

from .params import DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE


def _s(kind: str, **extra: Any) -> dict[str, Any]:
    return {"type": kind, **extra}


_UUID = _s("string", format="uuid")
_TEXT = _s("string")
_URI = _s("string", format="uri")
_DATE = _s("string", format="date")
_AGE = _s("integer", minimum=0, maximum=130)


def _obj(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": properties}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _list(name: str) -> dict[str, Any]:
    return {"type": "array", "items": _ref(name)}


SCHEMAS: dict[str, Any] = {
    "Error": _obj(
        ["status", "error", "message"],
        {
            "status": _s("integer"),
            "error": _TEXT,
            "message": _TEXT,
            "parameter": _TEXT,
        },
    ),
    "ApiDetails": _obj(
        ["version", "profile", "openapi_url"],
        {"version": _s("string", enum=["HSDS-UK-3.0"]), "profile": _URI, "openapi_url": _URI},
    ),
    "Taxonomy": _obj(
        ["id", "name", "description"],
        {"id": _UUID, "name": _TEXT, "description": _TEXT, "uri": _URI, "version": _TEXT},
    ),
    "TaxonomyTerm": _obj(
        ["id", "name", "description"],
        {
            "id": _UUID,
            "code": _TEXT,
            "name": _TEXT,
            "term": _TEXT,
            "description": _TEXT,
            "parent_id": _UUID,
            "taxonomy": _TEXT,
            "taxonomy_id": _UUID,
            "language": _TEXT,
            "term_uri": _URI,
            "taxonomy_detail": _ref("Taxonomy"),
        },
    ),
    "Attribute": _obj(
        ["id"],
        {
            "id": _UUID,
            "link_id": _UUID,
            "link_type": _TEXT,
            "link_entity": _TEXT,
            "value": _TEXT,
            "taxonomy_term_id": _UUID,
            "taxonomy_term": _ref("TaxonomyTerm"),
        },
    ),
    "Organization": _obj(
        ["id", "name", "description"],
        {
            "id": _UUID,
            "name": _TEXT,
            "alternate_name": _TEXT,
            "description": _TEXT,
            "email": _s("string", format="email"),
            "website": _URI,
            "uri": _URI,
            "parent_organization_id": _UUID,
        },
    ),
    "OrganizationWithServices": {
        "allOf": [
            _ref("Organization"),
            {"type": "object", "properties": {"services": _list("ServiceSummary")}},
        ]
    },
    "Address": _obj(
        ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
        {
            "id": _UUID,
            "location_id": _UUID,
            "attention": _TEXT,
            "address_1": _TEXT,
            "address_2": _TEXT,
            "city": _TEXT,
            "region": _TEXT,
            "state_province": _TEXT,
            "postal_code": _TEXT,
            "country": _TEXT,
            "address_type": _s("string", enum=["physical", "postal", "virtual"]),
        },
    ),
    "Accessibility": _obj(
        ["id"],
        {
            "id": _UUID,
            "location_id": _UUID,
            "description": _TEXT,
            "details": _TEXT,
            "url": _URI,
        },
    ),
    "Location": _obj(
        ["id", "location_type"],
        {
            "id": _UUID,
            "location_type": _s("string", enum=["physical", "postal", "virtual"]),
            "url": _URI,
            "organization_id": _UUID,
            "name": _TEXT,
            "alternate_name": _TEXT,
            "description": _TEXT,
            "transportation": _TEXT,
            "latitude": _s("number", minimum=-90, maximum=90),
            "longitude": _s("number", minimum=-180, maximum=180),
            "external_identifier": _TEXT,
            "external_identifier_type": _TEXT,
            "addresses": _list("Address"),
            "x_hide_address": _s(
                "boolean",
                description="Signpost extension: the address is private and is left out.",
            ),
            "accessibility": _list("Accessibility"),
        },
    ),
    "Phone": _obj(
        ["id", "number"],
        {
            "id": _UUID,
            "service_id": _UUID,
            "number": _TEXT,
            "extension": _TEXT,
            "type": _TEXT,
            "description": _TEXT,
        },
    ),
    "Schedule": _obj(
        ["id"],
        {
            "id": _UUID,
            "service_id": _UUID,
            "service_at_location_id": _s(
                "string", format="uuid", description="The place these hours are for, if one."
            ),
            "valid_from": _DATE,
            "valid_to": _DATE,
            "dtstart": _DATE,
            "until": _DATE,
            "timezone": _TEXT,
            "wkst": _TEXT,
            "freq": _s("string", enum=["WEEKLY", "MONTHLY"]),
            "interval": _s("integer", minimum=0),
            "byday": _TEXT,
            "bymonthday": _TEXT,
            "opens_at": _TEXT,
            "closes_at": _TEXT,
            "description": _TEXT,
            "notes": _TEXT,
            "attending_type": _TEXT,
            "schedule_link": _URI,
        },
    ),
    "ServiceArea": _obj(
        ["id"],
        {
            "id": _UUID,
            "service_id": _UUID,
            "name": _TEXT,
            "description": _TEXT,
            "extent": _TEXT,
            "extent_type": _TEXT,
            "uri": _URI,
        },
    ),
    "Language": _obj(
        ["id"],
        {"id": _UUID, "service_id": _UUID, "name": _TEXT, "code": _TEXT, "note": _TEXT},
    ),
    "CostOption": _obj(
        ["id"],
        {
            "id": _UUID,
            "service_id": _UUID,
            "service_at_location_id": _s(
                "string", format="uuid", description="The place these hours are for, if one."
            ),
            "valid_from": _DATE,
            "valid_to": _DATE,
            "option": _TEXT,
            "currency": _TEXT,
            "amount": _s("number", minimum=0),
            "amount_description": _TEXT,
        },
    ),
    "Contact": _obj(
        ["id"],
        {
            "id": _UUID,
            "service_id": _UUID,
            "name": _TEXT,
            "title": _TEXT,
            "department": _TEXT,
            "email": _s("string", format="email"),
            "phones": {
                "type": "array",
                "items": _obj(["id", "number"], {"id": _UUID, "number": _TEXT}),
            },
        },
    ),
    "ServiceSummary": _obj(
        ["id", "name", "status"],
        {
            "id": _UUID,
            "organization_id": _UUID,
            "name": _TEXT,
            "alternate_name": _TEXT,
            "description": _TEXT,
            "url": _URI,
            "email": _s("string", format="email"),
            "status": _s("string", enum=["active", "inactive", "defunct", "temporarily closed"]),
            "interpretation_services": _TEXT,
            "application_process": _TEXT,
            "fees_description": _TEXT,
            "fees": _TEXT,
            "wait_time": _TEXT,
            "accreditations": _TEXT,
            "eligibility_description": _TEXT,
            "minimum_age": _AGE,
            "maximum_age": _AGE,
            "assured_date": _DATE,
            "assurer_email": _s("string", format="email"),
            "alert": _TEXT,
            "last_modified": _s("string", format="date-time"),
            "x_referral_criteria": _s(
                "string", description="Signpost extension: who the service accepts."
            ),
            "x_professional_referral": _s(
                "string", description="Signpost extension: how professionals refer."
            ),
            "organization": _ref("Organization"),
        },
    ),
    "Service": {
        "allOf": [
            _ref("ServiceSummary"),
            {
                "type": "object",
                "properties": {
                    "phones": _list("Phone"),
                    "schedules": _list("Schedule"),
                    "service_areas": _list("ServiceArea"),
                    "service_at_locations": _list("ServiceAtLocationOfService"),
                    "languages": _list("Language"),
                    "cost_options": _list("CostOption"),
                    "contacts": _list("Contact"),
                    "attributes": _list("Attribute"),
                },
            },
        ]
    },
    "ServiceAtLocationOfService": _obj(
        ["id", "location_id", "location"],
        {
            "id": _UUID,
            "service_id": _UUID,
            "location_id": _UUID,
            "description": _TEXT,
            "location": _ref("Location"),
        },
    ),
    "ServiceAtLocation": _obj(
        ["id", "service_id", "location_id", "service", "location"],
        {
            "id": _UUID,
            "service_id": _UUID,
            "location_id": _UUID,
            "description": _TEXT,
            "service": _ref("ServiceSummary"),
            "location": _ref("Location"),
        },
    ),
    "ServiceAtLocationFull": {
        "allOf": [
            _ref("ServiceAtLocation"),
            {"type": "object", "properties": {"service": _ref("Service")}},
        ]
    },
}


def _page_of(item: str) -> dict[str, Any]:
    return _obj(
        [
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents",
        ],
        {
            "total_items": _s("integer", minimum=0),
            "total_pages": _s("integer", minimum=0),
            "page_number": _s("integer", minimum=1),
            "size": _s("integer", minimum=0),
            "first_page": _s("boolean"),
            "last_page": _s("boolean"),
            "empty": _s("boolean"),
            "contents": _list(item),
        },
    )


def _query(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    # Every parameter given empty (`?taxonomy_id=`, as forms send) counts as not given.
    return {
        "name": name,
        "in": "query",
        "required": False,
        "allowEmptyValue": True,
        "schema": schema,
        "description": description,
    }


_PAGING = [
    _query("page", _s("integer", minimum=1, maximum=MAX_PAGE, default=1), "Page number, from 1."),
    _query(
        "per_page",
        _s("integer", minimum=1, maximum=MAX_PER_PAGE, default=DEFAULT_PER_PAGE),
        f"Results per page, up to {MAX_PER_PAGE}.",
    ),
]

_SERVICE_FILTERS = [
    _query("search", _TEXT, "Words to search for; results come in relevance order."),
    _query("taxonomy_term_id", _UUID, "Only services with this taxonomy term."),
    _query("taxonomy_id", _UUID, "Only services with any term from this taxonomy."),
    _query("organization_id", _UUID, "Only services of this organisation."),
    _query("minimum_age", _AGE, "Only services whose age range reaches this age or older."),
    _query("maximum_age", _AGE, "Only services whose age range reaches this age or younger."),
    _query(
        "day",
        _s(
            "string",
            enum=[
                "MO",
                "TU",
                "WE",
                "TH",
                "FR",
                "SA",
                "SU",
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
            ],
        ),
        "Only services open on this day.",
    ),
    _query(
        "start_time",
        _s("string", pattern="^([01][0-9]|2[0-3]):[0-5][0-9]$"),
        "HH:MM: only services open at some time from then (to end_time, or midnight).",
    ),
    _query(
        "end_time",
        _s("string", pattern="^([01][0-9]|2[0-3]):[0-5][0-9]$"),
        "HH:MM: only services open at some time before then. Before start_time, the window "
        "runs past midnight; equal to it, the services open at that moment.",
    ),
    _query(
        "modified_after",
        _s("string", format="date-time"),
        "Only services changed at or after this moment.",
    ),
    _query(
        "location",
        _TEXT,
        "Signpost extension: anywhere in the UK, as the public search understands it: a "
        "town or village, a council area, a postcode district or a full postcode. Keeps "
        "services that cover it (or, for an area, a place inside it), plus national, phone "
        "and online ones. A name several places share means any of them; a place we do not "
        "know keeps only national, phone and online services; a postcode that does not exist "
        "is a 400.",
    ),
]

_POSTCODE = [
    _query(
        "postcode",
        _s("string", pattern=r"^\s*[A-Za-z]{1,2}[0-9][0-9A-Za-z]?\s*([0-9][A-Za-z]{2})?\s*$"),
        "A UK postcode or postcode district; services that cover it. A 400 when the "
        "district does not exist.",
    ),
    _query(
        "proximity",
        _s("number", minimum=0, exclusiveMinimum=True, maximum=1_000_000),
        "With postcode: only locations (on /services, services with a location) within this "
        "many metres of it (measured from the full postcode when a location has it, else the "
        "middle of its district). Ignored without postcode.",
    ),
]

_ERRORS = {
    "400": {
        "description": "A parameter could not be used; the error names it.",
        "content": {"application/json": {"schema": _ref("Error")}},
    },
}
_NOT_FOUND = {
    "404": {
        "description": "No such id.",
        "content": {"application/json": {"schema": _ref("Error")}},
    }
}


def _ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "200": {"description": description, "content": {"application/json": {"schema": schema}}}
    }


def _get(
    operation_id: str,
    summary: str,
    response: dict[str, Any],
    parameters: list[dict[str, Any]] | None = None,
    *,
    by_id: bool = False,
) -> dict[str, Any]:
    params = list(parameters or [])
    if by_id:
        params.insert(0, {"name": "id", "in": "path", "required": True, "schema": _s("string")})
    responses = {**response, **_ERRORS, **(_NOT_FOUND if by_id else {})}
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": params,
            "responses": responses,
        }
    }


def document(server_url: str) -> dict[str, Any]:
    """The OpenAPI document, with the server this API is served from."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Signpost Open Referral UK API",
            "version": "3.0",
            "description": "Open Referral UK 3.0 (HSDS 3.0 UK profile): public, read-only, no key.",
        },
        "servers": [{"url": server_url.rstrip("/")}],
        "paths": {
            "/": _get(
                "getApiDetails", "About this API", _ok("Version and profile", _ref("ApiDetails"))
            ),
            "/services": _get(
                "getServices",
                "Services",
                _ok("A page of services", _page_of("ServiceSummary")),
                [*_PAGING, *_SERVICE_FILTERS, *_POSTCODE],
            ),
            "/services/{id}": _get(
                "getServiceById",
                "One service, fully nested",
                _ok("A service", _ref("Service")),
                by_id=True,
            ),
            "/service_at_locations": _get(
                "getServiceAtLocations",
                "Services at locations",
                _ok("A page of services at locations", _page_of("ServiceAtLocation")),
                [*_PAGING, *_SERVICE_FILTERS, *_POSTCODE],
            ),
            "/service_at_locations/{id}": _get(
                "getServiceAtLocationById",
                "One service at a location, with the service fully nested",
                _ok("A service at a location", _ref("ServiceAtLocationFull")),
                by_id=True,
            ),
            "/organizations": _get(
                "getOrganizations",
                "Organisations",
                _ok("A page of organisations", _page_of("Organization")),
                _PAGING,
            ),
            "/organizations/{id}": _get(
                "getOrganizationById",
                "One organisation with its services",
                _ok("An organisation", _ref("OrganizationWithServices")),
                by_id=True,
            ),
            "/taxonomies": _get(
                "getTaxonomies",
                "Taxonomies",
                _ok("A page of taxonomies", _page_of("Taxonomy")),
                _PAGING,
            ),
            "/taxonomies/{id}": _get(
                "getTaxonomyById", "One taxonomy", _ok("A taxonomy", _ref("Taxonomy")), by_id=True
            ),
            "/taxonomy_terms": _get(
                "getTaxonomyTerms",
                "Taxonomy terms",
                _ok("A page of taxonomy terms", _page_of("TaxonomyTerm")),
                [
                    *_PAGING,
                    _query("taxonomy_id", _UUID, "Only terms of this taxonomy."),
                    _query("parent_id", _UUID, "Only terms under this term."),
                    _query("top_only", _s("boolean"), "Only terms with no parent."),
                ],
            ),
            "/taxonomy_terms/{id}": _get(
                "getTaxonomyTermById",
                "One taxonomy term",
                _ok("A term", _ref("TaxonomyTerm")),
                by_id=True,
            ),
        },
        "components": {"schemas": SCHEMAS},
    }
