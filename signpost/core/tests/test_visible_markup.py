"""No public page shows markup as text (escaped rich text showed '<p>' on /about/)."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from wagtail.models import Page

from signpost.pages.models import InformationPage

MARKUP_SIGNS = ["<p", "</", "<br", "<strong", "&lt;", "&gt;", "&amp;", "&quot;", "&#"]


class _VisibleText(HTMLParser):
    """Collects the text a person would see: no scripts, styles or attribute values."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.chunks.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(parser.chunks)


def test_visible_text_finds_escaped_markup():
    assert "<p" in visible_text("<main>&lt;p&gt;Hello&lt;/p&gt;</main>")
    assert "<p" not in visible_text("<main><p>Hello</p></main>")


@pytest.fixture
def every_public_path(home_page):
    from signpost.directory.tests.factories import ServiceFactory, add_phone

    # Rich text with the characters that go wrong when escaped twice.
    home_page.add_child(
        instance=InformationPage(
            title="Looking after yourself",
            slug="looking-after-yourself",
            summary="Sleep & rest",
            body=[
                ("text", "<p>Eat well &amp; sleep.</p><ul><li>Walk</li></ul>"),
                ("inset", "Talk to someone you trust & tell them."),
            ],
        )
    )
    service = ServiceFactory(name="Talking & listening", description="Groups & one-to-one.")
    add_phone(service)
    pages = [p.url for p in Page.objects.live().filter(depth__gte=2).specific() if p.url]
    return [
        *pages,
        reverse("directory:search"),
        reverse("directory:search") + "?q=talking",
        reverse("directory:search") + "?q=qqqzzzxxy",
        reverse("directory:service", args=[service.id]),
        reverse("directory:report", args=[service.id]),
        reverse("directory:my_list"),
        reverse("core:urgent_help"),
        reverse("core:professionals"),
        reverse("pages:privacy"),
        reverse("pages:accessibility"),
        reverse("pages:covering_your_tracks"),
        reverse("directory:about_data"),
        "/no-such-page/",
    ]


def test_no_public_page_shows_markup_in_its_visible_text(client, every_public_path):
    assert "/about/" in every_public_path
    for path in every_public_path:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        text = visible_text(response.content.decode())
        shown = [sign for sign in MARKUP_SIGNS if sign in text]
        assert not shown, f"{path} shows {shown}"
