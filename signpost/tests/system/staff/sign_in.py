"""Staff sign in to the admin as they really do: email and password, then an authenticator code."""

from __future__ import annotations

from django.core.cache import cache

from signpost.users.second_factor import current_code, give_authenticator_app

# A fixed secret for tests only: the helper computes the code an authenticator app would show.
TEST_TOTP_SECRET = "KRSXG5CTNFTW42LOKRSXG5CTNFTW42LO"


def sign_in_to_admin(page, live_server, user, password: str) -> None:
    """Through allauth's pages, ending on the admin home."""
    give_authenticator_app(user, TEST_TOTP_SECRET)
    # allauth refuses a code twice in its 30 seconds; tests in a row may reuse one.
    cache.clear()
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in with a password").click()
    page.get_by_label("Code").fill(current_code(TEST_TOTP_SECRET))
    page.get_by_role("button", name="Sign In", exact=True).click()
