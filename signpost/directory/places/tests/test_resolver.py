"""resolve_place against the real UK gazetteer: what a person types, and what we say back."""

import pytest

from signpost.directory.models import Place
from signpost.directory.places import Status, resolve_place

pytestmark = pytest.mark.django_db


def slug_of(answer):
    return [p.slug for p in answer.places]


def ancestors_named(answer):
    names = dict(Place.objects.filter(pk__in=answer.reach.ancestors).values_list("pk", "name"))
    return {names[pk] for pk in answer.reach.ancestors}


def test_a_market_town_is_found_by_the_name_people_use_and_said_back_so(uk_gazetteer):
    answer = resolve_place("Dereham")
    assert answer.status == Status.FOUND
    assert slug_of(answer) == ["east-dereham"]
    assert answer.label == "Dereham"


def test_a_town_sits_inside_its_council_county_region_nation_and_the_uk(uk_gazetteer):
    assert {"Breckland", "Norfolk", "East of England", "England", "United Kingdom"} <= (
        ancestors_named(resolve_place("Dereham"))
    )


@pytest.mark.parametrize("typed", ["Derehm", "Dereeham", "Dereahm", "dereham "])
def test_one_slip_in_a_town_name_is_corrected_and_said(uk_gazetteer, typed):
    answer = resolve_place(typed)
    assert answer.found
    assert slug_of(answer) == ["east-dereham"]
    assert answer.label == "Dereham"
    assert answer.corrected == (typed.strip().casefold() != "dereham")


@pytest.mark.parametrize("typed", ["NR19 1AB", "nr191ab", "NR19", "nr19"])
def test_a_full_postcode_or_its_district_finds_the_district(uk_gazetteer, typed):
    answer = resolve_place(typed)
    assert answer.status == Status.FOUND
    assert slug_of(answer) == ["postcode-nr19"]
    assert "Breckland" in ancestors_named(answer)


def test_a_postcode_that_does_not_exist_is_said_to_be_one(uk_gazetteer):
    assert resolve_place("QQ9 9QQ").status == Status.NO_SUCH_POSTCODE
    assert resolve_place("ZZ99").status == Status.NO_SUCH_POSTCODE


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("Breckland", "council-breckland"),
        ("Breckland District Council", "council-breckland"),
        ("Norfolk", "county-norfolk"),
        ("Norfolk County Council", "county-norfolk"),
        ("Cornwall Council", "council-cornwall"),
    ],
)
def test_council_areas_are_found_by_name_or_council_title(uk_gazetteer, typed, slug):
    assert slug_of(resolve_place(typed)) == [slug]


def test_a_name_shared_by_towns_in_different_counties_asks_which(uk_gazetteer):
    answer = resolve_place("Newport")
    assert answer.status == Status.AMBIGUOUS
    labels = {p.label for p in answer.places}
    assert {"Newport, Isle of Wight", "Newport, Pembrokeshire", "Newport, Wales"} <= labels
    # Until they choose, any of them counts, so nothing is hidden.
    assert len(answer.reach.paths) == len(answer.places)


def test_a_choice_from_the_list_is_understood(uk_gazetteer):
    answer = resolve_place("Newport, Isle of Wight")
    assert answer.status == Status.FOUND
    assert slug_of(answer) == ["newport-isle-of-wight"]


def test_a_town_inside_a_council_of_the_same_name_is_not_ambiguous(uk_gazetteer):
    answer = resolve_place("Mansfield")
    assert answer.status == Status.FOUND
    assert slug_of(answer) == ["council-mansfield"]


def test_a_place_we_do_not_know_is_unknown_and_reaches_only_national_help(uk_gazetteer):
    answer = resolve_place("Zorbleton Magna")
    assert answer.status == Status.UNKNOWN
    assert answer.unknown and answer.label == "Zorbleton Magna"
    assert answer.reach.ancestors == () and answer.reach.paths == ()


def test_short_words_are_not_corrected_into_towns(uk_gazetteer):
    assert resolve_place("Ely").found
    assert resolve_place("Elx").status == Status.UNKNOWN


def test_a_combined_authority_stands_for_its_councils(uk_gazetteer):
    answer = resolve_place("Greater Manchester")
    assert answer.found
    assert {"Manchester", "Salford", "Wigan"} <= ancestors_named(answer)


def test_a_slip_that_fits_two_towns_asks_which(uk_gazetteer):
    answer = resolve_place("Deerham")  # Dereham in Norfolk, or Dearham in Cumbria
    assert answer.status == Status.AMBIGUOUS
    assert {"east-dereham", "dearham"} <= set(slug_of(answer))
