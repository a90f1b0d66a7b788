"""The printable poster: one A4 page with the group's details and a QR code to the form."""

import base64
import datetime as dt
import re
import zlib

import pytest
from django.urls import reverse
from reportlab.graphics.barcode.qr import QrCodeWidget

from signpost.workspace.models import Role
from signpost.workspace.recruitment import poster
from signpost.workspace.recruitment.meeting_time import slot_in_words

from .factories import member_of
from .recruitment_factories import CampaignFactory

pytestmark = pytest.mark.django_db


def page_text(pdf: bytes) -> str:
    """The PDF's content streams, inflated, so drawn text can be searched."""
    streams = re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.DOTALL)
    texts = []
    for stream in streams:
        data = stream.strip()
        if data.endswith(b"~>"):  # reportlab writes ASCII85 around the deflated bytes
            data = base64.a85decode(data[:-2].replace(b"\n", b""))
        try:
            texts.append(zlib.decompress(data).decode("latin-1"))
        except zlib.error:
            texts.append(data.decode("latin-1"))
    return "\n".join(texts)


def test_the_poster_is_one_a4_page_with_the_groups_details(client):
    campaign = CampaignFactory(payment_text="Paid £20 a meeting")
    client.force_login(member_of(campaign.group, role=Role.FACILITATOR))
    response = client.get(reverse("workspace:recruitment:poster", args=[campaign.slug]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") == 1
    assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in pdf
    text = page_text(pdf)
    for words in (
        "Help shape our website",
        "read draft pages",
        "Second Tuesday of each month",
        "Paid",
        "Call Sam",
        "Scan the code",
    ):
        assert words in text, words


def test_the_qr_code_points_at_the_form_with_the_poster_as_channel(client, monkeypatch):
    encoded = []

    class Spy(QrCodeWidget):
        def __init__(self, value, **kwargs):
            encoded.append(value)
            super().__init__(value, **kwargs)

    monkeypatch.setattr(poster, "QrCodeWidget", Spy)
    campaign = CampaignFactory()
    client.force_login(member_of(campaign.group, role=Role.FACILITATOR))
    pdf = client.get(reverse("workspace:recruitment:poster", args=[campaign.slug])).content
    url = f"http://testserver/get-involved/{campaign.slug}/?via=poster"
    assert encoded == [url]
    text = page_text(pdf)
    assert url in text  # also printed, for people who cannot scan
    assert text.count(" re") > 100  # the code's modules are drawn


def test_only_the_projects_facilitators_can_print_it(client):
    campaign = CampaignFactory()
    client.force_login(member_of(campaign.group))
    assert (
        client.get(reverse("workspace:recruitment:poster", args=[campaign.slug])).status_code == 404
    )


def test_a_fixed_slot_is_said_in_plain_words():
    assert slot_in_words("FREQ=MONTHLY;BYDAY=2TU", dt.time(14), 90) == (
        "The second Tuesday of each month, 2pm to 3:30pm"
    )
    assert (
        slot_in_words("FREQ=WEEKLY;BYDAY=TH", dt.time(11, 30), 30)
        == "Every Thursday, 11:30am to midday"
    )
    assert slot_in_words("FREQ=YEARLY", dt.time(9), 60) == ""
