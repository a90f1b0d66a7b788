"""Settings for the test suite: fast password hashing, no collectstatic needed."""

from .base import *  # noqa: F403
from .base import STORAGES

DEBUG = False
# The demo builders and the components page are test fixtures too (never in production).
INSTALLED_APPS = [*INSTALLED_APPS, "signpost.nonprod"]  # noqa: F405
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ALLOWED_HOSTS = ["*"]

TEMPLATES = [
    {**TEMPLATES[0], "BACKEND": "signpost.core.testing.InstrumentedJinja2"},  # noqa: F405
    *TEMPLATES[1:],  # noqa: F405
]
# Tests of other features sign staff in with force_login, which skips allauth's second
# factor; the tests of the second factor switch this back on (signpost/users/tests).
SIGNPOST_STAFF_NEED_SECOND_FACTOR = False
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405
STATICFILES_DIRS = [PACKAGE_DIR / "static"]  # noqa: F405
WHITENOISE_AUTOREFRESH = True
