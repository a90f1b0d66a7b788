"""`manage.py import_hsds SOURCE`: import Open Referral data through the import service."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from signpost.openreferral.importer.service import Source, run_import
from signpost.openreferral.models import Outcome


class Command(BaseCommand):
    help = (
        "Import services from SOURCE: a JSON file (an array of HSDS 3.0 services, ORUK list "
        "pages, or an ORUK 1.0 feed), an HSDS tabular package (a folder or .zip of CSVs with "
        "datapackage.json), or the base URL of an ORUK API. Every valid record is saved and "
        "each rejected one reported; with --strict, nothing is saved if any record is rejected."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="A file, a folder, a .zip or an http(s) URL.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report; save nothing."
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="All or nothing: save nothing if any record is rejected.",
        )
        parser.add_argument(
            "--keep-going",
            action="store_true",
            help="The default now: save the good records even if others are rejected.",
        )
        parser.add_argument(
            "--report", metavar="FILE", help="Also write the report as JSON to FILE."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["strict"] and options["keep_going"]:
            raise CommandError("Choose --strict or --keep-going, not both.")
        run = run_import(
            Source.given(options["source"]), dry_run=options["dry_run"], strict=options["strict"]
        )
        self.stdout.write(summary(run))
        if options["report"]:
            Path(options["report"]).write_text(
                json.dumps(run.report, indent=2, ensure_ascii=False), encoding="utf-8"
            )
        if run.outcome in (Outcome.FAILED, Outcome.REJECTED, Outcome.INCOMPLETE):
            raise CommandError(run.report.get("outcome", run.get_outcome_display()))


def summary(run: Any) -> str:
    """The report as plain text, rebuilt from what the run stored."""
    from signpost.openreferral.importer.report import ImportReport, Problem

    data = run.report
    report = ImportReport(source=run.source_name, dry_run=run.dry_run)
    report.records_read = data.get("records_read", 0)
    for key in ("created", "updated", "unchanged"):
        getattr(report, key).update(data.get(key, {}))
    report.rejected = [Problem(p["record"], p["field"], p["reason"]) for p in data["rejected"]]
    report.warnings = [Problem(p["record"], p["field"], p["reason"]) for p in data["warnings"]]
    for group in data.get("warning_counts", []):
        report.warning_counts[(group["field"], group["reason"])] = group["count"]
    report.rolled_back, report.failure = data["rolled_back"], data["failure"]
    report.kept_going = data.get("kept_going", False)
    return report.summary()
