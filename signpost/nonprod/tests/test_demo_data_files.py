"""Checks on the demo data files in signpost/nonprod/demo_data/.

Plain pytest functions: no database, no Django setup needed.
"""

import datetime
import json
import re
from functools import cache
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).resolve().parents[1] / "demo_data"
REPO_ROOT = Path(__file__).resolve().parents[3]
SHARED_DIR = REPO_ROOT / ".." / "shared"
HSDS_SCHEMA_DIR = SHARED_DIR / "standards" / "hsds" / "3.0" / "schema"

# The HSDS 3.0 schema files carry no "$id"; they refer to each other by relative
# file name ("attribute.json"). We give each file the URI it is published under
# (the one the spec's own openapi.json uses), so relative $refs resolve locally.
HSDS_BASE_URI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

FACETS = ("needs", "support-type", "access", "delivery", "audience")
PLACE_KINDS = {"area", "town"}  # the demo layer's own places (ADR 009)
DEMO_TODAY = datetime.date(2026, 11, 23)

REQUIRED_CODES = {
    "needs": {
        "anxiety",
        "low-mood",
        "self-harm",
        "suicidal-thoughts",
        "eating-problems",
        "psychosis",
        "bereavement",
        "trauma",
        "drugs-alcohol",
        "stress",
        "loneliness",
        "anger",
        "sleep",
        "relationships",
        "money-worries",
        "housing",
        "autism-adhd",
        "gambling",
        "obsessions",
        "personality",
        "bipolar",
        "postnatal",
        "domestic-abuse",
        "sexual-violence",
        "caring",
    },
    "support-type": {
        "urgent-help",
        "talk-now",
        "talking-therapy",
        "counselling",
        "peer-support",
        "groups-activities",
        "courses",
        "advice",
        "specialist-nhs",
        "online-self-help",
    },
    "access": {"self-referral", "gp-referral", "professional-referral", "drop-in"},
    "delivery": {"in-person", "phone", "video", "online", "text"},
    "audience": {
        "children",
        "young-people",
        "adults",
        "older-adults",
        "parents",
        "carers",
        "lgbtq",
        "veterans",
        "students",
        "ethnic-minority",
        "men",
        "women",
        "deaf",
        "refugees",
    },
}

# Ofcom numbers reserved for drama/fiction (and so safe for fictional services).
FICTIONAL_PHONE = re.compile(r"^(0115 496 0\d{3}|01632 960\d{3}|07700 900\d{3}|0808 157 0\d{3})$")


def _load(name):
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return json.load(f)


@cache
def benchmark_services():
    return tuple(_load("services.json"))


@cache
def extra_services():
    return tuple(_load("extra_services.json"))


def all_services():
    return benchmark_services() + extra_services()


@cache
def vocabularies():
    return tuple(_load("vocabularies.json"))


@cache
def places():
    return tuple(_load("places.json"))


def locations(service):
    return [sal["location"] for sal in service.get("service_at_locations", [])]


# ---------------------------------------------------------------- services


def test_service_ids_are_unique_across_both_files():
    ids = [s["id"] for s in all_services()]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates


def test_there_are_at_least_150_services():
    assert len(benchmark_services()) == 149
    assert len(extra_services()) >= 30
    assert len(all_services()) >= 150


def test_child_record_ids_are_unique_across_both_files():
    # Organisations and locations are shared between services on purpose; the
    # records that belong to one service must not collide.
    seen = {}
    for service in all_services():
        for key in (
            "phones",
            "schedules",
            "service_areas",
            "service_at_locations",
            "languages",
            "attributes",
            "cost_options",
        ):
            for record in service.get(key, []):
                assert record["id"] not in seen, (service["name"], key, seen.get(record["id"]))
                seen[record["id"]] = (service["name"], key)


def test_child_records_point_back_to_their_service():
    for service in all_services():
        for key in (
            "phones",
            "schedules",
            "service_areas",
            "service_at_locations",
            "languages",
            "cost_options",
        ):
            for record in service.get(key, []):
                assert record["service_id"] == service["id"], (service["name"], key)
        for attribute in service.get("attributes", []):
            assert attribute["link_id"] == service["id"], service["name"]
        assert service["organization"]["id"] == service["organization_id"], service["name"]


def test_shared_organisations_and_locations_are_identical_wherever_they_appear():
    orgs, locs = {}, {}
    for service in all_services():
        org = service["organization"]
        assert orgs.setdefault(org["id"], org) == org, org["name"]
        for location in locations(service):
            assert locs.setdefault(location["id"], location) == location, location["name"]


def test_extra_services_are_fictional():
    for service in extra_services():
        for phone in service.get("phones", []):
            assert FICTIONAL_PHONE.match(phone["number"]), (service["name"], phone["number"])
        hosts = [service.get("url", ""), service["organization"].get("website", "")]
        hosts += [loc.get("url", "") for loc in locations(service)]
        for url in filter(None, hosts):
            assert re.match(r"^https://[a-z0-9.-]+\.example\.org(/|$)", url), (service["name"], url)
        for email in filter(None, [service.get("email"), service["organization"].get("email")]):
            assert email.endswith(".example.org"), (service["name"], email)


