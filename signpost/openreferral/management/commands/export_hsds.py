"""`manage.py export_hsds DEST`: write the directory as HSDS 3.0 JSON and tabular files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from signpost.openreferral.exporter import export


class Command(BaseCommand):
    help = (
        "Write every service to DEST: DEST/services.json (an array of fully nested HSDS 3.0 "
        "services) and DEST/tabular/ (CSV files with datapackage.json). Private contacts and "
        "hidden addresses are left out, as in the API."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("destination", help="A folder; created if it does not exist.")
        parser.add_argument("--json-only", action="store_true", help="Skip the tabular form.")
        parser.add_argument("--tabular-only", action="store_true", help="Skip the JSON form.")

    def handle(self, *args: Any, **options: Any) -> None:
        result = export(
            Path(options["destination"]),
            json_form=not options["tabular_only"],
            tabular_form=not options["json_only"],
        )
        written = [str(p) for p in (result.json_path, result.tabular_path) if p]
        self.stdout.write(f"Exported {result.services} services to {', '.join(written)}.")
