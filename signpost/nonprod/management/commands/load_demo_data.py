"""`manage.py load_demo_data`: a realistic demo area and a local admin account."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from signpost.nonprod.demo import load_demo

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "signpost-demo-only"


class Command(BaseCommand):
    help = "Load the demo area (about 180 services) and create a local admin account."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Do not create the admin.")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo data is for local machines only (DEBUG is off).")
        result = load_demo()
        totals = (
            f"{result['services']} services, {result['terms']} terms, {result['places']} places"
        )
        if result["changed"]:
            self.stdout.write(f"Demo loaded: {totals}.")
        else:
            self.stdout.write(f"Demo already loaded ({totals}); nothing to change.")
        if not options["no_admin"]:
            user_model = get_user_model()
            if not user_model.objects.filter(username=DEMO_USERNAME).exists():
                user_model.objects.create_superuser(
                    DEMO_USERNAME, "admin@example.org", DEMO_PASSWORD
                )
            self.stdout.write(
                f"Admin (at /admin/ on the server): username {DEMO_USERNAME}  "
                f"password {DEMO_PASSWORD}"
            )
