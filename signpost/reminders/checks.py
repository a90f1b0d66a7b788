"""`manage.py check` refuses a Notify set-up that could never send (house convention 7)."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from signpost.reminders.notify import parse_key


@checks.register()
def notify_settings(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """With NOTIFY_API_KEY set, the key parses and both template ids are UUIDs."""
    if not getattr(settings, "NOTIFY_API_KEY", ""):
        return []
    errors: list[checks.CheckMessage] = []
    try:
        parse_key(settings.NOTIFY_API_KEY)
    except ImproperlyConfigured as error:
        errors.append(checks.Error(str(error), id="reminders.E001"))
    for name in ("NOTIFY_EMAIL_TEMPLATE_ID", "NOTIFY_SMS_TEMPLATE_ID"):
        try:
            uuid.UUID(getattr(settings, name, ""))
        except ValueError:
            errors.append(
                checks.Error(f"{name} must be a Notify template id (a UUID).", id="reminders.E002")
            )
    return errors
