"""One nested HSDS 3.0 service object, checked and turned into rows, without the database.

A record we cannot use safely (no id, no name, an unknown status, an age range we cannot
read) is rejected with the field and the reason. A field we cannot use but can do without
(an email that is not an email, say) is dropped with a warning, so the rest is kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from signpost.directory.models.services import ServiceStatus

from .fields import (
    Reader,
    RecordRejected,
    Warn,
    age_of,
    date_of,
    derived_id,
    is_uuid,
    money_of,
    optional_uuid,
    timestamp_of,
    uuid_of,
)
from .where_and_when import LocationData, links_of, schedule_row, schedules_with_places

PHONE_TYPES = {"voice", "text", "textphone", "fax", "cell", "video", "pager"}


@dataclass
class TermData:
    id: uuid.UUID | None
    code: str
    name: str
    description: str
    term_uri: str
    language: str
    parent_id: uuid.UUID | None
    taxonomy_id: uuid.UUID | None
    taxonomy: dict[str, Any]  # name, description, uri, version


@dataclass
class ParsedService:
    label: str
    id: uuid.UUID
    fingerprint: str
    fields: dict[str, Any]
    last_modified: dt.datetime | None
    organisation_id: uuid.UUID
    organisation: dict[str, Any] | None  # None: only referred to by id
    parent_organisation_id: uuid.UUID | None
    children: dict[str, list[dict[str, Any]]]
    attributes: list[tuple[dict[str, Any], TermData | uuid.UUID]]
    links: list[dict[str, Any]]
    locations: list[LocationData]


def fingerprint(parsed: ParsedService) -> str:
    """A digest of what the record would write, not of how the feed spelt it.

    So a feed re-exported from the directory (other key order, defaults written out, a new
    last_modified) gives the same digest as the feed it came from, and is reported unchanged.
    """
    content = {
        "fields": parsed.fields,
        "organisation": [
            parsed.organisation_id,
            parsed.organisation,
            parsed.parent_organisation_id,
        ],
        "children": parsed.children,
        "attributes": [
            [row, term if isinstance(term, uuid.UUID) else _term_key(term)]
            for row, term in parsed.attributes
        ],
        "links": parsed.links,
        "locations": [vars(location) for location in parsed.locations],
    }
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _term_key(term: TermData) -> Any:
    """A term with an id is that term; without one, it is found by vocabulary and code."""
    return term.id or [term.taxonomy_id, term.taxonomy.get("name"), term.code, term.name]


def label_for(position: int, record: Any) -> str:
    if isinstance(record, dict) and record.get("name"):
        return f"record {position} ({str(record['name'])[:60]})"
    return f"record {position}"


# --- the service --------------------------------------------------------------------------


def parse_service(
    record: Any, label: str, warn_about: Callable[[str, str, str], None]
) -> ParsedService:
    """Check one nested service and return its rows; raises RecordRejected."""
    if not isinstance(record, dict):
        raise RecordRejected("(record)", "is not a JSON object")

    def warn(field_name: str, reason: str) -> None:
        warn_about(label, field_name, reason)

    r = Reader(record, "", warn)
    service_id = uuid_of(record.get("id"), "id")
    if not is_uuid(record.get("id")):
        warn("id", "is not a UUID, so it was given a stable one made from the feed and this id")
    name = r.text("name", 255)
    if not name:
        raise RecordRejected("name", "is missing")
    status = r.text("status").lower() or ServiceStatus.ACTIVE
    if status not in ServiceStatus.values:
        raise RecordRejected(
            "status", f"{status!r} is not one of {', '.join(ServiceStatus.values)}"
        )
    minimum, maximum = (
        age_of(record.get("minimum_age"), "minimum_age"),
        age_of(record.get("maximum_age"), "maximum_age"),
    )
    if minimum is not None and maximum is not None and minimum > maximum:
        raise RecordRejected("maximum_age", "is below minimum_age")

    organisation_id, organisation, parent_id = _organisation(record, name, warn)
    fields = {
        "name": name,
        "alternate_name": r.text("alternate_name", 255),
        "description": r.text("description"),
        "url": r.url("url"),
        "email": r.email("email"),
        "status": status,
        "interpretation_services": r.text("interpretation_services"),
        "application_process": r.text("application_process"),
        "fees_description": r.text("fees_description", fallback="fees"),
        "wait_time": r.text("wait_time", 255),
        "accreditations": r.text("accreditations"),
        "eligibility_description": r.text("eligibility_description"),
        "minimum_age": minimum,
        "maximum_age": maximum,
        "assured_date": date_of(record.get("assured_date"), "assured_date", warn),
        "assurer_email": r.email("assurer_email"),
        "alert": r.text("alert"),
        "referral_criteria": r.text("x_referral_criteria"),
        "professional_referral": r.text("x_professional_referral"),
    }
    links, locations, link_schedules = links_of(r, warn)
    children = _children(r, warn)
    children["schedules"] = schedules_with_places(
        children["schedules"], link_schedules, links, warn
    )
    parsed = ParsedService(
        label=label,
        id=service_id,
        fingerprint="",
        fields=fields,
        last_modified=timestamp_of(record.get("last_modified")),
        organisation_id=organisation_id,
        organisation=organisation,
        parent_organisation_id=parent_id,
        children=children,
        attributes=_attributes(r, warn),
        links=links,
        locations=locations,
    )
    parsed.fingerprint = fingerprint(parsed)
    _check_quality(record, parsed, warn)
    return parsed


def _organisation(
    record: dict, service_name: str, warn: Warn
) -> tuple[uuid.UUID, dict[str, Any] | None, uuid.UUID | None]:
    nested = record.get("organization")
    if nested is not None and not isinstance(nested, dict):
        raise RecordRejected("organization", "is not an object")
    nested = nested or {}
    org_id = nested.get("id") or record.get("organization_id")
    if not org_id:
        # Real feeds leave it out. Inside a feed the service still gets an organisation:
        # the one the feed names, or one named after the service, the same one every run.
        org_name = str(nested.get("name") or "").strip()[:255] or service_name
        made_up = derived_id(f"organisation:{org_name.casefold()}")
        if made_up is None:
            raise RecordRejected("organization_id", "is missing")
        warn("organization", f"is missing, so the service was given one named {org_name!r}")
        nested = {**nested, "id": str(made_up), "name": org_name}
        org_id = nested["id"]
    org_uuid = uuid_of(org_id, "organization_id")
    if not nested.get("name"):
        return org_uuid, None, None
    r = Reader(nested, "organization", warn)
    fields = {
        "name": r.text("name", 255),
        "alternate_name": r.text("alternate_name", 255),
        "description": r.text("description"),
        "email": r.email("email"),
        "website": r.url("website"),
        "uri": r.url("uri"),
    }
    parent = optional_uuid(
        nested.get("parent_organization_id"), "organization.parent_organization_id", warn
    )
    return org_uuid, fields, parent


def _children(r: Reader, warn: Warn) -> dict[str, list[dict[str, Any]]]:
    children: dict[str, list[dict[str, Any]]] = {}
    rows = []
    for order, phone in enumerate(r.items("phones")):
        p = Reader(phone, "phones", warn)
        number = p.text("number", 40)
        if not number:
            p.warn("number", "is missing, so the phone was left out")
            continue
        rows.append(
            {
                "id": r.child_id(phone, "phones"),
                "sort_order": order,
                "number": number,
                "extension": p.text("extension", 20),
                "type": p.choice("type", PHONE_TYPES),
                "description": p.text("description", 255),
            }
        )
    children["phones"] = rows
    children["schedules"] = [
        row
        for order, item in enumerate(r.items("schedules"))
        if (row := schedule_row(r, "schedules", item, order, warn)) is not None
    ]
    children["service_areas"] = [
        {
            "id": r.child_id(area, "service_areas"),
            "sort_order": order,
            "name": (a := Reader(area, "service_areas", warn)).text(
                "name", 255, fallback="service_area"
            ),
            "description": a.text("description"),
            "extent": a.text("extent"),
            "extent_type": a.text("extent_type", 40),
            "uri": a.url("uri"),
        }
        for order, area in enumerate(r.items("service_areas"))
    ]
    languages = []
    for order, item in enumerate(r.items("languages")):
        lang = Reader(item, "languages", warn)
        name = lang.text("name", 120) or lang.text("code", 12)
        if not name:
            lang.warn("name", "is missing, so the language was left out")
            continue
        languages.append(
            {
                "id": r.child_id(item, "languages"),
                "sort_order": order,
                "name": name,
                "code": lang.text("code", 12),
                "note": lang.text("note", 255),
            }
        )
    children["languages"] = languages
    children["cost_options"] = [
        {
            "id": r.child_id(cost, "cost_options"),
            "sort_order": order,
            "option": (c := Reader(cost, "cost_options", warn)).text("option", 255),
            "currency": c.text("currency", 3).upper() or "GBP",
            "amount": money_of(cost.get("amount"), "cost_options.amount", warn),
            "amount_description": c.text("amount_description", 255),
            "valid_from": date_of(cost.get("valid_from"), "cost_options.valid_from", warn),
            "valid_to": date_of(cost.get("valid_to"), "cost_options.valid_to", warn),
        }
        for order, cost in enumerate(r.items("cost_options"))
    ]
    contacts = []
    for order, item in enumerate(r.items("contacts")):
        c = Reader(item, "contacts", warn)
        phones = c.items("phones")
        contacts.append(
            {
                "id": r.child_id(item, "contacts"),
                "sort_order": order,
                "name": c.text("name", 255),
                "title": c.text("title", 255),
                "department": c.text("department", 255),
                "email": c.email("email"),
                "phone": Reader(phones[0], "contacts.phones", warn).text("number", 40)
                if phones
                else "",
                # Contacts published in an open feed are public already.
                "is_private": False,
            }
        )
    children["contacts"] = contacts
    return children


def _attributes(r: Reader, warn: Warn) -> list[tuple[dict[str, Any], TermData | uuid.UUID]]:
    found: list[tuple[dict[str, Any], TermData | uuid.UUID]] = []
    for order, item in enumerate(r.items("attributes")):
        a = Reader(item, "attributes", warn)
        term = item.get("taxonomy_term")
        if term is not None and not isinstance(term, dict):
            raise RecordRejected("attributes.taxonomy_term", "is not an object")
        row = {
            "id": r.child_id(item, "attributes"),
            "sort_order": order,
            "link_type": a.text("link_type", 60),
            "value": a.text("value", 255),
        }
        if term and term.get("name"):
            found.append((row, _term(term, warn)))
        else:
            term_id = (term or {}).get("id") or item.get("taxonomy_term_id")
            found.append((row, uuid_of(term_id, "attributes.taxonomy_term_id")))
    return found


def _term(data: dict, warn: Warn) -> TermData:
    t = Reader(data, "attributes.taxonomy_term", warn)
    given = data.get("taxonomy_detail")
    detail: dict = given if isinstance(given, dict) else {}
    d = Reader(detail, "attributes.taxonomy_term.taxonomy_detail", warn)
    taxonomy_name = d.text("name", 120) or t.text("taxonomy", 120) or "Imported terms"
    return TermData(
        id=optional_uuid(data.get("id"), "attributes.taxonomy_term.id", warn),
        code=t.text("code", 120),
        name=t.text("name", 255),
        description=t.text("description"),
        term_uri=t.url("term_uri"),
        language=t.text("language", 20),
        parent_id=optional_uuid(data.get("parent_id"), "attributes.taxonomy_term.parent_id", warn),
        taxonomy_id=optional_uuid(
            detail.get("id") or data.get("taxonomy_id"),
            "attributes.taxonomy_term.taxonomy_id",
            warn,
        ),
        taxonomy={
            "name": taxonomy_name,
            "description": d.text("description") or taxonomy_name,
            "uri": d.url("uri"),
            "version": d.text("version", 40),
        },
    )


def _check_quality(record: dict, parsed: ParsedService, warn: Warn) -> None:
    if not parsed.fields["assured_date"]:
        warn("assured_date", "no review date: nobody has said when these details were checked")
    if not (parsed.children["phones"] or parsed.fields["email"] or parsed.fields["url"]):
        warn("phones", "no phone number, email or website: people cannot get in touch")
    if not parsed.fields["description"]:
        warn("description", "no description: people cannot tell what the service offers")
