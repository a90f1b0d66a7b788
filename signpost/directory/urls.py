from django.urls import path

from signpost.directory import about_data, views
from signpost.directory.guided import views as guided_views

app_name = "directory"
urlpatterns = [
    path("services/", views.search, name="search"),
    path("find-support/", guided_views.guided_route, name="guided"),
    path("services/<uuid:service_id>/", views.service_detail, name="service"),
    path("services/<uuid:service_id>/report/", views.report_problem, name="report"),
    path("services/<uuid:service_id>/report/thanks/", views.report_thanks, name="report_thanks"),
    path("about-data/", about_data.about_data, name="about_data"),
    path("my-list/", views.my_list, name="my_list"),
    path("my-list/clear/", views.my_list_clear, name="my_list_clear"),
    path("my-list/print/", views.my_list_print, name="my_list_print"),
    path("my-list/add/<uuid:service_id>/", views.my_list_add, name="my_list_add"),
    path("my-list/remove/<uuid:service_id>/", views.my_list_remove, name="my_list_remove"),
    path("my-list/shared/<str:token>/", views.my_list_shared, name="my_list_shared"),
]
