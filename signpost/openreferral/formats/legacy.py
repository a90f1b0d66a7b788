"""Convert Open Referral UK 1.0 feeds to nested HSDS 3.0 service dicts.

Many UK councils still publish ORUK 1.0: paged lists shaped ``{"content": [...],
"totalElements": ..., "totalPages": ...}`` and services with 1.0-only collections
(``regular_schedules``, ``holiday_schedules``, ``service_taxonomys``, ``eligibilitys``,
``fundings``, ``reviews``) and locations with ``physical_addresses``.

Conventions of the output (the same as ``formats.tabular``):

* ids that are not canonical UUIDs become ``uuid5(NAMESPACE, f"{kind}:{original}")``, so
  re-importing the same feed gives the same ids and different kinds never collide. Records with
  no id get one derived from their parent's id and their position.
* Empty values (``None``, ``""``, empty lists) are left out; nothing is invented.
* Taxonomy terms are ``attributes[].taxonomy_term`` with the 1.0 vocabulary as
  ``taxonomy_term.taxonomy`` (its name) and ``taxonomy_term.taxonomy_detail`` (an object).
* ``reviews`` and ``holiday_schedules`` are dropped: HSDS 3.0 has no home for reviews, and a
  holiday closure is not an opening time, so turning it into a 3.0 schedule would mislead.
"""

from __future__ import annotations

import math
import re
import uuid
from typing import Any

NAMESPACE = uuid.UUID("96a67d79-07b0-4f1c-a1ec-4651dbb7d186")

# Keys only ORUK 1.0 services have (HSDS 3.0 renamed or removed all of them).
_ORUK1_SERVICE_KEYS = frozenset(
    {
        "regular_schedules",
        "holiday_schedules",
        "service_taxonomys",
        "eligibilitys",
        "fundings",
        "reviews",
        "deliverable_type",
        "attending_type",
        "attending_access",
    }
)
_ORUK1_LOCATION_KEYS = frozenset(
    {"physical_addresses", "postal_addresses", "accessibility_for_disabilities"}
)
_PAGE_COUNTS = ("totalElements", "totalPages")

_DAYS = {
    "MO": ("monday", "mon", "mo"),
    "TU": ("tuesday", "tues", "tue", "tu"),
    "WE": ("wednesday", "weds", "wed", "we"),
    "TH": ("thursday", "thurs", "thur", "thu", "th"),
    "FR": ("friday", "fri", "fr"),
    "SA": ("saturday", "sat", "sa"),
    "SU": ("sunday", "sun", "su"),
}
_DAY_CODES = {name: code for code, names in _DAYS.items() for name in names}
_WEEK = list(_DAYS)

_UK_COUNTRIES = frozenset(
    {"uk", "u.k.", "gb", "great britain", "united kingdom", "england", "scotland", "wales"}
    | {"northern ireland"}
)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?::(\d{2})(?:\.\d+)?)?")
_DATE_PREFIX = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)")


# --- Detection -------------------------------------------------------------------------------


def is_oruk1_page(obj: Any) -> bool:
    """True for a 1.0 paged list: ``content`` (or ``contents``) plus camelCase page counts."""
    if not isinstance(obj, dict):
        return False
    items = obj.get("content", obj.get("contents"))
    return isinstance(items, list) and any(key in obj for key in _PAGE_COUNTS)


def page_items(obj: Any) -> list:
    """The records on a page: a 1.0 ``content``/``contents`` list, a 3.0 ``contents`` or a list."""
    if isinstance(obj, list):
        return obj
    if isinstance(obj, dict):
        for key in ("content", "contents"):
            if isinstance(obj.get(key), list):
                return obj[key]
    raise ValueError("This is not a page of records: it has no 'content' or 'contents' list.")


def is_oruk1_service(record: Any) -> bool:
    """True when a service record uses keys that exist only in ORUK 1.0.

    A bare 1.0 service with none of those keys looks like a 3.0 one and is treated as 3.0.
    """
    if not isinstance(record, dict) or "id" not in record:
        return False
    if _ORUK1_SERVICE_KEYS.intersection(record):
        return True
    for link in _dicts(record.get("service_at_locations")):
        location = link.get("location")
        if isinstance(location, dict) and _ORUK1_LOCATION_KEYS.intersection(location):
            return True
        if "regular_schedules" in link or "holiday_schedules" in link:
            return True
    # 1.0 languages are {"id", "language"}; 3.0 ones have name/code instead.
    return any(
        "language" in item and not {"name", "code"} & set(item)
        for item in _dicts(record.get("languages"))
    )


# --- Conversion ------------------------------------------------------------------------------


