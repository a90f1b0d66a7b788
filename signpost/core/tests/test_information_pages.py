"""Privacy notice, accessibility statement and covering your tracks: on every install."""

import re
from http.cookies import SimpleCookie

from django.urls import reverse

from signpost.core.cookies import site_cookies
from signpost.pages.models import InformationSettings


def test_a_fresh_install_without_the_demo_has_all_three_pages(client, db):
    for name, heading in [
        ("pages:privacy", "Privacy notice"),
        ("pages:accessibility", "Accessibility statement"),
        ("pages:covering_your_tracks", "Covering your tracks"),
    ]:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert f"<h1>{heading}" in response.content.decode()


def test_the_privacy_notice_lists_exactly_the_cookies_in_the_registry(client, home_page):
    body = client.get(reverse("pages:privacy")).content.decode()
    listed = re.findall(r'data-cookie="([^"]+)"', body)
    assert listed == [cookie.name for cookie in site_cookies()]
    assert {"sessionid", "csrftoken", "messages"} <= set(listed)
    for cookie in site_cookies():
        assert cookie.lifetime in body


def test_cookie_lifetimes_follow_the_settings(settings):
    settings.SESSION_COOKIE_AGE = 60 * 60 * 24 * 7
    assert site_cookies()[0].lifetime == "1 week"
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    assert site_cookies()[0].lifetime == "Until you close your browser"


def test_every_cookie_a_visit_sets_is_in_the_registry(client, home_page):
    from signpost.directory.tests.factories import ServiceFactory

    service = ServiceFactory()
    seen: set[str] = set()
    visits = [
        client.get("/"),
        client.get(reverse("directory:search"), {"q": "feeling low"}),
        client.get(reverse("directory:service", args=[service.id])),
        client.post(reverse("directory:my_list_add", args=[service.id])),
        client.get(reverse("directory:my_list")),
        client.post(reverse("core:professionals"), {"show": "yes"}),
        client.get(reverse("directory:report", args=[service.id])),
    ]
    for response in visits:
        seen |= set(SimpleCookie(response.cookies.output(header="")).keys())
    assert "sessionid" in seen
    assert seen <= {cookie.name for cookie in site_cookies()}


def test_the_accessibility_statement_has_the_required_headings_and_editable_text(client, home_page):
    text = InformationSettings.objects.get_or_create(site_id=home_page.get_site().id)[0]
    text.accessibility_feedback = "<p>Email the Kernow team.</p>"
    text.save()
    body = client.get(reverse("pages:accessibility")).content.decode()
    for heading in [
        "Using this website",
        "How accessible this website is",
        "Feedback and contact information",
        "Enforcement procedure",
        "Technical information about this website",
        "Preparation of this accessibility statement",
    ]:
        assert f"<h2>{heading}" in body, heading
    assert "<p>Email the Kernow team.</p>" in body


def test_covering_your_tracks_is_linked_beside_the_exit_control_and_in_the_footer(
    client, home_page
):
    body = client.get("/").content.decode()
    href = f'href="{reverse("pages:covering_your_tracks")}"'
    exit_bar = body.split("Exit this page")[0].split("<body")[1]
    assert href in exit_bar
    assert href in body.split('class="nhsuk-footer"')[1]
    page = client.get(reverse("pages:covering_your_tracks")).content.decode()
    for topic in ["private browsing", "history", "exit", "shared", "call log"]:
        assert topic in page.lower(), topic
