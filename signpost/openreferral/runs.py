"""Keep a record of each import, whether it came from the admin or the command line."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from .importer import ImportReport
from .models import ImportRun, Outcome


def outcome_of(report: ImportReport) -> str:
    """The stored outcome for a finished report."""
    if report.failure:
        return Outcome.FAILED
    if report.dry_run:
        return Outcome.DRY_RUN
    if report.rolled_back:
        return Outcome.REJECTED
    return Outcome.SAVED


def record_run(
    report: ImportReport,
    *,
    run_by: Any,
    source_name: str,
    source_kind: str,
    started_at: dt.datetime | None = None,
) -> ImportRun:
    """Log a finished import in its own transaction, so rolled-back imports are logged too.

    `run_by` is a user or None (the command line); `source_name` is a file name or URL, never
    a path on the server. `started_at` defaults to now when the caller did not time the run.
    """
    finished_at = timezone.now()
    data = report.as_dict()
    data["source"] = source_name
    with transaction.atomic():
        return ImportRun.objects.create(
            started_at=started_at or finished_at,
            finished_at=finished_at,
            run_by=run_by if getattr(run_by, "is_authenticated", False) else None,
            source_name=source_name[:255],
            source_kind=source_kind,
            dry_run=report.dry_run,
            outcome=outcome_of(report),
            services_created=report.created["service"],
            services_updated=report.updated["service"],
            services_unchanged=report.unchanged["service"],
            services_rejected=len(report.rejected),
            report=data,
        )
