"""Languages are named in their own language too, marked up so screen readers say them right."""

import pytest
from django.urls import reverse

from signpost.directory.languages import ENDONYMS, language_name, normalise_code
from signpost.directory.models import Language
from signpost.directory.presenters import language_choices

from .factories import ServiceFactory


@pytest.mark.parametrize(
    ("code", "name", "label"),
    [
        ("pl", "Polish", "Polski (Polish)"),
        ("cy", "Welsh", "Cymraeg (Welsh)"),
        ("ar", "Arabic", "العربية (Arabic)"),
        ("POL", "Polish", "Polski (Polish)"),
        ("pt-BR", "Portuguese", "Português (Portuguese)"),
        ("zh", "Chinese (Mandarin)", "中文 (Chinese, Mandarin)"),
        ("en", "English", "English"),
        ("bfi", "British Sign Language", "British Sign Language"),
        ("xx", "Klingon", "Klingon"),
        ("", "Makaton", "Makaton"),
    ],
)
def test_label_gives_the_endonym_then_the_english_name(code, name, label):
    assert language_name(code, name).label == label


def test_right_to_left_scripts_are_marked_so():
    assert language_name("ur", "Urdu").rtl
    assert language_name("fa", "Farsi").rtl
    assert not language_name("pl", "Polish").rtl


def test_three_letter_codes_become_the_shortest_tag():
    assert normalise_code("urd") == "ur"
    assert normalise_code("wel") == "cy"
    assert normalise_code("prs") == "prs"
    assert normalise_code("not a code") == ""


def test_the_table_covers_the_languages_uk_services_commonly_offer():
    for code in ["bfi", "pl", "ur", "pa", "bn", "gu", "ar", "ro", "pt", "so", "ti", "ku", "ps"]:
        assert code in ENDONYMS
    for code in ["prs", "fa", "uk", "ru", "zh", "yue", "cmn", "cy", "gd", "ga", "lt", "lv"]:
        assert code in ENDONYMS
    for code in ["tr", "ta", "hi", "ne", "fr", "es", "it", "sq", "am", "vi"]:
        assert code in ENDONYMS
    assert len(ENDONYMS) >= 40


@pytest.fixture
def service(db, home_page):
    service = ServiceFactory(name="Many Voices")
    Language.objects.create(service=service, code="en", name="English")
    Language.objects.create(service=service, code="pl", name="Polish", note="Tuesdays only")
    Language.objects.create(service=service, code="ar", name="Arabic")
    return service


def test_the_service_page_marks_each_endonym_with_its_language(client, service):
    body = client.get(reverse("directory:service", args=[service.id])).content.decode()
    section = body.split("<h2>Languages</h2>")[1].split("<h2>")[0]
    assert '<span lang="pl">Polski</span> (Polish): Tuesdays only' in section
    assert '<span lang="ar" dir="rtl">العربية</span> (Arabic)' in section
    assert "<li>English</li>" in section


def test_the_language_filter_labels_give_the_endonym(service):
    assert ("pl", "Polski (Polish)") in language_choices()
    assert ("en", "English") in language_choices()
