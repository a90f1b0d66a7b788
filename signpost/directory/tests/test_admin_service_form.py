"""Staff edit a service's opening hours as a week and its categories as checkboxes."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from signpost.directory.models import Schedule, ServiceAttribute

from .factories import (
    ServiceFactory,
    TaxonomyFactory,
    TermFactory,
    add_location,
    add_schedule,
)

RULE_WORDS = ("Freq", "Byday", "Bymonthday", "Wkst", "Interval", "Dtstart", "Until")


@pytest.fixture
def staff_client(client, django_user_model, home_page):
    user = django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "pw-x1y2z3", first_name="Alex", last_name="Kim"
    )
    client.force_login(user)
    return client


@pytest.fixture
def service(db):
    service = ServiceFactory(name="Riverside Talking Group")
    add_schedule(
        service, freq="WEEKLY", byday="MO,TU,WE,TH,FR", opens_at=dt.time(9), closes_at=dt.time(17)
    )
    return service


def edit_url(service) -> str:
    return reverse("wagtailsnippets_directory_service:edit", args=[service.pk])


def form_data(html: str, form_id: str = "w-editor-form") -> dict[str, list[str]]:
    """Every field of a form as a browser without JavaScript would send it."""
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "button", "file"}:
            continue
        if field.get("type") in {"checkbox", "radio"} and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            value = field.text.removeprefix("\n")  # a browser drops the first newline
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            value = chosen.get("value", "") if chosen else ""
        else:
            value = field.get("value", "on" if field.get("type") == "checkbox" else "")
        data.setdefault(name, []).append(value)
    return data


def set_day(data, code, state, *windows, note=""):
    """Fill one day's row as a person would: the choice, up to three openings and a note."""
    data[f"hours_{code}_state"] = [state]
    for index in range(1, 4):
        given = (*windows[index - 1], False) if index <= len(windows) else ("", "", False)
        opens, closes, overnight = given[:3]
        data[f"hours_{code}_{index}_opens"] = [opens]
        data[f"hours_{code}_{index}_closes"] = [closes]
        data.pop(f"hours_{code}_{index}_overnight", None)
        if overnight:
            data[f"hours_{code}_{index}_overnight"] = ["on"]
    data[f"hours_{code}_note"] = [note]


def stored_hours(service) -> set[tuple]:
    return {
        (s.freq, s.byday, s.opens_at, s.closes_at, s.description)
        for s in Schedule.objects.filter(service=service)
    }


def test_the_hours_are_a_row_per_day_filled_from_the_stored_schedules(staff_client, service):
    html = staff_client.get(edit_url(service)).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    legends = [legend.get_text(strip=True) for legend in soup.select("fieldset > legend")]
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        assert day in legends
    data = form_data(html)
    assert data["hours_mo_state"] == ["open"]
    assert data["hours_fr_1_opens"] == ["09:00"] and data["hours_fr_1_closes"] == ["17:00"]
    assert data["hours_sa_state"] == ["closed"]


def test_no_repeat_rule_words_appear_on_the_service_form(staff_client, service):
    html = staff_client.get(edit_url(service)).content.decode()
    form = BeautifulSoup(html, "html.parser").find("form", id="w-editor-form")
    text = form.get_text(" ")
    for word in RULE_WORDS:
        assert word not in text, word


