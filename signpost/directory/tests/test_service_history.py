"""A service's history says what changed between saves, field by field, and who changed it."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Revision

from signpost.directory.models import ServiceAttribute

from .factories import ServiceFactory, TaxonomyFactory, TermFactory, add_schedule
from .test_admin_service_form import RULE_WORDS, edit_url, form_data, set_day


@pytest.fixture
def editors(db, django_user_model):
    alex = django_user_model.objects.create_superuser(
        "alex", "alex@example.org", "pw-x1y2z3", first_name="Alex", last_name="Kim"
    )
    sam = django_user_model.objects.create_superuser(
        "sam", "sam@example.org", "pw-x1y2z3", first_name="Sam", last_name="Ng"
    )
    return alex, sam


@pytest.fixture
def service(db, home_page):
    needs = TaxonomyFactory(name="needs")
    anxiety = TermFactory(taxonomy=needs, code="anxiety", name="Anxiety")
    TermFactory(taxonomy=needs, code="grief", name="Grief and loss")
    service = ServiceFactory(name="Harbour Listening Service", description="Weekly drop-in.")
    ServiceAttribute.objects.create(service=service, taxonomy_term=anxiety)
    add_schedule(
        service, freq="WEEKLY", byday="MO,TU,WE,TH,FR", opens_at=dt.time(9), closes_at=dt.time(17)
    )
    return service


def edit_as(client, user, service, change) -> None:
    """One real edit through the admin form, as that user."""
    client.force_login(user)
    data = form_data(client.get(edit_url(service)).content.decode())
    change(data)
    response = client.post(edit_url(service), data)
    assert response.status_code == 302, response.content.decode()[:3000]


def two_edits(client, editors, service) -> None:
    alex, sam = editors
    grief = service.attributes.get().taxonomy_term.taxonomy.terms.get(code="grief")

    def describe(data):
        data["description"] = ["Weekly drop-in, now with a quiet room."]

    def hours_and_categories(data):
        set_day(data, "mo", "open", ("10:00", "16:00"))
        data["vocabulary_needs"] = [str(grief.pk)]

    edit_as(client, alex, service, describe)
    edit_as(client, sam, service, hours_and_categories)


def compare_rows(html: str) -> dict[str, tuple[str, str]]:
    table = BeautifulSoup(html, "html.parser").select_one("table.signpost-changes__table")
    rows = {}
    for row in table.select("tbody tr"):
        cells = [cell.get_text("\n", strip=True) for cell in row.find_all(["th", "td"])]
        rows[cells[0]] = (cells[1], cells[2])
    return rows


def test_history_compares_each_save_with_the_one_before_and_names_who_saved_it(
    client, editors, service
):
    two_edits(client, editors, service)
    history = client.get(
        reverse("wagtailsnippets_directory_service:history", args=[service.pk])
    ).content.decode()
    rows = BeautifulSoup(history, "html.parser").select("table tbody tr")
    latest_changes = [li.get_text(strip=True) for li in rows[0].select("li")]
    assert latest_changes == ["Categories", "Opening hours"]  # in the order of the form
    # An imported service has no saved version before its first edit: one is kept for it.
    assert [li.get_text(strip=True) for li in rows[1].select("li")] == ["Description"]
    link = next(a for a in rows[0].find_all("a") if "Before and after" in a.get_text())
    page = client.get(link["href"]).content.decode()
    rows = compare_rows(page)
    assert rows["Opening hours"] == (
        "Monday to Friday, 9am to 5pm",
        "Monday, 10am to 4pm\nTuesday, Wednesday, Thursday and Friday, 9am to 5pm",
    )
    assert rows["Categories"] == (
        "What it helps with: Anxiety",
        "What it helps with: Grief and loss",
    )
    assert "Description" not in rows  # Alex's change is in the version before, not this one
    text = BeautifulSoup(page, "html.parser").find("main").get_text(" ")
    assert "saved by Sam Ng" in text and "saved by Alex Kim" in text
    for word in RULE_WORDS:
        assert word not in text


def test_any_two_versions_compare_with_old_and_new_values_even_the_stored_one_before_any_edit(
    client, editors, service
):
    two_edits(client, editors, service)
    stored, first, latest = Revision.objects.for_instance(service).order_by("created_at", "id")
    assert stored.user is None and first.user.username == "alex"
    url = reverse(
        "wagtailsnippets_directory_service:revisions_compare",
        args=[service.pk, first.pk, latest.pk],
    )
    rows = compare_rows(client.get(url).content.decode())
    assert set(rows) == {"Opening hours", "Categories"}
    url = reverse(
        "wagtailsnippets_directory_service:revisions_compare",
        args=[service.pk, "earliest", "latest"],
    )
    page = client.get(url).content.decode()
    assert "saved by an import or a script" in page and "saved by Sam Ng" in page
    rows = compare_rows(page)
    assert rows["Description"] == ("Weekly drop-in.", "Weekly drop-in, now with a quiet room.")