def test_age_limits_are_consistent():
    for service in all_services():
        low, high = service.get("minimum_age"), service.get("maximum_age")
        if low is not None and high is not None:
            assert 0 <= low <= high <= 120, service["name"]


def test_extra_services_cover_the_demo_scenarios():
    extras = extra_services()
    statuses = {s["status"] for s in extras}
    assert {"temporarily closed", "inactive"} <= statuses

    hidden = [loc for s in extras for loc in locations(s) if loc.get("x_hide_address") is True]
    assert len({loc["id"] for loc in hidden}) >= 2
    for loc in hidden:
        for address in loc["addresses"]:
            # Only the outward postcode (postal district), never a full postcode.
            assert re.fullmatch(r"[A-Z]{1,2}\d{1,2}", address["postal_code"]), address[
                "postal_code"
            ]
            assert not re.search(r"\d", address["address_1"]), address["address_1"]

    cutoff = DEMO_TODAY - datetime.timedelta(days=183)
    overdue = [s for s in extras if datetime.date.fromisoformat(s["assured_date"]) < cutoff]
    assert len(overdue) >= 2

    paid = [s for s in extras if s.get("cost_options")]
    assert paid
    for service in paid:
        assert service.get("fees_description")
        for option in service["cost_options"]:
            assert option["currency"] == "GBP" and option["amount"] > 0 and option["option"]

    monthly = {x.get("byday") for s in extras for x in s["schedules"] if x.get("freq") == "MONTHLY"}
    assert "1TU" in monthly

    languages = {lang["code"] for s in extras for lang in s.get("languages", [])}
    assert {"ur", "pa", "pl", "bn", "ar", "bfi"} <= languages

    assert any(s.get("maximum_age") is not None and s["maximum_age"] <= 11 for s in extras)
    assert any((s.get("minimum_age") or 0) >= 65 for s in extras)


# ---------------------------------------------------------------- vocabularies


def test_vocabularies_have_the_expected_taxonomies_and_codes():
    vocab = {t["name"]: t for t in vocabularies()}
    assert set(vocab) == set(FACETS)
    ids = [t["id"] for t in vocabularies()] + [
        term["id"] for t in vocabularies() for term in t["terms"]
    ]
    assert len(ids) == len(set(ids))
    for name, taxonomy in vocab.items():
        assert taxonomy["description"] and taxonomy["version"] == "1"
        codes = [term["code"] for term in taxonomy["terms"]]
        assert len(codes) == len(set(codes)), name
        assert set(codes) == REQUIRED_CODES[name], name
        for term in taxonomy["terms"]:
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", term["code"])
            assert term["name"] and term["description"].endswith(".")


def test_vocabulary_display_names_used_by_filters():
    names = {(t["name"], term["code"]): term["name"] for t in vocabularies() for term in t["terms"]}
    assert names[("needs", "low-mood")] == "Low mood and depression"
    assert names[("needs", "obsessions")] == "Obsessions and compulsions (OCD)"
    assert names[("support-type", "talk-now")] == "Talk to someone now"
    assert names[("audience", "children")] == "Children (under 11)"
    assert names[("audience", "young-people")] == "Young people (11 to 25)"
    assert names[("audience", "deaf")] == "Deaf people"


# ---------------------------------------------------------------- service terms


def test_every_service_has_terms_and_every_code_exists_in_its_taxonomy():
    terms = _load("service_terms.json")
    service_ids = {s["id"] for s in all_services()}
    assert set(terms) == service_ids
    vocab = {t["name"]: {term["code"] for term in t["terms"]} for t in vocabularies()}
    for service_id, facets in terms.items():
        assert set(facets) == set(FACETS), service_id
        for facet, codes in facets.items():
            assert len(codes) == len(set(codes)), (service_id, facet)
            assert set(codes) <= vocab[facet], (service_id, facet, set(codes) - vocab[facet])
        assert facets["support-type"] and facets["access"] and facets["delivery"], service_id


def test_service_terms_agree_with_the_service_records():
    terms = _load("service_terms.json")
    for service in all_services():
        facets = terms[service["id"]]
        low, high = service.get("minimum_age"), service.get("maximum_age")
        if low is not None and low >= 18:
            assert not {"children", "young-people"} & set(facets["audience"]), service["name"]
        if high is not None and high < 18:
            assert "adults" not in facets["audience"], service["name"]
        if any(p.get("type") == "text" for p in service.get("phones", [])):
            assert "text" in facets["delivery"], service["name"]
        round_the_clock = any(
            x.get("byday") == "MO,TU,WE,TH,FR,SA,SU"
            and x.get("opens_at") == "00:00"
            and x.get("closes_at") == "23:59"
            for x in service.get("schedules", [])
        )
        crisis = any(
            a["taxonomy_term"]["code"] == "crisis-support" for a in service.get("attributes", [])
        )
        if round_the_clock and crisis:
            assert "urgent-help" in facets["support-type"], service["name"]


