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
    """Statistics and the lexicon in memory, then out of the garbage collector's reach (what
    the first search would otherwise do; see search._freeze_once)."""
    from signpost.directory.search import lexicon

    from .search import _freeze_once
    from .statistics import current

    current()
    lexicon.refresh()
    _freeze_once()
