"""The directory in the Wagtail admin: list, filter, search, edit, with revision history."""

from __future__ import annotations

import django_filters
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusFlagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from signpost.directory.admin_forms import service_edit_handler
from signpost.directory.dashboard import DirectoryDashboardPanel
from signpost.directory.models import (
    Location,
    Organisation,
    Place,
    Service,
    Taxonomy,
    TaxonomyTerm,
)
from signpost.directory.models.services import ServiceStatus
from signpost.directory.problem_reports_admin import ProblemReportViewSet
from signpost.directory.service_history import ServiceCompareView, ServiceHistoryView


class ServiceFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=ServiceStatus.choices)
    review_overdue = django_filters.BooleanFilter(
        label="Review overdue", method="filter_review_overdue"
    )
    organisation = django_filters.ModelChoiceFilter(queryset=Organisation.objects.all())

    class Meta:
        model = Service
        fields = ["status", "organisation"]

    def filter_review_overdue(self, queryset, name, value):
        overdue = Service.objects.review_overdue().values("id")
        return queryset.filter(id__in=overdue) if value else queryset.exclude(id__in=overdue)


class DirectoryViewSet(SnippetViewSet):
    """Admin search is a plain case-insensitive match on the listed fields: predictable
    for staff, and the same on SQLite and PostgreSQL."""

    search_backend_name = None


class ServiceViewSet(DirectoryViewSet):
    model = Service
    icon = "list-ul"
    menu_label = "Services"
    list_display = [
        "name",
        Column("organisation", label="Organisation"),
        Column("status", label="Status"),
        # Only overdue services are marked: a cross on every other row read as an error.
        StatusFlagColumn("is_review_overdue", label="Review overdue", true_label="Overdue"),
        Column("assured_date", label="Last reviewed"),
        UpdatedAtColumn(),
    ]
    filterset_class = ServiceFilterSet
    search_fields = ["name", "description"]
    list_per_page = 50
    copy_view_enabled = False
    # Hours as a week and categories as checkboxes (admin_forms); history in plain words.
    edit_handler = service_edit_handler()
    revisions_compare_view_class = ServiceCompareView
    history_view_class = ServiceHistoryView


class OrganisationViewSet(DirectoryViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "website", UpdatedAtColumn()]
    search_fields = ["name", "description"]


class LocationViewSet(DirectoryViewSet):
    model = Location
    icon = "site"
    list_display = ["name", "location_type", BooleanColumn("hide_address"), UpdatedAtColumn()]
    list_filter = ["location_type", "hide_address"]
    search_fields = ["name"]


class TaxonomyViewSet(DirectoryViewSet):
    model = Taxonomy
    icon = "tag"
    list_display = ["name", "version"]
    search_fields = ["name", "description"]


class TaxonomyTermViewSet(DirectoryViewSet):
    model = TaxonomyTerm
    icon = "tag"
    list_display = ["name", "code", "taxonomy"]
    list_filter = ["taxonomy"]
    search_fields = ["name", "code"]


class PlaceViewSet(DirectoryViewSet):
    model = Place
    icon = "site"
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = "Directory"
    menu_icon = "list-ul"
    menu_order = 200
    items = (
        ServiceViewSet,
        OrganisationViewSet,
        LocationViewSet,
        TaxonomyViewSet,
        TaxonomyTermViewSet,
        PlaceViewSet,
        ProblemReportViewSet,
    )


register_snippet(DirectoryGroup)


@hooks.register("construct_homepage_panels")
def add_directory_dashboard(request, panels):
    """Open problem reports, reviews due and recent imports on the admin home."""
    panels.append(DirectoryDashboardPanel(request.user))
