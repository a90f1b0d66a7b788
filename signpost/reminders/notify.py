"""A small GOV.UK Notify client: send one email or one text message.

Notify's API takes a JSON POST with a JWT bearer token (HS256), signed with the secret part
of the API key and naming the service id as issuer. A key is written
`{key name}-{service id}-{secret}`, the last two being UUIDs, so both are read from its end.
Written against the documented API with `requests`, so no client library is needed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_BASE_URL = "https://api.notifications.service.gov.uk"
TIMEOUT_SECONDS = 10


class NotifyError(Exception):
    """Notify refused or could not be reached; the message says why (never the recipient)."""


@dataclass(frozen=True)
class ApiKey:
    service_id: str
    secret: str


def parse_key(key: str) -> ApiKey:
    """Split a Notify API key into its service id and secret, or say plainly what is wrong."""
    key = key.strip()
    service_id, secret = key[-73:-37], key[-36:]
    try:
        uuid.UUID(service_id)
        uuid.UUID(secret)
    except ValueError:
        raise ImproperlyConfigured(
            "NOTIFY_API_KEY must be a GOV.UK Notify API key: a name, then the service id and "
            "the secret (two UUIDs), joined by hyphens."
        ) from None
    if len(key) < 74 or key[-74] != "-" or key[-37] != "-":
        raise ImproperlyConfigured("NOTIFY_API_KEY is not in Notify's key format.")
    return ApiKey(service_id=service_id, secret=secret)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def make_token(key: ApiKey, *, issued_at: int | None = None) -> str:
    """A JWT as Notify wants it: HS256, `iss` the service id, `iat` now (seconds)."""
    header = _b64(json.dumps({"typ": "JWT", "alg": "HS256"}).encode())
    claims = {"iss": key.service_id, "iat": int(time.time()) if issued_at is None else issued_at}
    payload = _b64(json.dumps(claims).encode())
    signing_input = f"{header}.{payload}".encode("ascii")
    signature = hmac.new(key.secret.encode(), signing_input, hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(signature)}"


def is_configured() -> bool:
    """True when an API key is set: reminders then go through Notify."""
    return bool(getattr(settings, "NOTIFY_API_KEY", ""))


def _post(path: str, body: dict[str, Any]) -> dict[str, Any]:
    key = parse_key(settings.NOTIFY_API_KEY)
    url = settings.NOTIFY_BASE_URL.rstrip("/") + path
    headers = {"Authorization": f"Bearer {make_token(key)}", "User-Agent": "signpost"}
    try:
        response = requests.post(url, json=body, headers=headers, timeout=TIMEOUT_SECONDS)
    except requests.RequestException as error:
        raise NotifyError(f"Notify could not be reached: {type(error).__name__}") from None
    if response.status_code != 201:
        raise NotifyError(f"Notify answered {response.status_code}: {_messages(response)}")
    result: dict[str, Any] = response.json()
    return result


def _messages(response: requests.Response) -> str:
    """Notify's own error messages (they name the problem, not the person)."""
    try:
        errors = response.json().get("errors", [])
        return "; ".join(str(e.get("message", "")) for e in errors) or "no detail"
    except ValueError:
        return "no detail"


def send_email(*, to: str, subject: str, body: str, reference: str = "") -> str:
    """Send one email through the configured template (it shows ((subject)) and ((body)))."""
    result = _post(
        "/v2/notifications/email",
        {
            "email_address": to,
            "template_id": settings.NOTIFY_EMAIL_TEMPLATE_ID,
            "personalisation": {"subject": subject, "body": body},
            "reference": reference,
        },
    )
    return str(result["id"])


def send_text(*, to: str, body: str, reference: str = "") -> str:
    """Send one text message through the configured template (it shows ((body)))."""
    result = _post(
        "/v2/notifications/sms",
        {
            "phone_number": to,
            "template_id": settings.NOTIFY_SMS_TEMPLATE_ID,
            "personalisation": {"body": body},
            "reference": reference,
        },
    )
    return str(result["id"])
