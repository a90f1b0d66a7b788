import pytest

from signpost.directory.models import Place, Service, ServiceAttribute, ServiceCoverage
from signpost.nonprod.demo import load_demo


@pytest.mark.django_db
def test_the_demo_area_loads_over_150_services_tagged_and_placed_and_reloads_cleanly():
    first = load_demo()
    assert first["services"] >= 150
    assert not first["report"].rejected
    mansfield = Place.objects.get(slug="mansfield")
    assert Service.objects.public().covering([mansfield.pk]).count() > 30
    typed = Service.objects.filter(attributes__taxonomy_term__taxonomy__name="support-type")
    assert typed.distinct().count() == Service.objects.count()
    coverage_before = ServiceCoverage.objects.count()
    second = load_demo()
    assert second["services"] == first["services"]
    assert ServiceCoverage.objects.count() == coverage_before


@pytest.mark.django_db
def test_loading_the_demo_again_writes_nothing_when_the_files_are_unchanged():
    load_demo()
    stamps = dict(Service.objects.values_list("id", "updated_at"))
    coverage_ids = set(ServiceCoverage.objects.values_list("id", flat=True))
    again = load_demo()
    assert again["changed"] == 0
    assert again["report"].unchanged["service"] == again["services"]
    assert not again["report"].updated["service"]
    assert dict(Service.objects.values_list("id", "updated_at")) == stamps
    assert set(ServiceCoverage.objects.values_list("id", flat=True)) == coverage_ids


@pytest.mark.django_db
def test_loading_the_demo_again_puts_back_a_tag_staff_removed():
    load_demo()
    attribute = ServiceAttribute.objects.filter(taxonomy_term__taxonomy__name="needs").first()
    service_id, term_id = attribute.service_id, attribute.taxonomy_term_id
    attribute.delete()
    again = load_demo()
    assert again["tags"] == 1
    assert ServiceAttribute.objects.filter(service_id=service_id, taxonomy_term_id=term_id).exists()


@pytest.mark.django_db
def test_the_demo_command_refuses_to_run_outside_a_local_machine(settings):
    from django.core.management import CommandError, call_command

    settings.DEBUG = False
    with pytest.raises(CommandError, match="local machines only"):
        call_command("load_demo_data")
    assert not Service.objects.exists()
