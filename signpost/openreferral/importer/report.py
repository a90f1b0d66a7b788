"""What an import did: counts, every rejected record, and data-quality warnings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

# Warnings of one kind beyond this many are counted, not listed, so a feed where every record
# lacks a review date gives a readable report and memory that does not grow with the feed.
EXAMPLES_PER_WARNING = 50
PLURALS = {"taxonomy": "taxonomies", "taxonomy term": "taxonomy terms"}


@dataclass
class Problem:
    record: str
    field_name: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"record": self.record, "field": self.field_name, "reason": self.reason}


@dataclass
class ImportReport:
    """Counts by kind of object, rejections (all of them) and warnings (grouped)."""

    source: str = ""
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    warning_counts: Counter = field(default_factory=Counter)
    records_read: int = 0
    rolled_back: bool = False
    dry_run: bool = False
    failure: str = ""
    # Kept going: each batch was saved as it went, so a failure part-way keeps what came before.
    kept_going: bool = False

    def reject(self, record: str, field_name: str, reason: str) -> None:
        self.rejected.append(Problem(record, field_name, reason))

    def warn(self, record: str, field_name: str, reason: str) -> None:
        key = (field_name, reason)
        self.warning_counts[key] += 1
        if self.warning_counts[key] <= EXAMPLES_PER_WARNING:
            self.warnings.append(Problem(record, field_name, reason))

    @property
    def saved(self) -> bool:
        return not self.rolled_back and not self.failure

    def outcome(self) -> str:
        if (
            self.failure
            and self.kept_going
            and (self.created["service"] or self.updated["service"])
        ):
            return (
                f"The import stopped part-way: {self.failure} The services read before that "
                "were saved, each one whole; nothing else changed."
            )
        if self.failure:
            return f"The import failed: {self.failure} Nothing was saved."
        if self.dry_run:
            return "Dry run: this is what would happen. Nothing was saved."
        if self.rolled_back:
            return (
                f"{len(self.rejected)} record(s) could not be imported, so nothing was saved. "
                "Fix them and import again."
            )
        if self.rejected:
            return (
                f"Imported. {len(self.rejected)} record(s) could not be imported and were left "
                "out; every other record was saved."
            )
        return "Imported."

    def summary(self) -> str:
        """The report as plain text, for the command line and the admin."""
        lines = [self.outcome()]
        lines.append(
            f"Records read: {self.records_read}. Services created: {self.created['service']}, "
            f"updated: {self.updated['service']}, unchanged: {self.unchanged['service']}, "
            f"rejected: {len(self.rejected)}."
        )
        others = sorted((set(self.created) | set(self.updated) | set(self.unchanged)) - {"service"})
        for kind in others:
            plural = PLURALS.get(kind, f"{kind}s")
            lines.append(
                f"{plural.capitalize()} created: {self.created[kind]}, "
                f"updated: {self.updated[kind]}, unchanged: {self.unchanged[kind]}."
            )
        lines += [f"REJECTED {p.record}: {p.field_name}: {p.reason}" for p in self.rejected]
        for (field_name, reason), count in sorted(self.warning_counts.items()):
            examples = [
                p.record for p in self.warnings if (p.field_name, p.reason) == (field_name, reason)
            ]
            shown = ", ".join(examples[:5]) + (", ..." if count > 5 else "")
            lines.append(f"warning ({count}) {field_name}: {reason} — {shown}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data, kept with the import run."""
        return {
            "source": self.source,
            "outcome": self.outcome(),
            "records_read": self.records_read,
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "rejected": [p.as_dict() for p in self.rejected],
            "warnings": [p.as_dict() for p in self.warnings],
            "warning_counts": [
                {"field": f, "reason": r, "count": n}
                for (f, r), n in sorted(self.warning_counts.items())
            ],
            "rolled_back": self.rolled_back,
            "dry_run": self.dry_run,
            "failure": self.failure,
            "kept_going": self.kept_going,
        }
