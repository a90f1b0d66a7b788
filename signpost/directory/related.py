"""'Related services' on a service page: others the same person could use instead.

Sharing a need is not enough: a page for a service for 11 to 18 year olds in Mansfield must not
suggest a veterans' group, an adults-only service or one that only covers another county. So
a related service shares a need, suits some of the same ages, reaches some of the same places
(or everywhere), and is not aimed at a group this service is not aimed at.
"""

from __future__ import annotations

from uuid import UUID

from django.db.models import Count, Q

from signpost.directory.models import Service, ServiceAttribute, ServiceCoverage
from signpost.directory.models.services import ServiceQuerySet
from signpost.directory.models.taxonomy import AUDIENCE, NEEDS

# Audience terms that are age groups: the age ranges already decide those.
AGE_GROUP_AUDIENCES = frozenset({"children", "young-people", "adults", "older-adults"})


def _term_ids(service: Service, vocabulary: str) -> set[UUID]:
    return {
        a.taxonomy_term_id
        for a in service.attributes.all()
        if a.taxonomy_term.taxonomy.name == vocabulary
    }


def _aimed_at_others(candidates: ServiceQuerySet, service: Service) -> ServiceQuerySet:
    """Leave out services aimed at a group this one is not (veterans, women...), and, when this
    one names age groups, those naming none of them (an adults' group and Childline share
    only the age of 18)."""
    codes = {
        a.taxonomy_term.code
        for a in service.attributes.all()
        if a.taxonomy_term.taxonomy.name == AUDIENCE
    }
    audiences = ServiceAttribute.objects.filter(taxonomy_term__taxonomy__name=AUDIENCE)
    other_groups = audiences.exclude(taxonomy_term__code__in=AGE_GROUP_AUDIENCES | codes)
    candidates = candidates.exclude(id__in=other_groups.values("service_id"))
    age_groups = codes & AGE_GROUP_AUDIENCES
    if not age_groups:
        return candidates
    sharing = audiences.filter(taxonomy_term__code__in=age_groups)
    other_ages = audiences.filter(taxonomy_term__code__in=AGE_GROUP_AUDIENCES).exclude(
        service_id__in=sharing.values("service_id")
    )
    return candidates.exclude(id__in=other_ages.values("service_id"))


def _same_reach(candidates: ServiceQuerySet, service: Service) -> ServiceQuerySet:
    """Services reaching a place this one reaches; for one that reaches everywhere, others
    that do too (a national line's page is read anywhere, so local ones would mislead)."""
    places = list(
        ServiceCoverage.objects.filter(service=service).values_list("place_id", flat=True)
    )
    if None in places:
        return candidates.everywhere()
    return candidates.covering(places)


def related_services(service: Service, limit: int = 4) -> list[Service]:
    """Public services sharing a need, for overlapping ages and places, most needs shared first."""
    need_ids = _term_ids(service, NEEDS)
    if not need_ids:
        return []
    candidates = (
        Service.objects.public()
        .exclude(id=service.id)
        .for_ages(service.minimum_age, service.maximum_age)
    )
    candidates = _aimed_at_others(_same_reach(candidates, service), service)
    return list(
        candidates.annotate(
            shared=Count("attributes", filter=Q(attributes__taxonomy_term_id__in=need_ids))
        )
        .filter(shared__gt=0)
        .order_by("-shared", "name")
        .select_related("organisation")[:limit]
    )
