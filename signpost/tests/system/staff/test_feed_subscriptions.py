"""A directory maintainer subscribes to a county's feed, syncs it, reads the run's report, and
sees on an imported service which feed manages it (JavaScript on and off, axe on each page)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from signpost.directory.models import Service
from signpost.openreferral.models import FeedSubscription
from signpost.openreferral.tests.feed_server import FeedServer
from signpost.openreferral.tests.test_importer import service_record
from signpost.tests.system.staff.sign_in import sign_in_to_admin

PASSWORD = "a-long-test-password-2"


@pytest.fixture
def browser_context_args(browser_context_args):
    """Staff work at a desk; without JavaScript, Wagtail's sidebar covers a phone-width page."""
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def county_feed():
    server = FeedServer()
    yield server
    server.stop()


@pytest.fixture
def maintainer(transactional_db, django_user_model, settings):
    # The run happens in the request (the immediate backend) rather than on a worker.
    settings.SIGNPOST_IMPORT_TASK_BACKEND = "default"
    group = Group.objects.create(name="Feed maintainers")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "add_importrun", "change_service"])
    )
    user = django_user_model.objects.create_user(
        "feeds", "feeds@example.org", PASSWORD, first_name="Ada", last_name="Okafor", is_staff=True
    )
    user.groups.add(group)
    return user


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_a_maintainer_subscribes_to_a_feed_syncs_it_and_sees_what_it_manages(
    page, live_server, maintainer, county_feed, axe, javascript_enabled
):
    # A lean record: with many parts, Wagtail's own minimap on the edit page overflows and
    # fails axe (scrollable-region-focusable) whether or not our notice is there.
    walks = service_record(name="Fenland Wellbeing Walks", languages=[], service_areas=[])
    records = [walks, service_record(name="")]
    address = county_feed.serve_services(records)

    sign_in_to_admin(page, live_server, maintainer, PASSWORD)
    page.goto(live_server.url + "/admin/feeds/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Feeds")
    expect(page.get_by_text("There are no feeds yet.")).to_be_visible()
    axe(page)

    page.get_by_role("link", name="Add a feed").first.click()
    page.get_by_label("Name").fill("County directory")
    page.get_by_label("Feed address").fill("not an address")
    page.get_by_role("button", name="Save feed").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("County directory")  # nothing lost
    axe(page)

    page.get_by_label("Feed address").fill(address)
    page.get_by_role("button", name="Save feed").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("County directory")
    expect(page.get_by_text("This feed has not been synced yet.")).to_be_visible()
    axe(page)
    assert FeedSubscription.objects.get().schedule == "daily"

    page.get_by_role("button", name="Sync now").click()
    expect(page.get_by_role("heading", name="Saved", exact=True)).to_be_visible()
    expect(
        page.get_by_role("heading", name="Records that could not be imported (1)")
    ).to_be_visible()
    expect(page.get_by_role("row", name="record 2")).to_contain_text("is missing")
    axe(page)

    page.get_by_role("link", name="County directory").click()
    runs = page.get_by_role("table", name="runs of this feed").locator("tbody tr")
    expect(runs).to_have_count(1)
    expect(runs.first).to_contain_text("Saved")

    service = Service.objects.get()
    page.goto(f"{live_server.url}/admin/snippets/directory/service/edit/{service.pk}/")
    notice = page.get_by_text("This service is managed by the feed “County directory”")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Description")
    axe(page)
