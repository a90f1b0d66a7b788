"""manage.py rebuild_search_index: rewrite every search entry and statistic from the directory.

Safe at any time (one transaction; searches see the old index until it commits). Use after
restoring a backup or changing how services are analysed; normal edits need nothing.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from signpost.searchindex import freshness


class Command(BaseCommand):
    help = "Rebuild the search index from the directory."

    def handle(self, *args: object, **options: object) -> None:
        started = time.perf_counter()
        total = freshness.rebuild()
        seconds = time.perf_counter() - started
        self.stdout.write(f"Indexed {total} public services in {seconds:.1f} s.")