def stable_id(kind: str, original: Any) -> str:
    """The original id if it is a canonical UUID, otherwise a uuid5 stable for (kind, id)."""
    text = str(original).strip()
    if _UUID.fullmatch(text):
        return text.lower()
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{text}"))


def convert_oruk1_service(record: dict) -> dict:
    """Return the nested HSDS 3.0 service dict for one ORUK 1.0 service record."""
    service_id = _id("service", record.get("id"), "feed", 0)
    out: dict[str, Any] = {"id": service_id}
    _copy(record, out, "name", "description", "email", "status", "accreditations")
    _put(out, "url", _text(record.get("url")))
    _put(out, "fees_description", _text(record.get("fees")))
    _put(out, "assured_date", _date(record.get("assured_date")))

    organization = record.get("organization")
    if isinstance(organization, dict):
        out["organization"] = _organization(organization, service_id)

    minimums, maximums, attributes = [], [], []
    for index, item in enumerate(_dicts(record.get("eligibilitys"))):
        eligibility_id = _id("eligibility", item.get("id"), service_id, index)
        minimums.append(_number(item.get("minimum_age")))
        maximums.append(_number(item.get("maximum_age")))
        for position, term in enumerate(_dicts(item.get("taxonomys"))):
            attributes.append(
                _attribute(term, f"eligibility:{eligibility_id}", position, "eligibility")
            )
    # Several eligibility rows give the widest age range they allow between them.
    _put(out, "minimum_age", _age_bound(minimums, min))
    _put(out, "maximum_age", _age_bound(maximums, max))

    for index, link in enumerate(_dicts(record.get("service_taxonomys"))):
        taxonomy = link.get("taxonomy")
        if isinstance(taxonomy, dict):
            attribute = _attribute(taxonomy, service_id, index, None)
            if link.get("id") not in (None, ""):
                attribute["id"] = stable_id("attribute", link["id"])
            attributes.append(attribute)
    for field in ("deliverable_type", "attending_type", "attending_access"):
        value = _text(record.get(field))
        if value:
            attributes.append(_fixed_attribute(service_id, field, value))
    _put(out, "attributes", attributes)

    _put(out, "contacts", _list(record, "contacts", service_id, _contact))
    _put(out, "schedules", _list(record, "regular_schedules", service_id, _schedule))
    _put(out, "service_areas", _list(record, "service_areas", service_id, _service_area))
    _put(out, "languages", _list(record, "languages", service_id, _language))
    _put(out, "cost_options", _list(record, "cost_options", service_id, _cost_option))
    _put(out, "funding", _list(record, "fundings", service_id, _funding))
    _put(
        out,
        "service_at_locations",
        _list(record, "service_at_locations", service_id, _service_at_location),
    )
    return out


def weekday_codes(value: Any) -> list[str]:
    """Turn 1.0 weekday text ("Monday", "tue", "Mon-Fri", "Sat, Sun") into RFC 5545 codes.

    Returns an empty list when any part is not recognisable (numbers are ambiguous: some feeds
    count from Sunday, some from Monday).
    """
    text = _text(value)
    if not text:
        return []
    codes: list[str] = []
    for part in re.split(r"\s*(?:,|/|&|;|\band\b)\s*", text.lower()):
        if not part:
            continue
        span = re.fullmatch(r"([a-z]+)\.?\s*(?:-|\u2013|to)\s*([a-z]+)\.?", part)
        if span:
            first, last = _DAY_CODES.get(span[1]), _DAY_CODES.get(span[2])
            if first is None or last is None:
                return []
            start, end = _WEEK.index(first), _WEEK.index(last)
            days = [_WEEK[(start + step) % 7] for step in range((end - start) % 7 + 1)]
        else:
            code = _DAY_CODES.get(part.rstrip("."))
            if code is None:
                return []
            days = [code]
        codes.extend(day for day in days if day not in codes)
    return codes


def _organization(data: dict, service_id: str) -> dict:
    out: dict[str, Any] = {"id": _id("organization", data.get("id"), service_id, 0)}
    _copy(data, out, "name", "description", "email", "logo", "uri")
    _put(out, "website", _text(data.get("url")) or _text(data.get("website")))
    return out


def _contact(data: dict, parent: str, index: int) -> dict:
    contact_id = _id("contact", data.get("id"), parent, index)
    out: dict[str, Any] = {"id": contact_id}
    _copy(data, out, "name", "title", "department", "email")
    _put(out, "phones", _list(data, "phones", contact_id, _phone))
    return out


