from django.urls import include, path

from signpost.workspace import dashboard_views, private_space_views, views

app_name = "workspace"
urlpatterns = [
    path("", views.home, name="home"),
    path("groups/<slug:slug>/", views.group_detail, name="group"),
    # The group's private space (helper W1): for its current members and facilitators only.
    path("groups/<slug:slug>/notes/", private_space_views.group_notes, name="group_notes"),
    path(
        "groups/<slug:slug>/discussion/",
        private_space_views.group_discussion,
        name="group_discussion",
    ),
    path("groups/<slug:slug>/members/", private_space_views.group_members, name="group_members"),
    path("recruitment/", include("signpost.workspace.recruitment.urls")),
    # Involvement payments and expenses (helper W7), and the facilitator's dashboard.
    path("involvement/", include("signpost.involvement.urls")),
    path("groups/<slug:slug>/dashboard/", dashboard_views.dashboard, name="group_dashboard"),
    # A member's own pages (/workspace/me/) and a facilitator's view of access needs.
    path("", include("signpost.workspace.profile.urls")),
    # Calendar feeds and reminder choices (helper W6, signpost/reminders).
    path("", include("signpost.reminders.urls")),
]
