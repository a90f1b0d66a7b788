"""'Back to results' on a service page returns to the same search, and only to our search."""

from html import unescape
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.urls import reverse

from signpost.directory.back_link import search_query

from .factories import ServiceFactory, TaxonomyFactory, TermFactory


@pytest.fixture
def service(db, home_page):
    return ServiceFactory(name="Calm Corner")


def page_url(service, back=None):
    url = reverse("directory:service", args=[service.id])
    return url + "?" + urlencode({"back": back}) if back is not None else url


def back_href(body):
    nav = body.split('class="nhsuk-back-link"')[1].split("</nav>")[0]
    return unescape(nav.split('href="')[1].split('"')[0]), nav


SEARCH = "q=worried+all+the+time&age=15&where=Mansfield&need=anxiety&need=sleep&free=on&page=3"


def test_the_back_link_returns_to_the_same_words_filters_place_age_and_page(client, service):
    href, nav = back_href(client.get(page_url(service, SEARCH)).content.decode())
    assert "Back to results" in nav
    parts = urlsplit(href)
    assert parts.path == reverse("directory:search")
    assert parse_qsl(parts.query) == parse_qsl(SEARCH)


def test_without_a_search_the_back_link_goes_to_the_search_page(client, service):
    href, nav = back_href(client.get(page_url(service)).content.decode())
    assert href == reverse("directory:search")
    assert "Find support" in nav


@pytest.mark.parametrize(
    "back",
    [
        "https://evil.example/?q=x",
        "//evil.example/services/",
        "next=https://evil.example&q=\x00",
        "javascript:alert(1)",
    ],
)
def test_the_back_link_never_leads_off_the_search_page(client, service, back):
    href, _ = back_href(client.get(page_url(service, back)).content.decode())
    assert urlsplit(href).path == reverse("directory:search")
    assert not urlsplit(href).netloc
    assert "evil" not in href


def test_unknown_parameters_are_dropped_and_values_are_cut_to_size():
    kept = parse_qsl(search_query("q=" + "a" * 500 + "&utm_source=mail&session=1&age=15"))
    assert kept == [("q", "a" * 200), ("age", "15")]
    assert search_query("q=" + "a" * 3000) == ""
    assert len(parse_qsl(search_query("&".join(["need=x"] * 100)))) == 30


def test_saving_the_service_keeps_the_back_link(client, service):
    url = page_url(service, SEARCH)
    response = client.post(
        reverse("directory:my_list_add", args=[service.id]), {"next": url}, follow=True
    )
    href, nav = back_href(response.content.decode())
    assert "Back to results" in nav
    assert parse_qsl(urlsplit(href).query) == parse_qsl(SEARCH)


def test_related_service_links_keep_the_search_to_go_back_to(client, service):
    need = TermFactory(taxonomy=TaxonomyFactory(name="needs"), code="sleep", name="Sleep")
    service.attributes.model.objects.create(service=service, taxonomy_term=need)
    other = ServiceFactory(name="Night Owls", terms=[need])
    body = client.get(page_url(service, SEARCH)).content.decode()
    link = unescape(body.split("Night Owls")[0].rsplit('href="', 1)[1].split('"')[0])
    parts = urlsplit(link)
    assert parts.path == reverse("directory:service", args=[other.id])
    assert parse_qsl(dict(parse_qsl(parts.query))["back"]) == parse_qsl(SEARCH)
