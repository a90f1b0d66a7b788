"""Whether each organisation and place an import touches was added, changed or left as it was.

Services are told apart by fingerprint before writing; organisations and places are written
whenever a service that names them changes, so the writer asks here whether what it wrote
differs from what was stored. Each is counted once per run, however many services share it.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
# One record met in several batches counts once, as the strongest thing that happened to it.
RANK = {CREATED: 0, UPDATED: 1, UNCHANGED: 2}


@dataclass
class RecordOutcomes:
    """What happened to each record of each kind, by id."""

    by_kind: dict[str, dict[uuid.UUID, str]] = field(default_factory=dict)

    def note(self, kind: str, pk: uuid.UUID, outcome: str) -> None:
        """Record an outcome, keeping a stronger one already noted for the same record."""
        seen = self.by_kind.setdefault(kind, {})
        if pk not in seen or RANK[outcome] < RANK[seen[pk]]:
            seen[pk] = outcome

    def merge(self, other: RecordOutcomes) -> None:
        for kind, outcomes in other.by_kind.items():
            for pk, outcome in outcomes.items():
                self.note(kind, pk, outcome)

    def add_to(self, created: Counter, updated: Counter, unchanged: Counter) -> None:
        """Add the counts to a report's counters."""
        for kind, outcomes in self.by_kind.items():
            counts = Counter(outcomes.values())
            created[kind] += counts[CREATED]
            updated[kind] += counts[UPDATED]
            unchanged[kind] += counts[UNCHANGED]


def _value(row: Any, model: Any, name: str) -> Any:
    return getattr(row, model._meta.get_field(name).attname)


def classify(model: Any, rows: list[Any], fields: list[str]) -> dict[uuid.UUID, str]:
    """For rows about to be upserted: new, different from what is stored, or the same."""
    compared = [name for name in fields if name != "updated_at"]
    stored = {
        values.pop("id"): values
        for values in model.objects.filter(id__in=[r.id for r in rows]).values("id", *compared)
    }
    outcomes = {}
    for row in rows:
        before = stored.get(row.id)
        if before is None:
            outcomes[row.id] = CREATED
        elif all(before[name] == _value(row, model, name) for name in compared):
            outcomes[row.id] = UNCHANGED
        else:
            outcomes[row.id] = UPDATED
    return outcomes


def children_differ(model: Any, owner: str, given: dict[uuid.UUID, list[dict]]) -> set[uuid.UUID]:
    """Owners whose rows of this model (a place's addresses, say) differ from those stored."""
    if not given:
        return set()
    keys = sorted({key for rows in given.values() for row in rows for key in row})
    stored: dict[uuid.UUID, list[tuple]] = {}
    for values in model.objects.filter(**{f"{owner}__in": list(given)}).values(owner, *keys):
        stored.setdefault(values[owner], []).append(tuple(values[key] for key in keys))
    return {
        pk
        for pk, rows in given.items()
        if sorted(stored.get(pk, []), key=repr)
        != sorted((tuple(row.get(key) for key in keys) for row in rows), key=repr)
    }
