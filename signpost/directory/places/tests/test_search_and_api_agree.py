"""The search page and the Open Referral API resolve places through one code path and agree;
the page says what it did with the place."""

import pytest

from signpost.directory.models import Location
from signpost.directory.tests.factories import ServiceFactory, add_location

pytestmark = pytest.mark.django_db

PLACES = ["Dereham", "Derehm", "NR19 1AB", "NR19", "Breckland", "Norfolk", "Newport", "Zorbleton"]


@pytest.fixture
def norfolk(uk_gazetteer, home_page):
    town = ServiceFactory(name="Town talking group")
    location = add_location(town, city="Dereham", postcode="NR19 1AB")
    Location.objects.filter(pk=location.pk).update(latitude=52.681, longitude=0.939)
    town.save()
    return {
        "town": town,
        "county": ServiceFactory(name="County counselling", areas=["Norfolk County Council"]),
        "city": ServiceFactory(name="City drop-in", areas=["Norwich"]),
        "island": ServiceFactory(name="Island listening", areas=["Isle of Wight"]),
        "national": ServiceFactory(name="Whole UK line", areas=["United Kingdom"]),
    }


def page_names(client, **params):
    response = client.get("/services/", params)
    assert response.status_code == 200
    return {card.service.name for card in response.context["cards"]}, response


def api_names(client, **params):
    response = client.get("/api/oruk/services", {"per_page": 50, **params})
    assert response.status_code == 200, response.content[:300]
    return {item["name"] for item in response.json()["contents"]}


@pytest.mark.parametrize("typed", PLACES)
def test_the_page_and_the_api_location_find_the_same_services(client, norfolk, typed):
    on_page, _ = page_names(client, where=typed)
    assert api_names(client, location=typed) == on_page


@pytest.mark.parametrize("typed", ["NR19 1AB", "NR19"])
def test_the_api_postcode_agrees_with_the_page(client, norfolk, typed):
    on_page, _ = page_names(client, where=typed)
    assert api_names(client, postcode=typed) == on_page


def test_a_town_finds_its_own_county_and_national_services_not_others(client, norfolk):
    names, _ = page_names(client, where="Dereham")
    assert names == {"Town talking group", "County counselling", "Whole UK line"}


def test_a_typo_is_corrected_and_said(client, norfolk):
    names, response = page_names(client, where="Derehm")
    body = response.content.decode()
    assert "Showing services near Dereham." in body
    assert "Town talking group" in names


def test_a_shared_name_offers_a_choice_and_each_choice_narrows(client, norfolk):
    _, response = page_names(client, where="Newport", q="")
    body = response.content.decode()
    assert "Which Newport do you mean?" in body
    assert "where=Newport%2C+Isle+of+Wight" in body
    names, _ = page_names(client, where="Newport, Isle of Wight")
    assert names == {"Island listening", "Whole UK line"}


def test_an_unknown_place_is_said_kindly_and_shows_national_help(client, norfolk):
    names, response = page_names(client, where="Zorbleton")
    assert "We do not know a place called Zorbleton" in response.content.decode()
    assert names == {"Whole UK line"}


def test_a_postcode_that_does_not_exist_is_an_error_next_to_the_field(client, norfolk):
    response = client.get("/services/", {"where": "QQ9 9QQ", "q": "talking"})
    body = response.content.decode()
    assert "We cannot find the postcode QQ9 9QQ" in body
    assert 'value="QQ9 9QQ"' in body  # what they typed is kept


def test_a_postcode_that_does_not_exist_is_a_clear_api_error(client, norfolk):
    response = client.get("/api/oruk/services", {"postcode": "QQ9 9QQ"})
    assert response.status_code == 400
    assert "postcode" in response.content.decode()


def test_local_results_say_how_far_away_they_are(client, norfolk):
    _, response = page_names(client, where="Dereham")
    body = response.content.decode()
    assert "less than a mile away" in body
    assert body.count("miles away") + body.count("mile away") == 1  # national: no distance


def test_a_location_that_is_a_postcode_that_does_not_exist_is_refused_too(client, norfolk):
    response = client.get("/api/oruk/services", {"location": "QQ9 9QQ"})
    assert response.status_code == 400
    assert "location" in response.content.decode()
