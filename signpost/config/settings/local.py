"""Settings for `make run` on a developer's machine."""

from signpost.config.env import env_bool

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES

DEBUG = env_bool("DEBUG", True)
# The demo loader and the components page: installed here and in tests, never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "signpost.nonprod"]
SIGNPOST_COMPONENTS_PAGE = env_bool("SIGNPOST_COMPONENTS_PAGE", DEBUG)
SESSION_COOKIE_SECURE = False
# Sign-in codes and other emails are printed where `make run` is running.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
CSRF_COOKIE_SECURE = False
# Serve straight from the source folders while developing; no collectstatic needed.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
