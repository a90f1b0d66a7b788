"""Settings for a deployed site: everything secret or host-specific must be set.

Start-up refuses what would be unsafe (a guessable SECRET_KEY, no ALLOWED_HOSTS) with a
message naming the variable, rather than serving with it. `manage.py check --deploy` gives
no warnings with these settings; what is silenced, and why, is in ADR 013.
"""

import os
import sys

from django.core.exceptions import ImproperlyConfigured

from signpost.config.env import env_bool, env_int, env_str
from signpost.config.secret_key import HOW_TO_MAKE_ONE, secret_key_problem
from signpost.core.logging import logging_config

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, INSTALLED_APPS, SECRET_KEY

_key_problem = secret_key_problem(SECRET_KEY)
if _key_problem:
    raise ImproperlyConfigured(f"{_key_problem} {HOW_TO_MAKE_ONE}")
if not os.environ.get("ALLOWED_HOSTS", "").strip():
    raise ImproperlyConfigured(
        "Set ALLOWED_HOSTS to the host names the site answers to, such as "
        "findsupport.example.nhs.uk (comma-separated)."
    )

DEBUG = False
# The demo and the components page are never part of a deployed site, whatever the
# environment says (issue 11): base does not install them; this makes sure of it.
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "signpost.nonprod"]
SIGNPOST_COMPONENTS_PAGE = False

# HTTPS only. TLS usually ends at a proxy (nginx, a load balancer) that says so in
# X-Forwarded-Proto; gunicorn trusts that header only from FORWARDED_ALLOW_IPS.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading commits the whole registered domain (often a trust's or council's) to HTTPS in
# browsers for good: its owner decides, not this application. ADR 013.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = False

# `make serve`: the production profile on plain http at 127.0.0.1, so a developer can try it.
# Only for loopback host names, so it cannot quietly weaken a real site.
SIGNPOST_LOCAL_HTTP = env_bool("SIGNPOST_LOCAL_HTTP", False)
_LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
if SIGNPOST_LOCAL_HTTP:
    _remote = sorted(set(ALLOWED_HOSTS) - _LOOPBACK)
    if _remote:
        raise ImproperlyConfigured(
            "SIGNPOST_LOCAL_HTTP is for trying the production profile on this machine only; "
            f"ALLOWED_HOSTS must name only 127.0.0.1 or localhost, not {', '.join(_remote)}."
        )
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SESSION_COOKIE_SECURE = False
    CSRF_COOKIE_SECURE = False
    MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
    # gunicorn says so once when it is ready (gunicorn.conf.py), not once for every worker.
    if not os.environ.get("SERVER_SOFTWARE", "").startswith("gunicorn"):
        print(
            "SIGNPOST_LOCAL_HTTP is on: secure cookies, the HTTPS redirect and HSTS are off "
            "for plain http on 127.0.0.1. Never set it on a real server.",
            file=sys.stderr,
        )

# JSON lines with no personal data and no query strings (signpost/core/logging.py).
LOGGING = logging_config(env_str("LOG_LEVEL", "INFO"))
