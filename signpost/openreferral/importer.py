"""Import fully nested HSDS 3.0 service objects, all or nothing, with a report.

Real feeds are messy: a record we cannot understand is rejected with the field and the
reason, and the rest of the feed is kept — unless the caller asks for all-or-nothing, in
which case any rejection rolls the whole run back.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import DatabaseError, transaction
from django.utils.dateparse import parse_date, parse_time
from wagtail.signal_handlers import disable_reference_index_auto_update

from signpost.directory.coverage import PlaceIndex, refresh_coverage
from signpost.directory.models import (
    Accessibility,
    Address,
    CostOption,
    Language,
    Location,
    Organisation,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceAttribute,
    Taxonomy,
    TaxonomyTerm,
)
from signpost.directory.models.services import ServiceStatus


class RecordRejected(Exception):
    """One record cannot be imported; says which field and why."""

    def __init__(self, field_name: str, reason: str) -> None:
        super().__init__(f"{field_name}: {reason}")
        self.field_name = field_name
        self.reason = reason


@dataclass
class Problem:
    record: str
    field_name: str
    reason: str


@dataclass
class ImportReport:
    """What an import did, and everything it could not do."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    rolled_back: bool = False

    def summary(self) -> str:
        lines = [
            f"services created: {self.created['service']}, "
            f"updated: {self.updated['service']}, rejected: {len(self.rejected)}"
        ]
        lines += [f"REJECTED {p.record} {p.field_name}: {p.reason}" for p in self.rejected]
        lines += [f"warning {p.record} {p.field_name}: {p.reason}" for p in self.warnings]
        if self.rolled_back:
            lines.append("Nothing was saved.")
        return "\n".join(lines)


