"""Read and write HSDS 3.0 tabular data packages (a folder of CSVs plus ``datapackage.json``).

Both directions exchange nested HSDS 3.0 service dicts, the shape of HSDS's
``examples/service_full.json``:

* Relations are expressed only by nesting. Link columns that point at the parent a row is nested
  under (``service_id`` on a phone, ``location_id`` on an address, ``link_id`` on an attribute,
  ``resource_id`` on metadata...) never appear in the dicts.
* A reference column whose target is in the package is replaced by the nested object:
  ``organization_id`` -> ``organization``, ``program_id`` -> ``program``, a service at location's
  ``location_id`` -> ``location``, an attribute's ``taxonomy_term_id`` -> ``taxonomy_term`` and a
  term's ``taxonomy_id`` -> ``taxonomy_detail``. When the target is missing the raw id is kept
  under the column name, so the importer can decide what to do.
* A row linked to several parents (the HSDS example's phone belongs to a service, a location, a
  contact, a service at location and an organization) is nested under each of them.
* Empty cells are absent keys. Cells of fields the schema types as number, integer or boolean are
  converted; a value that does not convert is passed through as the original string.
* Nested lists keep the order of the rows in the file, so a publisher's order (the main phone
  first) survives and a package we wrote reads back as it was exported.
* Columns the HSDS 3.0 schema does not define are ignored, except the three ORUK profile extras
  (``accessibility.accessibility``, ``service_area.service_area``, ``taxonomy_term.term``) and
  Signpost's own ``x_`` extensions (``location.x_hide_address``, ``service.x_referral_criteria``,
  ``service.x_professional_referral``).
"""

from __future__ import annotations

import csv
import json
import logging
import math
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

DESCRIPTOR = "datapackage.json"


