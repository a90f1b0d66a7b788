from django.urls import path

from signpost.meetings import agenda_views, output_views, views

app_name = "meetings"
urlpatterns = [
    path("<slug:slug>/", views.group_meetings, name="list"),
    path("<slug:slug>/slot/", views.slot_form, name="slot"),
    path("<slug:slug>/<uuid:meeting_id>/", views.meeting_detail, name="meeting"),
    path("<slug:slug>/<uuid:meeting_id>/change/", views.change_meeting, name="change"),
    path("<slug:slug>/<uuid:meeting_id>/apologies/", views.send_apologies, name="apologies"),
    path("<slug:slug>/<uuid:meeting_id>/attendance/", agenda_views.attendance, name="attendance"),
    path("<slug:slug>/<uuid:meeting_id>/agenda/", agenda_views.agenda_item, name="agenda"),
    path("<slug:slug>/<uuid:meeting_id>/papers/", agenda_views.papers, name="papers"),
    # Outputs, relaying them to the paired group, and comments (helper W5).
    path("<slug:slug>/<uuid:meeting_id>/outputs/", output_views.meeting_outputs, name="outputs"),
    path("<slug:slug>/<uuid:meeting_id>/comments/", output_views.add_comment, name="comment"),
    path(
        "<slug:slug>/<uuid:meeting_id>/comments/<uuid:comment_id>/flag/",
        output_views.flag_comment,
        name="comment_flag",
    ),
    path(
        "<slug:slug>/<uuid:meeting_id>/comments/<uuid:comment_id>/moderate/",
        output_views.moderate_comment,
        name="comment_moderate",
    ),
    path(
        "<slug:slug>/<uuid:meeting_id>/actions/<uuid:action_id>/done/",
        output_views.action_done,
        name="action_done",
    ),
]
