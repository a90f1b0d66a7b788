"""Staff maintain the directory in the Wagtail admin."""

import datetime as dt

import pytest
from django.urls import reverse
from wagtail.models import Revision

from .factories import ServiceFactory


@pytest.fixture
def staff_client(client, django_user_model, home_page):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-x1y2z3")
    client.force_login(user)
    return client


@pytest.fixture
def services(db):
    fresh = ServiceFactory(name="Fresh Service", assured_date=dt.date.today())
    stale = ServiceFactory(name="Stale Service", assured_date=dt.date(2020, 1, 1))
    return fresh, stale


def test_staff_can_list_and_search_services(staff_client, services):
    response = staff_client.get(reverse("wagtailsnippets_directory_service:list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Fresh Service" in body and "Stale Service" in body
    found = staff_client.get(reverse("wagtailsnippets_directory_service:list"), {"q": "Stale"})
    assert "Stale Service" in found.content.decode()
    assert "Fresh Service" not in found.content.decode()


def test_services_past_their_review_date_are_flagged_and_filterable(staff_client, services):
    url = reverse("wagtailsnippets_directory_service:list")
    body = staff_client.get(url, {"review_overdue": "true"}).content.decode()
    assert "Stale Service" in body
    assert "Fresh Service" not in body


def test_the_public_cannot_reach_the_admin_lists(client, services):
    response = client.get(reverse("wagtailsnippets_directory_service:list"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_problem_reports_are_listed_for_staff(staff_client, services):
    from signpost.directory.models import ProblemReport

    ProblemReport.objects.create(service=services[0], kind="hours", details="Closed Mondays now")
    body = staff_client.get(reverse("wagtailsnippets_directory_problemreport:list")).content
    assert b"Fresh Service" in body


@pytest.mark.parametrize(
    "model",
    ["service", "organisation", "location", "taxonomy", "taxonomyterm", "place", "problemreport"],
)
def test_every_directory_list_can_be_searched(staff_client, services, model):
    url = reverse(f"wagtailsnippets_directory_{model}:list")
    assert staff_client.get(url, {"q": "anything"}).status_code == 200


def _form_data(html: str, form_id: str) -> dict[str, list[str]]:
    """Every field of a form as the browser would send it, from the page's HTML."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "button", "file"}:
            continue
        if field.get("type") in {"checkbox", "radio"} and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            value = field.text
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            value = chosen.get("value", "") if chosen else ""
        else:
            value = field.get("value", "")
        data.setdefault(name, []).append(value)
    return data


def test_saving_the_admin_edit_form_keeps_a_revision_with_the_editor(staff_client, services):
    fresh, _ = services
    edit = reverse("wagtailsnippets_directory_service:edit", args=[fresh.pk])
    data = _form_data(staff_client.get(edit).content.decode(), "w-editor-form")
    data["description"] = ["Now with evening sessions on Thursdays."]
    response = staff_client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    fresh.refresh_from_db()
    assert fresh.description == "Now with evening sessions on Thursdays."
    revision = Revision.objects.for_instance(fresh).order_by("created_at", "id").last()
    assert revision.user.username == "editor"
    history = staff_client.get(
        reverse("wagtailsnippets_directory_service:history", args=[fresh.pk])
    ).content.decode()
    assert "editor" in history


def test_only_overdue_services_are_marked_in_the_review_column(staff_client, services):
    """A cross on every up-to-date service read as an error: only overdue rows say anything."""
    from bs4 import BeautifulSoup

    html = staff_client.get(reverse("wagtailsnippets_directory_service:list")).content.decode()
    table = BeautifulSoup(html, "html.parser").find("table", class_="listing")
    headings = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    column = headings.index("Review overdue")
    cells = {}
    for row in table.select("tbody tr"):
        cells[row.find("td", class_="title").get_text(" ", strip=True)] = row.find_all("td")[column]
    stale = next(cell for name, cell in cells.items() if name.startswith("Stale Service"))
    fresh = next(cell for name, cell in cells.items() if name.startswith("Fresh Service"))
    assert stale.get_text(strip=True) == "Overdue"
    assert fresh.get_text(strip=True) == "" and not fresh.find("svg")
