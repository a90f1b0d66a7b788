"""Urgent help: hours and open-now, ages, nations, and numbers that come only from settings."""

import datetime as dt

from django.db.utils import OperationalError
from django.test import Client
from django.urls import reverse

from signpost.core import urgent_contacts
from signpost.core.models import SiteSettings

UTC = dt.UTC


def _weekday_window(opens: str, closes: str, days=("mon", "tue", "wed", "thu", "fri")):
    return {
        "days": list(days),
        "opens": dt.time.fromisoformat(opens),
        "closes": dt.time.fromisoformat(closes),
    }


def _line(name: str, number: str, **extra) -> dict:
    return {
        "name": name,
        "action": "call",
        "number": number,
        "message": "",
        "description": f"{name} description.",
        "show_in_banner": True,
        "banner_label": "",
        "open_24_hours": False,
        "opening_times": [],
        "min_age": None,
        "max_age": None,
        **extra,
    }


def test_open_now_is_worked_out_in_london_time_not_utc():
    line = _line("Day line", "0800 000 0001", opening_times=[_weekday_window("09:00", "17:00")])
    # 08:30 UTC on a Monday in July is 09:30 in London (BST): open.
    assert urgent_contacts.open_now(line, dt.datetime(2026, 7, 6, 8, 30, tzinfo=UTC)) is True
    # 16:30 UTC is 17:30 in London: closed, though 16:30 would be inside the hours.
    assert urgent_contacts.open_now(line, dt.datetime(2026, 7, 6, 16, 30, tzinfo=UTC)) is False
    # Saturday: closed.
    assert urgent_contacts.open_now(line, dt.datetime(2026, 7, 11, 10, 0, tzinfo=UTC)) is False


def test_an_overnight_window_is_open_after_midnight_into_the_next_day():
    line = _line("Night line", "0800 000 0002", opening_times=[_weekday_window("18:00", "02:00")])
    friday_1am = dt.datetime(2026, 1, 10, 1, 0, tzinfo=UTC)  # Saturday 01:00, after Friday
    assert urgent_contacts.open_now(line, friday_1am) is True
    sunday_1am = dt.datetime(2026, 1, 11, 1, 0, tzinfo=UTC)  # after Saturday: not listed
    assert urgent_contacts.open_now(line, sunday_1am) is False
    assert urgent_contacts.hours_lines(line) == ["Monday to Friday, 6pm to 2am"]


def test_every_default_line_is_open_24_hours_in_every_nation():
    for nation, _ in urgent_contacts.NATIONS:
        for contact in urgent_contacts.nation_defaults(nation):
            assert urgent_contacts.hours_lines(contact) == ["24 hours, every day"]
            assert urgent_contacts.open_now(contact) is True


def test_contacts_for_an_age_put_general_lines_first_and_drop_ones_that_do_not_fit(home_page):
    site_settings = SiteSettings.objects.get()
    site_settings.urgent_help = urgent_contacts.as_stream(
        [
            _line("Young people's line", "0800 000 0003", max_age=18),
            _line("Anyone", "0800 000 0004"),
        ]
    )
    site_settings.save()
    names = lambda age: [c["name"] for c in site_settings.contacts_for(age)]  # noqa: E731
    assert names(15) == ["Anyone", "Young people's line"]
    assert names(None) == ["Anyone", "Young people's line"]
    assert names(40) == ["Anyone"]


def test_the_urgent_help_page_says_when_each_contact_is_open(client, home_page):
    site_settings = SiteSettings.objects.get()
    always = _weekday_window("00:00", "00:00", days=[c for c, _ in urgent_contacts.DAYS])
    site_settings.urgent_help = urgent_contacts.as_stream(
        [
            *urgent_contacts.nation_defaults("england"),
            _line("Evening line", "0800 000 0005", opening_times=[always]),
            _line(
                "Never line",
                "0800 000 0006",
                opening_times=[_weekday_window("09:00", "17:00", days=[])],
            ),
        ]
    )
    site_settings.save()
    body = client.get(reverse("core:urgent_help")).content.decode()
    samaritans = body.split('data-contact="116 123"')[1].split("</li>")[0]
    assert "24 hours, every day" in samaritans and "Open now" in samaritans
    childline = body.split('data-contact="0800 1111"')[1].split("</li>")[0]
    assert "Under 19s" in childline and "Open now" in childline
    evening = body.split('data-contact="0800 000 0005"')[1].split("</li>")[0]
    assert "Every day, midnight to midnight" in evening and "Open now" in evening
    never = body.split('data-contact="0800 000 0006"')[1].split("</li>")[0]
    assert "Closed now" in never


