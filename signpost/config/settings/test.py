"""Settings for the test suite: fast password hashing, no collectstatic needed."""

from .base import *  # noqa: F403
from .base import STORAGES

DEBUG = False
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
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405
STATICFILES_DIRS = [PACKAGE_DIR / "static"]  # noqa: F405
WHITENOISE_AUTOREFRESH = True
