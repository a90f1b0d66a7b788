import pytest

from signpost.directory.coverage import PlaceIndex
from signpost.directory.models import Service

from .factories import ServiceFactory, add_location, build_gazetteer


@pytest.fixture
def places(db):
    return build_gazetteer()


def test_a_county_wide_service_covers_every_town_in_the_county(places):
    service = ServiceFactory(areas=["Nottingham and Nottinghamshire"])
    assert set(Service.objects.covering([places["mansfield"].pk])) == {service}
    assert set(Service.objects.covering([places["nottingham"].pk])) == {service}


def test_a_mansfield_district_service_does_not_cover_nottingham(places):
    ServiceFactory(areas=["Mansfield district"])
    assert not Service.objects.covering([places["nottingham"].pk]).exists()
    assert Service.objects.covering([places["mansfield"].pk]).exists()


def test_nottinghamshire_in_a_description_does_not_mean_nottingham(places):
    index = PlaceIndex.load()
    found = index.names_in_text("Covers the north of Nottinghamshire only")
    assert places["nottingham"].pk not in found
    assert places["county"].pk in found


def test_a_mansfield_road_address_is_not_the_town_of_mansfield(places):
    index = PlaceIndex.load()
    assert places["mansfield"].pk not in index.names_in_text("12 Mansfield Road, Nottingham")
    assert places["nottingham"].pk in index.names_in_text("12 Mansfield Road, Nottingham")


def test_national_services_cover_everywhere(places):
    service = ServiceFactory(areas=["United Kingdom"])
    assert service in Service.objects.covering([places["nottingham"].pk])


def test_a_phone_only_service_with_no_area_counts_everywhere(places):
    service = ServiceFactory()
    add_location(service, virtual=True)
    assert service in Service.objects.covering([places["mansfield"].pk])


def test_a_local_service_with_no_area_covers_the_town_it_is_in(places):
    service = ServiceFactory()
    add_location(service, city="Mansfield")
    assert service in Service.objects.covering([places["mansfield"].pk])
    assert service not in Service.objects.covering([places["nottingham"].pk])


@pytest.mark.parametrize("typed", ["NG18", "ng18 5ab", "NG18 5AB", " Mansfield ", "MANSFIELD"])
def test_where_you_live_understands_towns_and_postcodes(places, typed):
    assert PlaceIndex.load().resolve_where(typed).place_ids == (places["mansfield"].pk,)


def test_an_unknown_place_is_not_guessed(places):
    assert PlaceIndex.load().resolve_where("Atlantis") is None


def test_a_postcode_district_shared_by_two_towns_finds_services_in_either(places):
    places["nottingham"].postcode_districts = ["NG1", "NG7", "NG18"]
    places["nottingham"].save()
    city_only = ServiceFactory(areas=["Nottingham"])
    where = PlaceIndex.load().resolve_where("NG18 2XY")
    assert set(where.place_ids) == {places["mansfield"].pk, places["nottingham"].pk}
    assert city_only in Service.objects.covering(where.place_ids)


def test_a_town_the_gazetteer_lacks_is_found_in_service_area_text(places, client, home_page):
    from signpost.directory.coverage import named_in_directory

    local = ServiceFactory(name="Bingham Group", areas=["Rushcliffe"])
    local.service_areas.update(description="Covers West Bridgford, Bingham and Cotgrave.")
    national = ServiceFactory(name="UK Line", areas=["United Kingdom"])
    elsewhere = ServiceFactory(name="Worksop Group", areas=["Bassetlaw"])
    assert named_in_directory("Bingham").text == "Bingham"
    assert named_in_directory("Nowhereville") is None
    response = client.get("/services/", {"where": "bingham"})
    names = {card.service.name for card in response.context["cards"]}
    assert names == {local.name, national.name}
    assert elsewhere.name not in names


def test_national_services_reach_everywhere_even_without_a_gazetteer(db, client, home_page):
    national = ServiceFactory(name="Great Britain Line", areas=["Great Britain"])
    local = ServiceFactory(name="Anytown Group", areas=["Anytown district"])
    assert Service.objects.everywhere().get() == national
    response = client.get("/services/", {"where": "Anytown"})
    names = {card.service.name for card in response.context["cards"]}
    assert names == {national.name, local.name}
