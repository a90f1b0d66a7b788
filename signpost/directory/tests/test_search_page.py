import pytest
from django.urls import reverse

from signpost.directory.models import Service

from .factories import (
    ServiceFactory,
    TaxonomyFactory,
    TermFactory,
    add_location,
    build_gazetteer,
)

SEARCH = reverse("directory:search")


@pytest.fixture
def directory(db, home_page):
    places = build_gazetteer()
    needs = TaxonomyFactory(name="needs")
    access = TaxonomyFactory(name="access")
    anxiety = TermFactory(taxonomy=needs, code="anxiety", name="Anxiety")
    low_mood = TermFactory(taxonomy=needs, code="low-mood", name="Low mood")
    self_referral = TermFactory(taxonomy=access, code="self-referral", name="Self-referral")
    adults = ServiceFactory(
        name="Adult Anxiety Group",
        description="A group for anxiety.",
        minimum_age=18,
        areas=["Mansfield district"],
        terms=[anxiety, self_referral],
    )
    teens = ServiceFactory(
        name="Teen Worry Service",
        description="Help with anxiety and worry.",
        minimum_age=11,
        maximum_age=18,
        areas=["Nottingham and Nottinghamshire"],
        terms=[anxiety],
    )
    helpline = ServiceFactory(
        name="National Low Mood Line",
        description="Talk about feeling low.",
        areas=["United Kingdom"],
        terms=[low_mood, self_referral],
    )
    add_location(adults, city="Mansfield")
    return {"places": places, "adults": adults, "teens": teens, "helpline": helpline}


def result_names(response):
    return [card.service.name for card in response.context["cards"]]


def test_adult_only_service_is_hidden_from_a_13_year_old(client, directory):
    response = client.get(SEARCH, {"q": "anxiety", "age": "13"})
    assert "Teen Worry Service" in result_names(response)
    assert "Adult Anxiety Group" not in result_names(response)


def test_where_you_live_keeps_local_services_that_cover_it_and_national_ones(client, directory):
    response = client.get(SEARCH, {"where": "Nottingham"})
    names = result_names(response)
    assert "Adult Anxiety Group" not in names  # Mansfield district only
    assert {"Teen Worry Service", "National Low Mood Line"} <= set(names)


def test_filter_counts_say_how_many_results_each_option_gives(client, directory):
    response = client.get(SEARCH, {"need": "anxiety"})
    assert result_names(response) == ["Adult Anxiety Group", "Teen Worry Service"]
    panel = {s.param: {o.value: o.count for o in s.options} for s in response.context["panel"]}
    # Other needs still show what ticking them would add (alternatives within a filter).
    assert panel["need"] == {"anxiety": 2, "low-mood": 1}
    assert panel["access"] == {"self-referral": 1}


def test_each_result_says_in_one_line_why_it_fits(client, directory):
    response = client.get(SEARCH, {"q": "anxiety group", "where": "NG18"})
    card = response.context["cards"][0]
    assert card.service.name == "Adult Anxiety Group"
    assert card.why_it_fits() == "Ages 18 and over · self-referral · Mansfield · free"


def test_no_results_are_explained_kindly_with_national_helplines(client, directory):
    response = client.get(SEARCH, {"q": "zzzzqqq"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Sorry, we could not find a service" in body
    assert "National Low Mood Line" in body


@pytest.mark.parametrize(
    "age, message",
    [
        ("-4", "Enter age as a whole number of years"),
        ("abc", "Enter age as a whole number of years"),
        ("999999999999999999999", "Enter an age between 0 and 120"),
        ("121", "Enter an age between 0 and 120"),
    ],
)
def test_bad_ages_get_a_message_next_to_the_field(client, directory, age, message):
    response = client.get(SEARCH, {"age": age, "q": "anxiety"})
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert 'id="age-error"' in body or "nhsuk-error-message" in body
    assert f'value="{age}"' in body  # what they typed is kept


def test_a_10000_character_query_is_refused_politely_and_kept(client, directory):
    response = client.get(SEARCH, {"q": "a" * 10_000})
    assert response.status_code == 200
    assert "Your search is too long" in response.content.decode()


@pytest.mark.parametrize(
    "text", ["\u202eevil", "😀😀", "e\u0301\u0301\u0301", "\x00null", "<script>"]
)
def test_odd_unicode_never_breaks_search(client, directory, text):
    response = client.get(SEARCH, {"q": text, "where": text})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</head>")[1]


def test_unknown_filter_values_are_ignored_with_a_notice(client, directory):
    response = client.get(SEARCH, {"need": ["anxiety", "made-up"], "language": "xx", "page": "-3"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "We did not recognise some filters" in body
    assert "made-up" in body
    assert result_names(response) == ["Adult Anxiety Group", "Teen Worry Service"]


def test_an_unknown_place_is_reported_next_to_the_field(client, directory):
    response = client.get(SEARCH, {"where": "Atlantis"})
    assert "We do not know that place" in response.content.decode()


def test_inactive_services_never_appear(client, directory):
    Service.objects.filter(name="Teen Worry Service").update(status="defunct")
    response = client.get(SEARCH, {"q": "anxiety"})
    assert "Teen Worry Service" not in result_names(response)