class TabularError(Exception):
    """A package that cannot be read or written, with a plain-English reason."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- The HSDS 3.0 tabular schema, embedded (never read from disk at run time). ---------------
#
# Each table: (resource name, conventional file names, fields). A field is "name" (string) or
# "name:type" where type is uuid, email, uri, number, boolean, date, time or datetime. Field order
# is the column order we write, and follows HSDS 3.0's datapackage.json; our ``x_`` extensions (as
# the API serves them) come last, so a package carries everything the JSON form does.

_TABLES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "organization",
        ("organizations.csv", "organization.csv"),
        "id:uuid name alternate_name description email:email website:uri tax_status tax_id "
        "year_incorporated:number legal_status logo uri:uri parent_organization_id:uuid",
    ),
    (
        "program",
        ("programs.csv", "program.csv"),
        "id:uuid organization_id:uuid name alternate_name description",
    ),
    (
        "service",
        ("services.csv", "service.csv"),
        "id:uuid organization_id:uuid program_id:uuid name alternate_name description url:uri "
        "email:email status interpretation_services application_process fees_description "
        "wait_time fees accreditations eligibility_description minimum_age:number "
        "maximum_age:number assured_date:date assurer_email:email licenses alert "
        "last_modified:datetime x_referral_criteria x_professional_referral",
    ),
    (
        "attribute",
        ("attributes.csv", "attribute.csv"),
        "id:uuid link_id:uuid taxonomy_term_id:uuid link_type link_entity value",
    ),
    (
        "service_at_location",
        ("service_at_location.csv", "service_at_locations.csv"),
        "id:uuid service_id:uuid location_id:uuid description",
    ),
    (
        "location",
        ("locations.csv", "location.csv"),
        "id:uuid location_type url:uri organization_id:uuid name alternate_name description "
        "transportation latitude:number longitude:number external_identifier "
        "external_identifier_type x_hide_address:boolean",
    ),
    (
        "phone",
        ("phones.csv", "phone.csv"),
        "id:uuid location_id:uuid service_id:uuid organization_id:uuid contact_id:uuid "
        "service_at_location_id:uuid number extension:number type description",
    ),
    (
        "contact",
        ("contacts.csv", "contact.csv"),
        "id:uuid organization_id:uuid service_id:uuid service_at_location_id:uuid "
        "location_id:uuid name title department email:email",
    ),
    (
        "address",
        ("addresses.csv", "address.csv"),
        "id:uuid location_id:uuid attention address_1 address_2 city region state_province "
        "postal_code country address_type",
    ),
    (
        "schedule",
        ("schedules.csv", "schedule.csv"),
        "id:uuid service_id:uuid location_id:uuid service_at_location_id:uuid valid_from:date "
        "valid_to:date dtstart:date timezone:number until:date count:number wkst freq "
        "interval:number byday byweekno bymonthday byyearday description opens_at:time "
        "closes_at:time schedule_link:uri attending_type notes",
    ),
    (
        "funding",
        ("funding.csv", "fundings.csv"),
        "id:uuid organization_id:uuid service_id:uuid source",
    ),
    (
        "service_area",
        ("service_areas.csv", "service_area.csv"),
        "id:uuid service_id:uuid name description extent extent_type uri service_area",
    ),
    (
        "required_document",
        ("required_documents.csv", "required_document.csv"),
        "id:uuid service_id:uuid document uri:uri",
    ),
    (
        "language",
        ("languages.csv", "language.csv"),
        "id:uuid service_id:uuid location_id:uuid phone_id:uuid name code note",
    ),
    (
        "accessibility",
        ("accessibility.csv", "accessibilities.csv"),
        "id:uuid location_id:uuid description details url:uri accessibility",
    ),
    (
        "taxonomy_term",
        ("taxonomy_terms.csv", "taxonomy_term.csv"),
        "id:uuid code name description parent_id:uuid taxonomy language taxonomy_id:uuid "
        "term_uri:uri term",
    ),
    (
        "metadata",
        ("metadata.csv",),
        "id:uuid resource_id:uuid resource_type last_action_date:date last_action_type "
        "field_name previous_value replacement_value updated_by",
    ),
    (
        "meta_table_description",
        ("meta_table_descriptions.csv", "meta_table_description.csv"),
        "id:uuid name language character_set",
    ),
    (
        "cost_option",
        ("cost_options.csv", "cost_option.csv"),
        "id:uuid service_id:uuid valid_from:date valid_to:date option currency amount:number "
        "amount_description",
    ),
    (
        "organization_identifier",
        ("organization_identifiers.csv", "organization_identifier.csv"),
        "id:uuid organization_id:uuid identifier_scheme identifier_type identifier",
    ),
    (
        "taxonomy",
        ("taxonomies.csv", "taxonomy.csv"),
        "id:uuid name description uri:uri version",
    ),
)

_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    kind: tuple(
        (token.partition(":")[0], token.partition(":")[2] or "string") for token in spec.split()
    )
    for kind, _, spec in _TABLES
}
_FILE_NAMES: dict[str, tuple[str, ...]] = {kind: names for kind, names, _ in _TABLES}

# (key in the parent dict, child kind, column on the child row holding the parent's id)
_CHILDREN: dict[str, tuple[tuple[str, str, str], ...]] = {
    "service": (
        ("phones", "phone", "service_id"),
        ("schedules", "schedule", "service_id"),
        ("service_areas", "service_area", "service_id"),
        ("service_at_locations", "service_at_location", "service_id"),
        ("languages", "language", "service_id"),
        ("funding", "funding", "service_id"),
        ("cost_options", "cost_option", "service_id"),
        ("required_documents", "required_document", "service_id"),
        ("contacts", "contact", "service_id"),
    ),
    "organization": (
        ("funding", "funding", "organization_id"),
        ("contacts", "contact", "organization_id"),
        ("phones", "phone", "organization_id"),
        ("locations", "location", "organization_id"),
        ("programs", "program", "organization_id"),
        ("organization_identifiers", "organization_identifier", "organization_id"),
    ),
    "service_at_location": (
        ("contacts", "contact", "service_at_location_id"),
        ("phones", "phone", "service_at_location_id"),
        ("schedules", "schedule", "service_at_location_id"),
    ),
    "location": (
        ("languages", "language", "location_id"),
        ("addresses", "address", "location_id"),
        ("contacts", "contact", "location_id"),
        ("accessibility", "accessibility", "location_id"),
        ("phones", "phone", "location_id"),
        ("schedules", "schedule", "location_id"),
    ),
    "contact": (("phones", "phone", "contact_id"),),
    "phone": (("languages", "language", "phone_id"),),
}

# (key in the dict, referenced kind, column on this row holding the referenced id)
_REFS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "service": (
        ("organization", "organization", "organization_id"),
        ("program", "program", "program_id"),
    ),
    "service_at_location": (("location", "location", "location_id"),),
    "attribute": (("taxonomy_term", "taxonomy_term", "taxonomy_term_id"),),
    "taxonomy_term": (("taxonomy_detail", "taxonomy", "taxonomy_id"),),
}

# Kinds whose JSON objects carry an ``attributes`` list (HSDS 3.0 schema); all but metadata carry
# ``metadata``.
_NO_ATTRIBUTES = frozenset({"attribute", "metadata", "taxonomy", "taxonomy_term"})

# Columns that link a row to the parent it is nested under: never shown in the dicts.
_PARENT_COLUMNS: dict[str, set[str]] = {kind: set() for kind in _FIELDS}
for _parent, _relations in _CHILDREN.items():
    for _key, _child, _column in _relations:
        _PARENT_COLUMNS[_child].add(_column)
_PARENT_COLUMNS["attribute"].add("link_id")
_PARENT_COLUMNS["metadata"].add("resource_id")
_REF_COLUMNS = {kind: {column for _, _, column in refs} for kind, refs in _REFS.items()}
_HIDDEN = {kind: _PARENT_COLUMNS[kind] | _REF_COLUMNS.get(kind, set()) for kind in _FIELDS}

# Tables reached only through a parent must say which parent; these may stand alone.
_STANDALONE = frozenset({"service", "organization", "program", "location", "taxonomy_term"})
_STANDALONE |= {"taxonomy", "meta_table_description"}
_REQUIRED_COLUMNS = {"service_at_location": ("service_id", "location_id")}

# Names a link_entity cell may use for each kind: the kind and its file stems.
_ENTITY_NAMES = {
    kind: {kind} | {name.removesuffix(".csv") for name in names} for kind, names, _ in _TABLES
}
_KNOWN_ENTITY_NAMES = frozenset().union(*_ENTITY_NAMES.values())

# Only these tables feed the nested service dicts.
_READ_KINDS = frozenset(_FIELDS) - {"meta_table_description"}

_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_TRUE = frozenset({"true", "yes", "1"})
_FALSE = frozenset({"false", "no", "0"})


# --- Reading ---------------------------------------------------------------------------------


def read_package(folder: Path) -> Iterator[dict]:
    """Yield one nested HSDS 3.0 service dict per row of the package's services.csv.

    Every CSV is read and checked before the first service is yielded, so structural problems
    raise ``TabularError`` straight away rather than half-way through an import.
    """
    folder = Path(folder)
    if not folder.exists():
        raise TabularError(f"The package folder {folder} does not exist.")
    if not folder.is_dir():
        raise TabularError(f"{folder} is a file, not a package folder of CSV files.")
    files = _locate_files(folder)
    if "service" not in files:
        raise TabularError(
            f"The package folder {folder} has no services.csv, so there are no services to read."
        )
    tables = {kind: _read_table(path, kind) for kind, path in files.items() if kind in _READ_KINDS}
    return _Nester(tables).services()


def _locate_files(folder: Path) -> dict[str, Path]:
    """Map each kind to its CSV: datapackage.json's path first, then conventional names."""
    declared = _declared_paths(folder)
    found: dict[str, Path] = {}
    for kind, names in _FILE_NAMES.items():
        candidates = [declared[kind]] if kind in declared else []
        candidates += [folder / name for name in names]
        for candidate in candidates:
            if candidate.is_file():
                found[kind] = candidate
                break
    return found