def _uuid(value: Any, field_name: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        raise RecordRejected(field_name, f"{value!r} is not a valid id (a UUID)") from None


def _age(value: Any, field_name: str) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 130:
        raise RecordRejected(field_name, f"{value!r} is not an age between 0 and 130")
    return int(value)


def _date(value: Any, field_name: str) -> dt.date | None:
    if not value:
        return None
    try:
        parsed = parse_date(str(value)[:10])
    except ValueError:
        parsed = None
    if parsed is None:
        raise RecordRejected(field_name, f"{value!r} is not a date (YYYY-MM-DD)")
    return parsed


def _time(value: Any, field_name: str) -> dt.time | None:
    if not value:
        return None
    try:
        parsed = parse_time(str(value)[:8])
    except ValueError:
        parsed = None
    if parsed is None:
        raise RecordRejected(field_name, f"{value!r} is not a time (HH:MM)")
    return parsed


def _text(record: dict, key: str, limit: int | None = None) -> str:
    value = record.get(key)
    text = "" if value is None else str(value).strip()
    return text[:limit] if limit else text


class ServiceImporter:
    """Imports nested service objects; one instance per run."""

    def __init__(self) -> None:
        self.report = ImportReport()
        self.places = PlaceIndex.load()

    def run(
        self, records: Iterable[dict], *, dry_run: bool = False, all_or_nothing: bool = True
    ) -> ImportReport:
        """Import every record in one transaction; roll back on dry runs or any rejection."""
        try:
            # Wagtail's reference index tracks links between admin objects; imported
            # directory rows link only to each other, and updating it per row is slow.
            with transaction.atomic(), disable_reference_index_auto_update():
                for position, record in enumerate(records, start=1):
                    self._import_one(position, record)
                if dry_run or (all_or_nothing and self.report.rejected):
                    raise _Rollback
        except _Rollback:
            self.report.rolled_back = True
        return self.report

    def _import_one(self, position: int, record: Any) -> None:
        label = f"record {position}"
        if isinstance(record, dict) and record.get("name"):
            label = f"record {position} ({str(record['name'])[:60]})"
        try:
            if not isinstance(record, dict):
                raise RecordRejected("(record)", "is not a JSON object")
            with transaction.atomic():
                self._service(record, label)
        except RecordRejected as problem:
            self.report.rejected.append(Problem(label, problem.field_name, problem.reason))
        except (DatabaseError, ValueError) as error:
            # Duplicate ids or values the database refuses: this record only, said plainly.
            reason = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
            self.report.rejected.append(Problem(label, "(record)", f"could not be saved: {reason}"))

    def _count(self, kind: str, created: bool) -> None:
        (self.report.created if created else self.report.updated)[kind] += 1

    def _service(self, record: dict, label: str) -> None:
        service_id = _uuid(record.get("id"), "id")
        name = _text(record, "name", 255)
        if not name:
            raise RecordRejected("name", "is missing")
        status = _text(record, "status") or ServiceStatus.ACTIVE
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
        organisation = self._organisation(record)
        defaults = {
            "organisation": organisation,
            "name": name,
            "status": status,
            "minimum_age": minimum,
            "maximum_age": maximum,
            "assured_date": _date(record.get("assured_date"), "assured_date"),
            **{
                key: _text(record, key, 255 if key in {"alternate_name", "wait_time"} else None)
                for key in (
                    "alternate_name",
                    "description",
                    "url",
                    "email",
                    "interpretation_services",
                    "application_process",
                    "fees_description",
                    "accreditations",
                    "eligibility_description",
                    "assurer_email",
                    "alert",
                    "wait_time",
                )
            },
        }
        service, created = self._upsert_service(service_id, defaults)
        self._count("service", created)
        self._children(service, record)
        refresh_coverage(service, self.places)
        self._warn_about_quality(service, record, label)

    def _upsert_service(self, service_id: uuid.UUID, defaults: dict) -> tuple[Service, bool]:
        service = Service.objects.filter(id=service_id).first()
        created = service is None
        service = service or Service(id=service_id)
        for key, value in defaults.items():
            setattr(service, key, value)
        service.save(refresh=False)
        return service, created

    def _organisation(self, record: dict) -> Organisation:
        nested = record.get("organization") or {}
        org_id = nested.get("id") or record.get("organization_id")
        if not org_id:
            raise RecordRejected("organization_id", "is missing")
        org_uuid = _uuid(org_id, "organization_id")
        if not nested.get("name"):
            existing = Organisation.objects.filter(id=org_uuid).first()
            if existing is None:
                raise RecordRejected("organization", "is not in the feed or the directory")
            return existing
        organisation, created = Organisation.objects.update_or_create(
            id=org_uuid,
            defaults={
                "name": _text(nested, "name", 255),
                "description": _text(nested, "description"),
                "email": _text(nested, "email"),
                "website": _text(nested, "website"),
                "alternate_name": _text(nested, "alternate_name", 255),
                "uri": _text(nested, "uri"),
            },
        )
        self._count("organisation", created)
        return organisation

    def _children(self, service: Service, record: dict) -> None:
        for model in (
            Phone,
            Schedule,
            ServiceArea,
            Language,
            CostOption,
            ServiceAttribute,
            ServiceAtLocation,
        ):
            model.objects.filter(service=service).delete()
        for phone in _list(record, "phones"):
            Phone.objects.create(
                id=_uuid(phone.get("id"), "phones.id"),
                service=service,
                number=_text(phone, "number", 40),
                extension=_text(phone, "extension", 20),
                type=_text(phone, "type", 20),
                description=_text(phone, "description", 255),
            )
        for schedule in _list(record, "schedules"):
            self._schedule(service, schedule)
        for area in _list(record, "service_areas"):
            ServiceArea.objects.create(
                id=_uuid(area.get("id"), "service_areas.id"),
                service=service,
                name=_text(area, "name", 255),
                description=_text(area, "description"),
                extent=_text(area, "extent"),
                extent_type=_text(area, "extent_type", 40),
                uri=_text(area, "uri"),
            )
        for language in _list(record, "languages"):
            Language.objects.create(
                id=_uuid(language.get("id"), "languages.id"),
                service=service,
                name=_text(language, "name", 120),
                code=_text(language, "code", 12),
                note=_text(language, "note", 255),
            )
        for cost in _list(record, "cost_options"):
            self._cost(service, cost)
        for attribute in _list(record, "attributes"):
            self._attribute(service, attribute)
        for link in _list(record, "service_at_locations"):
            location = self._location(link.get("location") or {}, link)
            ServiceAtLocation.objects.create(
                id=_uuid(link.get("id"), "service_at_locations.id"),
                service=service,
                location=location,
                description=_text(link, "description"),
            )

    def _schedule(self, service: Service, schedule: dict) -> None:
        freq = _text(schedule, "freq").upper()
        if freq and freq not in {"WEEKLY", "MONTHLY"}:
            raise RecordRejected("schedules.freq", f"{freq!r} is not WEEKLY or MONTHLY")
        interval = schedule.get("interval")
        Schedule.objects.create(
            id=_uuid(schedule.get("id"), "schedules.id"),
            service=service,
            freq=freq,
            interval=interval if isinstance(interval, int) and interval >= 0 else None,
            byday=_text(schedule, "byday", 60),
            bymonthday=_text(schedule, "bymonthday", 60),
            opens_at=_time(schedule.get("opens_at"), "schedules.opens_at"),
            closes_at=_time(schedule.get("closes_at"), "schedules.closes_at"),
            valid_from=_date(schedule.get("valid_from"), "schedules.valid_from"),
            valid_to=_date(schedule.get("valid_to"), "schedules.valid_to"),
            description=_text(schedule, "description"),
            notes=_text(schedule, "notes"),
            timezone=_text(schedule, "timezone", 40),
        )

    def _cost(self, service: Service, cost: dict) -> None:
        amount = cost.get("amount")
        if amount is not None and (
            isinstance(amount, bool) or not isinstance(amount, int | float) or amount < 0
        ):
            raise RecordRejected("cost_options.amount", f"{amount!r} is not an amount of money")
        CostOption.objects.create(
            id=_uuid(cost.get("id"), "cost_options.id"),
            service=service,
            option=_text(cost, "option", 255),
            currency=_text(cost, "currency", 3) or "GBP",
            amount=amount,
            amount_description=_text(cost, "amount_description", 255),
            valid_from=_date(cost.get("valid_from"), "cost_options.valid_from"),
            valid_to=_date(cost.get("valid_to"), "cost_options.valid_to"),
        )

    def _attribute(self, service: Service, attribute: dict) -> None:
        term_data = attribute.get("taxonomy_term") or {}
        term_id = term_data.get("id") or attribute.get("taxonomy_term_id")
        term = (
            self._term(term_data)
            if term_data.get("name")
            else (
                TaxonomyTerm.objects.filter(
                    id=_uuid(term_id, "attributes.taxonomy_term_id")
                ).first()
            )
        )
        if term is None:
            raise RecordRejected("attributes.taxonomy_term", "is not in the feed or the directory")
        ServiceAttribute.objects.get_or_create(
            service=service,
            taxonomy_term=term,
            defaults={
                "id": _uuid(attribute.get("id"), "attributes.id"),
                "link_type": _text(attribute, "link_type", 60),
                "value": _text(attribute, "value", 255),
            },
        )

    def _term(self, data: dict) -> TaxonomyTerm:
        term_id = _uuid(data.get("id"), "attributes.taxonomy_term.id")
        existing = TaxonomyTerm.objects.filter(id=term_id).first()
        if existing:
            return existing
        taxonomy = self._taxonomy(data)
        code = _text(data, "code", 120)
        # The same code in the same vocabulary is the same term, whatever id a feed gave it.
        same_code = code and TaxonomyTerm.objects.filter(taxonomy=taxonomy, code=code).first()
        if same_code:
            return same_code
        return TaxonomyTerm.objects.create(
            id=term_id,
            taxonomy=taxonomy,
            code=code,
            name=_text(data, "name", 255),
            description=_text(data, "description") or "",
            term_uri=_text(data, "term_uri"),
        )

    def _taxonomy(self, data: dict) -> Taxonomy:
        name = _text(data, "taxonomy", 120) or "Imported terms"
        taxonomy_id = data.get("taxonomy_id")
        taxonomy = Taxonomy.objects.filter(id=taxonomy_id).first() if taxonomy_id else None
        if taxonomy is None:
            new_id = _uuid(taxonomy_id, "taxonomy_id") if taxonomy_id else uuid.uuid4()
            taxonomy, _ = Taxonomy.objects.get_or_create(
                name=name, defaults={"id": new_id, "description": name}
            )
        return taxonomy

    def _location(self, data: dict, link: dict) -> Location:
        location_id = _uuid(data.get("id") or link.get("location_id"), "location.id")
        if not data.get("location_type"):
            existing = Location.objects.filter(id=location_id).first()
            if existing is None:
                raise RecordRejected("location", "is not in the feed or the directory")
            return existing
        location_type = _text(data, "location_type")
        if location_type not in {"physical", "postal", "virtual"}:
            raise RecordRejected("location.location_type", f"{location_type!r} is not known")
        location, created = Location.objects.update_or_create(
            id=location_id,
            defaults={
                "location_type": location_type,
                "name": _text(data, "name", 255),
                "alternate_name": _text(data, "alternate_name", 255),
                "description": _text(data, "description"),
                "transportation": _text(data, "transportation"),
                "url": _text(data, "url"),
                "latitude": _coordinate(data.get("latitude"), 90, "location.latitude"),
                "longitude": _coordinate(data.get("longitude"), 180, "location.longitude"),
                "hide_address": bool(data.get("x_hide_address")),
            },
        )
        self._count("location", created)
        Address.objects.filter(location=location).delete()
        Accessibility.objects.filter(location=location).delete()
        for address in _list(data, "addresses"):
            Address.objects.create(
                id=_uuid(address.get("id"), "addresses.id"),
                location=location,
                attention=_text(address, "attention", 255),
                address_1=_text(address, "address_1", 255),
                address_2=_text(address, "address_2", 255),
                city=_text(address, "city", 120),
                region=_text(address, "region", 120),
                state_province=_text(address, "state_province", 120),
                postal_code=_text(address, "postal_code", 20),
                country=_text(address, "country", 2) or "GB",
                address_type=_text(address, "address_type", 20) or "physical",
            )
        for item in _list(data, "accessibility"):
            Accessibility.objects.create(
                id=_uuid(item.get("id"), "accessibility.id"),
                location=location,
                description=_text(item, "description"),
                details=_text(item, "details"),
                url=_text(item, "url"),
            )
        return location

    def _warn_about_quality(self, service: Service, record: dict, label: str) -> None:
        if not record.get("assured_date"):
            self.report.warnings.append(Problem(label, "assured_date", "no review date"))
        if not (record.get("phones") or record.get("email") or record.get("url")):
            self.report.warnings.append(
                Problem(label, "phones", "no phone number, email or website")
            )


class _Rollback(Exception):
    pass


def _list(record: dict, key: str) -> list[dict]:
    value = record.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise RecordRejected(key, "is not a list of objects")
    return value


def _coordinate(value: Any, limit: int, field_name: str) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise RecordRejected(field_name, f"{value!r} is not a number") from None
    if not -limit <= number <= limit:
        raise RecordRejected(field_name, f"{value!r} is out of range")
    return round(number, 6)


def import_services(
    records: Iterable[dict], *, dry_run: bool = False, all_or_nothing: bool = True
) -> ImportReport:
    """Import nested HSDS service objects in one transaction and report what happened."""
    return ServiceImporter().run(records, dry_run=dry_run, all_or_nothing=all_or_nothing)