# ---------------------------------------------------------------- places


def test_the_demo_places_are_a_thin_layer_on_the_uk_gazetteer():
    import csv

    from signpost.directory.gazetteer.loader import DATA

    with DATA.open(encoding="utf-8") as handle:
        gazetteer = {row["slug"] for row in csv.DictReader(handle)}
    slugs = [p["slug"] for p in places()]
    assert len(slugs) == len(set(slugs))
    assert not set(slugs) & gazetteer, "the demo layer adds places, it does not replace them"
    for place in places():
        assert place["kind"] in PLACE_KINDS, place["slug"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", place["slug"])
        if place["kind"] == "area":
            assert place["contains"] and set(place["contains"]) <= gazetteer, place["slug"]
        else:
            assert place["parent"] in gazetteer, place["slug"]
            assert place["latitude"] and place["longitude"], place["slug"]


@pytest.mark.django_db
def test_every_service_area_name_resolves_to_a_place():
    from signpost.directory.places import resolve_place
    from signpost.directory.places.names import NATIONWIDE_NAMES, fold
    from signpost.nonprod.demo import load_places

    load_places()
    names = {area["name"] for s in all_services() for area in s.get("service_areas", [])}
    unresolved = sorted(
        n for n in names if fold(n) not in NATIONWIDE_NAMES and not resolve_place(n).found
    )
    assert not unresolved


@pytest.mark.django_db
def test_every_address_town_is_found_near_its_postcode():
    from signpost.directory.places import resolve_place
    from signpost.directory.places.names import miles_between
    from signpost.nonprod.demo import load_places

    load_places()
    for service in all_services():
        for location in locations(service):
            for address in location.get("addresses", []):
                district = resolve_place(address["postal_code"])
                assert district.found, address["postal_code"]
                town = resolve_place(address["city"], near=district.centre)
                assert town.found, address["city"]
                assert miles_between(town.centre, district.centre) < 10, address["city"]


# ---------------------------------------------------------------- HSDS schema


@cache
def hsds_service_validator():
    from jsonschema import Draft202012Validator, FormatChecker
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    resources = []
    for path in sorted(HSDS_SCHEMA_DIR.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        uri = contents.get("$id") or HSDS_BASE_URI + path.name
        resources.append((uri, DRAFT202012.create_resource(contents)))
    # A registry with no retrieve function: any $ref that is not a local file fails
    # instead of going to the network.
    registry = Registry().with_resources(resources)
    return Draft202012Validator(
        {"$ref": HSDS_BASE_URI + "service.json"}, registry=registry, format_checker=FormatChecker()
    )


def _require_shared():
    if not (HSDS_SCHEMA_DIR / "service.json").is_file():
        pytest.skip(
            f"shared/ standards not present (looked for {HSDS_SCHEMA_DIR.resolve()}); "
            "HSDS 3.0 schema validation needs the read-only reference data next to the repo"
        )


@pytest.mark.parametrize("filename", ["services.json", "extra_services.json"])
def test_services_validate_against_the_hsds_3_service_schema(filename):
    _require_shared()
    validator = hsds_service_validator()
    problems = []
    for service in _load(filename):
        for error in validator.iter_errors(service):
            problems.append(
                f"{service['name']}: /{'/'.join(map(str, error.absolute_path))}: {error.message}"
            )
    assert not problems, "\n".join(problems[:20])


def test_hsds_validator_really_checks_nested_records():
    _require_shared()
    validator = hsds_service_validator()
    service = json.loads(json.dumps(extra_services()[0]))
    assert not list(validator.iter_errors(service))
    service["status"] = "open"
    service["service_at_locations"][0]["location"]["location_type"] = "moon"
    service["phones"].append({"number": "0115 496 0999"})  # phone without its required id
    messages = " ".join(e.message for e in validator.iter_errors(service))
    assert (
        "'open'" in messages and "'moon'" in messages and "'id' is a required property" in messages
    )


def test_vocabularies_validate_against_the_hsds_taxonomy_schemas():
    _require_shared()
    from jsonschema import Draft202012Validator, FormatChecker

    taxonomy_schema = json.loads((HSDS_SCHEMA_DIR / "taxonomy.json").read_text(encoding="utf-8"))
    term_schema = json.loads((HSDS_SCHEMA_DIR / "taxonomy_term.json").read_text(encoding="utf-8"))
    taxonomy_validator = Draft202012Validator(taxonomy_schema, format_checker=FormatChecker())
    term_validator = Draft202012Validator(term_schema, format_checker=FormatChecker())
    for taxonomy in vocabularies():
        record = {k: v for k, v in taxonomy.items() if k != "terms"}
        assert not list(taxonomy_validator.iter_errors(record)), taxonomy["name"]
        for term in taxonomy["terms"]:
            assert not list(term_validator.iter_errors(term)), term["code"]
