"""Recruitment URLs for facilitators, under /workspace/recruitment/ (public ones: public_urls)."""

from django.urls import path

from . import views

app_name = "recruitment"
urlpatterns = [
    path("", views.campaign_list, name="campaigns"),
    path("new/", views.campaign_new, name="new"),
    path("projects/<slug:slug>/membership/", views.membership_chart, name="membership"),
    path("<slug:slug>/", views.campaign_detail, name="campaign"),
    path("<slug:slug>/poster.pdf", views.poster, name="poster"),
    path("<slug:slug>/open/", views.open_or_close, name="open"),
    path("<slug:slug>/replies/<uuid:reply_id>/", views.reply_detail, name="reply"),
    path("<slug:slug>/replies/<uuid:reply_id>/move/", views.move_reply, name="move"),
]
