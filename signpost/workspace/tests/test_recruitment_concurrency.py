"""Fifty people answering a poster at once: every reply is stored or clearly refused."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse

from signpost.workspace.models import ExpressionOfInterest, PipelineStep

from .recruitment_factories import CampaignFactory


@pytest.fixture
def site(transactional_db):
    """Pages need a site; a transactional test starts from an empty database."""
    from signpost.nonprod.demo import build_site

    build_site()


def _post_all(url, count, address_for):
    def send(n):
        try:
            client = Client(REMOTE_ADDR=address_for(n))
            data = {
                "preferred_name": f"Person {n}",
                "email": f"p{n}@example.org",
                "contact_by": "email",
                "via": "poster",
            }
            response = client.post(url, data)
            return response.status_code, response.content.decode()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=10) as pool:
        return list(pool.map(send, range(count)))


def test_fifty_replies_at_once_from_different_people_are_all_stored(site, settings):
    cache.clear()
    campaign = CampaignFactory()
    url = reverse("get_involved:form", kwargs={"slug": campaign.slug})
    results = _post_all(url, 50, lambda n: f"10.0.{n // 250}.{n % 250}")
    assert [status for status, _ in results] == [302] * 50
    names = set(ExpressionOfInterest.objects.values_list("preferred_name", flat=True))
    assert names == {f"Person {n}" for n in range(50)}
    assert PipelineStep.objects.count() == 50


def test_fifty_replies_at_once_from_one_address_are_stored_or_clearly_refused(site, settings):
    cache.clear()
    settings.SIGNPOST_INTEREST_PER_HOUR = 5
    campaign = CampaignFactory()
    url = reverse("get_involved:form", kwargs={"slug": campaign.slug})
    results = _post_all(url, 50, lambda n: "192.0.2.50")
    statuses = [status for status, _ in results]
    assert sorted(set(statuses)) == [302, 429]
    assert statuses.count(302) == 5 == ExpressionOfInterest.objects.count()
    refused = [page for status, page in results if status == 429]
    assert all("Please try again in an hour" in page for page in refused)
