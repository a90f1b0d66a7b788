"""Writing entries and keeping the whole-directory statistics in step with them.

Every write moves `SearchStats.version` on and stamps the keys and words it changed with the
new version, so other processes refresh only those (see `statistics.py`). A full rebuild
also starts a new `generation`, which makes every process reload from scratch.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any
from uuid import UUID

from django.db import transaction

from signpost.directory.models import Service
from signpost.directory.search.documents import Features

from . import fulltext
from .models import SearchEntry, SearchKey, SearchStats, SearchWord
from .sources import Source, read_services

CHUNK = 500


class Deltas:
    """Changes to the statistics from entries removed and added."""

    def __init__(self) -> None:
        self.documents = 0
        self.lengths: Counter[str] = Counter()
        self.keys: Counter[str] = Counter()
        self.words: Counter[str] = Counter()

    def count(self, features: dict, sign: int) -> None:
        """Add (sign 1) or take away (sign -1) one entry's contribution."""
        parsed = Features.from_json(features)
        self.documents += sign
        keys: set[str] = set()
        for field, field_keys, length in parsed.fields:
            self.lengths[field] += sign * length
            keys.update(field_keys)
        for key in keys:
            self.keys[key] += sign
        for word in set(parsed.words):
            self.words[word] += sign


def stats_row() -> SearchStats:
    """The statistics row, locked for this transaction where the database can."""
    stats = SearchStats.objects.select_for_update().filter(pk=1).first()
    return stats or SearchStats.objects.create(pk=1, generation=uuid.uuid4().hex)


def index_services(service_ids: Iterable[UUID]) -> int:
    """Rewrite the entries of these services: public ones (re)written, others removed."""
    ids = list(dict.fromkeys(service_ids))
    written = 0
    for start in range(0, len(ids), CHUNK):
        with transaction.atomic():
            written += _index_chunk(ids[start : start + CHUNK])
    return written


def _index_chunk(ids: list[UUID]) -> int:
    """One transaction: old entries out, new ones in, statistics moved by the difference."""
    stats = stats_row()
    deltas = Deltas()
    old = list(SearchEntry.objects.filter(service_id__in=ids).values_list("id", "features"))
    for _pk, features in old:
        deltas.count(features, -1)
    SearchEntry.objects.filter(id__in=[pk for pk, _f in old]).delete()
    fulltext.remove([pk for pk, _f in old])
    sources = list(read_services(ids))
    _write_entries(sources, deltas)
    _apply(stats, deltas)
    return len(sources)


def _write_entries(sources: list[Source], deltas: Deltas) -> None:
    """Create entries and their full-text rows, counting them into the deltas."""
    entries = [SearchEntry(service_id=s.service_id, **s.entry_fields()) for s in sources]
    SearchEntry.objects.bulk_create(entries)
    rows = []
    for entry in entries:
        deltas.count(entry.features, 1)
        strong, body = fulltext.texts_of(Features.from_json(entry.features).fields)
        rows.append(
            (entry.pk, strong, body, entry.service_id, entry.minimum_age, entry.maximum_age)
        )
    fulltext.write(rows)


def _apply(stats: SearchStats, deltas: Deltas) -> None:
    """Move the statistics row, key counts and word counts on, under a new version."""
    stats.version += 1
    stats.documents = max(stats.documents + deltas.documents, 0)
    lengths = Counter(stats.lengths)
    lengths.update(deltas.lengths)
    stats.lengths = {field: max(total, 0) for field, total in lengths.items()}
    _apply_counts(SearchKey, "key", deltas.keys, stats.version)
    _apply_counts(SearchWord, "word", deltas.words, stats.version)
    stats.save()


def _apply_counts(model: Any, field: str, changes: Counter[str], version: int) -> None:
    """Add the changes to existing rows, create new ones; zero rows stay so refreshes see them."""
    changed = [(name, delta) for name, delta in changes.items() if delta]
    for start in range(0, len(changed), CHUNK):
        chunk = dict(changed[start : start + CHUNK])
        existing = {getattr(r, field): r for r in model.objects.filter(**{f"{field}__in": chunk})}
        updates, creates = [], []
        for name, delta in chunk.items():
            row = existing.get(name)
            if row is None:
                if delta > 0:
                    creates.append(_new_row(model, field, name, delta, version))
            else:
                row.documents = max(row.documents + delta, 0)
                row.version = version
                updates.append(row)
        model.objects.bulk_update(updates, ["documents", "version"])
        model.objects.bulk_create(creates)


def _new_row(model: Any, field: str, name: str, documents: int, version: int) -> object:
    extra = {"single": " " not in name} if model is SearchKey else {}
    return model(**{field: name}, documents=documents, version=version, **extra)


def rebuild() -> int:
    """Rebuild every entry and statistic from the directory; returns the entries written."""
    with transaction.atomic():
        stats = stats_row()
        SearchEntry.objects.all().delete()
        SearchKey.objects.all().delete()
        SearchWord.objects.all().delete()
        fulltext.clear()
        deltas = Deltas()
        total = 0
        for sources in _chunks(read_services(_public_ids())):
            _write_entries(sources, deltas)
            total += len(sources)
        stats.documents, stats.lengths, stats.signature = 0, {}, ""
        stats.generation = uuid.uuid4().hex
        _apply(stats, deltas)
    return total


def _public_ids() -> list[UUID]:
    return list(Service.objects.public().order_by("id").values_list("id", flat=True))


def _chunks(sources: Iterator[Source]) -> Iterator[list[Source]]:
    chunk: list[Source] = []
    for source in sources:
        chunk.append(source)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