def _phone(data: dict, parent: str, index: int) -> dict:
    phone_id = _id("phone", data.get("id"), parent, index)
    out: dict[str, Any] = {"id": phone_id}
    _copy(data, out, "number", "type", "description")
    _put(out, "extension", _number(data.get("extension")))
    language = _text(data.get("language"))
    if language:
        out["languages"] = [_language({"language": language}, phone_id, 0)]
    return out


def _schedule(data: dict, parent: str, index: int) -> dict:
    out: dict[str, Any] = {"id": _id("schedule", data.get("id"), parent, index)}
    byday = [code.strip() for code in (_text(data.get("byday")) or "").upper().split(",")]
    byday = [code for code in byday if code]
    if not byday or any(code not in _DAYS for code in byday):
        byday = weekday_codes(data.get("weekday")) or byday
    freq = (_text(data.get("freq")) or "").upper()
    if freq in ("WEEKLY", "MONTHLY"):
        out["freq"] = freq
    elif byday:
        out["freq"] = "WEEKLY"
    elif freq:
        out["freq"] = freq
    _put(out, "byday", ",".join(byday))
    _put(out, "interval", _number(data.get("interval")))
    _copy(data, out, "bymonthday", "description")
    _put(out, "opens_at", _time(data.get("opens_at")))
    _put(out, "closes_at", _time(data.get("closes_at")))
    for field in ("valid_from", "valid_to", "dtstart"):
        _put(out, field, _date(data.get(field)))
    return out


def _service_area(data: dict, parent: str, index: int) -> dict:
    out: dict[str, Any] = {"id": _id("service_area", data.get("id"), parent, index)}
    _put(out, "name", _text(data.get("service_area")) or _text(data.get("name")))
    _copy(data, out, "description", "extent", "uri")
    return out


def _language(data: dict, parent: str, index: int) -> dict:
    out: dict[str, Any] = {"id": _id("language", data.get("id"), parent, index)}
    text = _text(data.get("language")) or _text(data.get("name"))
    if text and re.fullmatch(r"[a-z]{2,3}", text):
        out["code"] = text
    else:
        _put(out, "name", text)
    return out


def _cost_option(data: dict, parent: str, index: int) -> dict:
    out: dict[str, Any] = {"id": _id("cost_option", data.get("id"), parent, index)}
    _copy(data, out, "option", "amount_description", "currency")
    _put(out, "amount", _number(data.get("amount")))
    for field in ("valid_from", "valid_to"):
        _put(out, field, _date(data.get(field)))
    return out


def _funding(data: dict, parent: str, index: int) -> dict:
    out: dict[str, Any] = {"id": _id("funding", data.get("id"), parent, index)}
    _copy(data, out, "source")
    return out


def _service_at_location(data: dict, parent: str, index: int) -> dict:
    link_id = _id("service_at_location", data.get("id"), parent, index)
    out: dict[str, Any] = {"id": link_id}
    _copy(data, out, "description")
    location = data.get("location")
    if isinstance(location, dict):
        out["location"] = _location(location, link_id)
    _put(out, "schedules", _list(data, "regular_schedules", link_id, _schedule))
    return out


def _location(data: dict, parent: str) -> dict:
    location_id = _id("location", data.get("id"), parent, 0)
    out: dict[str, Any] = {"id": location_id}
    _copy(data, out, "name", "alternate_name", "description", "transportation")
    _put(out, "latitude", _number(data.get("latitude")))
    _put(out, "longitude", _number(data.get("longitude")))
    addresses = []
    for key, address_type in (("physical_addresses", "physical"), ("postal_addresses", "postal")):
        for index, item in enumerate(_dicts(data.get(key))):
            addresses.append(_address(item, f"{location_id}:{key}", index, address_type))
    _put(out, "addresses", addresses)
    accessibility = []
    for index, item in enumerate(_dicts(data.get("accessibility_for_disabilities"))):
        entry: dict[str, Any] = {"id": _id("accessibility", item.get("id"), location_id, index)}
        _put(entry, "description", _text(item.get("accessibility")))
        _copy(item, entry, "details")
        if len(entry) > 1:
            accessibility.append(entry)
    _put(out, "accessibility", accessibility)
    # 1.0 has no location_type: a street address or coordinates mean a physical place.
    if any(item["address_type"] == "physical" for item in addresses):
        out["location_type"] = "physical"
    elif addresses:
        out["location_type"] = "postal"
    elif "latitude" in out and "longitude" in out:
        out["location_type"] = "physical"
    _put(out, "schedules", _list(data, "regular_schedules", location_id, _schedule))
    return out


