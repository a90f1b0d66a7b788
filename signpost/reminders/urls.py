"""Calendar pages under /workspace/calendar/ (included from the workspace's urls)."""

from django.urls import path

from signpost.reminders import views

urlpatterns = [
    path("calendar/", views.calendar_page, name="calendar"),
    path("calendar/new-address/", views.reset, name="calendar_reset"),
    # No sign-in: calendar apps cannot sign in. The long random token is the key.
    path("calendar/feed/<slug:token>.ics", views.feed, name="calendar_feed"),
]
