from django.urls import include, path

from signpost.workspace import views

app_name = "workspace"
urlpatterns = [
    path("", views.home, name="home"),
    path("groups/<slug:slug>/", views.group_detail, name="group"),
    # A member's own pages (/workspace/me/) and a facilitator's view of access needs.
    path("", include("signpost.workspace.profile.urls")),
]
