"""Where and when a service is: its places (service at location, location, address) and its
opening hours, from a feed's record; and what a feed gives that we have no home for."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from .fields import (
    Reader,
    RecordRejected,
    Warn,
    coordinate_of,
    date_of,
    optional_uuid,
    time_of,
    uuid_of,
    whole_number_of,
)

LOCATION_TYPES = {"physical", "postal", "virtual"}


@dataclass
class LocationData:
    id: uuid.UUID
    fields: dict[str, Any] | None  # None: only referred to by id, must already exist
    organisation_id: uuid.UUID | None = None
    addresses: list[dict[str, Any]] = field(default_factory=list)
    accessibility: list[dict[str, Any]] = field(default_factory=list)


def schedule_row(r: Reader, key: str, item: dict, order: int, warn: Warn) -> dict[str, Any] | None:
    s = Reader(item, r.name(key), warn)
    freq = s.text("freq").upper()
    if freq and freq not in {"WEEKLY", "MONTHLY"}:
        s.warn("freq", f"{freq!r} is not WEEKLY or MONTHLY, so the opening hours were left out")
        return None
    return {
        "id": r.child_id(item, key),
        "sort_order": order,
        "service_at_location_id": optional_uuid(
            item.get("service_at_location_id"), s.name("service_at_location_id"), warn
        ),
        "freq": freq,
        "interval": whole_number_of(item.get("interval"), s.name("interval"), warn),
        "byday": s.text("byday", 60).upper(),
        "bymonthday": s.text("bymonthday", 60),
        "opens_at": time_of(item.get("opens_at"), s.name("opens_at"), warn),
        "closes_at": time_of(item.get("closes_at"), s.name("closes_at"), warn),
        "valid_from": date_of(item.get("valid_from"), s.name("valid_from"), warn),
        "valid_to": date_of(item.get("valid_to"), s.name("valid_to"), warn),
        "dtstart": date_of(item.get("dtstart"), s.name("dtstart"), warn),
        "until": date_of(item.get("until"), s.name("until"), warn),
        "timezone": s.text("timezone", 40),
        "wkst": s.text("wkst", 2).upper(),
        "description": s.text("description"),
        "notes": s.text("notes"),
        "attending_type": s.text("attending_type", 60),
        "schedule_link": s.url("schedule_link"),
    }


# Parts HSDS 3.0 allows on a service at location or a location that we have no home for
# (ORUK 3.0 drops them too). Dropping them quietly would lose a feed's data unseen.
_UNKEPT_LINK_PARTS = ("phones", "contacts")
_UNKEPT_LOCATION_PARTS = ("phones", "contacts", "schedules", "languages")


def links_of(
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
            row = schedule_row(here, "schedules", item, position, warn)
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


def schedules_with_places(
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
        "latitude": coordinate_of(data.get("latitude"), 90, "location.latitude", warn),
        "longitude": coordinate_of(data.get("longitude"), 180, "location.longitude", warn),
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
        optional_uuid(data.get("organization_id"), "location.organization_id", warn),
        addresses,
        accessibility,
    )
