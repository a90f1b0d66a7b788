"""One nested HSDS 3.0 service object, checked and turned into rows, without the database.

A record we cannot use safely (no id, no name, an unknown status, an age range we cannot
read) is rejected with the field and the reason. A field we cannot use but can do without
(an email that is not an email, say) is dropped with a warning, so the rest is kept.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import html
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.html import strip_tags

from signpost.directory.models.services import ServiceStatus

LOCATION_TYPES = {"physical", "postal", "virtual"}
PHONE_TYPES = {"voice", "text", "textphone", "fax", "cell", "video", "pager"}
_email_ok = EmailValidator()
_url_ok = URLValidator(schemes=["http", "https"])

Warn = Callable[[str, str], None]


class RecordRejected(Exception):
    """One record cannot be imported; says which field and why."""

    def __init__(self, field_name: str, reason: str) -> None:
        super().__init__(f"{field_name}: {reason}")
        self.field_name = field_name
        self.reason = reason


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
class LocationData:
    id: uuid.UUID
    fields: dict[str, Any] | None  # None: only referred to by id, must already exist
    organisation_id: uuid.UUID | None = None
    addresses: list[dict[str, Any]] = field(default_factory=list)
    accessibility: list[dict[str, Any]] = field(default_factory=list)


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


def fingerprint(record: dict) -> str:
    """A digest of the record as given: the same feed twice gives the same digest."""
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def label_for(position: int, record: Any) -> str:
    if isinstance(record, dict) and record.get("name"):
        return f"record {position} ({str(record['name'])[:60]})"
    return f"record {position}"


# --- field readers ------------------------------------------------------------------------


def uuid_of(value: Any, field_name: str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        raise RecordRejected(field_name, f"{value!r} is not a valid id (a UUID)") from None


def _optional_uuid(value: Any, field_name: str, warn: Warn) -> uuid.UUID | None:
    if value in (None, ""):
        return None
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        warn(field_name, f"{str(value)[:60]!r} is not a valid id, so it was left out")
        return None


def _age(value: Any, field_name: str) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 130:
        raise RecordRejected(field_name, f"{value!r} is not an age between 0 and 130")
    return value


def _date(value: Any, field_name: str, warn: Warn) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        parsed = parse_date(str(value)[:10])
    except ValueError:
        parsed = None
    if parsed is None:
        warn(field_name, f"{str(value)[:40]!r} is not a date (YYYY-MM-DD), so it was left out")
    return parsed


def _time(value: Any, field_name: str, warn: Warn) -> dt.time | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        parsed = parse_time(text[:8])
    except ValueError:
        parsed = None
    if parsed is None:
        warn(field_name, f"{text[:40]!r} is not a time (HH:MM), so it was left out")
    return parsed


def _timestamp(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = parse_datetime(str(value))
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def _number(value: Any, field_name: str, warn: Warn) -> decimal.Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = decimal.Decimal(str(value))
    except decimal.InvalidOperation:
        number = None
    if isinstance(value, bool) or number is None or not number.is_finite() or number < 0:
        warn(field_name, f"{str(value)[:40]!r} is not an amount of money, so it was left out")
        return None
    return number.quantize(decimal.Decimal("0.01"))


def _coordinate(value: Any, limit: int, field_name: str, warn: Warn) -> decimal.Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = decimal.Decimal(str(value))
    except decimal.InvalidOperation:
        number = None
    if isinstance(value, bool) or number is None or not -limit <= number <= limit:
        warn(field_name, f"{str(value)[:40]!r} is not a valid coordinate, so it was left out")
        return None
    return number.quantize(decimal.Decimal("0.000001"))


def _whole(value: Any, field_name: str, warn: Warn) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 32767:
        warn(field_name, f"{str(value)[:40]!r} is not a whole number, so it was left out")
        return None
    return value


_HTML_TAG = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);"
)
_LINE_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6]|tr|ul|ol)>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"<li(?:\s[^<>]*)?>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when text holds tags or character entities."""
    return _HTML_TAG.search(text) is not None


def html_to_text(text: str) -> str:
    """HTML as plain text: a line for each paragraph, line break or list item; no tags."""
    text = _LIST_ITEM.sub("\n", _LINE_BREAK.sub("\n", text))
    text = html.unescape(strip_tags(text)).replace("\xa0", " ")
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


