"""Write the directory as HSDS 3.0: a JSON array of nested services, and a tabular package.

The same serialiser as the API, so an export holds what the API would serve: no private
contacts, no hidden addresses. Output is deterministic (services in id order), so exporting,
importing into an empty database and exporting again gives identical files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from signpost.directory.models import Service

from . import serialise
from .formats.tabular import write_package

JSON_NAME = "services.json"
TABULAR_DIR = "tabular"


@dataclass
class ExportResult:
    services: int
    json_path: Path | None
    tabular_path: Path | None


def write_json(path: Path) -> int:
    """Stream every service to `path` as one JSON array; returns how many."""
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("[")
        for service in serialise.full_services(Service.objects.all()):
            out.write(",\n" if count else "\n")
            out.write(json.dumps(service, ensure_ascii=False, indent=2))
            count += 1
        out.write("\n]\n" if count else "]\n")
    return count


def export(destination: Path, *, json_form: bool = True, tabular_form: bool = True) -> ExportResult:
    """Write the chosen forms into `destination` (created if missing)."""
    destination.mkdir(parents=True, exist_ok=True)
    count = Service.objects.count()
    json_path = tabular_path = None
    if json_form:
        json_path = destination / JSON_NAME
        count = write_json(json_path)
    if tabular_form:
        tabular_path = destination / TABULAR_DIR
        tabular_path.mkdir(exist_ok=True)
        write_package(serialise.full_services(Service.objects.all()), tabular_path)
    return ExportResult(count, json_path, tabular_path)
