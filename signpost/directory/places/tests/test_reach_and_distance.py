"""Coverage on the UK gazetteer: stated areas widened up and down at search time, and
distances said plainly."""

import pytest

from signpost.directory.finder import SearchRequest, find_services
from signpost.directory.gazetteer.loader import load_gazetteer
from signpost.directory.models import Location, Place, Service, ServiceCoverage
from signpost.directory.places import distance_words, distances, resolve_place
from signpost.directory.tests.factories import ServiceFactory, add_location

pytestmark = pytest.mark.django_db


def reaching(text):
    return set(Service.objects.public().reaching(resolve_place(text).reach))


def located(name, city, postcode, lat, lng, areas=()):
    service = ServiceFactory(name=name, areas=list(areas))
    location = add_location(service, city=city, postcode=postcode)
    Location.objects.filter(pk=location.pk).update(latitude=lat, longitude=lng)
    service.save()
    return service


def test_a_county_service_reaches_its_towns_and_postcodes_but_not_other_counties(uk_gazetteer):
    county = ServiceFactory(areas=["Norfolk"])
    assert county in reaching("Dereham")
    assert county in reaching("NR19 1AB")
    assert county not in reaching("Mansfield")


def test_searching_an_area_finds_services_stating_places_inside_it(uk_gazetteer):
    city = ServiceFactory(areas=["Norwich"])
    assert city in reaching("Norfolk")
    assert city not in reaching("Breckland")


def test_a_located_service_is_found_from_its_town_and_its_postcode(uk_gazetteer):
    local = located("Market town group", "Dereham", "NR19 1AB", 52.681, 0.939)
    stored = set(
        ServiceCoverage.objects.filter(service=local).values_list("place__slug", flat=True)
    )
    assert stored == {"east-dereham", "postcode-nr19"}
    assert local in reaching("Dereham")
    assert local in reaching("NR19 2ZZ")
    assert local in reaching("Norfolk")
    assert local not in reaching("Norwich")


def test_whole_uk_services_reach_everyone_and_nation_services_their_nation(uk_gazetteer):
    uk = ServiceFactory(areas=["United Kingdom"])
    england = ServiceFactory(areas=["England"])
    assert {uk, england} <= reaching("Dereham")
    assert uk in reaching("Cardiff") and england not in reaching("Cardiff")
    assert {uk, england} <= reaching("Zorbleton Magna")  # unknown: national help only


def test_only_the_stated_area_is_stored_and_free_text_is_not_scanned(uk_gazetteer):
    service = ServiceFactory(areas=["Breckland"])
    service.service_areas.update(description="People from Reading, March or Street welcome.")
    service.save()
    stored = list(
        ServiceCoverage.objects.filter(service=service).values_list("place__slug", flat=True)
    )
    assert stored == ["council-breckland"]


def test_a_shared_town_name_is_settled_by_where_the_service_is(uk_gazetteer):
    service = ServiceFactory(areas=["Newport"])
    location = add_location(service, city="Newport", postcode="PO30 1AA")
    Location.objects.filter(pk=location.pk).update(latitude=50.70, longitude=-1.29)
    service.save()
    stored = list(
        ServiceCoverage.objects.filter(service=service).values_list("place__slug", flat=True)
    )
    assert stored == ["newport-isle-of-wight"]


def test_distances_are_measured_for_local_services_only(uk_gazetteer):
    near = located("Near group", "Dereham", "NR19 1AB", 52.681, 0.939)
    far = located("Far group", "Norwich", "NR2 1AA", 52.628, 1.297, ["Norfolk"])
    national = ServiceFactory(areas=["United Kingdom"])
    miles = distances([near.id, far.id, national.id], resolve_place("Dereham"))
    assert miles[near.id] < 1
    assert 14 < miles[far.id] < 18
    assert national.id not in miles


def test_browsing_from_a_town_lists_nearer_services_first(uk_gazetteer):
    county = ServiceFactory(name="A county line", areas=["Norfolk"])
    far = located("B county group in the city", "Norwich", "NR2 1AA", 52.628, 1.297, ["Norfolk"])
    near = located("Z group in town", "Dereham", "NR19 1AB", 52.681, 0.939)
    outcome = find_services(SearchRequest(where=resolve_place("Dereham")))
    # Measured services nearest first; one placed only by its county has no distance.
    assert outcome.service_ids == [near.id, far.id, county.id]


@pytest.mark.parametrize(
    ("miles", "words"),
    [
        (0.2, "less than a mile away"),
        (1.2, "about 1 mile away"),
        (2.6, "about 3 miles away"),
        (9.4, "about 9 miles away"),
        (23.0, "about 25 miles away"),
        (None, ""),
    ],
)
def test_distance_is_said_in_round_words(miles, words):
    assert distance_words(miles) == words


def test_loading_again_changes_nothing_and_keeps_places_added_here(uk_gazetteer):
    local = Place.objects.create(
        slug="our-estate",
        name="Our Estate",
        kind="town",
        parent=Place.objects.get(slug="council-breckland"),
    )
    assert load_gazetteer().total == 0
    local.refresh_from_db()
    assert local.path.endswith(f"/{local.parent_id}/")
    Place.objects.filter(slug="east-dereham").update(name="Dereham East")
    result = load_gazetteer()
    assert result.changed == 1
    assert Place.objects.get(slug="east-dereham").name == "East Dereham"
