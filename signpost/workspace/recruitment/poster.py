"""A printable A4 poster for a campaign, with a QR code to its expression-of-interest form.

Built with reportlab alone (its own QR widget), so it needs nothing beyond PyPI. The QR code
carries `?via=poster`, so replies from the poster are counted as the poster's.
"""

from __future__ import annotations

from io import BytesIO

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from signpost.workspace.models import Campaign

from .meeting_time import meeting_time

NHS_BLUE, TEXT = HexColor("#005eb8"), HexColor("#212b32")
MARGIN, QR_SIZE = 50, 170
WIDTH, HEIGHT = A4


def poster_pdf(campaign: Campaign, form_url: str) -> bytes:
    """The campaign's poster as PDF bytes: one A4 page."""
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(campaign.headline)
    canvas.setAuthor(campaign.project.name)
    top = _header(canvas, campaign)
    for heading, text in poster_sections(campaign):
        top = _section(canvas, heading, text, top)
    _qr(canvas, form_url)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def poster_sections(campaign: Campaign) -> list[tuple[str, str]]:
    """The poster's headings and words, in order; empty ones are left out."""
    sections = [
        ("What the group is for", campaign.purpose),
        ("What members do", campaign.what_members_do),
        ("When we meet", meeting_time(campaign)),
        ("Payment for your time", campaign.payment_text),
        ("Questions?", campaign.contact_text),
    ]
    return [(heading, text) for heading, text in sections if text.strip()]


def _header(canvas: Canvas, campaign: Campaign) -> float:
    canvas.setFillColor(NHS_BLUE)
    canvas.rect(0, HEIGHT - 150, WIDTH, 150, stroke=0, fill=1)
    canvas.setFillColor(white)
    lines = simpleSplit(campaign.headline, "Helvetica-Bold", 30, WIDTH - 2 * MARGIN)[:2]
    y = HEIGHT - 70
    for line in lines:
        canvas.setFont("Helvetica-Bold", 30)
        canvas.drawString(MARGIN, y, line)
        y -= 36
    canvas.setFont("Helvetica", 14)
    canvas.drawString(MARGIN, HEIGHT - 135, campaign.project.name)
    return HEIGHT - 190


def _section(canvas: Canvas, heading: str, text: str, top: float) -> float:
    """A heading and its wrapped words; stops short of the QR code's corner."""
    canvas.setFillColor(TEXT)
    canvas.setFont("Helvetica-Bold", 19)
    canvas.drawString(MARGIN, top, heading)
    top -= 24
    canvas.setFont("Helvetica", 15)
    for line in simpleSplit(" ".join(text.split()), "Helvetica", 15, WIDTH - 2 * MARGIN)[:6]:
        if top < MARGIN + QR_SIZE + 40:
            break
        canvas.drawString(MARGIN, top, line)
        top -= 20
    return top - 18


def _qr(canvas: Canvas, url: str) -> None:
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0]
    )
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, WIDTH - MARGIN - QR_SIZE, MARGIN + 10)
    canvas.setFillColor(TEXT)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(MARGIN, MARGIN + 120, "Interested? Scan the code,")
    canvas.drawString(MARGIN, MARGIN + 100, "or visit:")
    canvas.setFont("Helvetica", 11)
    for index, line in enumerate(simpleSplit(url, "Helvetica", 11, WIDTH - 3 * MARGIN - QR_SIZE)):
        canvas.drawString(MARGIN, MARGIN + 80 - 14 * index, line)