class Reader:
    """Reads one object's fields, reporting problems under a dotted field path."""

    def __init__(self, data: dict, path: str, warn: Warn) -> None:
        self.data = data
        self.path = path
        self._warn = warn

    def name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def warn(self, key: str, reason: str) -> None:
        self._warn(self.name(key), reason)

    def text(
        self, key: str, limit: int | None = None, *, fallback: str = "", markup: bool = True
    ) -> str:
        """The field as plain text; with `markup`, HTML (as many feeds send) becomes text."""
        value = self.data.get(key)
        if value is None or value == "":
            value = self.data.get(fallback) if fallback else None
        if value is None:
            return ""
        if isinstance(value, dict | list):
            self.warn(key, "is not text, so it was left out")
            return ""
        text = str(value).strip()
        if markup and looks_like_html(text):
            text = html_to_text(text)
            self.warn(key, "held HTML, which was turned into plain text")
        if limit and len(text) > limit:
            self.warn(key, f"is longer than {limit} characters, so it was cut short")
            text = text[:limit]
        return text

    def email(self, key: str) -> str:
        text = self.text(key, 254, markup=False)
        if not text:
            return ""
        try:
            _email_ok(text)
        except ValidationError:
            self.warn(key, f"{text[:60]!r} is not an email address, so it was left out")
            return ""
        return text

    def url(self, key: str) -> str:
        text = self.text(key, markup=False)
        if not text:
            return ""
        if "://" not in text and "." in text and " " not in text:
            text = "https://" + text  # "www.example.org" is how people write web addresses
        try:
            if len(text) > 500:
                raise ValidationError("too long")
            _url_ok(text)
        except ValidationError:
            self.warn(key, f"{text[:60]!r} is not a web address, so it was left out")
            return ""
        return text

    def choice(self, key: str, allowed: set[str], default: str = "") -> str:
        text = self.text(key).lower()
        if text and text not in allowed:
            self.warn(key, f"{text[:40]!r} is not one of {', '.join(sorted(allowed))}")
            return default
        return text or default

    def items(self, key: str) -> list[dict]:
        value = self.data.get(key)
        if value in (None, ""):
            return []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise RecordRejected(self.name(key), "is not a list of objects")
        return value

    def child_id(self, data: dict, key: str) -> uuid.UUID:
        return uuid_of(data.get("id"), f"{self.name(key)}.id")


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
    name = r.text("name", 255)
    if not name:
        raise RecordRejected("name", "is missing")
    status = r.text("status").lower() or ServiceStatus.ACTIVE
    if status not in ServiceStatus.values:
        raise RecordRejected(
            "status", f"{status!r} is not one of {', '.join(ServiceStatus.values)}"
        )
    minimum, maximum = (
        _age(record.get("minimum_age"), "minimum_age"),
        _age(record.get("maximum_age"), "maximum_age"),
    )
    if minimum is not None and maximum is not None and minimum > maximum:
        raise RecordRejected("maximum_age", "is below minimum_age")

    organisation_id, organisation, parent_id = _organisation(record, warn)
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
        "assured_date": _date(record.get("assured_date"), "assured_date", warn),
        "assurer_email": r.email("assurer_email"),
        "alert": r.text("alert"),
        "referral_criteria": r.text("x_referral_criteria"),
        "professional_referral": r.text("x_professional_referral"),
    }
    links, locations, link_schedules = _links(r, warn)
    children = _children(r, warn)
    children["schedules"] = _schedules_with_places(
        children["schedules"], link_schedules, links, warn
    )
    parsed = ParsedService(
        label=label,
        id=service_id,
        fingerprint=fingerprint(record),
        fields=fields,
        last_modified=_timestamp(record.get("last_modified")),
        organisation_id=organisation_id,
        organisation=organisation,
        parent_organisation_id=parent_id,
        children=children,
        attributes=_attributes(r, warn),
        links=links,
        locations=locations,
    )
    _check_quality(record, parsed, warn)
    return parsed


