"""Keep a record of an import that was reported without running through the service.

`importer.service` writes every run it makes (first as running, then finished); this is for
code and tests that only hold a finished report.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from .importer import ImportReport
from .importer.service import Source, finish, outcome_of, start_run
from .models import ImportRun

__all__ = ["outcome_of", "record_run"]


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
    run = start_run(Source("", source_name, source_kind), who=run_by, dry_run=report.dry_run)
    run.started_at = started_at or timezone.now()
    return finish(run, report)
