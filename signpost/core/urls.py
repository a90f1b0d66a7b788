from django.urls import path

from signpost.core import views

app_name = "core"
urlpatterns = [
    path("urgent-help/", views.urgent_help, name="urgent_help"),
    path("professionals/", views.professionals, name="professionals"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
