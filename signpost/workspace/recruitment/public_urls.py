"""The public expression-of-interest form, under /get-involved/ (no account needed)."""

from django.urls import path

from . import views

app_name = "get_involved"
urlpatterns = [
    path("<slug:slug>/", views.interest_form, name="form"),
    path("<slug:slug>/thanks/", views.interest_thanks, name="thanks"),
]