def test_a_week_with_a_break_a_late_night_and_a_24_hour_day_is_saved_as_weekly_schedules(
    staff_client, service
):
    data = form_data(staff_client.get(edit_url(service)).content.decode())
    for code in ("mo", "tu", "th", "fr"):
        set_day(data, code, "open", ("9am", "12:30pm"), ("13:30", "17:00"))
    set_day(data, "we", "open", ("18:00", "02:00", True), note="Last call 1:30am")
    set_day(data, "sa", "24h")
    set_day(data, "su", "closed", note="Closed on bank holidays too")
    response = staff_client.post(edit_url(service), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert stored_hours(service) == {
        ("WEEKLY", "MO,TU,TH,FR", dt.time(9), dt.time(12, 30), ""),
        ("WEEKLY", "MO,TU,TH,FR", dt.time(13, 30), dt.time(17), ""),
        ("WEEKLY", "WE", dt.time(18), dt.time(2), "Last call 1:30am"),
        ("WEEKLY", "SA", dt.time(0), dt.time(23, 59), ""),
        ("WEEKLY", "SU", None, None, "Closed on bank holidays too"),
    }
    again = form_data(staff_client.get(edit_url(service)).content.decode())
    assert again["hours_we_1_overnight"] == ["on"]
    assert again["hours_sa_state"] == ["24h"]
    assert again["hours_su_note"] == ["Closed on bank holidays too"]


def test_saving_without_touching_the_week_leaves_the_schedules_as_they_were(staff_client, service):
    before = list(Schedule.objects.filter(service=service).values())
    data = form_data(staff_client.get(edit_url(service)).content.decode())
    data["description"] = ["Now also on Saturdays by appointment."]
    assert staff_client.post(edit_url(service), data).status_code == 302
    assert list(Schedule.objects.filter(service=service).values()) == before


def test_monthly_and_one_place_hours_are_listed_read_only_and_kept_when_the_week_changes(
    staff_client, service
):
    monthly = add_schedule(
        service, freq="MONTHLY", byday="1TU", opens_at=dt.time(10), closes_at=dt.time(12)
    )
    add_location(service, city="Mansfield")
    link = service.service_at_locations.get()
    at_place = add_schedule(
        service,
        service_at_location=link,
        freq="WEEKLY",
        byday="SA",
        opens_at=dt.time(10),
        closes_at=dt.time(13),
    )
    kept_before = list(Schedule.objects.filter(pk__in=[monthly.pk, at_place.pk]).values())
    html = staff_client.get(edit_url(service)).content.decode()
    kept = BeautifulSoup(html, "html.parser").select_one(".signpost-week__kept").get_text(" ")
    assert "first Tuesday of the month, 10am to midday" in kept
    assert "Saturday, 10am to 1pm, at Mansfield centre" in kept
    data = form_data(html)
    assert data["hours_sa_state"] == ["closed"]  # the place's Saturday is not the service's
    set_day(data, "mo", "open", ("08:00", "17:00"))
    assert staff_client.post(edit_url(service), data).status_code == 302
    assert list(Schedule.objects.filter(pk__in=[monthly.pk, at_place.pk]).values()) == kept_before
    assert ("WEEKLY", "MO", dt.time(8), dt.time(17), "") in stored_hours(service)


@pytest.mark.parametrize(
    ("day", "windows", "state", "field", "message"),
    [
        ("mo", [("17:00", "09:00")], "open", "hours_mo_1_closes", "must be after the opening"),
        ("tu", [("09:00", "25:00")], "open", "hours_tu_1_closes", "Enter a real time"),
        ("we", [("09:00", "")], "open", "hours_we_1_closes", "Enter the time"),
        ("th", [], "open", "hours_th_1_opens", "or choose 'Closed'"),
        ("fr", [("10:00", "14:00")], "closed", "hours_fr_state", "is marked closed"),
    ],
    ids=[
        "close-before-open",
        "25-oclock",
        "open-without-close",
        "open-no-times",
        "closed-with-times",
    ],
)
def test_bad_hours_are_explained_next_to_the_field_and_nothing_typed_is_lost(
    staff_client, service, day, windows, state, field, message
):
    before = stored_hours(service)
    data = form_data(staff_client.get(edit_url(service)).content.decode())
    set_day(data, day, state, *windows, note="Ring the bell")
    data["description"] = ["A new description typed at the same time."]
    response = staff_client.post(edit_url(service), data)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    wrapper = soup.find(attrs={"name": field}).find_parent(class_="w-field__wrapper")
    assert message in wrapper.select_one(".error-message").get_text()
    again = form_data(response.content.decode())
    for index, (opens, closes) in enumerate(windows, start=1):
        assert again[f"hours_{day}_{index}_opens"] == [opens]
        assert again[f"hours_{day}_{index}_closes"] == [closes]
    assert again[f"hours_{day}_note"] == ["Ring the bell"]
    assert again["description"] == ["A new description typed at the same time."]
    assert stored_hours(service) == before


@pytest.fixture
def vocabularies(db):
    needs = TaxonomyFactory(name="needs")
    access = TaxonomyFactory(name="access")
    imported = TaxonomyFactory(name="openeligibility", description="An imported list.")
    return {
        "anxiety": TermFactory(taxonomy=needs, code="anxiety", name="Anxiety"),
        "sleep": TermFactory(taxonomy=needs, code="sleep", name="Sleep problems"),
        "self": TermFactory(taxonomy=access, code="self-referral", name="Self-referral"),
        "imported": TermFactory(taxonomy=imported, code="mental-care", name="Mental Care"),
    }


def test_categories_are_grouped_checkboxes_one_fieldset_per_vocabulary(
    staff_client, service, vocabularies
):
    ServiceAttribute.objects.create(service=service, taxonomy_term=vocabularies["anxiety"])
    html = staff_client.get(edit_url(service)).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    groups = {
        group.legend.get_text(strip=True): group
        for group in soup.select("fieldset.signpost-vocabularies__group")
    }
    assert list(groups) == ["What it helps with", "How to get it"]
    boxes = {
        label.get_text(strip=True): label.find("input")
        for label in groups["What it helps with"].find_all("label")
    }
    assert boxes["Anxiety"]["type"] == "checkbox" and boxes["Anxiety"].has_attr("checked")
    assert not boxes["Sleep problems"].has_attr("checked")
    assert "Self-referral" in groups["How to get it"].get_text()


def test_ticking_categories_writes_attributes_keeps_imported_ones_and_search_sees_it(
    staff_client, client, service, vocabularies
):
    ServiceAttribute.objects.create(service=service, taxonomy_term=vocabularies["anxiety"])
    ServiceAttribute.objects.create(service=service, taxonomy_term=vocabularies["imported"])
    data = form_data(staff_client.get(edit_url(service)).content.decode())
    data["vocabulary_needs"] = [str(vocabularies["sleep"].pk)]
    data["vocabulary_access"] = [str(vocabularies["self"].pk)]
    response = staff_client.post(edit_url(service), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    terms = set(
        ServiceAttribute.objects.filter(service=service).values_list(
            "taxonomy_term__code", flat=True
        )
    )
    assert terms == {"sleep", "self-referral", "mental-care"}
    found = client.get(reverse("directory:search"), {"need": "sleep"}).content.decode()
    assert "Riverside Talking Group" in found
    gone = client.get(reverse("directory:search"), {"need": "anxiety"}).content.decode()
    assert "could not find a service that matches" in gone


def test_a_new_service_is_added_with_its_week_and_categories(staff_client, vocabularies):
    from signpost.directory.models import Service

    from .factories import OrganisationFactory

    organisation = OrganisationFactory(name="Harbour Trust")
    add = reverse("wagtailsnippets_directory_service:add")
    data = form_data(staff_client.get(add).content.decode())
    data.update(name=["Harbour Walk and Talk"], organisation=[str(organisation.pk)])
    set_day(data, "sa", "open", ("10:00", "11:30"))
    data["vocabulary_needs"] = [str(vocabularies["anxiety"].pk)]
    response = staff_client.post(add, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    service = Service.objects.get(name="Harbour Walk and Talk")
    assert stored_hours(service) == {("WEEKLY", "SA", dt.time(10), dt.time(11, 30), "")}
    assert list(service.attributes.values_list("taxonomy_term__code", flat=True)) == ["anxiety"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("9", dt.time(9)),
        ("09:30", dt.time(9, 30)),
        ("5.30pm", dt.time(17, 30)),
        ("12 am", dt.time(0)),
        ("midday", dt.time(12)),
        ("25:00", None),
        ("9:75", None),
        ("13pm", None),
        ("soon", None),
    ],
)
def test_times_are_read_as_people_type_them(typed, meant):
    from signpost.directory.opening_week import parse_time

    assert parse_time(typed) == meant


def test_removing_a_place_and_changing_the_week_in_one_save_drops_that_places_hours(
    staff_client, service
):
    add_location(service, city="Mansfield")
    link = service.service_at_locations.get()
    add_schedule(
        service, service_at_location=link, byday="SA", opens_at=dt.time(10), closes_at=dt.time(13)
    )
    data = form_data(staff_client.get(edit_url(service)).content.decode())
    data["service_at_locations-0-DELETE"] = ["1"]
    set_day(data, "mo", "open", ("08:00", "17:00"))
    response = staff_client.post(edit_url(service), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not service.service_at_locations.exists()
    assert not Schedule.objects.filter(service_at_location__isnull=False).exists()
    assert ("WEEKLY", "MO", dt.time(8), dt.time(17), "") in stored_hours(service)
