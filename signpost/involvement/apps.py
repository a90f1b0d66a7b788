from django.apps import AppConfig


class InvolvementConfig(AppConfig):
    name = "signpost.involvement"
    label = "involvement"
    verbose_name = "Involvement payments"
