from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "signpost.pages"
    label = "pages"
