"""The one import service: keep-going by default, strict on request, lenient with real feeds,
one service at a time (never half of one), and the feed owns only what it supplied."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest
from django.utils import timezone

from signpost.directory.changes import services_changed
from signpost.directory.models import (
    Contact,
    Organisation,
    Phone,
    Schedule,
    Service,
    ServiceAttribute,
    Taxonomy,
    TaxonomyTerm,
)
from signpost.openreferral.importer import writer
from signpost.openreferral.importer.service import Source, run_import
from signpost.openreferral.models import ImportRun, ManagedService, Outcome

from .test_importer import service_record

pytestmark = pytest.mark.django_db


def feed_file(folder: Path, records: list[dict], name: str = "county.json") -> Source:
    path = folder / name
    path.write_text(json.dumps(records), encoding="utf-8")
    return Source.given(str(path))


def test_keep_going_is_the_default_every_good_record_is_saved_and_each_bad_one_named(tmp_path):
    good = service_record(name="Lantern Peer Support")
    nameless = service_record(name="")
    run = run_import(feed_file(tmp_path, [good, nameless]))

    assert run.outcome == Outcome.SAVED and not run.strict
    assert list(Service.objects.values_list("name", flat=True)) == ["Lantern Peer Support"]
    assert run.services_rejected == 1
    assert run.report["rejected"] == [
        {"record": "record 2", "field": "name", "reason": "is missing"}
    ]
    assert "1 record(s) could not be imported and were left out" in run.report["outcome"]
    assert run.finished_at is not None and run.started_at <= run.finished_at


def test_strict_refuses_the_lot_when_any_record_is_bad(tmp_path):
    run = run_import(
        feed_file(tmp_path, [service_record(), service_record(minimum_age="old")]), strict=True
    )
    assert run.outcome == Outcome.REJECTED and run.strict
    assert not Service.objects.exists()
    assert "nothing was saved" in run.report["outcome"]


def test_a_service_without_an_organisation_is_given_one_with_a_warning(tmp_path):
    bare = service_record(name="Quiet Room Drop-in")
    del bare["organization"]
    named = service_record(name="Harbour Walks", organization={"name": "Harbour Friends"})
    run = run_import(feed_file(tmp_path, [bare, named]))

    assert run.outcome == Outcome.SAVED and run.services_rejected == 0
    assert Service.objects.get(name="Quiet Room Drop-in").organisation.name == "Quiet Room Drop-in"
    assert Service.objects.get(name="Harbour Walks").organisation.name == "Harbour Friends"
    warned = {(w["field"], w["record"]) for w in run.report["warnings"]}
    assert ("organization", "record 1 (Quiet Room Drop-in)") in warned
    # The next run finds the same organisations rather than making more.
    run_import(feed_file(tmp_path, [bare, named]))
    assert (
        Organisation.objects.filter(name__in=["Quiet Room Drop-in", "Harbour Friends"]).count() == 2
    )


def test_an_id_that_is_not_a_uuid_gets_the_same_stable_uuid_every_run(tmp_path):
    record = service_record(id="svc-0042", name="Open Door Listening")
    first = run_import(feed_file(tmp_path, [record]))
    service = Service.objects.get()
    assert any(w["field"] == "id" and "stable" in w["reason"] for w in first.report["warnings"])

    record["description"] = "Now open on Saturdays too."
    second = run_import(feed_file(tmp_path, [record]))
    assert (second.services_created, second.services_updated) == (0, 1)
    assert list(Service.objects.values_list("id", flat=True)) == [service.id]
    # Another feed's "svc-0042" is another service.
    elsewhere = service_record(id="svc-0042", name="Open Door Listening")
    run_import(feed_file(tmp_path, [elsewhere], name="another-county.json"))
    assert Service.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_crash_part_way_leaves_each_service_old_or_new_and_the_run_incomplete(
    tmp_path, monkeypatch
):
    records = [service_record(name=f"Service {n}") for n in range(4)]
    run_import(feed_file(tmp_path, records))
    for record in records:
        record["name"] += " (renamed)"
        record["phones"] = [{"id": str(uuid.uuid4()), "number": "0300 123 4567"}]
    monkeypatch.setattr(writer, "BATCH_SIZE", 2)
    real_children = writer.Importer._children
    calls = []

    def children_then_crash(self, *args, **kwargs):
        calls.append(1)
        real_children(self, *args, **kwargs)
        if len(calls) == 2:  # the second batch: its services and phones are half written
            raise RuntimeError("the worker fell over")

    monkeypatch.setattr(writer.Importer, "_children", children_then_crash)
    run = run_import(feed_file(tmp_path, records))

    assert run.outcome == Outcome.INCOMPLETE
    assert run.services_updated == 2
    for n, record in enumerate(records):
        service = Service.objects.get(id=record["id"])
        numbers = list(service.phones.values_list("number", flat=True))
        if n < 2:
            assert (service.name, numbers) == (f"Service {n} (renamed)", ["0300 123 4567"])
        else:
            assert (service.name, numbers) == (f"Service {n}", ["0115 496 0321"])


def test_a_run_whose_worker_is_gone_shows_as_incomplete():
    an_hour_ago = timezone.now() - dt.timedelta(hours=1)
    run = ImportRun.objects.create(
        started_at=an_hour_ago,
        heartbeat_at=an_hour_ago,
        source_name="county.json",
        source_kind="command",
        outcome=Outcome.RUNNING,
    )
    assert run.shown_outcome == Outcome.INCOMPLETE and not run.in_progress
    run.heartbeat_at = timezone.now()
    assert run.shown_outcome == Outcome.RUNNING and run.in_progress


def test_what_staff_add_survives_every_sync_and_the_feed_replaces_only_its_own(tmp_path):
    record = service_record()
    run_import(feed_file(tmp_path, [record]))
    service = Service.objects.get()
    feed_term = ServiceAttribute.objects.get(service=service).taxonomy_term
    local = Taxonomy.objects.create(name="Local words", description="Ours")
    staff_term = TaxonomyTerm.objects.create(taxonomy=local, name="Evening support", code="eve")
    ServiceAttribute.objects.create(service=service, taxonomy_term=staff_term)
    Contact.objects.create(service=service, name="Ravi (referrals lead)", is_private=True)
    Schedule.objects.create(service=service, byday="SA", notes="Ring the bell at the side door")

    record["phones"] = [{"id": str(uuid.uuid4()), "number": "0300 765 4321"}]
    record["description"] = "Changed upstream."
    second = run_import(feed_file(tmp_path, [record]))
    third = run_import(feed_file(tmp_path, [{**record, "description": "Changed again."}]))

    assert second.services_updated == 1 and third.services_updated == 1
    assert list(Phone.objects.filter(service=service).values_list("number", flat=True)) == [
        "0300 765 4321"
    ]
    assert set(
        ServiceAttribute.objects.filter(service=service).values_list("taxonomy_term", flat=True)
    ) == {feed_term.id, staff_term.id}
    assert Contact.objects.filter(service=service, is_private=True).count() == 1
    assert Schedule.objects.filter(service=service, notes__startswith="Ring the bell").count() == 1
    assert Schedule.objects.filter(service=service).count() == 2  # the feed's own and ours


def test_a_tag_staff_added_that_the_feed_later_supplies_is_not_doubled(tmp_path):
    record = service_record()
    record["attributes"] = []
    run_import(feed_file(tmp_path, [record]))
    service = Service.objects.get()
    vocabulary = Taxonomy.objects.create(name="Example", description="Example")
    term = TaxonomyTerm.objects.create(
        taxonomy=vocabulary, name="Peer support", code="peer-support"
    )
    ServiceAttribute.objects.create(service=service, taxonomy_term=term)

    record["attributes"] = [{"id": str(uuid.uuid4()), "taxonomy_term_id": str(term.id)}]
    run = run_import(feed_file(tmp_path, [record]))
    assert run.services_rejected == 0 and run.services_updated == 1
    assert ServiceAttribute.objects.filter(service=service).count() == 1


def test_every_write_is_announced_for_the_search_index(
    tmp_path, django_capture_on_commit_callbacks
):
    heard: list[frozenset] = []

    def listen(sender, service_ids, **kwargs):
        heard.append(service_ids)

    services_changed.connect(listen)
    try:
        records = [service_record(), service_record()]
        with django_capture_on_commit_callbacks(execute=True):
            run_import(feed_file(tmp_path, records))
        with django_capture_on_commit_callbacks(execute=True):
            run_import(feed_file(tmp_path, records))  # unchanged: nothing to say
    finally:
        services_changed.disconnect(listen)
    assert heard == [frozenset(uuid.UUID(r["id"]) for r in records)]


def test_the_command_and_the_service_record_which_import_manages_a_service(tmp_path):
    run_import(feed_file(tmp_path, [service_record()]))
    origin = ManagedService.objects.get()
    assert origin.source_name == "county.json" and origin.feed is None
