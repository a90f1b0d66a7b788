import re

import pytest
from django.urls import reverse

from signpost.core.models import SiteSettings

PUBLIC_PATHS = ["/", "/urgent-help/", "/services/", "/my-list/", "/professionals/", "/about/"]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_load_nothing_from_other_hosts(client, home_page, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    html = response.content.decode()
    # Every stylesheet, script, image, font and frame is from this site.
    sources = re.findall(r'<(?:script|img|iframe|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources, "expected some assets"
    assert all(not re.match(r"^(https?:)?//", src) for src in sources), sources


def test_urgent_help_numbers_come_from_site_settings(client, home_page):
    settings_obj = SiteSettings.objects.get()
    settings_obj.urgent_help = [
        (
            "contact",
            {
                "name": "Local crisis line",
                "action": "call",
                "number": "0800 123 4567",
                "message": "",
                "description": "Our own line.",
                "show_in_banner": True,
            },
        )
    ]
    settings_obj.save()
    body = client.get("/").content.decode()
    assert 'href="tel:08001234567"' in body
    assert "Samaritans" not in body.split("<main")[0]


def test_site_name_and_area_are_the_areas_own(client, home_page):
    settings_obj = SiteSettings.objects.get()
    settings_obj.site_name = "Kernow Mind Map"
    settings_obj.area_name = "Cornwall"
    settings_obj.save()
    body = client.get(reverse("core:urgent_help")).content.decode()
    assert "Kernow Mind Map" in body
    assert "Cornwall" in body


def test_the_professional_toggle_refuses_to_redirect_off_site(client, home_page):
    response = client.post(
        reverse("core:professionals"), {"show": "yes", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("core:professionals")


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_lists(client, db):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body and "Disallow: /my-list/" in body


def test_the_admin_is_not_given_the_public_csp_but_is_protected(client, db):
    response = client.get("/admin/login/")
    # The admin's own sign-in now sends people to ours (ADR 008).
    assert response.status_code == 302
    # The admin gets its own policy (ADR 013): this site only, with Wagtail's inline scripts.
    csp = response["Content-Security-Policy"]
    assert "'unsafe-inline'" in csp and "default-src 'self'" in csp


def test_the_components_page_is_hidden_on_live_sites(client, home_page, settings):
    settings.SIGNPOST_COMPONENTS_PAGE = False
    assert client.get("/components/").status_code == 404
