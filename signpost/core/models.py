"""Shared base models and the site settings an area uses to make Signpost its own."""

from __future__ import annotations

import uuid

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable


class UUIDModel(models.Model):
    """A model whose primary key is a random UUID, as Open Referral identifiers are."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


class OrderedChild(UUIDModel, Orderable):
    """A row that belongs to a parent in a set order (a service's phones, a location's addresses).

    Django gives a model only its first abstract parent's Meta, which for UUIDModel has no
    ordering, so the order is stated here. The id breaks ties, so the API, exports and pages
    list children in the same order on every database.
    """

    class Meta(Orderable.Meta):
        abstract = True
        ordering = ["sort_order", "id"]


class TimestampedModel(models.Model):
    """Records when a row was created and last changed."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class UrgentContactBlock(blocks.StructBlock):
    """One way to get urgent help, such as a phone number or a text short code."""

    name = blocks.CharBlock(max_length=80, help_text="For example: Samaritans")
    action = blocks.ChoiceBlock(choices=[("call", "Call"), ("text", "Text")], default="call")
    number = blocks.CharBlock(max_length=30, help_text="As people dial it: 116 123")
    message = blocks.CharBlock(
        max_length=30, required=False, help_text="For text services, the word to send: SHOUT"
    )
    description = blocks.CharBlock(max_length=200, help_text="Who it is for and when it is open.")
    show_in_banner = blocks.BooleanBlock(
        required=False, help_text="Also show in the urgent-help strip at the top of every page."
    )
    banner_label = blocks.CharBlock(
        max_length=40,
        required=False,
        help_text="Short text for the strip, such as 'Samaritans 116 123'. Empty: name and number.",
    )

    class Meta:
        icon = "warning"
        label = "Urgent help contact"


class FooterLinkBlock(blocks.StructBlock):
    """A link in the site footer."""

    text = blocks.CharBlock(max_length=80)
    url = blocks.CharBlock(max_length=300, help_text="A full address or a path such as /about/")

    class Meta:
        icon = "link"


DEFAULT_URGENT_CONTACTS = [
    (
        "contact",
        {
            "name": "Emergency services",
            "action": "call",
            "number": "999",
            "message": "",
            "description": "If someone's life is at risk or they are seriously hurt, call 999 "
            "or go to A&E now.",
            "show_in_banner": True,
            "banner_label": "Emergency 999",
        },
    ),
    (
        "contact",
        {
            "name": "NHS 111, option 2",
            "action": "call",
            "number": "111",
            "message": "",
            "description": "Call 111 and choose option 2 for your local NHS mental health "
            "crisis line. Any age, 24 hours a day.",
            "show_in_banner": True,
            "banner_label": "NHS 111, option 2",
        },
    ),
    (
        "contact",
        {
            "name": "Samaritans",
            "action": "call",
            "number": "116 123",
            "message": "",
            "description": "Free, any time, day or night. Someone will listen.",
            "show_in_banner": True,
            "banner_label": "Samaritans 116 123",
        },
    ),
    (
        "contact",
        {
            "name": "Shout",
            "action": "text",
            "number": "85258",
            "message": "SHOUT",
            "description": "Text SHOUT to 85258 for free, 24 hours a day, if you would rather "
            "not talk.",
            "show_in_banner": True,
            "banner_label": "Text SHOUT to 85258",
        },
    ),
    (
        "contact",
        {
            "name": "Childline",
            "action": "call",
            "number": "0800 1111",
            "message": "",
            "description": "Free for children and young people under 19, 24 hours a day.",
            "show_in_banner": True,
            "banner_label": "Childline 0800 1111 (under 19s)",
        },
    ),
]


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What an area changes to make the site its own, without code."""

    site_name = models.CharField(max_length=80, default="Signpost")
    area_name = models.CharField(
        max_length=80, default="your area", help_text="Shown in text such as 'support in ...'"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    urgent_help = StreamField(
        [("contact", UrgentContactBlock())],
        default=DEFAULT_URGENT_CONTACTS,
        use_json_field=True,
        blank=True,
    )
    footer_links = StreamField(
        [("link", FooterLinkBlock())], default=list, use_json_field=True, blank=True
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("area_name"), FieldPanel("logo")],
            heading="Branding",
        ),
        FieldPanel("urgent_help"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = "Site settings"

    def urgent_contacts(self) -> list[dict]:
        """The urgent-help contacts as plain dicts, in the order staff set."""
        return [dict(block.value) for block in self.urgent_help]

    def banner_contacts(self) -> list[dict]:
        """The contacts chosen for the strip at the top of every page."""
        return [c for c in self.urgent_contacts() if c.get("show_in_banner")]
