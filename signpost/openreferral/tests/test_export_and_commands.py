"""export_hsds and import_hsds, end to end: round trips, every source shape, dry runs."""

from __future__ import annotations

import base64
import copy
import json
import shutil
import threading
import uuid
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.management import CommandError, call_command

from signpost.directory.models import (
    Contact,
    Location,
    Organisation,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from signpost.nonprod.demo import load_places, load_services, load_vocabularies, tag_services
from signpost.openreferral.formats.legacy import stable_id as legacy_stable_id
from signpost.openreferral.models import ImportRun
from signpost.openreferral.tests.oruk_schemas import STANDARDS_DIR, validate

from .test_importer import service_record


def _empty_directory() -> None:
    """Everything an import can create, gone; the gazetteer stays (it is not exported)."""
    Service.objects.all().delete()
    Location.objects.all().delete()
    Organisation.objects.all().delete()
    TaxonomyTerm.objects.all().delete()
    Taxonomy.objects.all().delete()


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


SECRET_STREET = "7 Quiet Row"


@pytest.fixture
def demo_directory(db):
    load_places()
    load_vocabularies()
    report = load_services()
    assert not report.rejected
    tag_services()
    # Something private in the demo, to prove it stays private through an export.
    hidden = Location.objects.filter(location_type="physical").order_by("id").first()
    hidden.hide_address = True
    hidden.save()
    hidden.addresses.update(address_1=SECRET_STREET)
    service = Service.objects.order_by("id").first()
    Contact.objects.create(service=service, name="Duty manager", email="private@example.org")
    # Hours for one place of a service, which both forms must keep tied to the place.
    link = ServiceAtLocation.objects.filter(service__schedules__isnull=False).order_by("id")[0]
    link.service.schedules.filter(pk=link.service.schedules.order_by("id")[0].pk).update(
        service_at_location=link
    )
    # Our extensions, which both export forms must carry.
    Service.objects.filter(pk=service.pk).update(
        referral_criteria="Adults registered with a GP in the county.",
        professional_referral="GPs refer through the e-Referral Service.",
    )
    return service


def test_export_import_export_round_trip_gives_identical_files(demo_directory, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    call_command("export_hsds", str(first))
    exported = json.loads((first / "services.json").read_text())
    assert len(exported) == Service.objects.count() > 150
    text = (first / "services.json").read_text()
    assert "private@example.org" not in text and "Duty manager" not in text
    assert '"x_referral_criteria"' in text and '"x_hide_address"' in text
    assert '"service_at_location_id"' in text

    _empty_directory()
    call_command("import_hsds", str(first / "services.json"))
    call_command("export_hsds", str(second))
    assert _tree(second) == _tree(first)

    # And the tabular form imports back to the same directory too, children in their order.
    _empty_directory()
    call_command("import_hsds", str(first / "tabular"))
    third = tmp_path / "third"
    call_command("export_hsds", str(third))
    assert _tree(third) == _tree(first)


def test_a_hidden_address_is_not_exported_and_stays_hidden_after_import(demo_directory, tmp_path):
    all_hidden = set(Location.objects.filter(hide_address=True).values_list("id", flat=True))
    hidden = Location.objects.get(addresses__address_1=SECRET_STREET)
    call_command("export_hsds", str(tmp_path), "--json-only")
    services = json.loads((tmp_path / "services.json").read_text())
    located = [
        link["location"]
        for s in services
        for link in s.get("service_at_locations", [])
        if link["location_id"] == str(hidden.id)
    ]
    assert located and all("addresses" not in loc and "latitude" not in loc for loc in located)
    assert all(loc["x_hide_address"] is True for loc in located)
    assert SECRET_STREET not in (tmp_path / "services.json").read_text()
    _empty_directory()
    call_command("import_hsds", str(tmp_path / "services.json"))
    assert set(Location.objects.filter(hide_address=True).values_list("id", flat=True)) == (
        all_hidden
    )


def test_exported_services_validate_against_the_oruk_schema(demo_directory, tmp_path):
    if not STANDARDS_DIR.exists():
        pytest.skip(f"ORUK standards not present at {STANDARDS_DIR}")
    call_command("export_hsds", str(tmp_path), "--json-only")
    for service in json.loads((tmp_path / "services.json").read_text()):
        assert validate("service", service) == [], service["name"]


@pytest.fixture
def places(db):
    load_places()


def _write(path: Path, data) -> Path:
    path.write_text(json.dumps(data))
    return path


def test_import_takes_a_json_array_and_logs_the_run(places, tmp_path, capsys):
    records = [service_record(), service_record(name="Second")]
    call_command("import_hsds", str(_write(tmp_path / "feed.json", records)))
    assert Service.objects.count() == 2
    assert "Services created: 2" in capsys.readouterr().out
    run = ImportRun.objects.get()
    assert run.source_name == "feed.json" and run.run_by is None


def test_import_takes_oruk_list_pages(places, tmp_path):
    page = {"total_items": 1, "page_number": 1, "contents": [service_record(name="Paged")]}
    call_command("import_hsds", str(_write(tmp_path / "page.json", page)))
    assert Service.objects.get().name == "Paged"


def test_reimporting_the_same_feed_changes_nothing(places, tmp_path):
    feed = _write(tmp_path / "feed.json", [service_record(last_modified="2026-01-02T03:04:05Z")])
    call_command("import_hsds", str(feed))
    before = list(Service.objects.values_list("id", "name", "updated_at"))
    links_before = list(ServiceAtLocation.objects.values_list("id", flat=True))
    call_command("import_hsds", str(feed))
    assert list(Service.objects.values_list("id", "name", "updated_at")) == before
    assert list(ServiceAtLocation.objects.values_list("id", flat=True)) == links_before
    assert ImportRun.objects.order_by("started_at").last().services_unchanged == 1


def test_a_changed_record_is_updated_by_id_and_others_are_left_alone(places, tmp_path):
    first, second = service_record(), service_record(name="Untouched")
    call_command("import_hsds", str(_write(tmp_path / "a.json", [first, second])))
    changed = copy.deepcopy(first)
    changed["name"] = "Renamed"
    call_command("import_hsds", str(_write(tmp_path / "b.json", [changed])))
    assert Service.objects.get(id=first["id"]).name == "Renamed"
    assert Service.objects.get(id=second["id"]).name == "Untouched"
    assert Service.objects.count() == 2


def test_dry_run_reports_and_saves_nothing(places, tmp_path, capsys):
    call_command("import_hsds", str(_write(tmp_path / "f.json", [service_record()])), "--dry-run")
    assert not Service.objects.exists()
    assert "Dry run" in capsys.readouterr().out


def test_strict_a_rejected_record_fails_the_command_saves_nothing_and_writes_the_report(
    places, tmp_path
):
    records = [service_record(), service_record(name="Ageless", minimum_age="old")]
    report = tmp_path / "report.json"
    with pytest.raises(CommandError, match="nothing was saved"):
        call_command(
            "import_hsds",
            str(_write(tmp_path / "f.json", records)),
            "--strict",
            "--report",
            str(report),
        )
    assert not Service.objects.exists()
    body = json.loads(report.read_text())
    assert body["rejected"] == [
        {
            "record": "record 2 (Ageless)",
            "field": "minimum_age",
            "reason": "'old' is not an age between 0 and 130",
        }
    ]


def test_keep_going_saves_the_good_records(places, tmp_path):
    records = [service_record(), service_record(name="Broken", status="open")]
    call_command("import_hsds", str(_write(tmp_path / "f.json", records)), "--keep-going")
    assert Service.objects.count() == 1


def test_keeping_going_is_the_default_and_says_what_was_left_out(places, tmp_path, capsys):
    records = [service_record(), service_record(name="Broken", status="open")]
    call_command("import_hsds", str(_write(tmp_path / "f.json", records)))
    assert Service.objects.count() == 1
    out = capsys.readouterr().out
    assert "1 record(s) could not be imported and were left out" in out
    assert "REJECTED record 2 (Broken): status" in out


def test_a_file_that_is_not_json_fails_plainly(places, tmp_path):
    bad = tmp_path / "feed.json"
    bad.write_text('[{"id": ')
    with pytest.raises(CommandError, match="failed"):
        call_command("import_hsds", str(bad))
    run = ImportRun.objects.get()
    assert "not valid JSON" in run.report["failure"]


def test_a_missing_file_fails_plainly(places, tmp_path):
    with pytest.raises(CommandError, match="failed"):
        call_command("import_hsds", str(tmp_path / "nope.json"))


def test_a_feed_saved_with_a_byte_order_mark_imports(places, tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_bytes(b"\xef\xbb\xbf" + json.dumps([service_record()]).encode())
    call_command("import_hsds", str(feed))
    assert Service.objects.count() == 1


@pytest.mark.parametrize("content", ["[]", '{"contents": []}', '{"contents": "none"}'])
def test_a_feed_with_no_services_fails_rather_than_reporting_success(places, tmp_path, content):
    feed = tmp_path / "feed.json"
    feed.write_text(content)
    with pytest.raises(CommandError, match="failed"):
        call_command("import_hsds", str(feed))
    assert "no services" in ImportRun.objects.get().report["failure"]


def test_a_feed_that_is_not_utf8_says_so_in_plain_words(places, tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_bytes(json.dumps([service_record(name="Café")], ensure_ascii=False).encode("cp1252"))
    with pytest.raises(CommandError, match="failed"):
        call_command("import_hsds", str(feed))
    failure = ImportRun.objects.get().report["failure"]
    assert "not UTF-8" in failure and "\\x" not in failure
    assert Service.objects.count() == 0


def test_a_zipped_tabular_package_imports(demo_directory, tmp_path):
    call_command("export_hsds", str(tmp_path / "out"), "--tabular-only")
    archive = tmp_path / "package.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in (tmp_path / "out" / "tabular").iterdir():
            z.write(path, path.name)
    count = Service.objects.count()
    _empty_directory()
    call_command("import_hsds", str(archive))
    assert Service.objects.count() == count


def test_the_hsds_example_tabular_package_imports(places, tmp_path):
    example = STANDARDS_DIR / "hsds" / "3.0" / "examples" / "csv"
    if not example.exists():
        pytest.skip(f"HSDS examples not present at {example}")
    shutil.copytree(example, tmp_path / "csv")
    call_command("import_hsds", str(tmp_path / "csv"))
    service = Service.objects.get()
    assert service.organisation.name
    assert service.phones.exists()


def test_an_oruk_1_feed_imports(places, tmp_path):
    legacy = {
        "totalElements": 1,
        "totalPages": 1,
        "number": 1,
        "content": [
            {
                "id": "1234",
                "name": "Old Feed Counselling",
                "description": "Counselling.",
                "status": "active",
                "organization": {"id": "99", "name": "Old Council", "description": "A council."},
                "regular_schedules": [
                    {"id": "5", "weekday": "Monday", "opens_at": "09:00", "closes_at": "17:00"}
                ],
                "service_at_locations": [
                    {
                        "id": "7",
                        "location": {
                            "id": "8",
                            "name": "Town Hall",
                            "physical_addresses": [
                                {
                                    "id": "9",
                                    "address_1": "1 Market Place",
                                    "city": "Mansfield",
                                    "postal_code": "NG18 1AA",
                                    "country": "England",
                                }
                            ],
                        },
                        # 1.0 feeds often give hours for the place, not the service.
                        "regular_schedules": [
                            {"id": "6", "weekday": "Tuesday", "opens_at": "10:00:00"}
                        ],
                    }
                ],
            }
        ],
    }
    call_command("import_hsds", str(_write(tmp_path / "v1.json", legacy)))
    service = Service.objects.get()
    assert service.name == "Old Feed Counselling"
    link = service.service_at_locations.get()
    assert {(s.byday, s.service_at_location_id) for s in service.schedules.all()} == {
        ("MO", None),
        ("TU", link.id),
    }
    assert service.service_at_locations.get().location.addresses.get().city == "Mansfield"
    # Ids that are not UUIDs become stable ones: importing again updates, not duplicates.
    call_command("import_hsds", str(tmp_path / "v1.json"))
    assert Service.objects.count() == 1


def test_every_record_on_an_oruk_1_page_is_read_as_1_0_even_without_1_0_only_keys(places, tmp_path):
    plain = {"id": 77, "name": "Plain Old Group", "status": "active", "organization": {"id": 3}}
    page = {"totalElements": 1, "totalPages": 1, "content": [plain]}
    (tmp_path / "v1.json").write_text(json.dumps(page))
    Organisation.objects.create(id=legacy_stable_id("organization", 3), name="Old Council")
    call_command("import_hsds", str(tmp_path / "v1.json"))
    assert Service.objects.get().id == uuid.UUID(legacy_stable_id("service", 77))


class _OrukApi(BaseHTTPRequestHandler):
    """A small ORUK 3.0 API: thin list pages, full services by id."""

    services: list[dict] = []
    seen: list[tuple[str, str]] = []  # (path with query, Authorization header)
    ignores_paging = False  # some servers send page 1 whatever page is asked for

    def do_GET(self):  # the http.server API names it so
        self.seen.append((self.path, self.headers.get("Authorization", "")))
        url = urlparse(self.path)
        if url.path == "/api/services":
            query = parse_qs(url.query)
            page, per_page = int(query["page"][0]), 2  # smaller pages than asked: still walked
            if self.ignores_paging:
                page = 1
            chunk = self.services[(page - 1) * per_page : page * per_page]
            total_pages = -(-len(self.services) // per_page)
            if self.ignores_paging:
                total_pages = "unknown"
            body = {
                "total_items": len(self.services),
                "total_pages": total_pages,
                "page_number": page,
                "size": len(chunk),
                "first_page": page == 1,
                "last_page": not self.ignores_paging and page >= total_pages,
                "empty": not chunk,
                "contents": [{"id": s["id"], "name": s["name"], "status": "active"} for s in chunk],
            }
        elif url.path.startswith("/api/services/"):
            wanted = url.path.rsplit("/", 1)[1]
            body = next((s for s in self.services if s["id"] == wanted), None)
            if body is None:
                self.send_error(404)
                return
        else:
            self.send_error(404)
            return
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def oruk_api():
    _OrukApi.services = [service_record(name=f"Remote {n}") for n in range(5)]
    _OrukApi.seen = []
    _OrukApi.ignores_paging = False
    server = ThreadingHTTPServer(("127.0.0.1", 0), _OrukApi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/api"
    server.shutdown()


def test_import_walks_every_page_of_an_oruk_api(places, oruk_api):
    call_command("import_hsds", oruk_api)
    assert sorted(Service.objects.values_list("name", flat=True)) == [
        f"Remote {n}" for n in range(5)
    ]
    # Full services were fetched by id, so the nested parts arrived too.
    assert all(s.phones.exists() for s in Service.objects.all())
    assert ImportRun.objects.get().source_kind == "url"


def test_an_api_that_ignores_the_page_asked_for_fails_plainly_instead_of_looping(places, oruk_api):
    _OrukApi.ignores_paging = True
    with pytest.raises(CommandError, match="sent the same services for page 2 as for page 1"):
        call_command("import_hsds", oruk_api)
    assert Service.objects.count() == 0
    assert len([path for path, _ in _OrukApi.seen if "/api/services?" in path]) == 2


def test_an_unreachable_api_fails_plainly(places):
    with pytest.raises(CommandError, match="failed"):
        call_command("import_hsds", f"http://127.0.0.1:9/{uuid.uuid4()}")


def test_a_feed_urls_key_and_password_are_sent_but_not_logged(places, oruk_api):
    secret_url = oruk_api.replace("http://", "http://feeduser:hunter2@") + "?api_key=s3cret"
    call_command("import_hsds", secret_url)
    assert Service.objects.count() == 5
    expected_auth = "Basic " + base64.b64encode(b"feeduser:hunter2").decode()
    assert _OrukApi.seen and all(
        "api_key=s3cret" in path and auth == expected_auth for path, auth in _OrukApi.seen
    )
    run = ImportRun.objects.get()
    assert run.source_name == oruk_api
    logged = json.dumps(run.report) + run.source_name
    assert "hunter2" not in logged and "s3cret" not in logged and "feeduser" not in logged


def test_a_failing_feed_url_is_reported_without_its_key(places):
    with pytest.raises(CommandError) as raised:
        call_command("import_hsds", "http://feeduser:hunter2@127.0.0.1:9/api?api_key=s3cret")
    run = ImportRun.objects.get()
    shown = str(raised.value) + json.dumps(run.report) + run.source_name
    assert "127.0.0.1:9/api/services could not be reached" in shown
    assert "hunter2" not in shown and "s3cret" not in shown
