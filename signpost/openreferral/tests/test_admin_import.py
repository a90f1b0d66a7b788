"""Staff run Open Referral imports from the admin, read the report, and see who ran what."""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from signpost.directory.models import Service
from signpost.directory.tests.factories import build_gazetteer
from signpost.openreferral.formats.tabular import write_package
from signpost.openreferral.importer import ImportReport
from signpost.openreferral.models import ImportRun, Outcome
from signpost.openreferral.runs import record_run

from .test_importer import service_record

pytestmark = pytest.mark.django_db

LIST_URL = "openreferral_imports:index"
UPLOAD_URL = "openreferral_imports:upload"
REPORT_URL = "openreferral_imports:report"


@pytest.fixture(autouse=True)
def places(db):
    return build_gazetteer()


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser(
        "importer", "importer@example.org", "pw-x1y2z3", first_name="Imogen", last_name="Porter"
    )


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def staff_without_permission(client, django_user_model):
    """Can use the admin (edits the directory) but may not run imports."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw-x1y2z3")
    editors = Group.objects.create(name="Directory editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    client.force_login(user)
    return client


def json_upload(records: object, name: str = "services.json") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, json.dumps(records).encode("utf-8"), content_type="application/json"
    )


def assert_refused(response) -> None:
    """Wagtail answers a PermissionDenied in the admin by sending people to the dashboard
    with a "you do not have permission" message."""
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
        stored = [str(m) for m in get_messages(response.wsgi_request)]
        assert any("permission" in m for m in stored)


def upload(
    client, file: SimpleUploadedFile | None = None, *, dry_run: bool = False, strict: bool = False
):
    data: dict[str, object] = {}
    if file is not None:
        data["file"] = file
    if dry_run:
        data["dry_run"] = "on"
    if strict:
        data["strict"] = "on"
    return client.post(reverse(UPLOAD_URL), data)


def test_a_good_json_file_is_imported_and_the_run_is_logged(admin_client, admin_user):
    records = [service_record(), service_record(name="Second Wind Peer Group")]
    response = upload(admin_client, json_upload(records, "riverside.json"))

    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(REPORT_URL, args=[run.pk])
    assert Service.objects.filter(id__in=[r["id"] for r in records]).count() == 2
    assert run.run_by == admin_user
    assert run.source_name == "riverside.json"
    assert run.source_kind == "upload"
    assert run.outcome == Outcome.SAVED and not run.dry_run
    assert (run.services_created, run.services_updated, run.services_rejected) == (2, 0, 0)
    assert run.report["created"]["service"] == 2
    assert run.started_at <= run.finished_at

    page = admin_client.get(response["Location"])
    body = page.content.decode()
    assert page.status_code == 200
    assert "Imported." in body
    assert "riverside.json" in body
    assert "Imogen Porter" in body
    assert "<caption>" in body and '<th scope="col">Added</th>' in body
    messages = [str(m) for m in page.context["messages"]]
    assert any("riverside.json was imported: 2 services added" in m for m in messages)


def test_importing_the_same_file_again_counts_services_as_unchanged(admin_client):
    records = [service_record()]
    upload(admin_client, json_upload(records))
    upload(admin_client, json_upload(records))
    latest = ImportRun.objects.first()  # newest first
    assert latest.services_unchanged == 1 and latest.services_created == 0


def test_a_dry_run_saves_no_services_but_is_logged(admin_client):
    response = upload(admin_client, json_upload([service_record()]), dry_run=True)

    run = ImportRun.objects.get()
    assert not Service.objects.exists()
    assert run.dry_run and run.outcome == Outcome.DRY_RUN
    assert run.services_created == 1  # what would have happened
    body = admin_client.get(response["Location"]).content.decode()
    assert "Dry run: this is what would happen. Nothing was saved." in body


def test_a_bad_record_is_left_out_and_named_and_the_good_ones_are_saved(admin_client):
    good = service_record()
    bad = service_record(minimum_age="eighteen", name="Broken Service")
    response = upload(admin_client, json_upload([good, bad]))

    run = ImportRun.objects.get()
    assert list(Service.objects.values_list("id", flat=True)) == [uuid.UUID(good["id"])]
    assert run.outcome == Outcome.SAVED and run.services_rejected == 1
    page = admin_client.get(response["Location"])
    body = page.content.decode()
    assert "record 2 (Broken Service)" in body and "not an age" in body
    assert "1 record(s) could not be imported and were left out" in body
    assert any("Records left out: 1" in str(m) for m in page.context["messages"])


def test_strict_saves_nothing_when_a_record_is_bad(admin_client):
    good = service_record()
    bad = service_record(minimum_age="eighteen", name="Broken Service")
    response = upload(admin_client, json_upload([good, bad]), strict=True)

    run = ImportRun.objects.get()
    assert not Service.objects.exists()
    assert run.outcome == Outcome.REJECTED
    assert run.services_rejected == 1
    assert run.report["rejected"][0]["field"] == "minimum_age"

    page = admin_client.get(response["Location"])
    body = page.content.decode()
    assert "record 2 (Broken Service)" in body
    assert "<td>minimum_age</td>" in body
    assert "not an age" in body
    assert "could not be imported, so nothing was saved" in body
    assert any("Nothing was saved" in str(m) for m in page.context["messages"])


def test_warnings_are_grouped_with_a_count_and_up_to_five_examples(admin_client):
    records = [service_record(name=f"Cafe {n}", assured_date=None) for n in range(7)]
    response = upload(admin_client, json_upload(records))

    run = ImportRun.objects.get()
    groups = run.report["warning_counts"]
    assert groups, "a missing review date should be a warning"
    page = admin_client.get(response["Location"])
    (group,) = [g for g in page.context["warning_groups"] if g["count"] == 7]
    assert len(group["examples"]) == 5
    body = page.content.decode()
    assert f"<td>{escape(group['reason'])}</td>" in body
    assert f'<th scope="row">{escape(group["field"])}</th>' in body
    assert group["examples"][0] in body


def test_a_file_that_is_not_json_gives_a_failed_run_with_a_plain_reason(admin_client):
    not_json = SimpleUploadedFile("notes.json", b"these are my notes, not services")
    response = upload(admin_client, not_json)

    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert run.outcome == Outcome.FAILED
    assert "notes.json is not valid JSON" in run.report["failure"]
    assert "/tmp" not in json.dumps(run.report)  # never a path on the server
    body = admin_client.get(response["Location"]).content.decode()
    assert "The import failed: notes.json is not valid JSON" in body
    assert "Failed" in body


def test_a_zip_that_is_not_a_package_gives_a_failed_run(admin_client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    response = upload(admin_client, SimpleUploadedFile("feed.zip", buffer.getvalue()))

    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert run.outcome == Outcome.FAILED
    assert "feed.zip holds no datapackage.json or services.csv" in run.report["failure"]


def test_a_file_named_zip_that_is_not_a_zip_gives_a_failed_run(admin_client):
    response = upload(admin_client, SimpleUploadedFile("feed.zip", b"not a zip at all"))
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert run.outcome == Outcome.FAILED
    assert run.report["failure"] == "feed.zip is not a readable .zip file."


def test_a_zipped_tabular_package_is_imported(admin_client, tmp_path: Path):
    records = [service_record(), service_record(name="Second Wind Peer Group")]
    folder = tmp_path / "package"
    write_package(records, folder)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for file in folder.iterdir():
            archive.write(file, arcname=file.name)
    response = upload(admin_client, SimpleUploadedFile("package.zip", buffer.getvalue()))

    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert run.outcome == Outcome.SAVED, run.report
    assert run.services_created == 2
    assert Service.objects.filter(id__in=[r["id"] for r in records]).count() == 2


def test_no_file_shows_an_error_next_to_the_field(admin_client):
    response = upload(admin_client, None)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose a .json or .zip file to import." in body
    assert 'href="#id_file"' in body  # the error summary links to the field
    assert not ImportRun.objects.exists()


def test_the_wrong_kind_of_file_shows_an_error(admin_client):
    response = upload(admin_client, SimpleUploadedFile("services.csv", b"id,name\n"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "The file must be a .json or .zip file." in body
    assert "services.csv" in body
    assert not ImportRun.objects.exists()


@override_settings(SIGNPOST_IMPORT_MAX_UPLOAD_MB=1)
def test_a_file_over_the_size_limit_shows_an_error(admin_client):
    big = SimpleUploadedFile("big.json", b"[" + b" " * (1024 * 1024 + 10) + b"]")
    response = upload(admin_client, big)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Files can be up to 1 MB" in body
    assert not ImportRun.objects.exists()


def test_the_form_explains_what_each_kind_of_file_may_hold(admin_client):
    response = admin_client.get(reverse(UPLOAD_URL))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Check only (dry run)" in body
    assert "tabular package" in body and "Up to 50 MB" in body
    assert 'accept=".json,.zip' in body
    assert '<label class="w-field__label" for="id_file"' in body


def test_the_list_shows_who_ran_which_import_and_when_newest_first(admin_client, admin_user):
    older = record_run(
        ImportReport(), run_by=None, source_name="nightly.json", source_kind="command"
    )
    upload(admin_client, json_upload([service_record()], "latest.json"))
    newer = ImportRun.objects.exclude(pk=older.pk).get()

    response = admin_client.get(reverse(LIST_URL))
    body = response.content.decode()
    assert response.status_code == 200
    assert list(response.context["runs"]) == [newer, older]
    assert body.index("latest.json") < body.index("nightly.json")
    assert "Imogen Porter" in body
    assert "Command line" in body  # who, for a run nobody signed in for
    assert timezone.localtime(newer.started_at).strftime("%-d %b %Y, %H:%M") in body
    assert reverse(REPORT_URL, args=[newer.pk]) in body
    assert reverse(UPLOAD_URL) in body


def test_the_list_is_paginated(admin_client):
    for n in range(30):
        record_run(ImportReport(), run_by=None, source_name=f"f{n}.json", source_kind="command")
    first = admin_client.get(reverse(LIST_URL))
    second = admin_client.get(reverse(LIST_URL), {"p": 2})
    assert len(first.context["runs"]) == 25
    assert len(second.context["runs"]) == 5


def test_the_admin_menu_has_imports_for_people_who_may_import(admin_client):
    body = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(LIST_URL) in body


def test_the_admin_menu_hides_imports_from_others(staff_without_permission):
    response = staff_without_permission.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert reverse(LIST_URL) not in response.content.decode()


@pytest.mark.parametrize("name", [LIST_URL, UPLOAD_URL, REPORT_URL])
def test_staff_without_the_permission_are_refused(staff_without_permission, name):
    run = record_run(ImportReport(), run_by=None, source_name="x.json", source_kind="command")
    url = reverse(name, args=[run.pk]) if name == REPORT_URL else reverse(name)
    assert_refused(staff_without_permission.get(url))


def test_staff_without_the_permission_cannot_post_an_import(staff_without_permission):
    response = upload(staff_without_permission, json_upload([service_record()]))
    assert_refused(response)
    assert not Service.objects.exists() and not ImportRun.objects.exists()


def test_a_group_given_the_permission_can_run_imports(staff_without_permission, django_user_model):
    editors = Group.objects.get(name="Directory editors")
    editors.permissions.add(Permission.objects.get(codename="add_importrun"))
    assert staff_without_permission.get(reverse(LIST_URL)).status_code == 200


def test_the_public_is_sent_to_sign_in(client):
    response = client.get(reverse(LIST_URL))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_record_run_logs_a_command_line_run_without_a_server_path():
    report = ImportReport(source="/srv/feeds/nightly.json")
    report.failure = "The file is empty."
    report.rolled_back = True
    run = record_run(report, run_by=None, source_name="nightly.json", source_kind="command")
    assert run.outcome == Outcome.FAILED and run.run_by is None
    assert run.report["source"] == "nightly.json"
    assert ImportRun.objects.get() == run


def test_administrators_can_give_a_group_the_right_to_run_imports(admin_client):
    body = admin_client.get(reverse("wagtailusers_groups:add")).content.decode()
    assert "Can add import run" in body
    # Runs are read-only: there is nothing else to grant.
    assert "Can change import run" not in body and "Can delete import run" not in body
