import pytest

from signpost.directory.models import Place, Service, ServiceCoverage
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
def test_the_demo_command_refuses_to_run_outside_a_local_machine(settings):
    from django.core.management import CommandError, call_command

    settings.DEBUG = False
    with pytest.raises(CommandError, match="local machines only"):
        call_command("load_demo_data")
    assert not Service.objects.exists()
