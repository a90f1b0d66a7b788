"""Order of results: self-contact before referral-only when close; urgent help always first."""

import datetime as dt

import pytest

from signpost.directory.finder import SearchRequest, find_services

from .factories import ServiceFactory, TaxonomyFactory, TermFactory, add_phone, add_schedule


@pytest.fixture
def routes(db):
    access = TaxonomyFactory(name="access")
    return {
        code: TermFactory(taxonomy=access, code=code, name=code)
        for code in ["self-referral", "drop-in", "gp-referral", "professional-referral"]
    }


def names(request):
    from signpost.directory.models import Service

    ids = find_services(request).service_ids
    by_id = {s.id: s.name for s in Service.objects.filter(id__in=ids)}
    return [by_id[i] for i in ids]


def _pair(routes, referral_code, self_code):
    # The referral-only service sorts first by name, so equal relevance would put it first.
    ServiceFactory(
        name="Aardvark Worry Clinic",
        description="Help with worry and panic.",
        terms=[routes[referral_code]],
    )
    ServiceFactory(
        name="Zebra Worry Cafe",
        description="Help with worry and panic.",
        terms=[routes[self_code]],
    )


@pytest.mark.parametrize(
    "referral_code, self_code",
    [("gp-referral", "self-referral"), ("professional-referral", "drop-in")],
)
def test_a_service_you_can_contact_yourself_comes_before_a_referral_only_one(
    routes, referral_code, self_code
):
    _pair(routes, referral_code, self_code)
    assert names(SearchRequest(text="worry")) == ["Zebra Worry Cafe", "Aardvark Worry Clinic"]


def test_browsing_lists_referral_only_services_after_the_others(routes):
    _pair(routes, "gp-referral", "self-referral")
    assert names(SearchRequest()) == ["Zebra Worry Cafe", "Aardvark Worry Clinic"]


def test_a_phone_line_with_no_referral_needed_comes_before_a_referral_only_service(routes):
    ServiceFactory(
        name="Aardvark Worry Clinic", description="Worry.", terms=[routes["gp-referral"]]
    )
    line = ServiceFactory(name="Zebra Worry Line", description="Worry.")
    add_phone(line, "0800 000 0000")
    assert names(SearchRequest(text="worry")) == ["Zebra Worry Line", "Aardvark Worry Clinic"]


def test_professionals_see_plain_relevance_order_with_no_referral_preference(routes):
    _pair(routes, "gp-referral", "self-referral")
    request = SearchRequest(text="worry", professional=True)
    assert names(request) == ["Aardvark Worry Clinic", "Zebra Worry Cafe"]


def test_a_much_better_match_that_needs_a_referral_keeps_its_place(routes):
    ServiceFactory(
        name="Panic Clinic",
        description="Panic attacks: treatment for panic, panic disorder and panic at night.",
        terms=[routes["gp-referral"]],
    )
    ServiceFactory(name="Community Cafe", description="A friendly cafe. Some panic.", terms=[])
    assert names(SearchRequest(text="panic attacks"))[0] == "Panic Clinic"


def test_an_age_never_hides_round_the_clock_crisis_lines_for_everyone(routes):
    line = ServiceFactory(
        name="Open Door Crisis Line",
        description="Talk to someone if you feel suicidal, day or night.",
        terms=[routes["self-referral"]],
    )
    add_schedule(
        line,
        freq="WEEKLY",
        byday="MO,TU,WE,TH,FR,SA,SU",
        opens_at=dt.time(0),
        closes_at=dt.time(23, 59),
    )
    ServiceFactory(
        name="Adults Suicide Bereavement Group",
        description="For people bereaved by suicide, meeting weekly. Suicidal thoughts.",
        minimum_age=18,
        terms=[routes["self-referral"]],
    )
    outcome = find_services(SearchRequest(text="I feel suicidal", age=6))
    assert outcome.crisis
    assert names(SearchRequest(text="I feel suicidal", age=6)) == ["Open Door Crisis Line"]
    assert names(SearchRequest(text="I want to end my life", age=80))[0] == "Open Door Crisis Line"
