"""A service's ages read the same on its card, its page and beside its audience terms."""

import pytest
from django.urls import reverse

from signpost.directory.presenters import ServiceCard, age_text, without_age_range

from .factories import ServiceFactory, TaxonomyFactory, TermFactory


@pytest.mark.parametrize(
    ("minimum", "maximum", "text"),
    [
        (11, 18, "Ages 11 to 18"),
        (18, None, "Ages 18 and over"),
        (None, 17, "Up to age 17"),
        (0, 17, "Up to age 17"),
        (None, None, "All ages"),
        (0, None, "All ages"),
    ],
)
def test_age_wording(minimum, maximum, text):
    assert age_text(minimum, maximum) == text


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("Young people (11 to 25)", "Young people"),
        ("Children (under 11)", "Children"),
        ("Older adults (65 and over)", "Older adults"),
        ("Carers", "Carers"),
        ("LGBTQ+ people", "LGBTQ+ people"),
    ],
)
def test_audience_terms_lose_their_own_age_ranges(name, plain):
    assert without_age_range(name) == plain


@pytest.fixture
def teen_service(db, home_page):
    audience = TaxonomyFactory(name="audience")
    young = TermFactory(taxonomy=audience, code="young-people", name="Young people (11 to 25)")
    carers = TermFactory(taxonomy=audience, code="carers", name="Carers")
    return ServiceFactory(name="Teen Talk", minimum_age=11, maximum_age=18, terms=[young, carers])


def test_the_card_and_the_page_give_the_service_s_own_ages(client, teen_service):
    assert ServiceCard(teen_service).why_it_fits().startswith("Ages 11 to 18 ·")
    body = client.get(reverse("directory:service", args=[teen_service.id])).content.decode()
    assert "<strong>Ages 11 to 18.</strong>" in body
    assert "Especially for: Carers, Young people." in body


def test_the_service_page_never_states_another_age_range(client, teen_service):
    body = client.get(reverse("directory:service", args=[teen_service.id])).content.decode()
    assert "11 to 25" not in body
