"""`manage.py demo_admin_code`: the demo admin's authenticator code now (local machines only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from signpost.nonprod.management.commands.load_demo_data import DEMO_TOTP_SECRET
from signpost.users.second_factor import current_code


class Command(BaseCommand):
    help = "Print the six-digit code the demo admin's authenticator app would show now."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo admin is for local machines only (DEBUG is off).")
        self.stdout.write(current_code(DEMO_TOTP_SECRET))
