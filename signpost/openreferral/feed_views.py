"""The admin *Feeds* screens: subscribe to a feed, edit it, sync it now, read its last runs.

People who may run imports (`openreferral.add_importrun`) manage feeds; every view checks.
A sync runs on the worker; "Sync now" queues one and opens its run page, which shows progress.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import CreateView, DetailView, ListView, UpdateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from .admin_views import URL_NAMESPACE as IMPORTS
from .admin_views import ImportPermissionMixin, tell
from .models import FeedSubscription
from .tasks import queue_sync

FEEDS = "openreferral_feeds"
RUNS_SHOWN = 10


def feeds_breadcrumb() -> dict[str, str]:
    return {"url": reverse(f"{FEEDS}:index"), "label": "Feeds"}


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.email)


class FeedForm(forms.ModelForm):
    """The feed's address, schedule, owner and how much may disappear in one sync."""

    class Meta:
        model = FeedSubscription
        fields = [
            "name",
            "source_url",
            "schedule",
            "owner",
            "owner_email",
            "deactivation_threshold",
            "enabled",
        ]
        field_classes = {"owner": StaffChoiceField}
        error_messages = {
            "name": {"required": "Enter a name for the feed."},
            "source_url": {
                "required": "Enter the feed's address.",
                "invalid": "Enter the feed's address as a web address, like https://example.org/api.",
            },
            "deactivation_threshold": {
                "max_value": "Enter a percentage from 0 to 100.",
                "min_value": "Enter a percentage from 0 to 100.",
                "invalid": "Enter a percentage from 0 to 100, as a whole number.",
            },
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = get_user_model().objects.filter(is_staff=True, is_active=True)
        owner.help_text = "The member of staff who looks after this feed."


class FeedListView(ImportPermissionMixin, WagtailAdminTemplateMixin, ListView):
    template_name = "openreferral/admin/feeds.html"
    page_title = "Feeds"
    header_icon = "download"
    context_object_name = "feeds"

    def get_queryset(self) -> Any:
        return FeedSubscription.objects.select_related("owner").order_by("name")

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, {"url": "", "label": "Feeds"}]

    def get_header_buttons(self) -> list[Any]:
        return [HeaderButton("Add a feed", url=reverse(f"{FEEDS}:add"), icon_name="plus")]


FORM_TEMPLATE = "openreferral/admin/feed_form.html"


class FeedCreateView(ImportPermissionMixin, WagtailAdminTemplateMixin, CreateView):
    template_name = FORM_TEMPLATE
    form_class = FeedForm
    model = FeedSubscription
    header_icon = "download"
    page_title = "Add a feed"

    def get_success_url(self) -> str:
        assert self.object is not None  # saved by form_valid
        return reverse(f"{FEEDS}:detail", args=[self.object.pk])

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, feeds_breadcrumb(), {"url": "", "label": "Add a feed"}]

    def get_initial(self) -> dict[str, Any]:
        return {"owner": self.request.user.pk}

    def form_valid(self, form: FeedForm) -> HttpResponse:
        response = super().form_valid(form)
        assert self.object is not None
        messages.success(
            self.request,
            f"{self.object.name} was added. Press “Sync now” to import it straight away.",
        )
        return response


class FeedEditView(ImportPermissionMixin, WagtailAdminTemplateMixin, UpdateView):
    template_name = FORM_TEMPLATE
    form_class = FeedForm
    model = FeedSubscription
    header_icon = "download"

    def get_success_url(self) -> str:
        return reverse(f"{FEEDS}:detail", args=[self.object.pk])

    def get_page_title(self) -> str:
        return f"Edit feed: {self.object.name}"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, feeds_breadcrumb(), {"url": "", "label": "Edit"}]

    def form_valid(self, form: FeedForm) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, f"{self.object.name} was saved.")
        return response


class FeedDetailView(ImportPermissionMixin, WagtailAdminTemplateMixin, DetailView):
    """The feed, a "Sync now" button and its last runs with links to their reports."""

    template_name = "openreferral/admin/feed_detail.html"
    model = FeedSubscription
    context_object_name = "feed"
    header_icon = "download"

    def get_page_title(self) -> str:
        return f"Feed: {self.object.name}"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, feeds_breadcrumb(), {"url": "", "label": self.object.name}]

    def get_header_buttons(self) -> list[Any]:
        return [HeaderButton("Edit", url=reverse(f"{FEEDS}:edit", args=[self.object.pk]))]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["runs"] = self.object.runs.select_related("run_by").order_by("-started_at")[
            :RUNS_SHOWN
        ]
        context["managed_count"] = self.object.services.count()
        context["imports_namespace"] = IMPORTS
        return context


class FeedSyncView(ImportPermissionMixin, WagtailAdminTemplateMixin, DetailView):
    """POST only: queue a sync now and open its run page."""

    model = FeedSubscription
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        feed = get_object_or_404(FeedSubscription, pk=kwargs["pk"])
        run = queue_sync(feed, who=request.user)
        run.refresh_from_db()
        tell(request, run)
        return HttpResponseRedirect(reverse(f"{IMPORTS}:report", args=[run.pk]))
