from django.urls import path

from signpost.involvement import views

app_name = "involvement"
urlpatterns = [
    # Two segments, so no group slug can shadow them (a group page is "<slug>/").
    path("projects/approved-claims/", views.finance, name="finance"),
    path("projects/<slug:slug>/approved-claims.csv", views.approved_csv, name="approved_csv"),
    path("<slug:slug>/", views.my_claims, name="mine"),
    path("<slug:slug>/meetings/<uuid:meeting_id>/claim/", views.claim, name="claim"),
    path("<slug:slug>/claims/", views.group_claims, name="claims"),
    path("<slug:slug>/claims/<uuid:claim_id>/decide/", views.decide, name="decide"),
    path("<slug:slug>/rates/", views.rates, name="rates"),
]
