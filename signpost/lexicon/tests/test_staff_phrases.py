"""A phrase staff add in the admin changes what a search finds at once, without a deploy."""

from __future__ import annotations

import pytest
from django.urls import reverse

from signpost.directory.finder import SearchRequest, find_services
from signpost.directory.search import lexicon
from signpost.directory.tests.factories import ServiceFactory, TaxonomyFactory, TermFactory
from signpost.lexicon.models import LexiconVersion, SearchPhrase


@pytest.fixture
def money_and_sleep(db):
    needs = TaxonomyFactory(name="needs")
    money = TermFactory(taxonomy=needs, code="money-advice", name="Money advice")
    sleep = TermFactory(taxonomy=needs, code="sleep", name="Sleep problems")
    advice = ServiceFactory(
        name="Riverside Advice Centre",
        description="Free, confidential help to sort out bills and benefits.",
        terms=[money],
    )
    rest = ServiceFactory(
        name="Better Nights", description="A course for people who sleep badly.", terms=[sleep]
    )
    return {"money": money, "advice": advice, "rest": rest}


def _found(text: str) -> list:
    return find_services(SearchRequest(text=text)).service_ids


def test_a_phrase_mapped_to_a_need_finds_its_services_at_once(money_and_sleep) -> None:
    advice = money_and_sleep["advice"].id
    assert advice not in _found("on my uppers")
    phrase = SearchPhrase.objects.create(phrase="on my uppers")
    phrase.terms.add(money_and_sleep["money"])
    assert _found("on my uppers")[:1] == [advice]


def test_a_phrase_mapped_to_a_concept_searches_as_that_concept(money_and_sleep) -> None:
    rest = money_and_sleep["rest"].id
    assert rest not in _found("owl hours")
    SearchPhrase.objects.create(phrase="owl hours", concepts=["sleep"])
    assert _found("owl hours")[:1] == [rest]


def test_deleting_a_phrase_takes_it_back_out(money_and_sleep) -> None:
    phrase = SearchPhrase.objects.create(phrase="owl hours", concepts=["sleep"])
    assert money_and_sleep["rest"].id in _found("owl hours")
    phrase.delete()
    assert money_and_sleep["rest"].id not in _found("owl hours")


def test_another_process_sees_a_change_on_its_next_search(money_and_sleep) -> None:
    """A process that has not seen the change still holds the old token; one read refreshes it."""
    _found("owl hours")
    before = lexicon.generation()
    SearchPhrase.objects.create(phrase="owl hours", concepts=["sleep"])
    LexiconVersion.objects.update(token="changed-elsewhere")
    lexicon.refresh()
    assert lexicon.generation() > before
    assert any("owl hours" in c.triggers for c in lexicon.CONCEPTS if c.name == "sleep")
    lexicon.refresh()
    assert lexicon.generation() == before + 1 or lexicon.generation() > before


def test_the_files_concepts_are_unchanged_by_staff_phrases(money_and_sleep) -> None:
    SearchPhrase.objects.create(phrase="owl hours", concepts=["sleep"])
    lexicon.refresh()
    assert all("owl hours" not in c.triggers for c in lexicon.BASE_CONCEPTS)


@pytest.mark.django_db
def test_the_admin_form_is_prefilled_from_the_report_link(admin_client) -> None:
    response = admin_client.get(reverse("search_phrases:add"), {"phrase": "on my uppers"})
    assert response.status_code == 200
    assert 'value="on my uppers"' in response.content.decode()


@pytest.mark.django_db
def test_saving_in_the_admin_records_who_and_normalises_the_phrase(
    admin_client, admin_user
) -> None:
    response = admin_client.post(
        reverse("search_phrases:add"), {"phrase": "  On my UPPERS! ", "concepts": ["debt"]}
    )
    assert response.status_code == 302
    phrase = SearchPhrase.objects.get()
    assert (phrase.phrase, phrase.concepts) == ("on my uppers", ["debt"])
    assert phrase.created_by == admin_user and phrase.updated_by == admin_user


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"phrase": "on my uppers"}, "Choose at least one need"),
        ({"phrase": "?!", "concepts": ["debt"]}, "Enter the words people type"),
        ({"phrase": "help in NG18 2AB", "concepts": ["debt"]}, "must not identify anyone"),
    ],
)
def test_bad_input_is_explained_and_kept(admin_client, data, message) -> None:
    response = admin_client.post(reverse("search_phrases:add"), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert f'value="{data["phrase"]}"' in body
    assert not SearchPhrase.objects.exists()