def _declared_paths(folder: Path) -> dict[str, Path]:
    descriptor = folder / DESCRIPTOR
    if not descriptor.is_file():
        return {}
    try:
        data = json.loads(descriptor.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        # HSDS's own example ships datapackage.json as an unresolved symlink (a one-line path),
        # so an unreadable descriptor falls back to conventional file names.
        logger.warning("Ignoring %s, which is not readable JSON: %s", descriptor, error)
        return {}
    resources = data.get("resources") if isinstance(data, dict) else None
    if not isinstance(resources, list):
        return {}
    root = folder.resolve()
    paths: dict[str, Path] = {}
    for resource in resources:
        if not isinstance(resource, dict):
            continue
        path = resource.get("path")
        if not isinstance(path, str) or "://" in path or not path.strip():
            continue
        kind = _kind_for(resource.get("name")) or _kind_for(Path(path).stem)
        if kind is None or kind in paths:
            continue
        candidate = folder / path
        if not candidate.resolve().is_relative_to(root):
            raise TabularError(
                f"{DESCRIPTOR} gives the path {path!r} for the {kind} table, "
                "which is outside the package folder."
            )
        paths[kind] = candidate
    return paths


def _kind_for(name: Any) -> str | None:
    if not isinstance(name, str):
        return None
    name = name.strip().lower()
    for kind, names in _ENTITY_NAMES.items():
        if name in names:
            return kind
    return None


def _read_table(path: Path, kind: str) -> list[dict[str, str]]:
    """Read one CSV into row dicts of known columns, checking its header and row widths."""
    name = path.name
    known = {field for field, _ in _FIELDS[kind]}
    rows: list[dict[str, str]] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            try:
                header = [cell.strip() for cell in next(reader)]
            except StopIteration:
                raise TabularError(
                    f"{name} is empty: it needs a header row of column names."
                ) from None
            _check_header(name, kind, header)
            width = len(header)
            for cells in reader:
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) != width:
                    raise TabularError(
                        f"{name}, line {reader.line_num}: found {len(cells)} values but the "
                        f"header has {width} columns."
                    )
                rows.append(
                    {
                        column: cell
                        for column, cell in zip(header, cells, strict=True)
                        if column in known
                    }
                )
    except csv.Error as error:
        raise TabularError(f"{name}, line {reader.line_num}: not valid CSV ({error}).") from error
    except UnicodeDecodeError as error:
        raise TabularError(f"{name} is not UTF-8 text (byte {error.start}).") from error
    except OSError as error:
        raise TabularError(f"{name} could not be read: {error.strerror or error}.") from error
    return rows


