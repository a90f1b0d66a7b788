from django.apps import AppConfig


class SearchIndexConfig(AppConfig):
    name = "signpost.searchindex"
    label = "searchindex"
    verbose_name = "Search index"

    def ready(self) -> None:
        from . import freshness

        freshness.connect()
