"""Reading services from the directory into what an entry stores: document, features, facts.

Only this module knows the directory's tables; the rest of the app works on entries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from uuid import UUID

from django.db.models import Exists, OuterRef

from signpost.directory import opening
from signpost.directory.models import CostOption, Language, Service, ServiceCoverage
from signpost.directory.models.taxonomy import OWN_VOCABULARIES
from signpost.directory.search.documents import SearchDocument
from signpost.directory.search.scoring import features_of

SCHEDULE_FIELDS = ("freq", "byday", "opens_at", "closes_at", "valid_from", "valid_to")


@dataclass(slots=True)
class CompactSchedule:
    """A schedule as `opening` reads it, rebuilt from an entry without touching the database."""

    freq: str
    byday: str
    opens_at: dt.time | None
    closes_at: dt.time | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    description: str = ""


def schedule_to_json(schedule: object) -> list:
    """A schedule's opening fields as a short JSON list."""
    values = [getattr(schedule, name) for name in SCHEDULE_FIELDS]
    return [v.isoformat() if isinstance(v, dt.date | dt.time) else v for v in values]


def schedule_from_json(values: list) -> CompactSchedule:
    """The inverse of `schedule_to_json`."""
    freq, byday, opens, closes, start, end = values
    return CompactSchedule(
        freq or "",
        byday or "",
        dt.time.fromisoformat(opens) if opens else None,
        dt.time.fromisoformat(closes) if closes else None,
        dt.date.fromisoformat(start) if start else None,
        dt.date.fromisoformat(end) if end else None,
    )


@dataclass(frozen=True, slots=True)
class Source:
    """Everything an entry is made from, for one public service."""

    service_id: UUID
    stamp: str
    document: SearchDocument
    facts: dict

    def entry_fields(self) -> dict:
        """Field values of the service's SearchEntry."""
        features = features_of(self.document)
        return {
            "sort_name": self.document.name.casefold()[:255],
            "minimum_age": self.document.minimum_age,
            "maximum_age": self.document.maximum_age,
            "crisis_line": features.crisis_prior is not None,
            "document": asdict(self.document),
            "features": features.to_json(),
            "facts": self.facts,
            "stamp": self.stamp,
        }


def stamp_of(updated_at: dt.datetime | None, fingerprint: str | None) -> str:
    """What says a service changed: its last change and the feed record it came from."""
    return f"{updated_at.isoformat() if updated_at else ''}|{fingerprint or ''}"[:200]


def public_stamps() -> dict[UUID, str]:
    """Every public service's stamp, for the self-check."""
    rows = Service.objects.public().values_list("id", "updated_at", "import_fingerprint")
    return {sid: stamp_of(changed, fingerprint) for sid, changed, fingerprint in rows}


def read_services(service_ids: Iterable[UUID], chunk: int = 500) -> Iterator[Source]:
    """Sources of those of the services that are public, a chunk of queries at a time."""
    ids = list(service_ids)
    for start in range(0, len(ids), chunk):
        yield from _read_chunk(ids[start : start + chunk])


def _read_chunk(ids: list[UUID]) -> Iterator[Source]:
    """Sources for up to one chunk of ids (five queries with the prefetches)."""
    national = ServiceCoverage.objects.everywhere().filter(service=OuterRef("pk"))
    services = (
        Service.objects.public()
        .filter(id__in=ids)
        .select_related("organisation")
        .annotate(is_national=Exists(national))
        .prefetch_related("schedules", "service_areas", "attributes__taxonomy_term__taxonomy")
    )
    languages: dict[UUID, set[str]] = defaultdict(set)
    for sid, code in Language.objects.filter(service_id__in=ids).values_list("service_id", "code"):
        languages[sid].add(code.lower())
    charged = set(
        CostOption.objects.filter(service_id__in=ids, amount__gt=0).values_list(
            "service_id", flat=True
        )
    )
    for service in services:
        yield _source(service, sorted(languages[service.id]), service.id not in charged)


def _source(service: Service, languages: list[str], free: bool) -> Source:
    """One service's document and facts."""
    labels: list[str] = []
    vocabularies: dict[str, set[str]] = defaultdict(set)
    for attribute in service.attributes.all():
        term = attribute.taxonomy_term
        labels.extend(t for t in (term.name, term.code) if t)
        if term.taxonomy.name in OWN_VOCABULARIES:
            vocabularies[term.taxonomy.name].add(term.code)
    schedules = list(service.schedules.all())
    always_open = opening.is_always_open(schedules)
    document = SearchDocument(
        id=str(service.id),
        name=service.name,
        description=service.description,
        alternate_name=service.alternate_name,
        organisation_name=service.organisation.name,
        eligibility=service.eligibility_description,
        application_process=service.application_process,
        terms=tuple(labels),
        service_area_names=tuple(a.name for a in service.service_areas.all()),
        available_24_7=always_open,
        is_national=service.is_national,  # type: ignore[attr-defined]
        minimum_age=service.minimum_age,
        maximum_age=service.maximum_age,
    )
    facts = {
        "terms": {name: sorted(codes) for name, codes in vocabularies.items()},
        "languages": languages,
        "free": free,
        "always_open": always_open,
        "schedules": [schedule_to_json(s) for s in schedules],
    }
    stamp = stamp_of(service.updated_at, service.import_fingerprint)
    return Source(service.id, stamp, document, facts)
