"""The admin report of searches that found nothing or too little, newest week first."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import ListView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import SearchPhrase, UnmatchedSearch
from .unmatched import too_few

PERMISSION = "lexicon.view_unmatchedsearch"
URL_NAMESPACE = "lexicon_report"


def can_read_report(user: Any) -> bool:
    return bool(user and user.is_active and user.has_perm(PERMISSION))


def add_mapping_url(phrase: str) -> str:
    """The staff phrase form, with the phrase filled in."""
    return f"{reverse('search_phrases:add')}?{urlencode({'phrase': phrase})}"


class UnmatchedReportView(WagtailAdminTemplateMixin, ListView):  # type: ignore[misc]
    """Counts by ISO week; each phrase not yet mapped links to the prefilled mapping form."""

    model = UnmatchedSearch
    template_name = "lexicon/unmatched_report.html"
    context_object_name = "rows"
    paginate_by = 100
    page_title = "Searches that found too little"
    header_icon = "search"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not can_read_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        return UnmatchedSearch.objects.order_by("-week", "-searches", "phrase")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        rows = list(context["rows"])
        mapped = set(
            SearchPhrase.objects.filter(phrase__in={r.phrase for r in rows}).values_list(
                "phrase", flat=True
            )
        )
        can_add = self.request.user.has_perm("lexicon.add_searchphrase")
        context["rows"] = [
            {
                "row": row,
                "mapped": row.phrase in mapped,
                "add_url": add_mapping_url(row.phrase) if can_add else "",
            }
            for row in rows
        ]
        context["too_few"] = too_few()
        return context
