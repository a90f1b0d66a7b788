from django.apps import AppConfig


class SearchIndexConfig(AppConfig):
    name = "signpost.searchindex"
    label = "searchindex"
    verbose_name = "Search index"

    def ready(self) -> None:
        from . import freshness

        freshness.connect()
        from signpost.core import warmup

        warmup.register("search statistics", _load_statistics)


def _load_statistics() -> None:
    from .statistics import current

    current()
