"""A directory maintainer imports a partner's Open Referral feed from the admin."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from signpost.directory.models import Service
from signpost.directory.tests.factories import build_gazetteer
from signpost.openreferral.tests.test_importer import service_record
from signpost.tests.system.staff.sign_in import sign_in_to_admin

PASSWORD = "a-long-test-password-1"


@pytest.fixture
def browser_context_args(browser_context_args):
    """Staff work at a desk; without JavaScript, Wagtail's sidebar covers a phone-width page."""
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def maintainer(transactional_db, django_user_model, settings):
    build_gazetteer()
    # The import runs in the request (the immediate backend) rather than on a worker.
    settings.SIGNPOST_IMPORT_TASK_BACKEND = "default"
    group = Group.objects.create(name="Directory maintainers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_importrun"),
    )
    user = django_user_model.objects.create_user(
        "maintainer", "maintainer@example.org", PASSWORD, first_name="Sam", last_name="Ng"
    )
    user.groups.add(group)
    return user


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_a_maintainer_fixes_a_rejected_feed_and_imports_it(
    page, live_server, maintainer, axe, tmp_path, javascript_enabled
):
    good = service_record(name="Riverside Wellbeing Cafe")
    feed = tmp_path / "partner-feed.json"
    feed.write_text(json.dumps([good, service_record(name="No status", status="open")]))

    sign_in_to_admin(page, live_server, maintainer, PASSWORD)
    page.goto(live_server.url + "/admin/imports/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Imports")
    axe(page)

    page.get_by_role("link", name="New import").first.click()
    page.get_by_label("File to import").set_input_files(str(feed))
    page.get_by_label("Save nothing if any record is rejected").check()
    axe(page)
    page.get_by_role("button", name="Start import").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("partner-feed.json")
    expect(
        page.get_by_role("heading", name="Records that could not be imported (1)")
    ).to_be_visible()
    expect(page.get_by_role("row", name="status")).to_contain_text("open")
    axe(page)
    assert not Service.objects.exists()

    feed.write_text(json.dumps([good]))
    page.goto(live_server.url + "/admin/imports/new/")
    page.get_by_label("File to import").set_input_files(str(feed))
    page.get_by_role("button", name="Start import").click()
    expect(
        page.get_by_role("heading", name="Records that could not be imported (0)")
    ).to_be_visible()
    assert Service.objects.get().name == "Riverside Wellbeing Cafe"

    page.get_by_role("link", name="Back to all imports").click()
    rows = page.get_by_role("table", name="Past imports, newest first").locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Sam Ng")
    axe(page)
