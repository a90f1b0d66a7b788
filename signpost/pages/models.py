"""Wagtail pages: the home page and plain information pages."""

from __future__ import annotations

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index


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
            ("text", blocks.RichTextBlock(features=["h2", "h3", "bold", "link", "ol", "ul"])),
            ("inset", blocks.TextBlock(help_text="Information to draw attention to.")),
        ],
        blank=True,
        use_json_field=True,
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    template = "pages/information_page.jinja"
    subpage_types = ["pages.InformationPage"]
