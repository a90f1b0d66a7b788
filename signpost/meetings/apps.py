from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "signpost.meetings"
    label = "meetings"
    verbose_name = "Meetings"