def _check_header(name: str, kind: str, header: list[str]) -> None:
    seen: set[str] = set()
    for column in header:
        if column and column in seen:
            raise TabularError(f"{name}: the column {column!r} appears more than once.")
        seen.add(column)
    if "id" not in seen:
        raise TabularError(f"{name} has no id column, so its rows cannot be identified.")
    for column in _REQUIRED_COLUMNS.get(kind, ()):
        if column not in seen:
            raise TabularError(f"{name} has no {column} column.")
    links = sorted(_PARENT_COLUMNS[kind])
    if kind not in _STANDALONE and links and not seen.intersection(links):
        raise TabularError(
            f"{name} has no column linking its rows to anything: expected one of "
            f"{', '.join(links)}."
        )


def _clean_id(value: str | None) -> str:
    return value.strip() if value else ""


def _from_cell(raw: str, field_type: str) -> Any:
    """Convert a non-empty CSV cell to the JSON type HSDS gives the field."""
    if field_type == "uuid":
        return raw.strip()
    text = raw.strip()
    if field_type in ("number", "integer"):
        if _INTEGER.fullmatch(text):
            return int(text)
        if field_type == "number" and _DECIMAL.fullmatch(text):
            number = float(text)
            if math.isfinite(number):
                return number
        return raw
    if field_type == "boolean":
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        return raw
    return raw


def _entity_matches(link_entity: str | None, kind: str) -> bool:
    """An attribute applies unless its link_entity names a different, recognised table."""
    name = (link_entity or "").strip().lower()
    return name not in _KNOWN_ENTITY_NAMES or name in _ENTITY_NAMES[kind]


class _Nester:
    """Indexes the tables once by id and by parent id, then builds nested dicts."""

    def __init__(self, tables: dict[str, list[dict[str, str]]]) -> None:
        self.services_rows = tables.get("service", [])
        self.by_id: dict[str, dict[str, dict[str, str]]] = {}
        for kind, rows in tables.items():
            index: dict[str, dict[str, str]] = {}
            for row in rows:
                row_id = _clean_id(row.get("id"))
                if row_id:
                    index.setdefault(row_id, row)
            self.by_id[kind] = index
        self.children: dict[tuple[str, str], dict[str, list[dict[str, str]]]] = {}
        for relations in _CHILDREN.values():
            for _, child, column in relations:
                self.children[(child, column)] = _group(tables.get(child, []), column)
        self.attributes = _group(tables.get("attribute", []), "link_id")
        self.metadata = _group(tables.get("metadata", []), "resource_id")

    def services(self) -> Iterator[dict]:
        for row in self.services_rows:
            yield self.build("service", row)

    def build(self, kind: str, row: dict[str, str]) -> dict:
        hidden = _HIDDEN[kind]
        out: dict[str, Any] = {}
        for name, field_type in _FIELDS[kind]:
            raw = row.get(name)
            if name in hidden or raw is None or not raw.strip():
                continue
            out[name] = _from_cell(raw, field_type)
        for key, target, column in _REFS.get(kind, ()):
            ref = _clean_id(row.get(column))
            if not ref:
                continue
            target_row = self.by_id.get(target, {}).get(ref)
            if target_row is None:
                out[column] = ref
            else:
                out[key] = self.build(target, target_row)
        own_id = _clean_id(row.get("id"))
        if not own_id:
            return out
        for key, child, column in _CHILDREN.get(kind, ()):
            rows = self.children[(child, column)].get(own_id)
            if rows:
                out[key] = [self.build(child, child_row) for child_row in rows]
        if kind not in _NO_ATTRIBUTES:
            attributes = [
                self.build("attribute", attribute)
                for attribute in self.attributes.get(own_id, ())
                if _entity_matches(attribute.get("link_entity"), kind)
            ]
            if attributes:
                out["attributes"] = attributes
        if kind != "metadata" and own_id in self.metadata:
            out["metadata"] = [self.build("metadata", item) for item in self.metadata[own_id]]
        return out


