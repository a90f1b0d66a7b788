"""Delete counts of searches that found too little once they are over 12 months old."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from signpost.lexicon.unmatched import purge


class Command(BaseCommand):
    help = "Delete counts of searches that found too little that are over 12 months old."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = purge()
        self.stdout.write(f"Deleted {deleted} weekly counts over 12 months old.")
