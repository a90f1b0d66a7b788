from django.apps import AppConfig


class OpenreferralConfig(AppConfig):
    name = "signpost.openreferral"
    label = "openreferral"
