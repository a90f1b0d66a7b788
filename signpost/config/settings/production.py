"""Settings for a deployed site: everything secret or host-specific must be set."""

from django.core.exceptions import ImproperlyConfigured

from signpost.config.env import env_bool, env_int

from .base import *  # noqa: F403
from .base import SECRET_KEY

if SECRET_KEY.startswith("insecure-"):
    raise ImproperlyConfigured("Set SECRET_KEY to a long random value in production.")

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
