"""'Related services' share a need, suit the same ages and reach the same place."""

import pytest

from signpost.directory.presenters import ServicePage, service_queryset
from signpost.directory.related import related_services

from .factories import ServiceFactory, TaxonomyFactory, TermFactory, build_gazetteer


@pytest.fixture
def terms(db):
    build_gazetteer()
    needs = TaxonomyFactory(name="needs")
    audience = TaxonomyFactory(name="audience")
    return {
        "anxiety": TermFactory(taxonomy=needs, code="anxiety", name="Anxiety"),
        "housing": TermFactory(taxonomy=needs, code="housing", name="Housing problems"),
        "young": TermFactory(
            taxonomy=audience, code="young-people", name="Young people (11 to 25)"
        ),
        "adults": TermFactory(taxonomy=audience, code="adults", name="Adults"),
        "veterans": TermFactory(taxonomy=audience, code="veterans", name="Veterans"),
    }


def local(name, terms, minimum=None, maximum=None, area="Mansfield district"):
    return ServiceFactory(
        name=name, minimum_age=minimum, maximum_age=maximum, areas=[area], terms=terms
    )


def test_only_services_for_the_same_needs_ages_places_and_people_are_related(terms):
    anxiety, young = terms["anxiety"], terms["young"]
    teen = local("Teen Worry Group", [anxiety, young], 11, 18)
    fits = local("Mansfield Youth Counselling", [anxiety, young], 16, 25)
    national = ServiceFactory(name="Any Age Line", areas=["United Kingdom"], terms=[anxiety])
    local("Over-30s Anxiety Course", [anxiety], 30)
    local("City Teen Worries", [anxiety, young], 11, 18, area="Nottingham")
    local("Forces Anxiety Group", [anxiety, terms["veterans"]])
    local("Grown-ups Anxiety Club", [anxiety, terms["adults"]], 18)
    local("Teen Housing Advice", [terms["housing"], young], 11, 18)

    related = ServicePage(service_queryset().get(id=teen.id)).related()

    assert {s.name for s in related} == {fits.name, national.name}


def test_services_sharing_more_needs_come_first(terms):
    anxiety, housing = terms["anxiety"], terms["housing"]
    service = local("Worry and Home", [anxiety, housing])
    local("A Worry Group", [anxiety])
    local("Z Worry and Home Group", [anxiety, housing])
    names = [s.name for s in ServicePage(service_queryset().get(id=service.id)).related()]
    assert names == ["Z Worry and Home Group", "A Worry Group"]


def test_a_national_service_is_related_only_to_others_anyone_can_reach(terms):
    line = ServiceFactory(name="Any Age Line", areas=["United Kingdom"], terms=[terms["anxiety"]])
    other_line = ServiceFactory(name="Night Line", areas=["England"], terms=[terms["anxiety"]])
    local("Mansfield Worry Group", [terms["anxiety"]])
    page = ServicePage(service_queryset().get(id=line.id))
    assert [s.name for s in page.related()] == [other_line.name]


def test_a_service_for_a_group_is_related_to_others_for_that_group(terms):
    forces = local("Forces Breakfast Club", [terms["anxiety"], terms["veterans"]], 18)
    other = local("Forces Walking Group", [terms["anxiety"], terms["veterans"]], 18)
    assert related_services(service_queryset().get(id=forces.id)) == [other]
