"""Factories for directory tests: small, explicit services."""

from __future__ import annotations

import factory

from signpost.directory.models import (
    Address,
    Location,
    Organisation,
    Phone,
    Place,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceAttribute,
    Taxonomy,
    TaxonomyTerm,
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    description = "A test organisation."


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"place-{n}")
    name = factory.Sequence(lambda n: f"Place {n}")
    kind = "town"


class TaxonomyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Taxonomy
        django_get_or_create = ("name",)

    name = "needs"
    description = "What people need help with."


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaxonomyTerm

    taxonomy = factory.SubFactory(TaxonomyFactory)
    code = factory.Sequence(lambda n: f"term-{n}")
    name = factory.Sequence(lambda n: f"Term {n}")
    description = "A term."


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    description = "Support for people who need it."
    status = "active"

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        """areas=['Mansfield district', ...] adds service areas and refreshes coverage."""
        for name in extracted or []:
            ServiceArea.objects.create(service=self, name=name)
        if create:
            self.save()

    @factory.post_generation
    def terms(self, create, extracted, **kwargs):
        for term in extracted or []:
            ServiceAttribute.objects.create(service=self, taxonomy_term=term)


def add_location(
    service: Service,
    *,
    city: str = "Mansfield",
    postcode: str = "NG18 1AA",
    hide_address: bool = False,
    virtual: bool = False,
) -> Location:
    """Give a service a location (and address), then refresh its coverage."""
    location = Location.objects.create(
        name=f"{city} centre",
        location_type="virtual" if virtual else "physical",
        hide_address=hide_address,
    )
    if not virtual:
        Address.objects.create(
            location=location,
            address_1="1 Secret Street",
            city=city,
            postal_code=postcode,
            state_province="Nottinghamshire",
        )
    ServiceAtLocation.objects.create(service=service, location=location)
    service.save()
    return location


def add_schedule(service: Service, **fields) -> Schedule:
    return Schedule.objects.create(service=service, **fields)


def add_phone(service: Service, number: str = "0115 496 0000", type: str = "voice") -> Phone:
    return Phone.objects.create(service=service, number=number, type=type)


def build_gazetteer() -> dict[str, Place]:
    """A tiny gazetteer tree: UK > England > Nottinghamshire > Mansfield district > Mansfield
    > NG18 and NG19; Nottingham (a city council area) > Nottingham > NG1 and NG7."""
    uk = PlaceFactory(slug="united-kingdom", name="United Kingdom", kind="nation")
    england = PlaceFactory(slug="england", name="England", kind="nation", parent=uk)
    county = PlaceFactory(
        slug="notts",
        name="Nottinghamshire",
        kind="county",
        parent=england,
        aliases=["Nottinghamshire County Council"],
    )
    city = PlaceFactory(
        slug="nottingham-city", name="Nottingham City", kind="council", parent=england
    )
    PlaceFactory(
        slug="notts-and-nottingham",
        name="Nottingham and Nottinghamshire",
        kind="area",
    ).contains.add(county, city)
    district = PlaceFactory(
        slug="mansfield-district", name="Mansfield district", kind="council", parent=county
    )
    mansfield = PlaceFactory(
        slug="mansfield", name="Mansfield", parent=district, latitude=53.14, longitude=-1.2
    )
    nottingham = PlaceFactory(
        slug="nottingham", name="Nottingham", parent=city, latitude=52.95, longitude=-1.15
    )
    for code, town in [("NG18", mansfield), ("NG19", mansfield), ("NG1", nottingham)]:
        PlaceFactory(slug=f"postcode-{code.lower()}", name=code, kind="postcode", parent=town)
    PlaceFactory(slug="postcode-ng7", name="NG7", kind="postcode", parent=nottingham)
    return {
        "uk": uk,
        "england": england,
        "county": county,
        "district": district,
        "mansfield": mansfield,
        "nottingham": nottingham,
    }
