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


@pytest.mark.parametrize("nonsense", ["zzzxxq", "!!!", "12345", "aaaaah"])
def test_nonsense_in_the_place_box_is_reported_next_to_the_field(client, directory, nonsense):
    response = client.get(SEARCH, {"where": nonsense})
    assert 'id="where-error"' in response.content.decode()
    assert "We do not know that place" in response.content.decode()


def test_a_place_we_do_not_cover_still_gets_national_phone_and_online_services(client, directory):
    response = client.get(SEARCH, {"where": "Aberystwyth"})
    body = response.content.decode()
    assert "We do not know a place called Aberystwyth" in body
    assert 'id="where-error"' not in body
    assert result_names(response) == ["National Low Mood Line"]


def test_inactive_services_never_appear(client, directory):
    Service.objects.filter(name="Teen Worry Service").update(status="defunct")
    response = client.get(SEARCH, {"q": "anxiety"})
    assert "Teen Worry Service" not in result_names(response)


def page_title(response):
    body = response.content.decode()
    return body.split("<title>")[1].split("</title>")[0]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "my husband drinks too much"},
        {"q": "anxiety", "age": "15", "where": "Mansfield"},
        {"need": "anxiety", "where": "NG18"},
        {"q": "I'm 15 and scared", "where": "Aberystwyth"},
    ],
)
def test_the_page_title_never_carries_search_words_age_or_place(client, directory, params):
    title = page_title(client.get(SEARCH, params))
    assert title.startswith("Search results \u2013 Find support")
    for value in params.values():
        for word in value.split():
            assert word.casefold() not in title.casefold() or word.casefold() in "find support"


def test_the_search_page_before_searching_has_a_general_title(client, directory):
    assert page_title(client.get(SEARCH)).startswith("Find support")


def h1(response):
    return response.content.decode().split("<h1")[1].split(">", 1)[1].split("</h1>")[0]


def test_a_browse_page_says_what_it_lists_in_its_heading(client, directory):
    assert h1(client.get(SEARCH, {"need": "anxiety"})) == "Anxiety: 2 services"
    response = client.get(SEARCH, {"need": "anxiety", "age": "15", "where": "Nottingham"})
    assert h1(response) == "Anxiety: 1 service for age 15 near Nottingham"


def tags(response):
    return [(t.label, t.href, t.inferred) for t in response.context["tags"]]


def test_chosen_filters_show_as_tags_that_each_remove_only_themselves(client, directory):
    response = client.get(
        SEARCH, {"q": "worry", "need": ["anxiety", "low-mood"], "free": "on", "age": "15"}
    )
    found = {label: href for label, href, _ in tags(response)}
    assert set(found) == {"Anxiety", "Low mood", "Free", "Age 15"}
    assert found["Anxiety"] == "?q=worry&need=low-mood&free=on&age=15"
    assert found["Age 15"] == "?q=worry&need=anxiety&need=low-mood&free=on"
    body = response.content.decode()
    assert '<span class="nhsuk-u-visually-hidden">Remove filter: </span>Anxiety' in body
    # Removing a tag really removes that filter.
    assert h1(client.get(SEARCH + found["Anxiety"])) == "Find support"
    remaining = [label for label, _, _ in tags(client.get(SEARCH + found["Anxiety"]))]
    assert remaining == ["Low mood", "Free", "Age 15"]


def test_an_age_said_in_the_search_words_filters_the_results_and_shows_as_a_tag(client, directory):
    response = client.get(SEARCH, {"q": "anxiety for my daughter, she is thirteen"})
    assert "Adult Anxiety Group" not in result_names(response)
    assert "Teen Worry Service" in result_names(response)
    ((label, href, inferred),) = tags(response)
    assert (label, inferred) == ("Age 13", True)
    assert "age_hint=off" in href and href.endswith("#age")
    assert 'Age 13 <span aria-hidden="true">·</span> change' in response.content.decode()
    # "change" turns the guess off, focuses the age box, and shows every age again.
    changed = client.get(SEARCH + href.split("#")[0])
    assert "Adult Anxiety Group" in result_names(changed)
    assert tags(changed) == []
    assert 'id="age" name="age"' in changed.content.decode()
    assert "autofocus" in changed.content.decode()


def test_a_duration_in_the_search_words_is_not_taken_as_an_age(client, directory):
    response = client.get(SEARCH, {"q": "anxiety for 15 years"})
    assert "Adult Anxiety Group" in result_names(response)
    assert tags(response) == []