def _organisation(
    record: dict, warn: Warn
) -> tuple[uuid.UUID, dict[str, Any] | None, uuid.UUID | None]:
    nested = record.get("organization")
    if nested is not None and not isinstance(nested, dict):
        raise RecordRejected("organization", "is not an object")
    nested = nested or {}
    org_id = nested.get("id") or record.get("organization_id")
    if not org_id:
        raise RecordRejected("organization_id", "is missing")
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
    parent = _optional_uuid(
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
        if (row := _schedule(r, "schedules", item, order, warn)) is not None
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
            "amount": _number(cost.get("amount"), "cost_options.amount", warn),
            "amount_description": c.text("amount_description", 255),
            "valid_from": _date(cost.get("valid_from"), "cost_options.valid_from", warn),
            "valid_to": _date(cost.get("valid_to"), "cost_options.valid_to", warn),
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


def _schedule(r: Reader, key: str, item: dict, order: int, warn: Warn) -> dict[str, Any] | None:
    s = Reader(item, r.name(key), warn)
    freq = s.text("freq").upper()
    if freq and freq not in {"WEEKLY", "MONTHLY"}:
        s.warn("freq", f"{freq!r} is not WEEKLY or MONTHLY, so the opening hours were left out")
        return None
    return {
        "id": r.child_id(item, key),
        "sort_order": order,
        "service_at_location_id": _optional_uuid(
            item.get("service_at_location_id"), s.name("service_at_location_id"), warn
        ),
        "freq": freq,
        "interval": _whole(item.get("interval"), s.name("interval"), warn),
        "byday": s.text("byday", 60).upper(),
        "bymonthday": s.text("bymonthday", 60),
        "opens_at": _time(item.get("opens_at"), s.name("opens_at"), warn),
        "closes_at": _time(item.get("closes_at"), s.name("closes_at"), warn),
        "valid_from": _date(item.get("valid_from"), s.name("valid_from"), warn),
        "valid_to": _date(item.get("valid_to"), s.name("valid_to"), warn),
        "dtstart": _date(item.get("dtstart"), s.name("dtstart"), warn),
        "until": _date(item.get("until"), s.name("until"), warn),
        "timezone": s.text("timezone", 40),
        "wkst": s.text("wkst", 2).upper(),
        "description": s.text("description"),
        "notes": s.text("notes"),
        "attending_type": s.text("attending_type", 60),
        "schedule_link": s.url("schedule_link"),
    }


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
        id=_optional_uuid(data.get("id"), "attributes.taxonomy_term.id", warn),
        code=t.text("code", 120),
        name=t.text("name", 255),
        description=t.text("description"),
        term_uri=t.url("term_uri"),
        language=t.text("language", 20),
        parent_id=_optional_uuid(data.get("parent_id"), "attributes.taxonomy_term.parent_id", warn),
        taxonomy_id=_optional_uuid(
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


# Parts HSDS 3.0 allows on a service at location or a location that we have no home for
# (ORUK 3.0 drops them too). Dropping them quietly would lose a feed's data unseen.
_UNKEPT_LINK_PARTS = ("phones", "contacts")
_UNKEPT_LOCATION_PARTS = ("phones", "contacts", "schedules", "languages")


def _links(
    r: Reader, warn: Warn
) -> tuple[list[dict[str, Any]], list[LocationData], list[dict[str, Any]]]:
    """The service's places, and the opening hours given for it at one of them."""
    links, locations, schedules = [], [], []
    for order, link in enumerate(r.items("service_at_locations")):
        nested = link.get("location")
        if nested is not None and not isinstance(nested, dict):
            raise RecordRejected("service_at_locations.location", "is not an object")
        nested = nested or {}
        location_id = uuid_of(
            nested.get("id") or link.get("location_id"), "service_at_locations.location_id"
        )
        here = Reader(link, "service_at_locations", warn)
        link_id = r.child_id(link, "service_at_locations")
        links.append(
            {
                "id": link_id,
                "sort_order": order,
                "location_id": location_id,
                "description": here.text("description"),
            }
        )
        for position, item in enumerate(here.items("schedules")):
            row = _schedule(here, "schedules", item, position, warn)
            if row is not None:
                schedules.append({**row, "service_at_location_id": link_id})
        _warn_unkept(here, _UNKEPT_LINK_PARTS, "this service at this place")
        _warn_unkept(Reader(nested, "location", warn), _UNKEPT_LOCATION_PARTS, "a place")
        locations.append(_location(location_id, nested, warn))
    return links, locations, schedules


def _warn_unkept(r: Reader, keys: tuple[str, ...], owner: str) -> None:
    for key in keys:
        if r.data.get(key):
            r.warn(key, f"{key} given for {owner} are not kept, so they were left out")


def _schedules_with_places(
    own: list[dict[str, Any]],
    at_places: list[dict[str, Any]],
    links: list[dict[str, Any]],
    warn: Warn,
) -> list[dict[str, Any]]:
    """The service's opening hours, each knowing the place it is for, if any.

    ORUK 3.0 lists them all on the service, a place's marked with `service_at_location_id`;
    HSDS 3.0 and ORUK 1.0 may nest them under the place. A tabular package does both for the
    same row, so a row met twice is kept once."""
    link_ids = {link["id"] for link in links}
    rows: dict[uuid.UUID, dict[str, Any]] = {}
    for row in own:
        if row["service_at_location_id"] not in (None, *link_ids):
            warn(
                "schedules.service_at_location_id",
                "is not one of this service's places, so the hours are kept for the service",
            )
            row = {**row, "service_at_location_id": None}
        rows.setdefault(row["id"], row)
    for row in at_places:
        if row["id"] in rows:
            rows[row["id"]]["service_at_location_id"] = row["service_at_location_id"]
        else:
            rows[row["id"]] = {**row, "sort_order": len(rows)}
    return list(rows.values())


def _location(location_id: uuid.UUID, data: dict, warn: Warn) -> LocationData:
    if not data.get("location_type") and not data.get("name"):
        return LocationData(location_id, None)
    loc = Reader(data, "location", warn)
    location_type = loc.text("location_type").lower() or "physical"
    if location_type not in LOCATION_TYPES:
        raise RecordRejected("location.location_type", f"{location_type!r} is not known")
    fields = {
        "location_type": location_type,
        "name": loc.text("name", 255),
        "alternate_name": loc.text("alternate_name", 255),
        "description": loc.text("description"),
        "transportation": loc.text("transportation"),
        "url": loc.url("url"),
        "latitude": _coordinate(data.get("latitude"), 90, "location.latitude", warn),
        "longitude": _coordinate(data.get("longitude"), 180, "location.longitude", warn),
        "external_identifier": loc.text("external_identifier", 120),
        "external_identifier_type": loc.text("external_identifier_type", 120),
        "hide_address": bool(data.get("x_hide_address")),
    }
    addresses = []
    for order, item in enumerate(loc.items("addresses")):
        a = Reader(item, "location.addresses", warn)
        address_1, city = a.text("address_1", 255), a.text("city", 120)
        if not (address_1 or city or a.text("postal_code")):
            a.warn("address_1", "the address is empty, so it was left out")
            continue
        addresses.append(
            {
                "id": uuid_of(item.get("id"), "location.addresses.id"),
                "sort_order": order,
                "attention": a.text("attention", 255),
                "address_1": address_1,
                "address_2": a.text("address_2", 255),
                "city": city,
                "region": a.text("region", 120),
                "state_province": a.text("state_province", 120),
                "postal_code": a.text("postal_code", 20).upper(),
                "country": (a.text("country", 2) or "GB").upper(),
                "address_type": a.choice("address_type", LOCATION_TYPES, "physical"),
            }
        )
    accessibility = [
        {
            "id": uuid_of(item.get("id"), "location.accessibility.id"),
            "sort_order": order,
            "description": (x := Reader(item, "location.accessibility", warn)).text(
                "description", fallback="accessibility"
            ),
            "details": x.text("details"),
            "url": x.url("url"),
        }
        for order, item in enumerate(loc.items("accessibility"))
    ]
    return LocationData(
        location_id,
        fields,
        _optional_uuid(data.get("organization_id"), "location.organization_id", warn),
        addresses,
        accessibility,
    )


def _check_quality(record: dict, parsed: ParsedService, warn: Warn) -> None:
    if not parsed.fields["assured_date"]:
        warn("assured_date", "no review date: nobody has said when these details were checked")
    if not (parsed.children["phones"] or parsed.fields["email"] or parsed.fields["url"]):
        warn("phones", "no phone number, email or website: people cannot get in touch")
    if not parsed.fields["description"]:
        warn("description", "no description: people cannot tell what the service offers")
