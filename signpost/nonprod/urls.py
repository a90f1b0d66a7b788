from django.urls import path

from signpost.nonprod import views

app_name = "nonprod"
urlpatterns = [path("components/", views.components, name="components")]
