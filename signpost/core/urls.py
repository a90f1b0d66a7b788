from django.urls import path

from signpost.core import views

app_name = "core"
urlpatterns = [
    path("urgent-help/", views.urgent_help, name="urgent_help"),
    path("professionals/", views.professionals, name="professionals"),
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("covering-your-tracks/", views.covering_your_tracks, name="covering_your_tracks"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
