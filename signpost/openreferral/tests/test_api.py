"""The Open Referral UK 3.0 read API at /api/oruk/: shapes, paging, filters, privacy, errors."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import schemathesis
from django.test import Client

from signpost.directory.finder import SearchRequest, find_services
from signpost.directory.models import (
    Location,
    Phone,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from signpost.directory.tests.factories import (
    OrganisationFactory,
    ServiceFactory,
    TaxonomyFactory,
    TermFactory,
    add_location,
    add_phone,
    add_schedule,
    build_gazetteer,
)

from .conftest import (
    HIDDEN_DIRECTIONS,
    HIDDEN_LATITUDE,
    HIDDEN_LONGITUDE,
    HIDDEN_PAGE,
    HIDDEN_POSTCODE,
    HIDDEN_STREET,
    HIDDEN_UPRN,
    PRIVATE_CONTACT_EMAIL,
    PRIVATE_CONTACT_NAME,
    ApiDirectory,
)
from .oruk_schemas import ENDPOINT_KINDS, page_errors, require_standards, validate

API = "/api/oruk"
LIST_PATHS = [path for path in ENDPOINT_KINDS if path != "/" and "{id}" not in path]
DETAIL_PATHS = [path for path in ENDPOINT_KINDS if "{id}" in path]


def get(client: Client, path: str, **params: Any):
    """GET an API path; whatever it answers, it is never a server error."""
    response = client.get(API + path, params)
    assert response.status_code < 500, response.content[:500]
    return response


def ok(client: Client, path: str, **params: Any) -> Any:
    """The JSON body of a successful GET, after checking the headers every answer carries."""
    response = get(client, path, **params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def ids(page: dict) -> list[str]:
    return [item["id"] for item in page["contents"]]


def service_ids(page: dict) -> set[str]:
    return {item["service_id"] for item in page["contents"]}


def ids_of(*services: Service) -> set[str]:
    return {str(s.id) for s in services}


def detail_ids(directory: ApiDirectory) -> dict[str, str]:
    """An id that exists, for each detail endpoint."""
    service = directory.service
    return {
        "/services/{id}": str(service.id),
        "/service_at_locations/{id}": str(service.service_at_locations.get().id),
        "/organizations/{id}": str(service.organisation_id),
        "/taxonomies/{id}": str(directory.term.taxonomy_id),
        "/taxonomy_terms/{id}": str(directory.term.id),
    }


# --- the ORUK 3.0 schemas ---------------------------------------------------------------


@pytest.mark.parametrize("path", list(ENDPOINT_KINDS))
def test_every_endpoint_answers_in_the_oruk_30_shape(client, api_directory, path):
    require_standards()
    url = path.replace("{id}", detail_ids(api_directory).get(path, ""))
    per_page = 1 if path in LIST_PATHS else None
    body = ok(client, url, **({"per_page": per_page} if per_page else {}))
    assert validate(ENDPOINT_KINDS[path], body) == []
    if per_page:
        assert body["contents"], "a list with nothing in it proves little about item shapes"
        assert page_errors(body, page=1, per_page=per_page) == []


def test_the_hidden_address_service_and_its_location_also_match_the_schemas(client, api_directory):
    require_standards()
    service = api_directory.hidden_service
    link = ServiceAtLocation.objects.get(service=service)
    assert validate("service", ok(client, f"/services/{service.id}")) == []
    assert validate("service_at_location", ok(client, f"/service_at_locations/{link.id}")) == []


@pytest.mark.django_db
def test_every_response_over_the_whole_demo_directory_matches_the_oruk_schemas(client):
    """184 realistic services: every detail and every list page validates and pages cleanly."""
    require_standards()
    from signpost.nonprod.demo import load_demo

    load_demo()
    problems: dict[str, list[str]] = {}

    def check(kind: str, url: str, **params: Any) -> dict:
        body = ok(client, url, **params)
        found = validate(kind, body)
        if kind.endswith("_list"):
            found += page_errors(body, page=params.get("page"), per_page=params.get("per_page"))
        if found:
            problems[f"{url} {params}"] = found[:3]
        return body

    for path in LIST_PATHS:
        kind = ENDPOINT_KINDS[path]
        first = check(kind, path, page=1, per_page=100)
        for number in range(2, first["total_pages"] + 1):
            check(kind, path, page=number, per_page=100)
    for service in Service.objects.all():
        check("service", f"/services/{service.id}")
    for link in ServiceAtLocation.objects.all()[:60]:
        check("service_at_location", f"/service_at_locations/{link.id}")
    for organisation_id in Service.objects.values_list("organisation_id", flat=True).distinct():
        check("organization", f"/organizations/{organisation_id}")
    for taxonomy in Taxonomy.objects.all():
        check("taxonomy", f"/taxonomies/{taxonomy.id}")
    for term in TaxonomyTerm.objects.all()[:60]:
        check("taxonomy_term", f"/taxonomy_terms/{term.id}")
    assert Service.objects.count() >= 150
    assert problems == {}


# --- about the API ----------------------------------------------------------------------


def test_the_root_names_the_version_profile_and_where_the_openapi_document_is(client):
    body = ok(client, "/")
    assert body["version"] == "HSDS-UK-3.0"
    assert body["profile"].startswith("https://")
    assert body["openapi_url"] == "http://testserver/api/oruk/openapi.json"


def _served_openapi(client: Client) -> dict:
    openapi_url = ok(client, "/")["openapi_url"]
    response = client.get(openapi_url.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def test_the_openapi_document_is_served_and_describes_every_endpoint(client):
    document = _served_openapi(client)
    assert document["openapi"].startswith("3.0.")
    assert document["servers"] == [{"url": "http://testserver/api/oruk"}]
    assert set(document["paths"]) == set(ENDPOINT_KINDS)
    for path, item in document["paths"].items():
        assert set(item) == {"get"}, path
        documented = set(item["get"]["responses"])
        assert {"200", "400"} <= documented, path
        assert ("404" in documented) == ("{id}" in path), path


def test_the_openapi_document_is_a_valid_openapi_30_document(client):
    schemathesis.openapi.from_dict(_served_openapi(client)).validate()


# --- paging -----------------------------------------------------------------------------


def test_five_services_at_two_a_page_come_as_first_middle_and_last_pages(client, db):
    made = {str(ServiceFactory().id) for _ in range(5)}
    pages = [ok(client, "/services", page=n, per_page=2) for n in (1, 2, 3)]
    expected = [(1, 2, True, False), (2, 2, False, False), (3, 1, False, True)]
    for body, (number, size, first, last) in zip(pages, expected, strict=True):
        assert body["total_items"] == 5
        assert body["total_pages"] == 3
        assert body["page_number"] == number
        assert body["size"] == size == len(body["contents"])
        assert body["first_page"] is first
        assert body["last_page"] is last
        assert body["empty"] is False
        assert page_errors(body, page=number, per_page=2) == []
    seen = [item_id for body in pages for item_id in ids(body)]
    assert len(seen) == 5
    assert set(seen) == made


def test_a_page_past_the_end_is_empty_and_says_so(client, db):
    for _ in range(5):
        ServiceFactory()
    body = ok(client, "/services", page=4, per_page=2)
    assert body["contents"] == []
    assert body["empty"] is True
    assert body["size"] == 0
    assert body["total_items"] == 5
    assert body["total_pages"] == 3
    assert body["page_number"] == 4
    assert body["first_page"] is False
    assert body["last_page"] is True
    assert page_errors(body, page=4, per_page=2) == []


def test_an_empty_directory_is_one_empty_first_page(client, db):
    body = ok(client, "/services")
    assert body["contents"] == []
    assert body["empty"] is True
    assert body["total_items"] == 0
    assert body["first_page"] is True
    assert body["last_page"] is True
    assert page_errors(body, page=1) == []


@pytest.mark.parametrize("path", LIST_PATHS)
def test_paging_one_at_a_time_walks_every_list_exactly_once(client, api_directory, path):
    OrganisationFactory()
    TermFactory(taxonomy=TaxonomyFactory(name="second"))
    everything = ids(ok(client, path, per_page=500))
    assert len(everything) >= 2
    walked = []
    for number in range(1, len(everything) + 2):
        body = ok(client, path, page=number, per_page=1)
        assert body["total_items"] == len(everything)
        assert page_errors(body, page=number, per_page=1) == []
        walked += ids(body)
    assert walked == everything


# --- filters ----------------------------------------------------------------------------


def _search_directory() -> dict[str, Service]:
    return {
        "group": ServiceFactory(
            name="Bereavement Support Group",
            description="Meet others after the death of someone close.",
            minimum_age=18,
        ),
        "helpline": ServiceFactory(
            name="Grief Helpline",
            description="Phone support for bereavement and loss, any age.",
        ),
        "young": ServiceFactory(
            name="Young Minds After Loss",
            description="Bereavement counselling for children.",
            minimum_age=5,
            maximum_age=17,
        ),
        "debt": ServiceFactory(name="Debt Advice Centre", description="Help with money."),
    }


def test_search_returns_the_public_searchs_results_in_its_order(client, db):
    made = _search_directory()
    expected = [str(pk) for pk in find_services(SearchRequest(text="bereavement")).service_ids]
    assert len(expected) >= 3
    assert str(made["debt"].id) not in expected
    assert ids(ok(client, "/services", search="bereavement")) == expected
    second = ok(client, "/services", search="bereavement", page=2, per_page=1)
    assert ids(second) == expected[1:2]
    assert second["total_items"] == len(expected)


def test_search_on_service_at_locations_keeps_the_services_order(client, db):
    made = _search_directory()
    for service in made.values():
        add_location(service)
    expected = [str(pk) for pk in find_services(SearchRequest(text="bereavement")).service_ids]
    body = ok(client, "/service_at_locations", search="bereavement")
    assert [item["service_id"] for item in body["contents"]] == expected


def test_search_with_another_filter_keeps_only_results_matching_both(client, db):
    made = _search_directory()
    body = ok(client, "/services", search="bereavement", minimum_age=18)
    assert set(ids(body)) == ids_of(made["group"], made["helpline"])
    expected = [str(pk) for pk in find_services(SearchRequest(text="bereavement")).service_ids]
    assert ids(body) == [pk for pk in expected if pk in set(ids(body))]


def test_taxonomy_term_and_taxonomy_filters_keep_only_services_tagged_so(client, db):
    needs, kinds = TaxonomyFactory(name="needs"), TaxonomyFactory(name="support-type")
    anxiety, grief = TermFactory(taxonomy=needs), TermFactory(taxonomy=needs)
    helpline = TermFactory(taxonomy=kinds)
    a = ServiceFactory(terms=[anxiety, helpline])
    b = ServiceFactory(terms=[grief])
    c = ServiceFactory(terms=[helpline])
    untagged = ServiceFactory()
    assert set(ids(ok(client, "/services", taxonomy_term_id=anxiety.id))) == ids_of(a)
    assert set(ids(ok(client, "/services", taxonomy_term_id=helpline.id))) == ids_of(a, c)
    assert set(ids(ok(client, "/services", taxonomy_id=needs.id))) == ids_of(a, b)
    by_kind = ok(client, "/services", taxonomy_id=kinds.id)
    assert set(ids(by_kind)) == ids_of(a, c)
    assert by_kind["total_items"] == 2, "a service with two matching terms is counted once"
    assert str(untagged.id) not in ids(ok(client, "/services", taxonomy_id=kinds.id))
    assert ok(client, "/services", taxonomy_term_id=uuid.uuid4())["total_items"] == 0


def test_two_filters_combine_so_a_service_must_match_both(client, db):
    term = TermFactory()
    adult_tagged = ServiceFactory(terms=[term], minimum_age=18)
    ServiceFactory(terms=[term], minimum_age=0, maximum_age=15)
    ServiceFactory(minimum_age=18)
    body = ok(client, "/services", taxonomy_term_id=term.id, minimum_age=18)
    assert set(ids(body)) == ids_of(adult_tagged)
    add_location(adult_tagged)
    links = ok(client, "/service_at_locations", taxonomy_term_id=term.id, minimum_age=18)
    assert service_ids(links) == ids_of(adult_tagged)


def test_age_filters_keep_services_whose_age_range_overlaps(client, db):
    young_adults = ServiceFactory(minimum_age=18, maximum_age=25)
    children = ServiceFactory(minimum_age=0, maximum_age=17)
    anyone = ServiceFactory(minimum_age=None, maximum_age=None)
    older = ServiceFactory(minimum_age=65, maximum_age=None)
    up_to_twelve = ServiceFactory(minimum_age=None, maximum_age=12)

    def matching(**ages: int) -> set[str]:
        return set(ids(ok(client, "/services", **ages)))

    assert matching(minimum_age=20) == ids_of(young_adults, anyone, older)
    assert str(children.id) not in matching(minimum_age=18)
    assert matching(maximum_age=16) == ids_of(children, anyone, up_to_twelve)
    assert matching(minimum_age=25, maximum_age=25) == ids_of(young_adults, anyone)
    assert matching(minimum_age=30, maximum_age=70) == ids_of(anyone, older)


def test_opening_filters_keep_services_open_that_day_and_at_those_times(client, db):
    weekdays = ServiceFactory()
    add_schedule(weekdays, freq="WEEKLY", byday="MO,TU", opens_at="09:00", closes_at="17:00")
    saturday = ServiceFactory()
    add_schedule(saturday, freq="WEEKLY", byday="SA", opens_at="10:00", closes_at="12:00")
    overnight = ServiceFactory()
    add_schedule(overnight, freq="WEEKLY", byday="FR", opens_at="22:00", closes_at="06:00")
    ServiceFactory()  # no opening hours at all

    def matching(**when: str) -> set[str]:
        return set(ids(ok(client, "/services", **when)))

    assert matching(day="MO") == ids_of(weekdays)
    assert matching(day="monday") == ids_of(weekdays)
    assert matching(day="SA", start_time="11:00", end_time="13:00") == ids_of(saturday)
    assert matching(day="SA", start_time="12:30") == set()
    assert matching(day="FR", start_time="23:00", end_time="23:30") == ids_of(overnight)
    assert matching(start_time="05:00", end_time="05:30") == ids_of(overnight)
    assert matching(end_time="09:30") == ids_of(weekdays, overnight)
    # Friday night's hours run into Saturday morning, and only then.
    assert matching(day="SA", start_time="02:00", end_time="03:00") == ids_of(overnight)
    assert matching(day="FR", start_time="02:00", end_time="03:00") == set()
    # A window may itself run past midnight; equal times ask about one moment.
    assert matching(day="TU", start_time="22:00", end_time="02:00") == set()
    assert matching(day="FR", start_time="21:00", end_time="01:00") == ids_of(overnight)
    assert matching(start_time="13:00", end_time="13:00") == ids_of(weekdays)
    assert matching(day="SA", start_time="12:00", end_time="12:00") == set()


def test_hours_without_times_or_that_have_ended_never_count_as_open(client, db):
    """The same rules as the public site's "open now"."""
    untimed = ServiceFactory()
    add_schedule(untimed, freq="WEEKLY", byday="MO", description="Closed.")
    ended = ServiceFactory()
    add_schedule(
        ended,
        freq="WEEKLY",
        byday="MO",
        opens_at="09:00",
        closes_at="17:00",
        valid_to=dt.date.today() - dt.timedelta(days=1),
    )
    current = ServiceFactory()
    add_schedule(current, freq="WEEKLY", byday="MO", opens_at="09:00", closes_at="17:00")
    for when in (
        {"day": "MO"},
        {"start_time": "03:00", "end_time": "04:00"},
        {"day": "MO", "start_time": "10:00"},
    ):
        found = set(ids(ok(client, "/services", **when)))
        assert untimed.id not in found and str(untimed.id) not in found, when
        assert str(ended.id) not in found, when
    assert set(ids(ok(client, "/services", day="MO", start_time="10:00"))) == ids_of(current)


