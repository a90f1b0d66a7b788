"""The one way to run an import: the command line, an admin upload and a feed sync all use it.

`run_import(source, who=..., dry_run=..., strict=...)` writes the run first (so a run cut
short by a crash or a kill shows as incomplete), reads the source, imports it, and records the
report. Keeping going is the default: every valid record is saved and each rejected one is
reported with its reason; `strict` refuses the lot if any record is bad. A feed's sync then
makes the services that left the feed inactive, unless too many would go at once (`sweep`).
"""

from __future__ import annotations

import contextlib
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from ..models import FeedSubscription, ImportRun, Outcome, SourceKind
from .fields import ids_from_feed
from .report import ImportReport
from .sources import read_json_upload, read_source, safe_url
from .sweep import sweep
from .writer import Importer, SourceProblem

logger = logging.getLogger(__name__)
UNEXPECTED = "Something went wrong while importing. The developers have been told."


@dataclass(frozen=True)
class Source:
    """Where an import reads from (`location`, never shown) and the name staff see."""

    location: str
    name: str
    kind: str
    remove_after: bool = False  # a saved copy of an upload, deleted once read

    @classmethod
    def given(cls, text: str, kind: str = SourceKind.COMMAND) -> Source:
        """A path or URL typed at the command line or stored on a feed."""
        if text.startswith(("http://", "https://")):
            return cls(text, safe_url(text), SourceKind.URL if kind == SourceKind.COMMAND else kind)
        return cls(text, Path(text).name, kind)

    @classmethod
    def of_run(cls, run: ImportRun) -> Source:
        return cls(
            run.source_location,
            run.source_name,
            run.source_kind,
            remove_after=run.source_kind == SourceKind.UPLOAD,
        )

    def records(self) -> Iterator[dict]:
        if self.kind != SourceKind.UPLOAD:
            return read_source(self.location)
        path = Path(self.location)
        if not self.name.lower().endswith(".zip"):
            return read_json_upload(lambda: path.open("rb"), self.name)
        if not zipfile.is_zipfile(path):
            raise SourceProblem(f"{self.name} is not a readable .zip file.")
        return read_source(self.location)

    def remove(self) -> None:
        """Delete a saved upload and the folder made for it."""
        path = Path(self.location)
        path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            path.parent.rmdir()


def start_run(
    source: Source,
    *,
    who: Any = None,
    dry_run: bool = False,
    strict: bool = False,
    feed: FeedSubscription | None = None,
    queued: bool = False,
) -> ImportRun:
    """Write the run before anything is imported, so even a killed run leaves a trace."""
    with transaction.atomic():
        return ImportRun.objects.create(
            started_at=timezone.now(),
            run_by=who if getattr(who, "is_authenticated", False) else None,
            feed=feed,
            source_name=source.name[:255],
            source_location=source.location,
            source_kind=source.kind,
            dry_run=dry_run,
            strict=strict,
            outcome=Outcome.QUEUED if queued else Outcome.RUNNING,
            report={"source": source.name},
        )


def run_import(
    source: Source,
    *,
    who: Any = None,
    dry_run: bool = False,
    strict: bool = False,
    feed: FeedSubscription | None = None,
    run: ImportRun | None = None,
) -> ImportRun:
    """Import `source` and return its finished run (see the module's docstring)."""
    if run is None:
        run = start_run(source, who=who, dry_run=dry_run, strict=strict, feed=feed)
    else:
        dry_run, strict, feed = run.dry_run, run.strict, run.feed
    run.started_at = run.heartbeat_at = timezone.now()
    run.outcome = Outcome.RUNNING
    run.save(update_fields=["started_at", "heartbeat_at", "outcome"])
    report = ImportReport(source=source.name, dry_run=dry_run)
    extra: dict[str, Any] = {}
    try:
        importer = Importer(
            dry_run=dry_run,
            all_or_nothing=strict,
            source=source.name,
            feed_id=feed.pk if feed else None,
            run_id=run.pk,
            progress=lambda so_far: _progress(run, so_far),
        )
        report = importer.report
        # A feed's own ids become the same UUIDs every run (see fields.ids_from_feed).
        with ids_from_feed(safe_url(feed.source_url) if feed else source.name):
            importer.run(source.records())
        if feed is not None and report.saved and not dry_run:
            extra = sweep(feed, run, importer.refused_ids)
    except SourceProblem as problem:
        report.failure = str(problem)
        report.rolled_back = not report.kept_going
    except Exception:
        # A surprise (a bug, the database gone): the developers get the detail, staff a plain
        # answer, and every batch already written stays written, each service whole.
        logger.exception("Import of %s stopped part-way", source.name)
        report.failure = UNEXPECTED
        report.rolled_back = not report.kept_going
        extra = {"outcome": Outcome.INCOMPLETE}
    finally:
        if source.remove_after:
            source.remove()
    return finish(run, report, **extra)


def _progress(run: ImportRun, report: ImportReport) -> None:
    """Counts so far, for the run page that refreshes itself while the worker imports."""
    ImportRun.objects.filter(pk=run.pk).update(
        heartbeat_at=timezone.now(),
        records_read=report.records_read,
        services_created=report.created["service"],
        services_updated=report.updated["service"],
        services_unchanged=report.unchanged["service"],
        services_rejected=len(report.rejected),
    )


def outcome_of(report: ImportReport) -> str:
    """The stored outcome for a finished report."""
    if report.failure:
        return Outcome.FAILED
    if report.dry_run:
        return Outcome.DRY_RUN
    if report.rolled_back:
        return Outcome.REJECTED
    return Outcome.SAVED


def finish(
    run: ImportRun,
    report: ImportReport,
    *,
    outcome: str | None = None,
    deactivated: int = 0,
    pending: list[str] | None = None,
) -> ImportRun:
    """Record the finished run with its report, in its own transaction."""
    data = report.as_dict()
    data["source"] = run.source_name
    data["pending_deactivation"] = pending or []
    data["deactivated"] = deactivated
    run.outcome = outcome or (Outcome.CONFIRM if pending else outcome_of(report))
    run.finished_at = timezone.now()
    run.heartbeat_at = run.finished_at
    run.records_read = report.records_read
    run.services_created = report.created["service"]
    run.services_updated = report.updated["service"]
    run.services_unchanged = report.unchanged["service"]
    run.services_rejected = len(report.rejected)
    run.services_deactivated = deactivated
    run.report = data
    with transaction.atomic():
        run.save()
    return run
