from django.apps import AppConfig


class LexiconConfig(AppConfig):
    name = "signpost.lexicon"
    label = "lexicon"
    verbose_name = "Search words"
