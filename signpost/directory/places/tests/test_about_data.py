"""The public page naming where the place data comes from, as its licences require."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_about_data_page_gives_each_source_its_attribution(client, home_page):
    response = client.get("/about-data/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Contains OS data © Crown copyright and database right 2025" in body
    assert "Open Government Licence v3.0" in body
    assert "mySociety" in body and "GeoNames" in body
    assert body.count("Creative Commons Attribution 4.0") == 2


def test_every_public_page_links_to_it_from_the_footer(client, home_page):
    body = client.get("/services/").content.decode()
    assert 'href="/about-data/"' in body
