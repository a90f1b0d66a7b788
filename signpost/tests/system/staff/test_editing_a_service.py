"""A directory maintainer changes a service's hours and categories, and checks the history."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from signpost.tests.system.staff.sign_in import sign_in_to_admin

PASSWORD = "a-long-test-password-2"


@pytest.fixture
def browser_context_args(browser_context_args):
    """Staff work at a desk; without JavaScript, Wagtail's sidebar covers a phone-width page."""
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def maintainer(journey_directory, django_user_model):
    group = Group.objects.create(name="Directory editors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_service"),
    )
    user = django_user_model.objects.create_user(
        "editor", "editor@example.org", PASSWORD, first_name="Sam", last_name="Ng"
    )
    user.groups.add(group)
    return user


def sign_in(page, live_server, maintainer):
    sign_in_to_admin(page, live_server, maintainer, PASSWORD)


def save(page):
    """Save the form; Wagtail then lists the services with a message."""
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Service 'Mansfield Anxiety Support Group' updated")).to_be_visible()


@pytest.mark.parametrize("javascript_enabled", [True, False], ids=["js", "no-js"])
def test_a_maintainer_changes_hours_and_categories_and_sees_them_in_public_and_history(
    page, live_server, journey_directory, maintainer, axe, javascript_enabled
):
    group = journey_directory["group"]
    edit = f"{live_server.url}/admin/snippets/directory/service/edit/{group.pk}/"
    sign_in(page, live_server, maintainer)
    page.goto(edit)
    expect(page.get_by_role("heading", name="Mansfield Anxiety Support Group")).to_be_visible()
    axe(page)

    tuesday = page.get_by_role("group", name="Tuesday", exact=True)
    expect(tuesday.get_by_label("Opens").first).to_have_value("18:00")
    thursday = page.get_by_role("group", name="Thursday", exact=True)
    if not javascript_enabled:  # with JavaScript, typing a time chooses "Open" by itself
        thursday.get_by_label("Open at these times").check()
    thursday.get_by_label("Opens").first.fill("10am")
    expect(thursday.get_by_label("Open at these times")).to_be_checked()
    thursday.get_by_label("Closes", exact=True).first.fill("25:00")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(thursday.get_by_text("Enter a real time for Thursday")).to_be_visible()
    expect(thursday.get_by_label("Opens").first).to_have_value("10am")
    axe(page)

    thursday.get_by_label("Closes", exact=True).first.fill("12:00")
    save(page)
    axe(page)

    page.goto(edit)
    categories = page.get_by_role("group", name="What it helps with")
    expect(categories.get_by_label("Anxiety")).to_be_checked()
    categories.get_by_label("Low mood and depression").check()
    save(page)

    page.goto(f"{live_server.url}/services/{group.pk}/")
    expect(page.get_by_text("Thursday, 10am to midday")).to_be_visible()
    expect(page.get_by_text("Tuesday, 6pm to 8pm")).to_be_visible()
    axe(page)

    page.goto(f"{live_server.url}/admin/snippets/directory/service/history/{group.pk}/")
    axe(page)
    saves = page.get_by_role("table").locator("tbody tr")
    expect(saves.nth(1).get_by_role("listitem")).to_have_text(["Opening hours"])
    expect(saves.first.get_by_role("listitem")).to_have_text(["Categories"])
    saves.first.get_by_role("link", name="Before and after").click()
    changes = page.get_by_role("table", name="What changed, field by field")
    row = changes.get_by_role("row", name="Categories")
    expect(row).to_contain_text("What it helps with: Anxiety")
    expect(row).to_contain_text("Anxiety, Low mood and depression")
    expect(page.get_by_text("saved by Sam Ng").first).to_be_visible()
    axe(page)
