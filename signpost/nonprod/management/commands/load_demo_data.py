"""`manage.py load_demo_data`: a realistic demo area and a local admin account."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from signpost.nonprod.demo import load_demo
from signpost.nonprod.demo_workspace import load_demo_workspace

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "signpost-demo-only"
DEMO_EMAIL = "admin@example.org"
# Staff need a second factor (ADR 008); the demo's is fixed and printed, for this machine only.
DEMO_TOTP_SECRET = "DEMOSIGNPOSTDEMOSIGNPOSTDEMOSIGN"


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
            self.create_demo_admin()
        emails = load_demo_workspace()
        self.stdout.write(
            "Workspace (at /workspace/): sign in at /accounts/login/ with "
            f"{emails['member']} (a member) or {emails['facilitator']} (a facilitator);\n"
            "  the sign-in code is emailed, which on this machine means printed in the server's "
            "console."
        )

    def create_demo_admin(self) -> None:
        """A superuser who signs in as staff do: email, password, then an authenticator code."""
        from allauth.account.models import EmailAddress

        from signpost.users.second_factor import give_authenticator_app

        user_model = get_user_model()
        admin = user_model.objects.filter(username=DEMO_USERNAME).first()
        if admin is None:
            admin = user_model.objects.create_superuser(DEMO_USERNAME, DEMO_EMAIL, DEMO_PASSWORD)
        EmailAddress.objects.get_or_create(
            user=admin, email=DEMO_EMAIL, defaults={"primary": True, "verified": True}
        )
        give_authenticator_app(admin, DEMO_TOTP_SECRET)
        self.stdout.write(
            f"Admin (at /admin/ on the server): email {DEMO_EMAIL}  password {DEMO_PASSWORD}\n"
            f"  then the code from an authenticator app with the key {DEMO_TOTP_SECRET},\n"
            f"  or run `manage.py demo_admin_code` for the code shown now."
        )