def test_choosing_scotland_fills_in_nhs_24_and_every_page_shows_it(client, home_page):
    site_settings = SiteSettings.objects.get()
    site_settings.nation = "scotland"
    site_settings.save()
    for path in ["/", reverse("core:urgent_help"), reverse("pages:privacy"), "/no-such-page/"]:
        body = client.get(path).content.decode()
        assert "NHS 24 on 111" in body, path
        assert "option 2" not in body, path


def test_northern_ireland_gets_lifeline_and_edited_contacts_survive_a_nation_change(home_page):
    site_settings = SiteSettings.objects.get()
    site_settings.nation = "northern_ireland"
    site_settings.save()
    assert "0808 808 8000" in [c["number"] for c in site_settings.urgent_contacts()]
    site_settings.urgent_help = urgent_contacts.as_stream([_line("Our own line", "0800 000 0007")])
    site_settings.save()
    site_settings.nation = "wales"
    site_settings.save()
    assert [c["name"] for c in site_settings.urgent_contacts()] == ["Our own line"]


def test_changing_the_contacts_changes_the_footer_and_search_help(client, home_page):
    site_settings = SiteSettings.objects.get()
    site_settings.urgent_help = urgent_contacts.as_stream([_line("Area line", "0800 000 0008")])
    site_settings.save()
    body = client.get(reverse("directory:search"), {"q": "qqqzzzxxy nothingmatches"}).content
    text = body.decode()
    footer = text.split('class="nhsuk-footer"')[1]
    assert 'href="tel:08000000008"' in footer and "tel:111" not in footer
    main = text.split("<main")[1].split("</main>")[0]
    assert 'href="tel:08000000008"' in main and "option 2" not in main


def test_no_results_help_starts_with_general_lines_and_childline_only_for_the_young(
    client, home_page
):
    def help_names(age: str) -> list[str]:
        text = client.get(
            reverse("directory:search"), {"q": "qqqzzzxxy nothingmatches", "age": age}
        ).content.decode()
        section = text.split("Talk to someone now")[1].split("</ul>")[0]
        return [
            n
            for n in ["999", "111", "116123", "85258", "08001111"]
            if f"tel:{n}" in section or f"sms:{n}" in section
        ]

    assert help_names("15") == ["999", "111", "116123", "85258", "08001111"]
    assert help_names("45") == ["999", "111", "116123", "85258"]


def test_the_500_page_shows_the_last_settings_read_when_the_database_is_down(
    home_page, monkeypatch
):
    site_settings = SiteSettings.objects.get()
    site_settings.nation = "northern_ireland"
    site_settings.save()
    client = Client(raise_request_exception=False)
    assert client.get(reverse("core:urgent_help")).status_code == 200

    def unreachable(*args, **kwargs):
        raise OperationalError("could not connect to server")

    with monkeypatch.context() as patch:
        patch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", unreachable)
        response = client.get(reverse("core:urgent_help"))
    assert response.status_code == 500
    body = response.content.decode()
    assert "Lifeline" in body and 'href="tel:08088088000"' in body
    assert "option 2" not in body


def test_the_500_page_falls_back_to_the_code_defaults_before_any_read(monkeypatch):
    monkeypatch.setattr(urgent_contacts, "_last_known", None)
    # No `db` fixture: any database access here fails, as if the database were down.
    response = Client(raise_request_exception=False).get(reverse("core:urgent_help"))
    assert response.status_code == 500
    body = response.content.decode()
    assert 'href="tel:111"' in body and "Samaritans" in body
