"""The admin *Search* menu: staff search phrases, and the searches that found too little."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_views import URL_NAMESPACE, UnmatchedReportView, can_read_report
from .forms import SearchPhraseForm
from .models import SearchPhrase
from .unmatched import MAX_LENGTH


class PrefilledCreateView(generic.CreateView):
    """Opens with the phrase from the report's "Add a mapping" link already typed."""

    def get_initial(self) -> dict[str, Any]:
        initial = super().get_initial()
        phrase = self.request.GET.get("phrase", "")
        if phrase:
            initial["phrase"] = phrase[:MAX_LENGTH]
        return initial


class SearchPhraseViewSet(ModelViewSet):
    model = SearchPhrase
    icon = "search"
    menu_label = "Search phrases"
    name = "search_phrases"
    add_view_class = PrefilledCreateView
    copy_view_enabled = False
    list_display = ["phrase", "updated_at", "updated_by"]
    search_fields = ["phrase"]
    edit_handler = ObjectList(
        [FieldPanel("phrase"), FieldPanel("concepts"), FieldPanel("terms"), FieldPanel("note")],
        base_form_class=SearchPhraseForm,
    )


class ReportMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_read_report(request.user)


class UnmatchedReportViewSet(ViewSet):
    name = URL_NAMESPACE
    url_prefix = "search-words/too-little"
    icon = "list-ul"
    menu_label = "Searches that found too little"
    menu_name = "unmatched_searches"
    menu_item_class = ReportMenuItem

    def get_urlpatterns(self) -> list[Any]:
        return [path("", UnmatchedReportView.as_view(), name="index")]


class SearchWordsGroup(ViewSetGroup):
    items = (SearchPhraseViewSet, UnmatchedReportViewSet)
    menu_label = "Search"
    menu_icon = "search"
    menu_order = 260


@hooks.register("register_admin_viewset")
def register_search_words() -> SearchWordsGroup:
    return SearchWordsGroup()
