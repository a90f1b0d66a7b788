"""A member's own pages under /workspace/me/, included from the workspace's urls."""

from django.urls import path

from signpost.workspace.profile import views

urlpatterns = [
    path("me/", views.profile, name="profile"),
    path("me/edit/", views.edit, name="profile_edit"),
    path("me/consents/", views.consent, name="profile_consent"),
    path("me/data/", views.data, name="profile_data"),
    path("me/data.json", views.data_json, name="profile_data_json"),
    path("me/leave/", views.leave, name="profile_leave"),
    path("me/agreement/", views.agreement, name="profile_agreement"),
    path(
        "groups/<slug:slug>/access-needs/",
        views.group_access_needs,
        name="profile_group_access_needs",
    ),
]
