"""`manage.py import_hsds SOURCE`: import Open Referral data, all or nothing, with a report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from signpost.openreferral.importer import ImportReport, SourceProblem, import_services
from signpost.openreferral.importer.sources import read_source, safe_url
from signpost.openreferral.runs import record_run


class Command(BaseCommand):
    help = (
        "Import services from SOURCE: a JSON file (an array of HSDS 3.0 services, ORUK list "
        "pages, or an ORUK 1.0 feed), an HSDS tabular package (a folder or .zip of CSVs with "
        "datapackage.json), or the base URL of an ORUK API. One transaction: if any record is "
        "rejected, nothing is saved (unless --keep-going)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="A file, a folder, a .zip or an http(s) URL.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report; save nothing."
        )
        parser.add_argument(
            "--keep-going",
            action="store_true",
            help="Save the records that can be imported even if others are rejected.",
        )
        parser.add_argument(
            "--report", metavar="FILE", help="Also write the report as JSON to FILE."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source: str = options["source"]
        is_url = source.startswith(("http://", "https://"))
        name = safe_url(source) if is_url else Path(source).name
        try:
            records = read_source(source)
        except SourceProblem as problem:
            report = ImportReport(source=name, dry_run=options["dry_run"])
            report.failure = str(problem)
            report.rolled_back = True
        else:
            report = import_services(
                records,
                dry_run=options["dry_run"],
                all_or_nothing=not options["keep_going"],
                source=name,
            )
        record_run(
            report, run_by=None, source_name=name, source_kind="url" if is_url else "command"
        )
        self.stdout.write(report.summary())
        if options["report"]:
            Path(options["report"]).write_text(
                json.dumps(report.as_dict(), indent=2, ensure_ascii=False), encoding="utf-8"
            )
        if report.failure or (report.rolled_back and not report.dry_run):
            raise CommandError(report.outcome())
