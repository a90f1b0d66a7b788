from django.apps import AppConfig


class SearchIndexConfig(AppConfig):
    name = "signpost.searchindex"
    label = "searchindex"
    verbose_name = "Search index"