def test_an_age_typed_in_the_box_wins_over_one_in_the_words(client, directory):
    response = client.get(SEARCH, {"q": "anxiety, I'm 13", "age": "30"})
    assert "Adult Anxiety Group" in result_names(response)
    assert [label for label, _, _ in tags(response)] == ["Age 30"]


def test_an_age_in_the_words_never_hides_the_crisis_message_or_round_the_clock_lines(
    client, directory
):
    import datetime as dt

    from .factories import add_schedule

    line = ServiceFactory(
        name="Night and Day Crisis Line",
        description="Call if you feel suicidal or in crisis, any time.",
        areas=["United Kingdom"],
    )
    add_schedule(
        line,
        freq="WEEKLY",
        byday="MO,TU,WE,TH,FR,SA,SU",
        opens_at=dt.time(0),
        closes_at=dt.time(23, 59),
    )
    response = client.get(SEARCH, {"q": "for my dad, he's 80 and feels suicidal"})
    assert response.context["outcome"].crisis.someone_else
    assert "If someone else is at risk" in response.content.decode()
    assert [label for label, _, _ in tags(response)] == ["Age 80"]
    assert result_names(response)[0] == "Night and Day Crisis Line"


def test_each_result_link_carries_the_search_so_the_service_can_lead_back(client, directory):
    from urllib.parse import parse_qs, urlsplit

    params = {"q": "anxiety", "need": "anxiety", "where": "Nottingham", "age": "15", "page": "1"}
    body = client.get(SEARCH, params).content.decode()
    teen = directory["teens"]
    start = body.index(f'href="/services/{teen.id}/?back=')
    link = body[start + 6 : body.index('"', start + 6)].replace("&amp;", "&")
    back = parse_qs(urlsplit(link).query)["back"][0]
    assert parse_qs(back) == {k: [v] for k, v in params.items()}


def test_a_result_link_names_the_page_it_was_on(client, directory):
    from urllib.parse import parse_qs, urlsplit

    for n in range(25):
        ServiceFactory(name=f"Worry Cafe {n:02}", description="Worry.", areas=["United Kingdom"])
    body = client.get(SEARCH, {"q": "worry", "page": "2"}).content.decode()
    start = body.index('href="/services/', body.index('class="nhsuk-list sp-results"'))
    link = body[start + 6 : body.index('"', start + 6)].replace("&amp;", "&")
    back = parse_qs(parse_qs(urlsplit(link).query)["back"][0])
    assert back == {"q": ["worry"], "page": ["2"]}


def test_national_helplines_after_no_results_start_with_lines_for_everyone(client, directory):
    audience = TaxonomyFactory(name="audience")
    veterans = TermFactory(taxonomy=audience, code="veterans", name="Veterans")
    ServiceFactory(name="Aaa Veterans Line", areas=["United Kingdom"], terms=[veterans])
    ServiceFactory(name="Aab Children's Line", areas=["United Kingdom"], maximum_age=18)
    response = client.get(SEARCH, {"q": "zzzzqqq"})
    names = [s.name for s in response.context["helplines"]]
    assert names == ["National Low Mood Line", "Aaa Veterans Line", "Aab Children's Line"]


def test_professionals_see_referral_only_services_in_plain_relevance_order(client, directory):
    from signpost.core.jinja_globals import PROFESSIONAL_SESSION_KEY
    from signpost.directory.models import TaxonomyTerm

    anxiety = TaxonomyTerm.objects.get(code="anxiety")
    access = TaxonomyTerm.objects.get(code="self-referral").taxonomy
    gp = TermFactory(taxonomy=access, code="gp-referral", name="GP referral")
    ServiceFactory(name="Aardvark Anxiety Clinic", terms=[anxiety, gp])
    public = result_names(client.get(SEARCH, {"need": "anxiety"}))
    assert public[-1] == "Aardvark Anxiety Clinic"
    session = client.session
    session[PROFESSIONAL_SESSION_KEY] = True
    session.save()
    professional = result_names(client.get(SEARCH, {"need": "anxiety"}))
    assert professional[0] == "Aardvark Anxiety Clinic"


def test_the_home_page_offers_an_age_box(client, home_page):
    body = client.get("/").content.decode()
    assert '<label class="nhsuk-label" for="home-age">Age of the person who needs help' in body
    assert 'name="age"' in body
