"""Queue the reminder check for the worker, unless one is already queued (safe to repeat)."""

from django.core.management.base import BaseCommand

from signpost.reminders.tasks import ensure_scheduled


class Command(BaseCommand):
    help = "Queue the meeting-reminder check for the background worker (db_worker)."

    def handle(self, *args, **options) -> None:
        if ensure_scheduled():
            self.stdout.write("Meeting reminders: queued a check for the worker.")
        else:
            self.stdout.write("Meeting reminders: a check is already queued.")
