"""The ORUK validator's example feeds, through our importer: what passes imports, what fails
is reported with the same fields the validator names."""

from __future__ import annotations

import json

import pytest

from signpost.directory.models import Service
from signpost.openreferral.importer import import_services
from signpost.openreferral.tests.oruk_schemas import MOCKS_DIR, require_standards


def _mock(folder: str, name: str) -> dict:
    return json.loads((require_standards() / MOCKS_DIR / folder / name).read_text())


@pytest.mark.django_db
def test_the_validators_passing_service_imports_cleanly():
    service = _mock("V3.0-UK-Default", "service_full.json")
    report = import_services([service])
    assert not report.rejected and report.saved
    saved = Service.objects.get(id=service["id"])
    assert saved.name == service["name"]
    assert saved.service_at_locations.count() == len(service.get("service_at_locations", []))


@pytest.mark.django_db
def test_the_validators_failing_service_list_is_rejected_for_the_missing_names():
    page = _mock("V3.0-UK-Fail", "service_list.json")
    report = import_services(page["contents"])
    assert report.rolled_back and not Service.objects.exists()
    assert {p.field_name for p in report.rejected} == {"name"}
    assert len(report.rejected) == len(page["contents"])


@pytest.mark.django_db
def test_the_validators_failing_service_keeps_what_it_can_and_warns_about_bad_links():
    service = _mock("V3.0-UK-Fail", "service_full.json")
    report = import_services([service])
    assert report.saved
    warned = {w.field_name for w in report.warnings}
    assert {"url", "email"} <= warned
    saved = Service.objects.get(id=service["id"])
    assert saved.url == "" and saved.email == ""