def _group(rows: list[dict[str, str]], column: str) -> dict[str, list[dict[str, str]]]:
    """Group rows by the id in ``column``, each group in file order."""
    groups: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        parent = _clean_id(row.get(column))
        if parent:
            groups.setdefault(parent, []).append(row)
    return groups


# --- Writing ---------------------------------------------------------------------------------


def write_package(services: Iterable[dict], folder: Path) -> None:
    """Write nested service dicts as an HSDS 3.0 tabular data package in ``folder``.

    Shared rows (organizations, locations, taxonomy terms, taxonomies...) are written once per
    id; when the same id appears twice, values from the first occurrence (services in id order)
    win and missing values are filled from later ones. The output is deterministic: services in
    id order, every other row where it is first met (so each parent's children stay in their
    order), fixed columns, UTF-8 with ``\\n`` line endings. Every table is written, even if empty.
    """
    folder = Path(folder)
    items = list(services)
    for position, service in enumerate(items):
        if not isinstance(service, dict):
            raise TabularError(f"Service {position + 1} is not an object.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TabularError(f"Cannot create the folder {folder}: {error.strerror}.") from error
    collector = _Flattener()
    for service in sorted(items, key=lambda service: str(service.get("id") or "")):
        collector.add("service", service, {}, f"service {service.get('id')!r}")
    resources = []
    for kind, names, _ in _TABLES:
        columns = [name for name, _ in _FIELDS[kind]]
        rows = collector.rows[kind]
        with (folder / names[0]).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            for row in rows.values():
                writer.writerow([row.get(column, "") for column in columns])
        resources.append(_resource(kind, names[0]))
    descriptor = {
        "profile": "tabular-data-package",
        "name": "human_services_data",
        "title": "Human Services Data Specification 3.0 data",
        "resources": resources,
    }
    text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    (folder / DESCRIPTOR).write_text(text, encoding="utf-8", newline="\n")


_FRICTIONLESS_TYPES = {
    "uuid": ("string", "uuid"),
    "email": ("string", "email"),
    "uri": ("string", "uri"),
}


def _resource(kind: str, path: str) -> dict:
    fields = []
    for name, field_type in _FIELDS[kind]:
        base, fmt = _FRICTIONLESS_TYPES.get(field_type, (field_type, None))
        field: dict[str, Any] = {"name": name, "type": base}
        if fmt:
            field["format"] = fmt
        if name == "id":
            field["constraints"] = {"required": True, "unique": True}
        fields.append(field)
    return {
        "name": kind,
        "path": path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {"fields": fields, "primaryKey": "id"},
    }


class _Flattener:
    """Walks nested dicts and collects one row per (kind, id)."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, dict[str, str]]] = {kind: {} for kind in _FIELDS}

    def add(self, kind: str, obj: Any, links: dict[str, str], where: str) -> str:
        if not isinstance(obj, dict):
            raise TabularError(f"{where} is not an object.")
        obj_id = obj.get("id")
        if not isinstance(obj_id, str) or not obj_id.strip():
            raise TabularError(f"{where} has no id.")
        obj_id = obj_id.strip()
        row: dict[str, str] = {}
        for name, _ in _FIELDS[kind]:
            value = obj.get(name)
            if value is not None and value != "":
                row[name] = _to_cell(value)
        row.update(links)
        for key, target, column in _REFS.get(kind, ()):
            nested = obj.get(key)
            if nested is not None:
                row[column] = self.add(target, nested, {}, f"{where}.{key}")
        existing = self.rows[kind].get(obj_id)
        if existing is None:
            self.rows[kind][obj_id] = row
        else:
            for name, value in row.items():
                existing.setdefault(name, value)
        for key, child, column in _CHILDREN.get(kind, ()):
            self._add_list(child, obj, key, {column: obj_id}, where)
        if kind not in _NO_ATTRIBUTES:
            self._add_list("attribute", obj, "attributes", {"link_id": obj_id}, where)
        if kind != "metadata":
            self._add_list("metadata", obj, "metadata", {"resource_id": obj_id}, where)
        return obj_id

    def _add_list(self, kind: str, obj: dict, key: str, links: dict[str, str], where: str) -> None:
        items = obj.get(key)
        if items is None:
            return
        if not isinstance(items, list):
            raise TabularError(f"{where}.{key} is not a list.")
        for position, item in enumerate(items):
            self.add(kind, item, links, f"{where}.{key}[{position}]")


def _to_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return value
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