def test_modified_after_keeps_services_changed_since_then(client, db):
    old, new = ServiceFactory(), ServiceFactory()
    Service.objects.filter(pk=old.pk).update(updated_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert set(ids(ok(client, "/services", modified_after="2024-06-01T00:00:00Z"))) == ids_of(new)
    assert set(ids(ok(client, "/services", modified_after="2019-12-31"))) == ids_of(old, new)
    offset = "2020-01-01T00:30:00+01:00"  # 23:30 the day before, in UTC
    assert set(ids(ok(client, "/services", modified_after=offset))) == ids_of(old, new)


def _located(name: str, areas: list[str], city: str, postcode: str, lat: str, lon: str):
    service = ServiceFactory(name=name, areas=areas)
    location = add_location(service, city=city, postcode=postcode)
    Location.objects.filter(pk=location.pk).update(latitude=Decimal(lat), longitude=Decimal(lon))
    return service


@pytest.fixture
def local_and_national(db) -> dict[str, Service]:
    """Services in Mansfield, in Nottingham (about 21 km south), national, by phone, online."""
    build_gazetteer()
    online = ServiceFactory(name="Online CBT")
    add_location(online, virtual=True)
    phone = ServiceFactory(name="Night Line")
    add_phone(phone)
    return {
        "mansfield": _located(
            "Mansfield Mind", ["Mansfield"], "Mansfield", "NG18 1AA", "53.1440", "-1.1980"
        ),
        "nottingham": _located(
            "Nottingham Hub", ["Nottingham"], "Nottingham", "NG7 2RD", "52.9540", "-1.1500"
        ),
        "national": _located(
            "National Helpers", ["United Kingdom"], "Nottingham", "NG1 5FS", "52.9530", "-1.1490"
        ),
        "phone": phone,
        "online": online,
    }


def test_location_keeps_local_services_there_and_national_phone_and_online_ones(
    client, local_and_national
):
    made = local_and_national
    everywhere = ids_of(made["national"], made["phone"], made["online"])
    assert set(ids(ok(client, "/services", location="Mansfield"))) == everywhere | ids_of(
        made["mansfield"]
    )
    assert set(ids(ok(client, "/services", location="NG18"))) == everywhere | ids_of(
        made["mansfield"]
    )
    assert set(ids(ok(client, "/services", location="Nottingham"))) == everywhere | ids_of(
        made["nottingham"]
    )


def test_postcode_keeps_service_at_locations_of_services_that_cover_it(client, local_and_national):
    made = local_and_national
    body = ok(client, "/service_at_locations", postcode="NG18 1AA")
    assert service_ids(body) == ids_of(made["mansfield"], made["national"], made["online"])
    assert str(made["nottingham"].id) not in service_ids(body)
    services = ok(client, "/services", postcode="NG18")
    assert str(made["nottingham"].id) not in ids(services)
    assert str(made["mansfield"].id) in ids(services)


def test_proximity_keeps_service_at_locations_within_that_many_metres(client, local_and_national):
    made = local_and_national
    near = ok(client, "/service_at_locations", postcode="NG18 1AA", proximity=5000)
    assert service_ids(near) == ids_of(made["mansfield"])
    wide = ok(client, "/service_at_locations", postcode="NG18 1AA", proximity=30000)
    assert service_ids(wide) == ids_of(made["mansfield"], made["nottingham"], made["national"])


def test_proximity_without_a_postcode_is_ignored_as_the_document_says(client, local_and_national):
    for path in ("/services", "/service_at_locations"):
        assert ok(client, path, proximity=10)["total_items"] == ok(client, path)["total_items"]


def test_proximity_on_services_keeps_services_with_a_location_that_near(client, local_and_national):
    made = local_and_national
    near = ok(client, "/services", postcode="NG18 1AA", proximity=5000)
    assert set(ids(near)) == ids_of(made["mansfield"])
    wide = ok(client, "/services", postcode="NG18 1AA", proximity=30000)
    assert set(ids(wide)) == ids_of(made["mansfield"], made["nottingham"], made["national"])
    # Without proximity, a postcode keeps whoever reaches it, phone and online services too.
    assert len(ids(ok(client, "/services", postcode="NG18 1AA"))) > len(ids(wide))


# --- public, JSON, compact, private things stay private ---------------------------------


CORS_CASES = [
    ("get", "/", {}, 200),
    ("get", "/openapi.json", {}, 200),
    ("get", "/services", {}, 200),
    ("get", "/services", {"page": "abc"}, 400),
    ("get", f"/services/{uuid.uuid4()}", {}, 404),
    ("get", "/taxonomy_terms/not-a-uuid", {}, 404),
    ("get", "/no/such/endpoint", {}, 404),
    ("post", "/services", {}, 405),
]


@pytest.mark.parametrize(("method", "path", "params", "status"), CORS_CASES)
def test_every_answer_is_public_json_that_any_website_may_read(
    client, db, method, path, params, status
):
    response = getattr(client, method)(API + path, params)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "WWW-Authenticate" not in response
    assert isinstance(response.json(), dict)


def _walk(value: Any, where: str = "$") -> Iterator[tuple[str, Any]]:
    yield where, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{where}.{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _walk(item, f"{where}[{n}]")


# Required by ORUK, so present even when we hold nothing for them.
REQUIRED_EVEN_WHEN_EMPTY = {"description", "state_province"}


def test_empty_optional_fields_are_left_out_not_sent_as_null_or_blank(client, api_directory):
    bare = ServiceFactory(description="", organisation=OrganisationFactory(description=""))
    urls = [path.replace("{id}", pk) for path, pk in detail_ids(api_directory).items()]
    urls += [f"/services/{bare.id}", f"/organizations/{bare.organisation_id}", *LIST_PATHS]
    problems = []
    for url in urls:
        for where, value in _walk(ok(client, url)):
            key = where.rsplit(".", 1)[-1]
            if value is None or (value in ({}, []) and key != "contents"):
                problems.append(f"{url} {where} = {value!r}")
            elif value == "" and key not in REQUIRED_EVEN_WHEN_EMPTY:
                problems.append(f"{url} {where} is blank")
    assert problems == []
    bare_body = ok(client, f"/services/{bare.id}")
    assert "description" not in bare_body
    assert ok(client, f"/organizations/{bare.organisation_id}")["description"] == ""


def _hidden_address_answers(client: Client, directory: ApiDirectory) -> dict[str, dict]:
    service = directory.hidden_service
    link = ServiceAtLocation.objects.get(service=service)
    return {
        "service detail": ok(client, f"/services/{service.id}"),
        "service list": ok(client, "/services", per_page=500),
        "service search": ok(client, "/services", search="refuge"),
        "link list": ok(client, "/service_at_locations", per_page=500),
        "link search": ok(client, "/service_at_locations", search="refuge"),
        "link near": ok(client, "/service_at_locations", postcode="NG18"),
        "link detail": ok(client, f"/service_at_locations/{link.id}"),
        "organisation": ok(client, f"/organizations/{service.organisation_id}"),
    }


def test_a_hidden_address_never_appears_anywhere(client, api_directory):
    answers = _hidden_address_answers(client, api_directory)
    secrets = [HIDDEN_STREET, HIDDEN_POSTCODE, HIDDEN_LATITUDE[:6], HIDDEN_LONGITUDE[:6]]
    secrets += [HIDDEN_UPRN, HIDDEN_PAGE, HIDDEN_DIRECTIONS, "UPRN"]
    for name, body in answers.items():
        text = json.dumps(body)
        for secret in secrets:
            assert secret not in text, f"{secret!r} leaked in the {name}"
    location_id = str(api_directory.hidden_location.id)
    shown = [
        value
        for body in answers.values()
        for _, value in _walk(body)
        if isinstance(value, dict) and value.get("id") == location_id
    ]
    # The location itself is listed (so the checks above looked at it), minus its address.
    assert len(shown) >= 4
    for location in shown:
        assert location["name"] == "Safe Haven"
        assert not {"addresses", "latitude", "longitude"} & set(location)
        assert location["x_hide_address"] is True


def test_a_proximity_search_cannot_pin_down_a_hidden_address(client, api_directory):
    hidden_link = str(ServiceAtLocation.objects.get(service=api_directory.hidden_service).id)
    visible_link = str(api_directory.service.service_at_locations.get().id)
    around_visible = ok(client, "/service_at_locations", postcode="NG18 1HX", proximity=50)
    assert ids(around_visible) == [visible_link]
    around_hidden = ok(client, "/service_at_locations", postcode=HIDDEN_POSTCODE, proximity=50)
    assert hidden_link not in ids(around_hidden)


def test_a_visible_address_is_shown_in_full(client, api_directory):
    body = ok(client, f"/services/{api_directory.service.id}")
    location = body["service_at_locations"][0]["location"]
    assert location["addresses"][0]["postal_code"] == "NG18 1HX"
    assert location["latitude"] == pytest.approx(53.1405)
    assert "x_hide_address" not in location


def test_private_contacts_never_appear_and_public_ones_do(client, api_directory):
    service = api_directory.service
    link = service.service_at_locations.get()
    for url in (f"/services/{service.id}", f"/service_at_locations/{link.id}"):
        body = ok(client, url)
        text = json.dumps(body)
        assert PRIVATE_CONTACT_NAME not in text
        assert PRIVATE_CONTACT_EMAIL not in text
        contacts = body["contacts"] if "contacts" in body else body["service"]["contacts"]
        assert [c["name"] for c in contacts] == ["Sam Public"]
    listed = json.dumps(ok(client, "/services", per_page=500))
    assert PRIVATE_CONTACT_EMAIL not in listed


@pytest.mark.parametrize("status", ["inactive", "defunct", "temporarily closed"])
def test_a_service_that_is_not_running_is_listed_with_its_status(client, db, status):
    service = ServiceFactory(status=status)
    listed = {item["id"]: item for item in ok(client, "/services")["contents"]}
    assert listed[str(service.id)]["status"] == status
    assert ok(client, f"/services/{service.id}")["status"] == status


# --- errors -----------------------------------------------------------------------------


def _assert_error(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["status"] == status
    assert body["message"]
    return body


@pytest.mark.parametrize("path", DETAIL_PATHS)
@pytest.mark.parametrize("unknown", [str(uuid.uuid4()), "not-a-uuid", "123"])
def test_an_unknown_id_is_a_json_404_on_every_detail_endpoint(client, api_directory, path, unknown):
    body = _assert_error(get(client, path.replace("{id}", unknown)), 404)
    assert body["error"] == "not_found"


BAD_PARAMETERS = [
    ("/services", {"page": "-1"}, "page"),
    ("/services", {"page": "abc"}, "page"),
    ("/services", {"per_page": "100000"}, "per_page"),
    ("/services", {"per_page": "0"}, "per_page"),
    ("/services", {"minimum_age": "abc"}, "minimum_age"),
    ("/services", {"maximum_age": "-3"}, "maximum_age"),
    ("/services", {"taxonomy_term_id": "xyz"}, "taxonomy_term_id"),
    ("/services", {"taxonomy_id": "xyz"}, "taxonomy_id"),
    ("/services", {"modified_after": "notadate"}, "modified_after"),
    ("/services", {"modified_after": "2026-02-30"}, "modified_after"),
    ("/services", {"day": "funday"}, "day"),
    ("/services", {"start_time": "25:00"}, "start_time"),
    ("/services", {"end_time": "9am"}, "end_time"),
    ("/services", {"postcode": "NG18", "proximity": "-1"}, "proximity"),
    ("/services", {"postcode": "NG18", "proximity": "abc"}, "proximity"),
    ("/services", {"modified_after": "0001-01-01T00:00:00+01:00"}, "modified_after"),
    ("/service_at_locations", {"modified_after": "9999-12-31T23:59:59-01:00"}, "modified_after"),
    ("/services", {"per_page": "\u0663"}, "per_page"),
    ("/organizations", {"per_page": "\x1e"}, "per_page"),
    ("/taxonomies", {"page": "10000001"}, "page"),
    ("/service_at_locations", {"postcode": "NG18", "proximity": "far"}, "proximity"),
    ("/service_at_locations", {"postcode": "not a postcode"}, "postcode"),
    ("/service_at_locations", {"page": "abc"}, "page"),
    ("/service_at_locations", {"day": "funday"}, "day"),
    ("/organizations", {"per_page": "0"}, "per_page"),
    ("/taxonomies", {"page": "-1"}, "page"),
    ("/taxonomy_terms", {"per_page": "100000"}, "per_page"),
    ("/taxonomy_terms", {"taxonomy_id": "xyz"}, "taxonomy_id"),
    ("/taxonomy_terms", {"top_only": "perhaps"}, "top_only"),
]


@pytest.mark.parametrize(("path", "params", "parameter"), BAD_PARAMETERS)
def test_a_bad_parameter_is_a_json_400_that_names_it(client, db, path, params, parameter):
    body = _assert_error(get(client, path, **params), 400)
    assert body["error"] == "bad_parameter"
    assert body["parameter"] == parameter
    assert parameter in body["message"]


def test_too_many_parameters_is_a_json_400_not_an_html_page(client, db):
    query = "&".join(f"x{n}=1" for n in range(1500))
    _assert_error(client.get(f"{API}/services?{query}"), 400)


def test_errors_are_not_cached_but_answers_are(client, api_directory):
    assert get(client, "/services")["Cache-Control"] == "public, max-age=60"
    assert get(client, f"/services/{uuid.uuid4()}")["Cache-Control"] == "no-store"
    assert get(client, "/services", page="abc")["Cache-Control"] == "no-store"


def test_a_browsers_cors_preflight_is_answered(client, db):
    response = client.options(
        f"{API}/services",
        headers={
            "Origin": "https://another-directory.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "accept, x-requested-with",
        },
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert response["Access-Control-Allow-Headers"] == "accept, x-requested-with"


def test_the_root_without_its_slash_answers_in_json_too(client, db):
    body = client.get(API).json()
    assert body["version"] == "HSDS-UK-3.0"


def test_a_parameter_given_twice_is_a_400_not_a_guess(client, db):
    body = _assert_error(client.get(f"{API}/services?page=1&page=2"), 400)
    assert body["parameter"] == "page"


def test_a_maximum_age_below_the_minimum_age_is_a_400(client, db):
    body = _assert_error(get(client, "/services", minimum_age=30, maximum_age=20), 400)
    assert body["parameter"] == "maximum_age"


@pytest.mark.parametrize("path", ["/", "/services", "/services/{id}", "/taxonomies"])
def test_the_read_only_check_answers_writes_with_a_json_405(client, api_directory, path):
    url = API + path.replace("{id}", str(api_directory.service.id))
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(url)
        _assert_error(response, 405)
        assert response["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("path", ["/services", "/taxonomy_terms"])
def test_a_post_from_a_real_client_without_a_csrf_token_is_a_json_405(client, db, path):
    """The test client skips CSRF checks; a real API client gets them."""
    _assert_error(Client(enforce_csrf_checks=True).post(API + path, {"name": "x"}), 405)


def test_head_is_answered_like_get(client, db):
    ServiceFactory()
    response = client.head(f"{API}/services")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_services_parts_come_in_their_set_order_whatever_order_they_were_saved_in(client, db):
    """Without a stated order, PostgreSQL returns rows as they lie on disk."""
    service = ServiceFactory()
    ids = [uuid.UUID(int=n) for n in (3, 1, 2)]
    for pk, order in zip(ids, (2, 0, 1), strict=True):
        ServiceArea.objects.create(id=pk, service=service, name=f"Area {order}", sort_order=order)
        Phone.objects.create(
            id=pk, service=service, number=f"0115 496 000{order}", sort_order=order
        )
    body = ok(client, f"/services/{service.id}")
    assert [area["name"] for area in body["service_areas"]] == ["Area 0", "Area 1", "Area 2"]
    assert [p["number"] for p in body["phones"]] == [
        "0115 496 0000",
        "0115 496 0001",
        "0115 496 0002",
    ]
