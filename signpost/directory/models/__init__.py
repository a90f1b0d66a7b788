"""The service directory, shaped on Open Referral (HSDS 3.0) so directories can share it."""

from .feedback import ProblemReport
from .locations import Accessibility, Address, Location
from .organisations import Organisation
from .places import Place, ServiceCoverage
from .service_parts import (
    Contact,
    CostOption,
    Language,
    Phone,
    Schedule,
    ServiceArea,
    ServiceAtLocation,
    ServiceAttribute,
)
from .services import Service
from .taxonomy import Taxonomy, TaxonomyTerm

__all__ = [
    "Accessibility",
    "Address",
    "Contact",
    "CostOption",
    "Language",
    "Location",
    "Organisation",
    "Phone",
    "Place",
    "ProblemReport",
    "Schedule",
    "Service",
    "ServiceArea",
    "ServiceAtLocation",
    "ServiceAttribute",
    "ServiceCoverage",
    "Taxonomy",
    "TaxonomyTerm",
]
