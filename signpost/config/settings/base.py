"""Settings shared by every environment. Values that differ come from environment variables."""

from __future__ import annotations

from pathlib import Path

from signpost.config.database import database_from_url
from signpost.config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parents[3]
PACKAGE_DIR = BASE_DIR / "signpost"
VAR_DIR = Path(env_str("SIGNPOST_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "signpost.core",
    "signpost.users",
    "signpost.pages",
    "signpost.directory",
    "signpost.searchindex",
    "signpost.lexicon",
    "signpost.openreferral",
    "signpost.workspace",
    "signpost.meetings",
    "signpost.involvement",
    "signpost.reminders",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Accounts (ADR 008): members sign in with an emailed code or a passkey, staff with a
    # password and a second factor. After our apps, so signpost/users/templates wins.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Background work (calendars-and-reminders.md): django-tasks, which Wagtail 8 pins, and
    # the database backend and worker from django-tasks-db.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # /healthz and /readyz answer before host checks, the HTTPS redirect and sessions: probes
    # come by IP over plain http and must never create a session (signpost/core/health.py).
    "signpost.core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compress HTML (static files are pre-compressed by WhiteNoise). CSRF tokens are masked
    # per response, which defeats BREACH-style guessing through compression.
    "django.middleware.gzip.GZipMiddleware",
    "signpost.core.middleware.SecurityHeadersMiddleware",
    # Public pages may be cached briefly; anything with a form, a cookie or a session never is.
    # Above the session, CSRF and message middleware, so it sees what they add.
    "signpost.core.http_cache.CacheControlMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Anyone who can reach the admin sets up a second factor before they get there (ADR 008).
    "signpost.users.middleware.SecondFactorRequiredMiddleware",
    # Members accept the community agreement before other workspace pages (helper W4).
    "signpost.workspace.profile.middleware.CommunityAgreementMiddleware",
]

ROOT_URLCONF = "signpost.config.urls"
WSGI_APPLICATION = "signpost.config.wsgi.application"

TEMPLATES = [
    {
        # Public pages: Jinja2 with the NHS.UK frontend macros.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "signpost.config.jinja2.environment",
            # `display_name(user)`: a member's chosen name, or "a former member".
            "context_processors": ["signpost.workspace.profile.names.workspace_names"],
            "extensions": [
                "wagtail.jinja2tags.core",
                "wagtail.images.jinja2tags.images",
                "wagtail.contrib.settings.jinja2tags.settings",
            ],
        },
    },
    {
        # The Wagtail and Django admin stay on Django templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL", ""), VAR_DIR / "signpost.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "users.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31536000

SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "signpost_cache",
    }
}

WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Signpost")
WAGTAILADMIN_BASE_URL = env_str("SITE_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
# No Gravatar: staff avatars would send a hash of each email address to another host, and
# the admin's CSP allows images from this site only (ADR 013).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No check for new Wagtail releases from staff browsers (a request to releases.wagtail.org):
# upgrades come with the project's own releases.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Everyone signs in through allauth (ADR 008), the admin included, so no path skips MFA.
WAGTAILADMIN_LOGIN_URL = "account_login"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/workspace/"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "signpost.users.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
# Sign-up is closed (the adapter); allauth reads this to put a password box on the sign-in
# form, which only staff can use.
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
# Sessions end when the browser closes: members may share a device (ADR 008).
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# Sign-in never says whether an address has an account (allauth's default, kept on purpose).
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = env_str("SITE_NAME", "Signpost")
# Passkeys need HTTPS, except on the developer's own machine.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
# Email carries members' sign-in codes: SMTP when deployed, the console in `make run`.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "signpost@localhost")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Staff reach the admin only once a second factor is set up (signpost.users.middleware).
SIGNPOST_STAFF_NEED_SECOND_FACTOR = True

# Background tasks. "default" stays immediate, as Wagtail has it, so its search-index updates
# still happen within the request; "background" is the database queue that
# `manage.py db_worker --backend background` works through (reminders).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
SIGNPOST_REMINDER_CHECK_MINUTES = env_int(
    "SIGNPOST_REMINDER_CHECK_MINUTES", 60, minimum=1, maximum=24 * 60
)
# GOV.UK Notify: when a key is set, reminders go through Notify (email and text messages)
# instead of Django's email backend. `manage.py check` refuses a malformed key or template id.
NOTIFY_API_KEY = env_str("NOTIFY_API_KEY", "")
NOTIFY_BASE_URL = env_str("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
NOTIFY_EMAIL_TEMPLATE_ID = env_str("NOTIFY_EMAIL_TEMPLATE_ID", "")
NOTIFY_SMS_TEMPLATE_ID = env_str("NOTIFY_SMS_TEMPLATE_ID", "")

# Directory behaviour an area may tune.
SIGNPOST_REVIEW_AFTER_DAYS = env_int("SIGNPOST_REVIEW_AFTER_DAYS", 183, minimum=1, maximum=3650)
SIGNPOST_QUICK_EXIT_URL = env_str("SIGNPOST_QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")
SIGNPOST_REPORTS_PER_HOUR = env_int("SIGNPOST_REPORTS_PER_HOUR", 5, minimum=1, maximum=1000)
SIGNPOST_MY_LIST_LIMIT = env_int("SIGNPOST_MY_LIST_LIMIT", 50, minimum=1, maximum=500)
# Days a saved list is kept after its last change; at most the session cookie's 30 days.
SIGNPOST_MY_LIST_KEEP_DAYS = env_int("SIGNPOST_MY_LIST_KEEP_DAYS", 7, minimum=1, maximum=30)
# Imports and feed subscriptions (ADR 012). Uploads wait in SIGNPOST_IMPORT_UPLOAD_DIR for the
# worker, so web processes and the worker must share it (empty: the system's temp folder).
SIGNPOST_IMPORT_TASK_BACKEND = env_str("SIGNPOST_IMPORT_TASK_BACKEND", "background")
SIGNPOST_IMPORT_UPLOAD_DIR = env_str("SIGNPOST_IMPORT_UPLOAD_DIR", "")
SIGNPOST_FEED_CHECK_MINUTES = env_int("SIGNPOST_FEED_CHECK_MINUTES", 15, minimum=1, maximum=1440)
SIGNPOST_FEED_TIMEOUT_SECONDS = env_int("SIGNPOST_FEED_TIMEOUT_SECONDS", 30, minimum=1, maximum=600)
# A public search with fewer results than this is counted for staff (lexicon.UnmatchedSearch).
SIGNPOST_UNMATCHED_BELOW = env_int("SIGNPOST_UNMATCHED_BELOW", 3, minimum=1, maximum=50)
# `/components/` lives in `signpost.nonprod`, which only local and test settings install.
SIGNPOST_COMPONENTS_PAGE = False
# Paths whose pages are one person's own, never stored by any cache (signpost/core/http_cache.py).
SIGNPOST_NEVER_CACHED_PATHS = [
    "/admin/",
    "/django-admin/",
    "/workspace/",
    "/accounts/",
    "/my-list/",
]
SIGNPOST_IMPORT_MAX_UPLOAD_MB = env_int("SIGNPOST_IMPORT_MAX_UPLOAD_MB", 50, minimum=1, maximum=999)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Background tasks log two lines each at INFO (an import enqueues hundreds of search index
    # updates); their failures still come through as errors.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
