from django.urls import path

from signpost.workspace import views

app_name = "workspace"
urlpatterns = [
    path("", views.home, name="home"),
    path("groups/<slug:slug>/", views.group_detail, name="group"),
]
