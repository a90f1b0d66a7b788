"""The admin *Imports* and *Feeds* menu items and their screens, for people allowed to run
imports; and, on a service's edit page, which feed manages it.

Import runs are read-only here: there are views to list them and read their reports, and a
form that creates one by running an import, but none to edit or delete a run.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Permission
from django.http import HttpRequest
from django.urls import path
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from .admin_views import (
    URL_NAMESPACE,
    ImportRunListView,
    ImportUploadView,
    can_run_imports,
)
from .dashboard import RecentImportsPanel
from .feed_views import (
    FEEDS,
    FeedCreateView,
    FeedDetailView,
    FeedEditView,
    FeedListView,
    FeedSyncView,
)
from .managed import notice, origin_of
from .run_views import ImportRunReportView


class ImportsMenuItem(MenuItem):
    """Shown only to people who may run imports (the views check again)."""

    def is_shown(self, request: HttpRequest) -> bool:
        return can_run_imports(request.user)


class ImportViewSet(ViewSet):
    name = URL_NAMESPACE
    url_prefix = "imports"
    icon = "upload"
    menu_label = "Imports"
    menu_name = "imports"
    menu_order = 250
    add_to_admin_menu = True
    menu_item_class = ImportsMenuItem

    def get_urlpatterns(self) -> list[Any]:
        return [
            path("", ImportRunListView.as_view(), name="index"),
            path("new/", ImportUploadView.as_view(), name="upload"),
            path("<uuid:pk>/", ImportRunReportView.as_view(), name="report"),
        ]


@hooks.register("register_admin_viewset")
def register_import_viewset() -> ImportViewSet:
    return ImportViewSet()


class FeedViewSet(ViewSet):
    name = FEEDS
    url_prefix = "feeds"
    icon = "download"
    menu_label = "Feeds"
    menu_name = "feeds"
    menu_order = 251
    add_to_admin_menu = True
    menu_item_class = ImportsMenuItem

    def get_urlpatterns(self) -> list[Any]:
        return [
            path("", FeedListView.as_view(), name="index"),
            path("add/", FeedCreateView.as_view(), name="add"),
            path("<uuid:pk>/", FeedDetailView.as_view(), name="detail"),
            path("<uuid:pk>/edit/", FeedEditView.as_view(), name="edit"),
            path("<uuid:pk>/sync/", FeedSyncView.as_view(), name="sync"),
        ]


@hooks.register("register_admin_viewset")
def register_feed_viewset() -> FeedViewSet:
    return FeedViewSet()


@hooks.register("before_edit_snippet")
def say_which_feed_manages(request: HttpRequest, instance: Any) -> None:
    """Before anyone edits an imported service: which feed manages it, what a sync overwrites."""
    if request.method != "GET":
        return
    origin = origin_of(instance)
    if origin is not None:
        messages.info(request, notice(origin))


@hooks.register("register_permissions")
def register_import_permission() -> Any:
    """Lets administrators give a group the right to run imports (Settings → Groups)."""
    return Permission.objects.filter(
        content_type__app_label="openreferral", codename="add_importrun"
    )


@hooks.register("construct_homepage_panels")
def add_recent_imports_panel(request: HttpRequest, panels: list[Any]) -> None:
    """The last imports and their results, on the admin home."""
    panels.append(RecentImportsPanel(request))
