"""manage.py load_gazetteer: load the UK gazetteer shipped with Signpost (idempotent)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from signpost.directory.gazetteer.loader import load_gazetteer


class Command(BaseCommand):
    help = "Load the UK gazetteer (places, councils, postcode districts) shipped in the project."

    def handle(self, *args, **options) -> None:
        result = load_gazetteer()
        self.stdout.write(str(result))
