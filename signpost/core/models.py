"""Shared base models and the site settings an area uses to make Signpost its own."""

from __future__ import annotations

import uuid

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable

from signpost.core import urgent_contacts


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


class OpeningWindowBlock(blocks.StructBlock):
    """Days and times a contact is open; a closing time before the opening one is overnight."""

    days = blocks.MultipleChoiceBlock(choices=urgent_contacts.DAYS)
    opens = blocks.TimeBlock()
    closes = blocks.TimeBlock(help_text="Use 00:00 for midnight.")

    class Meta:
        icon = "time"
        label = "Opening times"


class UrgentContactBlock(blocks.StructBlock):
    """One way to get urgent help, such as a phone number or a text short code."""

    name = blocks.CharBlock(max_length=80, help_text="For example: Samaritans")
    action = blocks.ChoiceBlock(choices=[("call", "Call"), ("text", "Text")], default="call")
    number = blocks.CharBlock(max_length=30, help_text="As people dial it: 116 123")
    message = blocks.CharBlock(
        max_length=30, required=False, help_text="For text services, the word to send: SHOUT"
    )
    description = blocks.CharBlock(max_length=200, help_text="Who it is for and when it is open.")
    open_24_hours = blocks.BooleanBlock(
        required=False, help_text="Tick if it is open all day, every day. Otherwise give hours."
    )
    opening_times = blocks.ListBlock(
        OpeningWindowBlock(),
        default=[],
        help_text="When it is open, if not 24 hours. Times are UK time.",
    )
    min_age = blocks.IntegerBlock(
        required=False, min_value=0, max_value=120, help_text="Youngest age it is for. Empty: any."
    )
    max_age = blocks.IntegerBlock(
        required=False,
        min_value=0,
        max_value=120,
        help_text="Oldest age it is for (Childline: 18). Empty: any.",
    )
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


DEFAULT_URGENT_CONTACTS = urgent_contacts.as_stream(urgent_contacts.nation_defaults("england"))


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What an area changes to make the site its own, without code."""

    site_name = models.CharField(max_length=80, default="Signpost")
    area_name = models.CharField(
        max_length=80, default="your area", help_text="Shown in text such as 'support in ...'"
    )
    nation = models.CharField(
        max_length=20,
        choices=urgent_contacts.NATIONS,
        default="england",
        help_text="Changing this fills the urgent help contacts with that nation's routes "
        "(such as NHS 24 in Scotland or Lifeline in Northern Ireland), unless you have "
        "already edited them. You can change them afterwards.",
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
        FieldPanel("nation"),
        FieldPanel("urgent_help"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = "Site settings"

    @classmethod
    def from_db(cls, db, field_names, values):  # type: ignore[no-untyped-def]
        instance = super().from_db(db, field_names, values)
        instance._loaded_nation = instance.__dict__.get("nation")
        return instance

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        """A new nation brings its own routes, unless staff already changed the old ones."""
        old = getattr(self, "_loaded_nation", None)
        current = [dict(block.value) for block in self.urgent_help]
        untouched = not current or (
            old is not None
            and urgent_contacts.same_routes(current, urgent_contacts.nation_defaults(old))
        )
        if old and old != self.nation and untouched:
            self.urgent_help = urgent_contacts.as_stream(
                urgent_contacts.nation_defaults(self.nation)
            )
        super().save(*args, **kwargs)
        self._loaded_nation = self.nation

    def urgent_contacts(self) -> list[dict]:
        """The urgent-help contacts as plain dicts, in the order staff set.

        Each read is also kept in memory so the 500 page can show these numbers when the
        database itself is what failed.
        """
        contacts = [dict(block.value) for block in self.urgent_help]
        urgent_contacts.remember(contacts)
        return contacts

    def contacts_for(self, age: int | None = None) -> list[dict]:
        """General contacts first, then ones for an age group that fit `age` (all if unknown)."""
        return urgent_contacts.for_age(self.urgent_contacts(), age)

    def banner_contacts(self) -> list[dict]:
        """The contacts chosen for the strip at the top of every page."""
        return [c for c in self.urgent_contacts() if c.get("show_in_banner")]
