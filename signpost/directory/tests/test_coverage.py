"""Area coverage on a tiny gazetteer tree (the UK-wide one is tested in places/tests)."""

import pytest

from signpost.directory.models import Place, Service, ServiceCoverage
from signpost.directory.places import Status, resolve_place

from .factories import ServiceFactory, add_location, build_gazetteer


@pytest.fixture
def places(db):
    return build_gazetteer()


def reaching(text):
    return set(Service.objects.reaching(resolve_place(text).reach))


def test_a_county_wide_service_covers_every_town_in_the_county_and_the_city(places):
    service = ServiceFactory(areas=["Nottingham and Nottinghamshire"])
    assert reaching("Mansfield") == {service}
    assert reaching("Nottingham") == {service}


def test_a_mansfield_district_service_does_not_cover_nottingham(places):
    service = ServiceFactory(areas=["Mansfield district"])
    assert reaching("Nottingham") == set()
    assert reaching("Mansfield") == {service}
    assert reaching("NG19 4AB") == {service}


def test_only_the_area_a_service_states_is_stored_not_everything_inside_it(places):
    service = ServiceFactory(areas=["Nottinghamshire"])
    assert list(
        ServiceCoverage.objects.filter(service=service).values_list("place", flat=True)
    ) == [places["county"].pk]


def test_place_names_in_an_area_description_are_not_read_as_areas(places):
    service = ServiceFactory(areas=["Mansfield district"])
    service.service_areas.update(description="Also sees people from Nottingham sometimes.")
    service.save()
    assert reaching("Nottingham") == set()


def test_national_services_cover_everywhere(places):
    service = ServiceFactory(areas=["United Kingdom"])
    assert reaching("Nottingham") == {service}
    assert ServiceCoverage.objects.get(service=service).place is None


def test_a_phone_only_service_with_no_area_counts_everywhere(places):
    service = ServiceFactory()
    add_location(service, virtual=True)
    assert reaching("Mansfield") == {service}


def test_a_local_service_with_no_area_covers_the_town_and_postcode_district_it_is_in(places):
    service = ServiceFactory()
    add_location(service, city="Mansfield", postcode="NG18 1AA")
    stored = set(ServiceCoverage.objects.filter(service=service).values_list("place", flat=True))
    ng18 = Place.objects.get(slug="postcode-ng18")
    assert stored == {places["mansfield"].pk, ng18.pk}
    assert service in reaching("Mansfield")
    assert service in reaching("NG18 3CD")
    assert service not in reaching("Nottingham")


@pytest.mark.parametrize("typed", ["NG18", "ng18 5ab", "NG18 5AB", " Mansfield ", "MANSFIELD"])
def test_where_you_live_understands_towns_and_postcodes(places, typed):
    answer = resolve_place(typed)
    assert answer.found
    assert places["mansfield"].pk in answer.reach.ancestors


def test_an_unknown_place_is_not_guessed(places):
    assert resolve_place("Atlantis").status == Status.UNKNOWN
    assert resolve_place("Atlantis").reach.paths == ()


def test_an_unknown_place_finds_only_national_services(places, client, home_page):
    ServiceFactory(name="Mansfield Group", areas=["Mansfield district"])
    national = ServiceFactory(name="UK Line", areas=["United Kingdom"])
    response = client.get("/services/", {"where": "Bingley"})
    names = {card.service.name for card in response.context["cards"]}
    assert names == {national.name}


def test_national_services_reach_everywhere_even_without_a_gazetteer(db, client, home_page):
    national = ServiceFactory(name="Great Britain Line", areas=["Great Britain"])
    ServiceFactory(name="Anytown Group", areas=["Anytown district"])
    assert Service.objects.everywhere().get() == national
    response = client.get("/services/", {"where": "Anytown"})
    names = {card.service.name for card in response.context["cards"]}
    # A place we do not know is said kindly and never guessed: national services only.
    assert names == {national.name}
