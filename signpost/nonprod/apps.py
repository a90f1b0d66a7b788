from django.apps import AppConfig


class NonprodConfig(AppConfig):
    name = "signpost.nonprod"
    label = "nonprod"
