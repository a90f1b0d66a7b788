"""Each question of the guided route checks its own answer, in the public search's own terms."""

import pytest
from django.http import QueryDict

from signpost.directory.guided.forms import (
    AgeForm,
    NeedsForm,
    UrgencyForm,
    WhereForm,
    WhoForm,
    common_needs,
    read_age,
)
from signpost.directory.guided.steps import Answers, wording_for
from signpost.directory.models.services import ServiceStatus
from signpost.directory.tests.factories import (
    ServiceFactory,
    TaxonomyFactory,
    TermFactory,
)


def data(**fields) -> QueryDict:
    result = QueryDict(mutable=True)
    for name, value in fields.items():
        result.setlist(name, value if isinstance(value, list) else [value])
    return result


@pytest.fixture
def needs(db):
    vocabulary = TaxonomyFactory(name="needs")
    worry = TermFactory(taxonomy=vocabulary, code="worry", name="Worry", description="Fear.")
    grief = TermFactory(taxonomy=vocabulary, code="grief", name="Grief", description="Loss.")
    TermFactory(taxonomy=vocabulary, code="unused", name="Nobody offers this")
    TermFactory(taxonomy=vocabulary, code="panic", name="Panic", parent=worry)
    ServiceFactory(name="Worry clinic", terms=[worry])
    ServiceFactory(name="Grief group", terms=[grief])
    return common_needs()


def test_who_must_be_answered_with_one_of_the_choices():
    assert WhoForm(data()).errors["who"] == ["Select who the support is for"]
    assert WhoForm(data(who="my cat")).errors["who"] == ["Select who the support is for"]
    assert WhoForm(data(who="carer")).is_valid()


@pytest.mark.parametrize(
    ("typed", "age"),
    [("15", "15"), ("  15 ", "15"), ("Fifteen", "15"), ("15 yrs", "15"), ("6 months", "0")],
)
def test_an_age_is_read_as_people_type_it(typed, age):
    assert read_age(typed) == age


def test_an_unanswered_age_asks_for_one_in_the_persons_own_terms(db):
    mine = AgeForm(data(), wording=wording_for("me"))
    theirs = AgeForm(data(), wording=wording_for("carer"))
    assert mine.errors["age"] == ["Enter your age, or select I'd rather not say"]
    assert theirs.errors["age"] == ["Enter their age, or select I'd rather not say"]


def test_an_impossible_age_gets_the_search_pages_own_message(db):
    form = AgeForm(data(age="250"), wording=wording_for("me"))
    assert form.errors["age"] == ["Enter an age between 0 and 120"]
    nonsense = AgeForm(data(age="old enough"), wording=wording_for("me"))
    assert "whole number" in nonsense.errors["age"][0]


def test_rather_not_say_means_no_age_even_if_one_was_typed(db):
    form = AgeForm(data(age="34", age_unknown="yes"), wording=wording_for("me"))
    assert form.is_valid()
    assert form.cleaned_data["age"] is None


def test_where_may_be_left_empty(db):
    form = WhereForm(data(where="   "))
    assert form.is_valid()
    assert form.cleaned_data["where"] == ""


def test_where_accepts_a_town_as_typed_with_its_spaces_tidied(db):
    form = WhereForm(data(where="  mANSFIELD  "))
    assert form.is_valid()
    assert form.cleaned_data["where"] == "mANSFIELD"


def test_where_refuses_what_the_search_page_refuses(db):
    form = WhereForm(data(where="zzz 123 !!!"))
    assert not form.is_valid()
    assert "We do not know that place" in form.errors["where"][0]


def test_needs_offers_top_level_needs_that_a_public_service_meets(needs):
    assert [term.code for term in needs] == ["grief", "worry"]


def test_needs_offered_leave_out_those_only_closed_services_meet(needs):
    vocabulary = needs[0].taxonomy
    gone = TermFactory(taxonomy=vocabulary, code="gone", name="Only a closed service")
    ServiceFactory(name="Closed", terms=[gone], status=ServiceStatus.INACTIVE)
    assert "gone" not in [term.code for term in common_needs()]
    ServiceFactory(name="Open", terms=[gone])
    assert "gone" in [term.code for term in common_needs()]


def test_needs_asks_for_a_choice_or_own_words(needs):
    form = NeedsForm(data(), needs=needs)
    assert form.errors["need"] == ["Select what is happening, or tell us in your own words"]
    assert NeedsForm(data(details="cannot sleep"), needs=needs).is_valid()
    assert NeedsForm(data(need="grief"), needs=needs).is_valid()


def test_needs_no_longer_offered_are_dropped_quietly(needs):
    form = NeedsForm(data(need=["grief", "retired-code"], details=""), needs=needs)
    assert form.is_valid()
    assert form.cleaned_data["need"] == ["grief"]


def test_own_words_that_are_too_long_get_the_search_pages_message(needs):
    form = NeedsForm(data(details="word " * 60), needs=needs)
    assert form.errors["details"] == ["Your search is too long. Use 200 characters or fewer."]


def test_urgency_must_be_answered_and_speaks_to_the_person(db):
    assert UrgencyForm(data(), wording=wording_for("me")).errors["urgency"] == [
        "Select how urgent it is"
    ]
    mine = dict(wording_for("me").urgency_choices)
    theirs = dict(wording_for("carer").urgency_choices)
    assert mine["danger"].startswith("I'm in danger")
    assert theirs["danger"].startswith("They're in danger")
    assert UrgencyForm(data(urgency="soon"), wording=wording_for("me")).is_valid()


def test_answers_keep_only_known_fields_capped_in_size():
    answers = Answers.from_post(
        data(who="me", password="secret", details="x" * 5000, need=[f"n{i}" for i in range(99)])
    )
    assert answers.get("password") == ""
    assert len(answers.get("details")) == 500
    assert len(answers.getlist("need")) == 40


def test_hidden_fields_carry_every_answer_but_those_on_the_page():
    answers = Answers.from_post(data(who="me", age="15", need=["a", "b"], details="sad"))
    assert list(answers.hidden_fields(showing="needs")) == [("who", "me"), ("age", "15")]
    assert ("need", "b") in list(answers.hidden_fields())
