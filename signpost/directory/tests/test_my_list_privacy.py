"""'My list' keeps no longer than it says, empties in one press, and keeps its count quiet."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from signpost.directory.my_list import CHANGED_AT_KEY, SESSION_KEY, VISIT

from .factories import ServiceFactory


@pytest.fixture
def service(db, home_page):
    return ServiceFactory(name="Quiet Room")


def save(client, service):
    # Follow to the list page, so the "added" message is shown and gone before we look.
    return client.post(reverse("directory:my_list_add", args=[service.id]), follow=True)


def backdate_last_change(client, by: dt.timedelta) -> None:
    session = client.session
    session[CHANGED_AT_KEY] = (timezone.now() - by).isoformat()
    session.save()


def nav_of(client) -> str:
    body = client.get(reverse("core:urgent_help")).content.decode()
    return body.split('aria-label="Main menu"')[1].split("</nav>")[0]


def test_the_page_states_how_long_the_list_is_kept_from_settings(client, service, settings):
    settings.SIGNPOST_MY_LIST_KEEP_DAYS = 3
    save(client, service)
    body = client.get(reverse("directory:my_list")).content.decode()
    assert "We keep your list for 3 days after you last change it" in body


def test_a_list_older_than_the_stated_period_is_gone_though_the_session_lives_on(
    client, service, settings
):
    settings.SIGNPOST_MY_LIST_KEEP_DAYS = 7
    save(client, service)
    backdate_last_change(client, dt.timedelta(days=7, minutes=1))
    body = client.get(reverse("directory:my_list")).content.decode()
    assert "Quiet Room" not in body
    assert "You have not saved any services yet" in body
    # Gone from the stored session too, not just hidden.
    assert SESSION_KEY not in client.session


def test_a_list_within_the_stated_period_is_kept(client, service, settings):
    settings.SIGNPOST_MY_LIST_KEEP_DAYS = 7
    save(client, service)
    backdate_last_change(client, dt.timedelta(days=6, hours=23))
    assert "Quiet Room" in client.get(reverse("directory:my_list")).content.decode()


def test_each_change_restarts_the_period(client, service, settings):
    settings.SIGNPOST_MY_LIST_KEEP_DAYS = 7
    save(client, service)
    backdate_last_change(client, dt.timedelta(days=6))
    save(client, ServiceFactory(name="Second Place"))
    backdate_last_change(client, dt.timedelta(days=2))
    body = client.get(reverse("directory:my_list")).content.decode()
    assert "Quiet Room" in body and "Second Place" in body


def test_clear_my_list_empties_it_in_one_post(client, service):
    save(client, service)
    save(client, ServiceFactory(name="Second Place"))
    response = client.post(reverse("directory:my_list_clear"), follow=True)
    body = response.content.decode()
    assert "Your list is now empty" in body
    assert "Quiet Room" not in body and "Second Place" not in body
    assert SESSION_KEY not in client.session


def test_the_list_page_offers_a_clear_button_that_posts(client, service):
    save(client, service)
    body = client.get(reverse("directory:my_list")).content.decode()
    form = body.split(f'action="{reverse("directory:my_list_clear")}"')
    assert len(form) == 2 and 'method="post"' in form[0].rsplit("<form", 1)[1]
    assert "Clear my list</button>" in form[1]


def test_clearing_by_get_is_not_allowed(client, service):
    assert client.get(reverse("directory:my_list_clear")).status_code == 405


def test_the_navigation_shows_the_count_just_after_saving(client, service):
    save(client, service)
    assert "My list (1)" in nav_of(client)


def test_the_navigation_hides_the_count_once_the_visit_is_over(client, service):
    save(client, service)
    backdate_last_change(client, VISIT + dt.timedelta(minutes=1))
    nav = nav_of(client)
    assert "My list (" not in nav
    assert "My list" in nav
    # The list itself is still there for the person who saved it.
    assert "Quiet Room" in client.get(reverse("directory:my_list")).content.decode()
