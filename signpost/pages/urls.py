from django.urls import path

from signpost.pages import views

app_name = "pages"
urlpatterns = [
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("covering-your-tracks/", views.covering_your_tracks, name="covering_your_tracks"),
]
