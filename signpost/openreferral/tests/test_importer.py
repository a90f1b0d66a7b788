import copy
import uuid

import pytest

from signpost.directory.models import Location, Organisation, Service, ServiceCoverage
from signpost.directory.places import resolve_place
from signpost.directory.tests.factories import build_gazetteer
from signpost.openreferral.importer import import_services

ORG_ID = str(uuid.uuid4())


def service_record(**overrides):
    service_id = overrides.pop("id", str(uuid.uuid4()))
    location_id = str(uuid.uuid4())
    record = {
        "id": service_id,
        "name": "Riverside Wellbeing Cafe",
        "status": "active",
        "description": "A weekly drop-in cafe.",
        "minimum_age": 18,
        "assured_date": "2026-10-01",
        "organization": {"id": ORG_ID, "name": "Riverside Trust", "description": "A charity."},
        "phones": [{"id": str(uuid.uuid4()), "number": "0115 496 0321", "type": "voice"}],
        "schedules": [
            {
                "id": str(uuid.uuid4()),
                "freq": "WEEKLY",
                "byday": "WE",
                "opens_at": "18:00",
                "closes_at": "21:00",
            }
        ],
        "service_areas": [{"id": str(uuid.uuid4()), "name": "Mansfield district"}],
        "languages": [{"id": str(uuid.uuid4()), "name": "British Sign Language", "code": "bfi"}],
        "attributes": [
            {
                "id": str(uuid.uuid4()),
                "link_type": "service_type",
                "taxonomy_term": {
                    "id": str(uuid.uuid4()),
                    "code": "peer-support",
                    "name": "Peer support",
                    "description": "Peer support.",
                    "taxonomy": "Example",
                },
            }
        ],
        "service_at_locations": [
            {
                "id": str(uuid.uuid4()),
                "location_id": location_id,
                "location": {
                    "id": location_id,
                    "location_type": "physical",
                    "name": "The Hall",
                    "x_hide_address": True,
                    "addresses": [
                        {
                            "id": str(uuid.uuid4()),
                            "address_1": "1 River St",
                            "city": "Mansfield",
                            "state_province": "Notts",
                            "postal_code": "NG18 1AA",
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
    }
    record.update(overrides)
    return record


@pytest.fixture
def places(db):
    return build_gazetteer()


def test_a_nested_hsds_service_is_imported_with_everything_hanging_off_it(places):
    record = service_record()
    report = import_services([record])
    assert not report.rejected
    service = Service.objects.get(id=record["id"])
    assert service.organisation.name == "Riverside Trust"
    assert service.phones.get().number == "0115 496 0321"
    assert service.languages.get().code == "bfi"
    assert service.attributes.get().taxonomy_term.code == "peer-support"
    assert Location.objects.get().hide_address is True
    # The area it states is stored; Mansfield, inside that district, is reached through it.
    assert ServiceCoverage.objects.filter(service=service, place=places["district"]).exists()
    assert service in Service.objects.reaching(resolve_place("Mansfield").reach)


def test_importing_the_same_data_again_changes_nothing(places):
    records = [service_record(), service_record(name="Second")]
    import_services(copy.deepcopy(records))
    before = sorted(Service.objects.values_list("id", "name", "minimum_age"))
    report = import_services(copy.deepcopy(records))
    assert report.unchanged["service"] == 2
    assert report.created["service"] == 0 and report.updated["service"] == 0
    assert sorted(Service.objects.values_list("id", "name", "minimum_age")) == before
    assert Organisation.objects.count() == 1


def test_one_bad_record_rolls_back_the_whole_run_and_says_where(places):
    good = service_record()
    bad = service_record(minimum_age="eighteen", name="Broken Service")
    report = import_services([good, bad])
    assert report.rolled_back
    assert not Service.objects.exists()
    (problem,) = report.rejected
    assert problem.record == "record 2 (Broken Service)"
    assert problem.field_name == "minimum_age"
    assert "not an age" in problem.reason


@pytest.mark.parametrize(
    "overrides, field_name",
    [
        ({"id": "not-a-uuid"}, "id"),
        ({"name": ""}, "name"),
        ({"status": "open"}, "status"),
        ({"minimum_age": 30, "maximum_age": 20}, "maximum_age"),
        ({"organization": {}, "organization_id": None}, "organization_id"),
        ({"phones": "0115 496 0000"}, "phones"),
    ],
)
def test_rejections_name_the_field_and_the_reason(places, overrides, field_name):
    report = import_services([service_record(**overrides)])
    assert [p.field_name for p in report.rejected] == [field_name]


def test_a_dry_run_reports_but_saves_nothing(places):
    report = import_services([service_record()], dry_run=True)
    assert report.created["service"] == 1
    assert report.rolled_back and not Service.objects.exists()


def test_missing_review_dates_and_contacts_are_warnings(places):
    record = service_record(assured_date=None, phones=[])
    report = import_services([record])
    assert {w.field_name for w in report.warnings} == {"assured_date", "phones"}
    assert not report.rejected


def test_a_record_the_database_refuses_is_reported_not_a_crash(places):
    first = service_record()
    clash = service_record(name="Clashing Phone")
    clash["phones"][0]["id"] = first["phones"][0]["id"]  # the same phone id twice
    report = import_services([first, clash])
    assert report.rolled_back
    # Found before the database refuses it, so the report names the field (test_import_messages).
    assert [(p.record, p.field_name) for p in report.rejected] == [
        (f"record 2 (Clashing Phone), service id {clash['id']}", "phones.id")
    ]
    assert "Each needs its own id" in report.rejected[0].reason
    assert not Service.objects.exists()


def test_search_sees_a_reimported_change_even_when_the_feed_keeps_an_old_date(places):
    from signpost.directory.finder import SearchRequest, find_services

    record = service_record(last_modified="2020-01-01T00:00:00Z")
    import_services([copy.deepcopy(record)])
    assert find_services(SearchRequest(text="riverside")).service_ids
    record["name"] = "Lakeside Listening Space"
    record["description"] = "A quiet place to talk."
    import_services([record])
    assert Service.objects.get().updated_at.year == 2020  # the feed's date is kept
    found = find_services(SearchRequest(text="lakeside listening")).service_ids
    assert [str(pk) for pk in found] == [record["id"]]


def test_bad_optional_fields_are_dropped_with_a_warning_and_the_record_kept(places):
    record = service_record(email="not-an-email", url="no spaces allowed.com x")
    record["schedules"][0]["freq"] = "DAILY"
    report = import_services([record])
    assert report.saved and not report.rejected
    warned = {(w.field_name, w.reason.split(",")[0]) for w in report.warnings}
    assert ("email", "'not-an-email' is not an email address") in warned
    assert any(field == "schedules.freq" for field, _ in warned)
    service = Service.objects.get()
    assert service.email == "" and service.url == "" and not service.schedules.exists()


def test_a_feed_larger_than_one_batch_is_written_whole_and_counted(places):
    records = [service_record(name=f"Service {n}") for n in range(25)]
    report = import_services(records, batch_size=10)
    assert report.created["service"] == 25 and Service.objects.count() == 25
    # One organisation, counted once: it was made in the first batch and only met again later.
    assert report.created["organisation"] == 1 and report.updated["organisation"] == 0


def test_the_same_service_twice_in_one_feed_ends_as_the_later_version(places):
    first = service_record()
    later = copy.deepcopy(first)
    later["name"] = "Renamed Later"
    report = import_services([first, later])
    assert not report.rejected
    assert Service.objects.get().name == "Renamed Later"


def test_warnings_of_one_kind_are_counted_beyond_the_examples_kept(places):
    from signpost.openreferral.importer.report import EXAMPLES_PER_WARNING

    records = [service_record(assured_date=None) for _ in range(EXAMPLES_PER_WARNING + 5)]
    report = import_services(records, dry_run=True)
    key = ("assured_date", "no review date: nobody has said when these details were checked")
    assert report.warning_counts[key] == EXAMPLES_PER_WARNING + 5
    assert sum(1 for w in report.warnings if w.field_name == "assured_date") == EXAMPLES_PER_WARNING
    assert f"warning ({EXAMPLES_PER_WARNING + 5}) assured_date" in report.summary()


def test_an_edit_in_the_admin_means_the_next_import_rewrites_the_service(places):
    record = service_record()
    import_services([copy.deepcopy(record)])
    service = Service.objects.get()
    service.name = "Edited By Staff"
    service.save()
    report = import_services([record])
    assert report.updated["service"] == 1
    assert Service.objects.get().name == record["name"]


def test_html_in_a_feed_becomes_plain_text_with_its_paragraphs_and_a_warning(places):
    record = service_record(
        name="Tea &amp; Talk",
        description=(
            "<p>Drop-in <b>support</b>&nbsp;for adults.</p><ul><li>Tea</li><li>Chat</li></ul>"
        ),
        url="https://example.org/join?a=1&amp;b=2",
    )
    report = import_services([record])
    assert report.saved and not report.rejected
    service = Service.objects.get()
    assert service.name == "Tea & Talk"
    assert service.description == "Drop-in support for adults.\nTea\nChat"
    # A web address is not markup: it is kept as the feed gave it.
    assert service.url == "https://example.org/join?a=1&amp;b=2"
    warned = {(w.field_name, w.reason) for w in report.warnings}
    assert ("description", "held HTML, which was turned into plain text") in warned


def test_text_with_a_less_than_sign_is_not_mistaken_for_html(places):
    report = import_services([service_record(description="For people aged <18 & their carers.")])
    assert Service.objects.get().description == "For people aged <18 & their carers."
    assert not any("HTML" in w.reason for w in report.warnings)


def test_opening_hours_given_under_a_place_are_kept_for_the_service_at_that_place(places):
    record = service_record()
    link = record["service_at_locations"][0]
    link["schedules"] = [
        {"id": str(uuid.uuid4()), "freq": "WEEKLY", "byday": "MO", "opens_at": "09:00"}
    ]
    report = import_services([record])
    assert report.saved and not report.rejected
    service = Service.objects.get()
    by_place = {str(s.service_at_location_id): s.byday for s in service.schedules.all()}
    assert by_place == {"None": "WE", link["id"]: "MO"}


def test_hours_that_name_another_services_place_stay_with_the_service_and_are_reported(places):
    record = service_record()
    record["schedules"][0]["service_at_location_id"] = str(uuid.uuid4())
    report = import_services([record])
    assert report.saved
    assert Service.objects.get().schedules.get().service_at_location_id is None
    assert "schedules.service_at_location_id" in {w.field_name for w in report.warnings}


def test_phones_and_contacts_of_a_place_are_reported_as_left_out_not_dropped_quietly(places):
    record = service_record()
    link = record["service_at_locations"][0]
    link["phones"] = [{"id": str(uuid.uuid4()), "number": "0115 496 0999"}]
    link["location"]["contacts"] = [{"id": str(uuid.uuid4()), "name": "Caretaker"}]
    report = import_services([record])
    assert report.saved
    warned = {w.field_name for w in report.warnings}
    assert {"service_at_locations.phones", "location.contacts"} <= warned


def test_a_coordinate_that_is_not_a_number_is_dropped_with_a_warning_not_a_crash(places):
    record = service_record()
    location = record["service_at_locations"][0]["location"]
    location["latitude"], location["longitude"] = "NaN", "sNaN"
    report = import_services([record])
    assert report.saved and not report.rejected
    assert Location.objects.get().latitude is None
    assert {"location.latitude", "location.longitude"} <= {w.field_name for w in report.warnings}
