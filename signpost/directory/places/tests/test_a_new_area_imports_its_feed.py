"""A fresh install with no demo: import a county's feed, then find its local services by a
town, a postcode or the council area, through the API and the page alike."""

import uuid

import pytest

from signpost.openreferral.importer import import_services

pytestmark = pytest.mark.django_db
ORGANISATION = {"id": str(uuid.uuid4()), "name": "County Mind", "description": "A charity."}


def record(name, *, areas=(), city="", postcode="", lat=None, lng=None):
    """A small HSDS 3.0 service: stated areas, or one physical place."""
    service = {
        "id": str(uuid.uuid4()),
        "name": name,
        "status": "active",
        "description": "Support for anxiety, worry and panic.",
        "organization": ORGANISATION,
        "service_areas": [{"id": str(uuid.uuid4()), "name": area} for area in areas],
    }
    if city:
        location_id = str(uuid.uuid4())
        service["service_at_locations"] = [
            {
                "id": str(uuid.uuid4()),
                "location_id": location_id,
                "location": {
                    "id": location_id,
                    "location_type": "physical",
                    "name": f"{name} rooms",
                    "latitude": lat,
                    "longitude": lng,
                    "addresses": [
                        {
                            "id": str(uuid.uuid4()),
                            "address_1": "1 High Street",
                            "city": city,
                            "postal_code": postcode,
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ]
    return service


@pytest.fixture
def imported(uk_gazetteer):
    report = import_services(
        [
            record("Mid Norfolk Anxiety Group", city="Dereham", postcode="NR19 1AB"),
            record("Breckland Anxiety Counselling", areas=["Breckland District Council"]),
            record("Norfolk Anxiety Line", areas=["Norfolk"]),
            record("Norwich Anxiety Cafe", city="Norwich", postcode="NR2 4AA", lat=52.63, lng=1.29),
            record("Cornish Anxiety Group", areas=["Cornwall"]),
            record("UK Anxiety Helpline", areas=["United Kingdom"]),
        ]
    )
    assert not report.rejected


def api_names(client, **params):
    response = client.get("/api/oruk/services", {"per_page": 50, **params})
    assert response.status_code == 200, response.content[:300]
    return {item["name"] for item in response.json()["contents"]}


def test_a_town_in_the_feed_finds_its_local_services_through_the_api(client, imported):
    assert api_names(client, search="anxiety", location="Dereham") == {
        "Mid Norfolk Anxiety Group",
        "Breckland Anxiety Counselling",
        "Norfolk Anxiety Line",
        "UK Anxiety Helpline",
    }


def test_a_postcode_finds_the_same_as_its_town(client, imported):
    assert api_names(client, search="anxiety", postcode="NR19 2QQ") == api_names(
        client, search="anxiety", location="Dereham"
    )


def test_the_county_finds_everything_stated_inside_it(client, imported):
    assert api_names(client, location="Norfolk County Council") == {
        "Mid Norfolk Anxiety Group",
        "Breckland Anxiety Counselling",
        "Norfolk Anxiety Line",
        "Norwich Anxiety Cafe",
        "UK Anxiety Helpline",
    }


def test_the_public_search_finds_the_same_near_dereham(client, imported, home_page):
    response = client.get("/services/", {"q": "anxiety", "where": "Dereham"})
    names = {card.service.name for card in response.context["cards"]}
    assert names == api_names(client, search="anxiety", location="Dereham")
