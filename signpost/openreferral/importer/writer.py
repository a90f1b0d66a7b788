"""Write parsed services to the directory in batches: a few bulk queries per few hundred.

Each batch is written atomically with bulk upserts, so a reader sees a service old or new,
never half of it. Keeping going (the default of the import service), each batch is its own
transaction: a crash keeps the batches written. All or nothing (strict, and dry runs), the
run is one transaction and the batches are savepoints. If the database refuses a batch (two
records sharing a phone id, say), it is written again one record at a time so the report can
name the record at fault. What a feed supplied is tracked (`ownership`) so staff additions
survive, and every write is announced (`directory.changes`) for derived data to follow.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import nullcontext, suppress
from dataclasses import dataclass, field
from typing import Any

from django.db import DatabaseError, connection, reset_queries, transaction
from django.utils import timezone
from wagtail.signal_handlers import disable_reference_index_auto_update

from signpost.directory.changes import announce
from signpost.directory.models import (
    Accessibility,
    Address,
    Contact,
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
    ServiceCoverage,
    Taxonomy,
    TaxonomyTerm,
)
from signpost.directory.places import PlaceFacts, coverage_rows, current_index, stated_places
from signpost.directory.places.coverage import facts_of as place_facts_of

from . import ownership
from .clashes import describe, find_clashes
from .fields import RecordRejected, uuid_of
from .outcomes import UNCHANGED, UPDATED, RecordOutcomes, children_differ, classify
from .parse import ParsedService, TermData, label_for, parse_service
from .report import ImportReport

BATCH_SIZE = 400
REFUSED = (
    "could not be saved: part of it clashes with a record already in the directory or "
    "elsewhere in this file. Check that its ids (and those of its phones, opening hours, "
    "places and addresses) are not used by another record."
)
logger = logging.getLogger(__name__)

CHILD_MODELS: dict[str, Any] = {
    "phones": Phone,
    "schedules": Schedule,
    "service_areas": ServiceArea,
    "languages": Language,
    "cost_options": CostOption,
    "contacts": Contact,
}
SERVICE_FIELDS = [
    "organisation",
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "interpretation_services",
    "application_process",
    "fees_description",
    "wait_time",
    "accreditations",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "assurer_email",
    "alert",
    "referral_criteria",
    "professional_referral",
    "import_fingerprint",
    "updated_at",
]
ORGANISATION_FIELDS = [
    "name",
    "alternate_name",
    "description",
    "email",
    "website",
    "uri",
    "parent_organisation",
    "updated_at",
]
LOCATION_FIELDS = [
    "location_type",
    "name",
    "alternate_name",
    "description",
    "transportation",
    "url",
    "latitude",
    "longitude",
    "external_identifier",
    "external_identifier_type",
    "hide_address",
    "organisation",
    "updated_at",
]


class _Rollback(Exception):
    pass


@dataclass
class Vocabulary:
    """Every taxonomy and term, in memory: vocabularies are small, feeds are not."""

    taxonomies_by_id: dict[uuid.UUID, Taxonomy] = field(default_factory=dict)
    taxonomies_by_name: dict[str, Taxonomy] = field(default_factory=dict)
    terms_by_id: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)
    terms_by_code: dict[tuple[uuid.UUID, str], uuid.UUID] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Vocabulary:
        vocabulary = cls()
        for taxonomy in Taxonomy.objects.all():
            vocabulary.add_taxonomy(taxonomy)
        for pk, taxonomy_id, code in TaxonomyTerm.objects.values_list("id", "taxonomy_id", "code"):
            vocabulary.add_term(pk, taxonomy_id, code)
        return vocabulary

    def add_taxonomy(self, taxonomy: Taxonomy) -> None:
        self.taxonomies_by_id[taxonomy.id] = taxonomy
        self.taxonomies_by_name[taxonomy.name] = taxonomy

    def add_term(self, pk: uuid.UUID, taxonomy_id: uuid.UUID, code: str) -> None:
        self.terms_by_id[pk] = pk
        if code:
            self.terms_by_code[(taxonomy_id, code)] = pk


@dataclass
class _Pending:
    """New vocabulary made while writing one batch; kept only if the batch is saved."""

    taxonomies: list[Taxonomy] = field(default_factory=list)
    terms: list[TaxonomyTerm] = field(default_factory=list)
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    records: RecordOutcomes = field(default_factory=RecordOutcomes)
    written: list[uuid.UUID] = field(default_factory=list)


class Importer:
    """Imports nested HSDS 3.0 services; one instance per run."""

    def __init__(
        self,
        *,
        dry_run: bool = False,
        all_or_nothing: bool = True,
        batch_size: int | None = None,
        source: str = "",
        feed_id: uuid.UUID | None = None,
        run_id: uuid.UUID | None = None,
        progress: Callable[[ImportReport], None] | None = None,
    ) -> None:
        self.report = ImportReport(source=source, dry_run=dry_run)
        self.report.kept_going = not (dry_run or all_or_nothing)
        self.dry_run = dry_run
        self.all_or_nothing = all_or_nothing
        self.batch_size = batch_size or BATCH_SIZE
        self.feed_id, self.run_id, self.progress = feed_id, run_id, progress
        self.source = source
        # Services whose records were refused this run: still in the feed, so never
        # counted as gone from it.
        self.refused_ids: set[uuid.UUID] = set()
        self.places = current_index()
        self.vocabulary = Vocabulary.load()
        self.now = timezone.now()
        self.records = RecordOutcomes()  # organisations and places, each counted once

    def run(self, records: Iterable[Any]) -> ImportReport:
        """Import every record; all or nothing rolls back on dry runs or any rejection."""
        whole_run = self.dry_run or self.all_or_nothing
        try:
            # Wagtail's reference index tracks links between admin objects; imported rows
            # link only to each other, and updating it row by row is slow.
            with (
                transaction.atomic() if whole_run else nullcontext(),
                disable_reference_index_auto_update(),
            ):
                self._read_all(records)
                if self.dry_run or (self.all_or_nothing and self.report.rejected):
                    raise _Rollback
        except _Rollback:
            self.report.rolled_back = True
        except SourceProblem as problem:
            self.report.failure = str(problem)
            self.report.rolled_back = whole_run
        except DatabaseError:
            # Checks the database defers to the end (links between rows) fail here, for the
            # run as a whole; the report says so plainly, the log keeps the detail.
            logger.exception("Import: the database refused the import as a whole")
            self.report.failure = (
                "The directory could not save the import: some records refer to others in a "
                "way it cannot keep (for example a place or organisation that is not there)."
            )
            self.report.rolled_back = whole_run
        self.records.add_to(self.report.created, self.report.updated, self.report.unchanged)
        return self.report

    def _read_all(self, records: Iterable[Any]) -> None:
        batch: dict[uuid.UUID, ParsedService] = {}
        for position, record in enumerate(records, start=1):
            self.report.records_read += 1
            label = label_for(position, record)
            try:
                parsed = parse_service(record, label, self.report.warn)
            except RecordRejected as problem:
                self.report.reject(label, problem.field_name, problem.reason)
                self._note_refused(record)
                continue
            if parsed.id in batch:  # the same service twice: write the first, then this
                self._flush(list(batch.values()))
                batch = {}
            batch[parsed.id] = parsed
            if len(batch) >= self.batch_size:
                self._flush(list(batch.values()))
                batch = {}
        self._flush(list(batch.values()))
        if not self.report.records_read:
            raise SourceProblem("It holds no services, so there was nothing to import.")

    def _note_refused(self, record: Any) -> None:
        with suppress(AttributeError, RecordRejected):
            self.refused_ids.add(uuid_of(record.get("id"), "id"))

    # --- one batch ---------------------------------------------------------------------------

    def _flush(self, batch: list[ParsedService]) -> None:
        if not batch:
            return
        reset_queries()  # with DEBUG on, Django keeps every query; keep memory flat
        resolved = self._resolve(batch)
        self.refused_ids |= {s.id for s in batch} - {s.id for s in resolved}
        try:
            with transaction.atomic():
                pending = self._write(resolved)
                announce(__name__, pending.written)
            self._keep(pending)
        except DatabaseError:
            for item in resolved:
                try:
                    with transaction.atomic():
                        pending = self._write([item])
                        announce(__name__, pending.written)
                    self._keep(pending)
                except DatabaseError:
                    # The database's own words name tables and constraints, not fields; they
                    # go to the log for developers, and the report says what to check.
                    logger.warning("Import: the database refused %s", item.label, exc_info=True)
                    self.report.reject(item.label, "(record)", REFUSED)
                    self.refused_ids.add(item.id)
        if self.progress is not None:
            self.progress(self.report)

    def _keep(self, pending: _Pending) -> None:
        for taxonomy in pending.taxonomies:
            self.vocabulary.add_taxonomy(taxonomy)
        for term in pending.terms:
            self.vocabulary.add_term(term.id, term.taxonomy_id, term.code)
        self.report.created.update(pending.created)
        self.report.updated.update(pending.updated)
        self.report.unchanged.update(pending.unchanged)
        self.records.merge(pending.records)

    def _resolve(self, batch: list[ParsedService]) -> list[ParsedService]:
        """Reject services that refer to an organisation, location or term we do not have."""
        org_refs = {s.organisation_id for s in batch if s.organisation is None}
        loc_refs = {loc.id for s in batch for loc in s.locations if loc.fields is None}
        known_orgs = set(Organisation.objects.filter(id__in=org_refs).values_list("id", flat=True))
        known_orgs |= {s.organisation_id for s in batch if s.organisation is not None}
        known_locs = set(Location.objects.filter(id__in=loc_refs).values_list("id", flat=True))
        known_locs |= {loc.id for s in batch for loc in s.locations if loc.fields is not None}
        kept = []
        for service in batch:
            if service.organisation_id not in known_orgs:
                self.report.reject(
                    service.label, "organization", "is not in the feed or the directory"
                )
            elif any(loc.id not in known_locs for loc in service.locations):
                self.report.reject(
                    service.label,
                    "service_at_locations.location",
                    "is not in the feed or the directory",
                )
            elif any(
                isinstance(term, uuid.UUID) and term not in self.vocabulary.terms_by_id
                for _, term in service.attributes
            ):
                self.report.reject(
                    service.label, "attributes.taxonomy_term", "is not in the feed or the directory"
                )
            else:
                kept.append(service)
        return self._without_clashes(kept)

    def _without_clashes(self, batch: list[ParsedService]) -> list[ParsedService]:
        """Reject, in plain words, services whose row ids the database would refuse."""
        refused: set[uuid.UUID] = set()
        for clash in find_clashes(batch):
            if clash.service.id not in refused:  # one reason per record is enough to act on
                refused.add(clash.service.id)
                self.report.reject(describe(clash.service), clash.field_name, clash.reason)
        return [s for s in batch if s.id not in refused]

    def _write(self, batch: list[ParsedService]) -> _Pending:
        pending = _Pending()
        previous = dict(
            Service.objects.filter(id__in=[s.id for s in batch]).values_list(
                "id", "import_fingerprint"
            )
        )
        changed, unchanged = [], []
        for service in batch:
            if previous.get(service.id) == service.fingerprint:
                pending.unchanged["service"] += 1
                self._note_untouched(service, pending)
                unchanged.append(service)
            else:
                changed.append(service)
                (pending.updated if service.id in previous else pending.created)["service"] += 1
        if changed:
            pending.written = [s.id for s in changed]
            self._organisations(changed, pending)
            self._locations(changed, pending)
            self._services(changed)
            existing = [s.id for s in changed if s.id in previous]
            self._children(changed, existing, pending)
            self._coverage(changed, existing)
        ownership.remember(
            changed, unchanged, feed_id=self.feed_id, run_id=self.run_id, source_name=self.source
        )
        return pending

    @staticmethod
    def _note_untouched(service: ParsedService, pending: _Pending) -> None:
        """An unchanged service's organisation and places are, as far as it says, unchanged."""
        if service.organisation is not None:
            pending.records.note("organisation", service.organisation_id, UNCHANGED)
        for location in service.locations:
            if location.fields is not None:
                pending.records.note("location", location.id, UNCHANGED)

    def _upsert(
        self,
        model: Any,
        rows: list,
        update_fields: list[str],
        kind: str,
        pending: _Pending,
        differ: frozenset = frozenset(),
    ) -> None:
        """Insert or update rows; `differ` names rows whose own children changed."""
        if not rows:
            return
        outcomes = classify(model, rows, update_fields)
        model.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["id"], update_fields=update_fields
        )
        for pk, outcome in outcomes.items():
            changed_below = outcome == UNCHANGED and pk in differ
            pending.records.note(kind, pk, UPDATED if changed_below else outcome)

    def _organisations(self, batch: list[ParsedService], pending: _Pending) -> None:
        given = {s.organisation_id: s for s in batch if s.organisation is not None}
        parents = {s.parent_organisation_id for s in given.values() if s.parent_organisation_id}
        known = set(Organisation.objects.filter(id__in=parents).values_list("id", flat=True))
        known |= set(given)
        rows = [
            Organisation(
                id=org_id,
                parent_organisation_id=(
                    s.parent_organisation_id if s.parent_organisation_id in known else None
                ),
                updated_at=self.now,
                **(s.organisation or {}),
            )
            for org_id, s in given.items()
        ]
        self._upsert(Organisation, rows, ORGANISATION_FIELDS, "organisation", pending)

    def _locations(self, batch: list[ParsedService], pending: _Pending) -> None:
        given = {loc.id: loc for s in batch for loc in s.locations if loc.fields is not None}
        if not given:
            return
        org_ids = {loc.organisation_id for loc in given.values() if loc.organisation_id}
        known_orgs = set(Organisation.objects.filter(id__in=org_ids).values_list("id", flat=True))
        rows = [
            Location(
                id=loc.id,
                organisation_id=loc.organisation_id if loc.organisation_id in known_orgs else None,
                updated_at=self.now,
                **(loc.fields or {}),
            )
            for loc in given.values()
        ]
        differ = children_differ(
            Address, "location_id", {pk: loc.addresses for pk, loc in given.items()}
        ) | children_differ(
            Accessibility, "location_id", {pk: loc.accessibility for pk, loc in given.items()}
        )
        self._upsert(Location, rows, LOCATION_FIELDS, "location", pending, frozenset(differ))
        Address.objects.filter(location_id__in=list(given)).delete()
        Accessibility.objects.filter(location_id__in=list(given)).delete()
        Address.objects.bulk_create(
            [Address(location_id=loc.id, **a) for loc in given.values() for a in loc.addresses]
        )
        Accessibility.objects.bulk_create(
            [
                Accessibility(location_id=loc.id, **a)
                for loc in given.values()
                for a in loc.accessibility
            ]
        )

    def _services(self, batch: list[ParsedService]) -> None:
        rows = [
            Service(
                id=s.id,
                organisation_id=s.organisation_id,
                import_fingerprint=s.fingerprint,
                **s.fields,
            )
            for s in batch
        ]
        Service.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["id"], update_fields=SERVICE_FIELDS
        )
        # bulk_create stamps "now" on updated_at; a feed that says when it changed is kept.
        # One prepared UPDATE run many times: bulk_update's CASE per row cost a fifth of a run.
        meta, ops = Service._meta, connection.ops
        sql = "UPDATE {} SET {} = %s WHERE {} = %s".format(
            ops.quote_name(meta.db_table),
            ops.quote_name(meta.get_field("updated_at").column),
            ops.quote_name(meta.pk.column),
        )
        pk_field = meta.pk
        dated = [
            (
                ops.adapt_datetimefield_value(s.last_modified),
                pk_field.get_db_prep_value(s.id, connection),
            )
            for s in batch
            if s.last_modified
        ]
        if dated:
            with connection.cursor() as cursor:
                cursor.executemany(sql, dated)

    def _children(
        self, batch: list[ParsedService], existing: list[uuid.UUID], pending: _Pending
    ) -> None:
        # Only what the feed supplied goes; what staff added stays (see ownership).
        ownership.clear_supplied(
            {
                **CHILD_MODELS,
                "attributes": ServiceAttribute,
                "service_at_locations": ServiceAtLocation,
            },
            existing,
        )
        tagged: dict[uuid.UUID, set[uuid.UUID]] = {}
        for pk, term_id in ownership.kept_terms(existing) if existing else ():
            tagged.setdefault(pk, set()).add(term_id)
        # Places first: opening hours may say which place they are for.
        ServiceAtLocation.objects.bulk_create(
            [ServiceAtLocation(service_id=s.id, **link) for s in batch for link in s.links]
        )
        for key, model in CHILD_MODELS.items():
            model.objects.bulk_create(
                [model(service_id=s.id, **row) for s in batch for row in s.children[key]]
            )
        attributes = []
        for service in batch:
            seen = set(tagged.get(service.id, ()))
            for row, term in service.attributes:
                term_id = term if isinstance(term, uuid.UUID) else self._term(term, pending)
                if term_id not in seen:  # one link per term and service
                    seen.add(term_id)
                    attributes.append(
                        ServiceAttribute(service_id=service.id, taxonomy_term_id=term_id, **row)
                    )
        ServiceAttribute.objects.bulk_create(attributes)

    def _term(self, data: TermData, pending: _Pending) -> uuid.UUID:
        """The id of this term: the same id, or the same code in the same vocabulary."""
        vocabulary = self.vocabulary
        if data.id and data.id in vocabulary.terms_by_id:
            return data.id
        new_here = {t.id: t for t in pending.terms}
        if data.id and data.id in new_here:
            return data.id
        taxonomy = self._taxonomy(data, pending)
        if data.code:
            same = vocabulary.terms_by_code.get((taxonomy.id, data.code)) or next(
                (
                    t.id
                    for t in pending.terms
                    if (t.taxonomy_id, t.code) == (taxonomy.id, data.code)
                ),
                None,
            )
            if same:
                return same
        parent = data.parent_id if data.parent_id in vocabulary.terms_by_id else None
        term = TaxonomyTerm.objects.create(
            id=data.id or uuid.uuid4(),
            taxonomy=taxonomy,
            code=data.code,
            name=data.name,
            description=data.description,
            term_uri=data.term_uri,
            language=data.language,
            parent_id=parent,
        )
        pending.terms.append(term)
        pending.created["taxonomy term"] += 1
        return term.id

    def _taxonomy(self, data: TermData, pending: _Pending) -> Taxonomy:
        vocabulary = self.vocabulary
        name = data.taxonomy["name"]
        found = (
            vocabulary.taxonomies_by_id.get(data.taxonomy_id) if data.taxonomy_id else None
        ) or vocabulary.taxonomies_by_name.get(name)
        found = found or next(
            (t for t in pending.taxonomies if t.id == data.taxonomy_id or t.name == name), None
        )
        if found:
            return found
        taxonomy = Taxonomy.objects.create(id=data.taxonomy_id or uuid.uuid4(), **data.taxonomy)
        pending.taxonomies.append(taxonomy)
        pending.created["taxonomy"] += 1
        return taxonomy

    def _coverage(self, batch: list[ParsedService], existing: list[uuid.UUID]) -> None:
        """Where each service reaches, from the data in hand (see directory.places)."""
        by_id = {loc.id: loc for s in batch for loc in s.locations if loc.fields is not None}
        referenced = {loc.id for s in batch for loc in s.locations if loc.fields is None}
        stored: dict[uuid.UUID, PlaceFacts] = {
            location.id: place_facts_of(location)
            for location in Location.objects.filter(id__in=referenced).prefetch_related("addresses")
        }
        for pk, loc in by_id.items():
            fields = loc.fields or {}
            lat, lng = fields.get("latitude"), fields.get("longitude")
            stored[pk] = PlaceFacts(
                virtual=fields.get("location_type") == "virtual",
                towns=tuple(a["city"] for a in loc.addresses if a.get("city")),
                postcodes=tuple(a["postal_code"] for a in loc.addresses if a.get("postal_code")),
                point=(float(lat), float(lng)) if lat is not None and lng is not None else None,
            )
        rows = []
        for service in batch:
            areas = [a["name"] for a in service.children["service_areas"]]
            places = [stored[loc.id] for loc in service.locations]
            rows += coverage_rows(service.id, stated_places(areas, places, self.places))
        if existing:
            ServiceCoverage.objects.filter(service_id__in=existing).delete()
        ServiceCoverage.objects.bulk_create(rows)


class SourceProblem(Exception):
    """The source itself cannot be read (not JSON, a missing file): nothing is imported."""


def import_services(
    records: Iterable[Any],
    *,
    dry_run: bool = False,
    all_or_nothing: bool = True,
    source: str = "",
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Import nested HSDS service objects in one transaction and report what happened."""
    importer = Importer(
        dry_run=dry_run, all_or_nothing=all_or_nothing, source=source, batch_size=batch_size
    )
    return importer.run(records)
