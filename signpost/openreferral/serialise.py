"""Directory rows as Open Referral UK 3.0 objects, for the API and the exporter.

We write the HSDS 3.0 shape, which is a superset of the UK profile: fields the profile drops
(service phones, language names) are kept, because other HSDS readers want them, and the
profile's own names (`fees`, a term's `term`) are added beside HSDS's. Empty optional fields
are left out; required ones are always present.

Two things never leave Signpost: private contacts, and the address or map position of a
location whose address is hidden (a refuge, say).
"""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet

from signpost.directory.models import (
    Contact,
    Location,
    Organisation,
    Service,
    ServiceAtLocation,
    ServiceAttribute,
    Taxonomy,
    TaxonomyTerm,
)

# Omitted when empty; anything else (0, False) is a value and is kept.
_EMPTY: tuple[Any, ...] = (None, "", [], {})


def compact(data: dict[str, Any], *, keep: Iterable[str] = ()) -> dict[str, Any]:
    """Drop empty optional fields; the `keep` ones are required and stay even when empty."""
    required = set(keep)
    return {
        key: value
        for key, value in data.items()
        if key in required or not any(value is e or value == e for e in _EMPTY)
    }


def _id(value: Any) -> str | None:
    return str(value) if value else None


def _number(value: Any) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _time(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _timestamp(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


# --- vocabularies -------------------------------------------------------------------------


def taxonomy(item: Taxonomy) -> dict[str, Any]:
    return compact(
        {
            "id": str(item.id),
            "name": item.name,
            "description": item.description,
            "uri": item.uri,
            "version": item.version,
        },
        keep=("id", "name", "description"),
    )


def taxonomy_term(term: TaxonomyTerm) -> dict[str, Any]:
    """A term with its vocabulary named (`taxonomy`) and described (`taxonomy_detail`)."""
    return compact(
        {
            "id": str(term.id),
            "code": term.code,
            "name": term.name,
            "term": term.name,
            "description": term.description,
            "parent_id": _id(term.parent_id),
            "taxonomy": term.taxonomy.name,
            "taxonomy_id": str(term.taxonomy_id),
            "language": term.language,
            "term_uri": term.term_uri,
            "taxonomy_detail": taxonomy(term.taxonomy),
        },
        keep=("id", "name", "description"),
    )


def _attribute(link: ServiceAttribute) -> dict[str, Any]:
    return compact(
        {
            "id": str(link.id),
            "link_id": str(link.service_id),
            "link_type": link.link_type,
            "link_entity": "service",
            "value": link.value,
            "taxonomy_term_id": str(link.taxonomy_term_id),
            "taxonomy_term": taxonomy_term(link.taxonomy_term),
        },
        keep=("id",),
    )


# --- organisations and locations ----------------------------------------------------------


def organization(item: Organisation) -> dict[str, Any]:
    """The organisation's own fields (the list form, and what a nested service carries)."""
    return compact(
        {
            "id": str(item.id),
            "name": item.name,
            "alternate_name": item.alternate_name,
            "description": item.description,
            "email": item.email,
            "website": item.website,
            "uri": item.uri,
            "parent_organization_id": _id(item.parent_organisation_id),
        },
        keep=("id", "name", "description"),
    )


def location(item: Location) -> dict[str, Any]:
    """A location; a hidden address keeps its name and description but loses the address.

    It loses all else that could lead to the place too: its web page, how to get there and an
    external identifier (a UPRN is an address by another name)."""
    hidden = item.hide_address
    addresses = [] if hidden else [_address(a, item) for a in item.addresses.all()]

    def shown(value: Any) -> Any:
        return None if hidden else value

    return compact(
        {
            "id": str(item.id),
            "location_type": item.location_type,
            "url": shown(item.url),
            "organization_id": _id(item.organisation_id),
            "name": item.name,
            "alternate_name": item.alternate_name,
            "description": item.description,
            "transportation": shown(item.transportation),
            "latitude": shown(_number(item.latitude)),
            "longitude": shown(_number(item.longitude)),
            "external_identifier": shown(item.external_identifier),
            "external_identifier_type": shown(item.external_identifier_type),
            "addresses": addresses,
            # Says the address is private, so another Signpost keeps it so; reveals nothing.
            "x_hide_address": True if hidden else None,
            "accessibility": [
                compact(
                    {
                        "id": str(a.id),
                        "location_id": str(item.id),
                        "description": a.description,
                        "details": a.details,
                        "url": a.url,
                    },
                    keep=("id",),
                )
                for a in item.accessibility.all()
            ],
        },
        keep=("id", "location_type"),
    )


def _address(item: Any, owner: Location) -> dict[str, Any]:
    return compact(
        {
            "id": str(item.id),
            "location_id": str(owner.id),
            "attention": item.attention,
            "address_1": item.address_1,
            "address_2": item.address_2,
            "city": item.city,
            "region": item.region,
            "state_province": item.state_province,
            "postal_code": item.postal_code,
            "country": item.country,
            "address_type": item.address_type,
        },
        keep=(
            "id",
            "address_1",
            "city",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ),
    )


# --- services -----------------------------------------------------------------------------


def service_summary(item: Service) -> dict[str, Any]:
    """A service's one-to-one fields and its organisation: what lists carry."""
    return compact(
        {
            "id": str(item.id),
            "organization_id": str(item.organisation_id),
            "name": item.name,
            "alternate_name": item.alternate_name,
            "description": item.description,
            "url": item.url,
            "email": item.email,
            "status": item.status,
            "interpretation_services": item.interpretation_services,
            "application_process": item.application_process,
            "fees_description": item.fees_description,
            "fees": item.fees_description,
            "wait_time": item.wait_time,
            "accreditations": item.accreditations,
            "eligibility_description": item.eligibility_description,
            "minimum_age": item.minimum_age,
            "maximum_age": item.maximum_age,
            "assured_date": _date(item.assured_date),
            "assurer_email": item.assurer_email,
            "alert": item.alert,
            "last_modified": _timestamp(item.updated_at),
            # Signpost extensions (HSDS allows extra fields): what professionals need to know.
            "x_referral_criteria": item.referral_criteria,
            "x_professional_referral": item.professional_referral,
            "organization": organization(item.organisation),
        },
        keep=("id", "name", "status"),
    )


def service_full(item: Service) -> dict[str, Any]:
    """A fully nested service, as `GET /services/{id}` returns it."""
    data = service_summary(item)
    service_id = str(item.id)
    data.update(
        compact(
            {
                "phones": [
                    compact(
                        {
                            "id": str(p.id),
                            "service_id": service_id,
                            "number": p.number,
                            "extension": p.extension,
                            "type": p.type,
                            "description": p.description,
                        },
                        keep=("id", "number"),
                    )
                    for p in item.phones.all()
                ],
                "schedules": [_schedule(s, service_id) for s in item.schedules.all()],
                "service_areas": [
                    compact(
                        {
                            "id": str(a.id),
                            "service_id": service_id,
                            "name": a.name,
                            "description": a.description,
                            "extent": a.extent,
                            "extent_type": a.extent_type,
                            "uri": a.uri,
                        },
                        keep=("id",),
                    )
                    for a in item.service_areas.all()
                ],
                "service_at_locations": [
                    compact(
                        {
                            "id": str(link.id),
                            "service_id": service_id,
                            "location_id": str(link.location_id),
                            "description": link.description,
                            "location": location(link.location),
                        },
                        keep=("id",),
                    )
                    for link in item.service_at_locations.all()
                ],
                "languages": [
                    compact(
                        {
                            "id": str(lang.id),
                            "service_id": service_id,
                            "name": lang.name,
                            "code": lang.code,
                            "note": lang.note,
                        },
                        keep=("id",),
                    )
                    for lang in item.languages.all()
                ],
                "cost_options": [
                    compact(
                        {
                            "id": str(c.id),
                            "service_id": service_id,
                            "valid_from": _date(c.valid_from),
                            "valid_to": _date(c.valid_to),
                            "option": c.option,
                            "currency": c.currency,
                            "amount": _number(c.amount),
                            "amount_description": c.amount_description,
                        },
                        keep=("id",),
                    )
                    for c in item.cost_options.all()
                ],
                "contacts": [_contact(c, service_id) for c in item.contacts.all()],
                "attributes": [_attribute(a) for a in item.attributes.all()],
            }
        )
    )
    return data


def _schedule(item: Any, service_id: str) -> dict[str, Any]:
    return compact(
        {
            "id": str(item.id),
            "service_id": service_id,
            "service_at_location_id": _id(item.service_at_location_id),
            "valid_from": _date(item.valid_from),
            "valid_to": _date(item.valid_to),
            "dtstart": _date(item.dtstart),
            "until": _date(item.until),
            "timezone": item.timezone,
            "wkst": item.wkst,
            "freq": item.freq,
            "interval": item.interval,
            "byday": item.byday,
            "bymonthday": item.bymonthday,
            "opens_at": _time(item.opens_at),
            "closes_at": _time(item.closes_at),
            "description": item.description,
            "notes": item.notes,
            "attending_type": item.attending_type,
            "schedule_link": item.schedule_link,
        },
        keep=("id",),
    )


def _contact(item: Contact, service_id: str) -> dict[str, Any]:
    return compact(
        {
            "id": str(item.id),
            "service_id": service_id,
            "name": item.name,
            "title": item.title,
            "department": item.department,
            "email": item.email,
            "phones": (
                [{"id": str(uuid.uuid5(item.id, "phone")), "number": item.phone}]
                if item.phone
                else []
            ),
        },
        keep=("id",),
    )


# --- querysets that fetch exactly what the shapes above read -------------------------------


def _term_prefetch() -> Prefetch:
    return Prefetch(
        "attributes",
        queryset=ServiceAttribute.objects.select_related("taxonomy_term__taxonomy").order_by(
            "sort_order", "id"
        ),
    )


def summary_queryset(queryset: QuerySet[Service]) -> QuerySet[Service]:
    return queryset.select_related("organisation")


def full_queryset(queryset: QuerySet[Service]) -> QuerySet[Service]:
    """Everything `service_full` reads, in a fixed number of queries."""
    return queryset.select_related("organisation").prefetch_related(
        "phones",
        "schedules",
        "service_areas",
        "languages",
        "cost_options",
        Prefetch("contacts", queryset=Contact.objects.filter(is_private=False)),
        _term_prefetch(),
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                "location__addresses", "location__accessibility"
            ),
        ),
    )


def full_services(queryset: QuerySet[Service], chunk: int = 500) -> Iterator[dict[str, Any]]:
    """Fully nested services in id order, a chunk at a time so memory stays flat."""
    ids = list(queryset.order_by("id").values_list("id", flat=True))
    for start in range(0, len(ids), chunk):
        batch = full_queryset(Service.objects.filter(id__in=ids[start : start + chunk]))
        for item in batch.order_by("id"):
            yield service_full(item)
