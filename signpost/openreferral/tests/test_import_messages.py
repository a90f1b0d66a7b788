"""Import reports speak plainly: no database messages, and an unchanged re-import says so.

Written to run the same on SQLite and PostgreSQL: the checks look at what the report says,
never at which database error would otherwise have come out.
"""

from __future__ import annotations

import copy
import json
import uuid

import pytest
from django.db import IntegrityError
from django.urls import reverse

from signpost.directory.tests.factories import build_gazetteer
from signpost.openreferral.exporter import write_json
from signpost.openreferral.importer import import_services
from signpost.openreferral.importer.writer import Importer
from signpost.openreferral.runs import record_run

from .test_importer import service_record

DATABASE_WORDS = ("constraint", "duplicate key", "integrity", "directory_", "violates", "pkey")


@pytest.fixture(autouse=True)
def places(db):
    return build_gazetteer()


def shown_address(**overrides):
    """A service whose place's address is public, so an export carries all of it back.

    Each has a term of its own: a feed's second id for a term the directory already has (the
    same code) is not kept, so that service would rightly count as changed on the way back.
    """
    record = service_record(**overrides)
    record["service_at_locations"][0]["location"]["x_hide_address"] = False
    record["attributes"][0]["taxonomy_term"]["code"] = f"term-{uuid.uuid4()}"
    return record


def assert_plain(text: str) -> None:
    assert not any(word in text.lower() for word in DATABASE_WORDS), text


def test_a_phone_id_used_by_two_services_in_one_file_names_both_and_the_field():
    first = service_record(name="Oakfield Listening Service")
    second = service_record(name="Harbour Young People's Group")
    second["phones"][0]["id"] = first["phones"][0]["id"]
    report = import_services([first, second])
    (problem,) = report.rejected
    assert problem.record == f"record 2 (Harbour Young People's Group), service id {second['id']}"
    assert problem.field_name == "phones.id"
    assert first["phones"][0]["id"] in problem.reason
    assert "record 1 (Oakfield Listening Service)" in problem.reason
    assert first["id"] in problem.reason
    assert_plain(problem.reason)


def test_one_record_giving_two_phones_the_same_id_is_told_so():
    record = service_record(name="Evening Drop-in")
    record["phones"].append({**record["phones"][0], "number": "0115 496 0999"})
    (problem,) = import_services([record]).rejected
    assert problem.field_name == "phones.id"
    assert "two phones" in problem.reason
    assert_plain(problem.reason)


def test_a_phone_id_already_held_by_another_service_names_that_service():
    held = service_record(name="Moorside Talking Therapies")
    import_services([held])
    newcomer = service_record(name="Town Centre Peer Support")
    newcomer["phones"][0]["id"] = held["phones"][0]["id"]
    report = import_services([newcomer])
    (problem,) = report.rejected
    assert problem.field_name == "phones.id"
    assert "Moorside Talking Therapies" in problem.reason and held["id"] in problem.reason
    assert_plain(problem.reason)
    assert report.rolled_back


def test_an_address_id_already_held_by_another_place_names_that_place():
    held = service_record()
    import_services([held])
    newcomer = service_record(name="Second Site")
    address = held["service_at_locations"][0]["location"]["addresses"][0]["id"]
    newcomer["service_at_locations"][0]["location"]["addresses"][0]["id"] = address
    (problem,) = import_services([newcomer]).rejected
    assert problem.field_name == "service_at_locations.location.addresses.id"
    assert "The Hall" in problem.reason and address in problem.reason
    assert_plain(problem.reason)


def test_a_service_reimported_with_its_own_ids_is_not_a_clash():
    record = service_record()
    import_services([record])
    changed = copy.deepcopy(record)
    changed["description"] = "Now on Thursdays too."
    report = import_services([changed])
    assert not report.rejected and report.updated["service"] == 1


def test_anything_else_the_database_refuses_is_reported_without_its_words(monkeypatch):
    def refuse(self, batch):
        raise IntegrityError('duplicate key value violates unique constraint "directory_x_pkey"')

    monkeypatch.setattr(Importer, "_write", refuse)
    (problem,) = import_services([service_record(name="Lakeside Cafe")]).rejected
    assert problem.record == "record 1 (Lakeside Cafe)"
    assert "clashes with a record" in problem.reason
    assert_plain(problem.reason)


def test_a_refusal_of_the_whole_import_at_the_end_is_a_plain_failure(monkeypatch):
    def refuse(self, records):
        raise IntegrityError("FOREIGN KEY constraint failed")

    monkeypatch.setattr(Importer, "_read_all", refuse)
    report = import_services([service_record()])
    assert report.rolled_back and report.failure
    assert_plain(report.failure)


def test_the_admin_report_page_shows_a_clash_in_plain_words(admin_client):
    first = service_record(name="Oakfield Listening Service")
    second = service_record(name="Copy With Same Phone")
    second["phones"][0]["id"] = first["phones"][0]["id"]
    run = record_run(
        import_services([first, second]), run_by=None, source_name="f.json", source_kind="upload"
    )
    page = admin_client.get(reverse("openreferral_imports:report", args=[run.pk])).content
    text = page.decode()
    assert "Copy With Same Phone" in text and "phones.id" in text
    assert_plain(text.split("Records that could not be imported")[1].split("Warnings")[0])


def test_reimporting_an_unchanged_export_reports_everything_unchanged(tmp_path):
    import_services([shown_address(), shown_address(name="Second Service")])
    write_json(tmp_path / "export.json")
    exported = json.loads((tmp_path / "export.json").read_text())
    report = import_services(exported)
    assert not report.rejected
    assert report.unchanged["service"] == 2 and report.updated["service"] == 0
    assert report.unchanged["organisation"] == 1 and report.updated["organisation"] == 0
    assert report.unchanged["location"] == 2 and report.updated["location"] == 0
    assert "Organisations created: 0, updated: 0, unchanged: 1." in report.summary()


def test_reimporting_the_same_file_counts_organisations_and_places_as_unchanged():
    records = [shown_address(), shown_address(name="Second Service")]
    import_services(copy.deepcopy(records))
    report = import_services(copy.deepcopy(records))
    assert (report.created["organisation"], report.unchanged["organisation"]) == (0, 1)
    assert (report.updated["location"], report.unchanged["location"]) == (0, 2)


def test_one_organisation_shared_across_batches_is_counted_once():
    records = [shown_address(name=f"Service {n}") for n in range(3)]
    report = import_services(records, batch_size=1)
    assert report.created["organisation"] == 1
    assert report.updated["organisation"] == 0 and report.unchanged["organisation"] == 0


def test_a_changed_address_counts_its_place_as_changed_and_its_organisation_unchanged():
    record = shown_address()
    import_services([copy.deepcopy(record)])
    record["service_at_locations"][0]["location"]["addresses"][0]["address_1"] = "2 River St"
    report = import_services([record])
    assert report.updated["service"] == 1
    assert report.updated["location"] == 1
    assert report.unchanged["organisation"] == 1


def test_the_admin_says_organisations_are_unchanged_after_an_unchanged_reimport(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = json.dumps([shown_address(id=str(uuid.uuid4()))]).encode()
    for _ in range(2):
        response = admin_client.post(
            reverse("openreferral_imports:upload"),
            {"file": SimpleUploadedFile("feed.json", data, content_type="application/json")},
        )
    page = admin_client.get(response["Location"])
    messages = " ".join(str(m) for m in page.context["messages"])
    assert "1 unchanged. Organisations: 0 added, 0 changed, 1 unchanged." in messages
    rows = page.content.decode().split("What changed")[1]
    assert '<th scope="row">Organisation</th>' in rows
