"""Queue the feed-sync check for the worker, unless one is already queued (safe to repeat)."""

from typing import Any

from django.core.management.base import BaseCommand

from signpost.openreferral.tasks import ensure_scheduled


class Command(BaseCommand):
    help = "Queue the check for due feed syncs for the background worker (db_worker)."

    def handle(self, *args: Any, **options: Any) -> None:
        if ensure_scheduled():
            self.stdout.write("Feed syncs: queued a check for the worker.")
        else:
            self.stdout.write("Feed syncs: a check is already queued.")
