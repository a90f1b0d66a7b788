"""The header and the professional banner: the toggle returns to the page you were on."""

import html
import re

import pytest
from django.urls import reverse

from signpost.directory.tests.factories import ServiceFactory

PROFESSIONALS = "/professionals/"


@pytest.fixture
def service_path(db, home_page):
    return reverse("directory:service", args=[ServiceFactory(name="Quiet Room").id])


def hidden_next(body: str) -> str | None:
    found = re.search(r'<input type="hidden" name="next" value="([^"]*)"', body)
    return html.unescape(found.group(1)) if found else None


def test_the_professionals_page_carries_next_into_its_form(client, service_path):
    body = client.get(PROFESSIONALS, {"next": service_path}).content.decode()
    assert hidden_next(body) == service_path


def test_the_professionals_page_drops_a_next_that_leaves_the_site(client, home_page):
    body = client.get(PROFESSIONALS, {"next": "https://evil.example/"}).content.decode()
    assert hidden_next(body) is None
    assert "evil.example" not in body


def test_switching_on_returns_to_the_page_you_came_from(client, service_path):
    response = client.post(PROFESSIONALS, {"show": "yes", "next": service_path})
    assert response.status_code == 302
    assert response["Location"] == service_path


def test_the_banners_switch_off_posts_back_to_the_same_page(client, service_path):
    client.post(PROFESSIONALS, {"show": "yes"})
    page = f"{service_path}?back=q%3Dsleep"
    body = client.get(page).content.decode()
    banner = body.split('class="sp-pro-banner"')[1].split("</form>")[0]
    assert 'method="post"' in banner and f'action="{PROFESSIONALS}"' in banner
    assert hidden_next(banner) == page
    response = client.post(PROFESSIONALS, {"show": "no", "next": hidden_next(banner)})
    assert response["Location"] == page
    assert 'class="sp-pro-banner"' not in client.get(page).content.decode()


def test_the_header_link_for_professionals_carries_the_current_page(client, service_path):
    body = client.get(service_path).content.decode()
    nav = body.split('aria-label="Main menu"')[1].split("</nav>")[0]
    assert f'href="{PROFESSIONALS}?next={service_path}"' in nav


def test_the_exit_control_is_in_its_own_bar_outside_the_scrolling_strip(client, home_page):
    # The bar must be a direct child of <body> for CSS sticky to keep it on screen all the way
    # down the page; inside the urgent strip it would scroll away with the strip.
    body = client.get(reverse("core:urgent_help")).content.decode()
    bar = body.index('class="sp-exit-bar"')
    strip = body.index('class="sp-urgent"')
    assert bar < strip
    assert "Exit this page" in body[bar:strip]
