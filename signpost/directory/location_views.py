"""A service's places as the public may see them: no street address when it is hidden."""

from __future__ import annotations

from dataclasses import dataclass

from signpost.directory.models import Location, Service


@dataclass
class LocationView:
    """A location as the public may see it: no street address when it is hidden."""

    name: str
    lines: list[str]
    map_url: str
    accessibility: list[str]
    hidden: bool
    virtual: bool


def _address_lines(location: Location) -> list[str]:
    """The street address, or only the town and postcode district when it is hidden."""
    address = location.public_address()
    if address is None:
        return []
    if location.hide_address:
        parts = [address.city, address.postcode_district]
    else:
        parts = [address.address_1, address.address_2, address.city, address.postal_code]
    return [p for p in parts if p]


def location_views(service: Service) -> list[LocationView]:
    """Each of the service's places, in order, as the service page shows them."""
    views = []
    for link in service.service_at_locations.all():
        location = link.location
        views.append(
            LocationView(
                name=location.name,
                lines=_address_lines(location),
                map_url=location.map_url(),
                accessibility=[a.description or a.details for a in location.accessibility.all()],
                hidden=location.hide_address,
                virtual=location.is_virtual,
            )
        )
    return views