def _address(data: dict, parent: str, index: int, address_type: str) -> dict:
    out: dict[str, Any] = {"id": _id("address", data.get("id"), parent, index)}
    _copy(data, out, "attention", "address_1", "city", "region", "state_province", "postal_code")
    extra = [_text(data.get(key)) for key in ("address_2", "address_3", "address_4")]
    _put(out, "address_2", ", ".join(part for part in extra if part))
    country = _text(data.get("country"))
    if country and country.lower() in _UK_COUNTRIES:
        country = "GB"
    _put(out, "country", country)
    out["address_type"] = address_type
    return out


def _attribute(term: dict, parent: str, index: int, link_type: str | None) -> dict:
    """An attribute applying a 1.0 taxonomy entry ({id, name, vocabulary, parent})."""
    vocabulary = _text(term.get("vocabulary"))
    original = _text(term.get("id"))
    scope = f"{vocabulary}/{original}" if vocabulary else original
    term_id = stable_id("taxonomy_term", scope) if original else _derived("taxonomy_term", parent)
    taxonomy_term: dict[str, Any] = {"id": term_id}
    if original and not _UUID.fullmatch(original):
        taxonomy_term["code"] = original
    _copy(term, taxonomy_term, "name", "description")
    parent_term = term.get("parent")
    parent_original = _text(parent_term.get("id") if isinstance(parent_term, dict) else parent_term)
    if parent_original:
        parent_scope = f"{vocabulary}/{parent_original}" if vocabulary else parent_original
        taxonomy_term["parent_id"] = stable_id("taxonomy_term", parent_scope)
    if vocabulary:
        taxonomy_term["taxonomy"] = vocabulary
        taxonomy_term["taxonomy_detail"] = {
            "id": stable_id("taxonomy", vocabulary),
            "name": vocabulary,
        }
    attribute: dict[str, Any] = {
        "id": stable_id("attribute", f"{parent}:{term_id}:{index}"),
        "link_entity": "service",
    }
    _put(attribute, "link_type", link_type)
    attribute["taxonomy_term"] = taxonomy_term
    return attribute


def _fixed_attribute(service_id: str, field: str, value: str) -> dict:
    """Keep a 1.0 enumerated field (e.g. attending_access) as a term of an 'ORUK 1.0' list."""
    vocabulary = f"ORUK 1.0 {field}"
    return {
        "id": stable_id("attribute", f"{service_id}:{field}"),
        "link_entity": "service",
        "link_type": field,
        "taxonomy_term": {
            "id": stable_id("taxonomy_term", f"{vocabulary}/{value}"),
            "code": value,
            "name": value,
            "taxonomy": vocabulary,
            "taxonomy_detail": {"id": stable_id("taxonomy", vocabulary), "name": vocabulary},
        },
    }


# --- Small helpers ---------------------------------------------------------------------------


def _id(kind: str, original: Any, parent: str, index: int) -> str:
    if original is None or (isinstance(original, str) and not original.strip()):
        return _derived(kind, f"{parent}#{index}")
    return stable_id(kind, original)


def _derived(kind: str, seed: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:derived:{seed}"))


def _dicts(value: Any) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _list(record: dict, key: str, parent: str, convert: Any) -> list[dict]:
    return [convert(item, parent, index) for index, item in enumerate(_dicts(record.get(key)))]


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def _copy(source: dict, target: dict, *fields: str) -> None:
    for field in fields:
        _put(target, field, _text(source.get(field)))


def _put(target: dict, key: str, value: Any) -> None:
    if value is not None and value != "" and value != []:
        target[key] = value


def _number(value: Any) -> Any:
    """Numbers stay numbers and numeric text becomes one; anything else passes through."""
    if value is None or isinstance(value, bool):
        return None if value is None else value
    if isinstance(value, int | float):
        return value if math.isfinite(value) else None
    text = _text(value)
    if text is None:
        return None
    if _NUMBER.fullmatch(text):
        number = float(text)
        return int(number) if number.is_integer() and "." not in text else number
    return text


def _age_bound(values: list[Any], pick: Any) -> Any:
    """The lowest/highest numeric age, or a non-numeric value for the importer to reject."""
    numeric = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if numeric:
        return pick(numeric)
    return next((value for value in values if value is not None), None)


def _time(value: Any) -> str | None:
    text = _text(value)
    if text is None:
        return None
    match = _TIME.fullmatch(text)
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return f"{int(match[1]):02d}:{match[2]}:{match[3] or '00'}"
    return text


def _date(value: Any) -> str | None:
    text = _text(value)
    if text is None:
        return None
    match = _DATE_PREFIX.fullmatch(text)
    return match[1] if match else text
