"""Wagtail pages: the home page and plain information pages."""

from __future__ import annotations

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from signpost.pages import information_text as text

TEXT_FEATURES = ["h2", "h3", "bold", "link", "ol", "ul"]


class HomePage(Page):
    """The front door: what do you need help with, browse by need or age, urgent help."""

    heading = models.CharField(max_length=120, default="Find mental health support")
    intro = models.TextField(
        blank=True,
        default="Free and local help for people of all ages, their families and carers.",
    )
    search_label = models.CharField(max_length=120, default="What do you need help with?")
    search_hint = models.CharField(
        max_length=200,
        blank=True,
        default="For example: feeling anxious, can't sleep, my teenager is self-harming",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("heading"),
        FieldPanel("intro"),
        FieldPanel("search_label"),
        FieldPanel("search_hint"),
    ]
    template = "pages/home_page.jinja"
    max_count = 1
    subpage_types = ["pages.InformationPage"]

    def get_context(self, request, *args, **kwargs):
        from signpost.directory.presenters import home_browse_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_browse_context())
        return context


class InformationPage(Page):
    """A plain page of information, such as 'About this site' or 'Looking after yourself'."""

    summary = models.TextField(blank=True, help_text="One or two sentences shown at the top.")
    body = StreamField(
        [
            ("text", blocks.RichTextBlock(features=TEXT_FEATURES)),
            ("inset", blocks.TextBlock(help_text="Information to draw attention to.")),
        ],
        blank=True,
        use_json_field=True,
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    template = "pages/information_page.jinja"
    subpage_types = ["pages.InformationPage"]


def _rich(default: str, help_text: str = "") -> RichTextField:
    return RichTextField(features=TEXT_FEATURES, default=default, blank=True, help_text=help_text)


@register_setting(icon="doc-full")
class InformationSettings(BaseSiteSetting):
    """Words for the pages every install must have: privacy, accessibility, covering tracks.

    A setting, not pages in the tree, so a fresh install has them from its first request
    (the row is made with this default text when first read), whatever its page tree holds,
    and the privacy notice's cookie list can come from the code.
    """

    privacy_intro = _rich(text.PRIVACY_INTRO, "Shown before the list of cookies.")
    privacy_contact = _rich(text.PRIVACY_CONTACT, "Shown after the list of cookies.")
    accessibility_using = _rich(text.ACCESSIBILITY_USING, "Using this website")
    accessibility_how = _rich(text.ACCESSIBILITY_HOW, "How accessible this website is")
    accessibility_feedback = _rich(text.ACCESSIBILITY_FEEDBACK, "Feedback and contact")
    accessibility_enforcement = _rich(text.ACCESSIBILITY_ENFORCEMENT, "Enforcement procedure")
    accessibility_technical = _rich(text.ACCESSIBILITY_TECHNICAL, "Technical information")
    accessibility_prepared_on = models.DateField(
        null=True, blank=True, help_text="When this statement was prepared."
    )
    accessibility_reviewed_on = models.DateField(
        null=True, blank=True, help_text="When it was last reviewed."
    )
    covering_tracks = _rich(text.COVERING_TRACKS)

    panels = [
        MultiFieldPanel(
            [FieldPanel("privacy_intro"), FieldPanel("privacy_contact")],
            heading="Privacy notice",
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_using"),
                FieldPanel("accessibility_how"),
                FieldPanel("accessibility_feedback"),
                FieldPanel("accessibility_enforcement"),
                FieldPanel("accessibility_technical"),
                FieldPanel("accessibility_prepared_on"),
                FieldPanel("accessibility_reviewed_on"),
            ],
            heading="Accessibility statement",
        ),
        FieldPanel("covering_tracks", heading="Covering your tracks"),
    ]

    class Meta:
        verbose_name = "Privacy, accessibility and covering your tracks"
