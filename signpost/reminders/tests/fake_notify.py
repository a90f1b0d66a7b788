"""A small local server that speaks GOV.UK Notify's API, for tests (no network).

It checks the bearer token as Notify does (HS256 with the key's secret, `iss` the service id,
`iat` within 30 seconds) and answers 201 with Notify's response shape, or 403 with its errors.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506"
SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
API_KEY = f"signpost_test-{SERVICE_ID}-{SECRET}"


def _unb64(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def token_error(header: str) -> str | None:
    """Why Notify would refuse this Authorization header, or None."""
    if not header.startswith("Bearer "):
        return "Unauthorized: authentication token must be provided"
    try:
        head, payload, signature = header.removeprefix("Bearer ").split(".")
        claims = json.loads(_unb64(payload))
        algorithm = json.loads(_unb64(head))["alg"]
    except (ValueError, KeyError):
        return "Invalid token: not a JWT"
    expected = hmac.new(SECRET.encode(), f"{head}.{payload}".encode(), hashlib.sha256).digest()
    if algorithm != "HS256" or not hmac.compare_digest(expected, _unb64(signature)):
        return "Invalid token: signature"
    if claims.get("iss") != SERVICE_ID:
        return "Invalid token: service not found"
    if abs(time.time() - int(claims.get("iat", 0))) > 30:
        return "Error: Your system clock must be accurate to within 30 seconds"
    return None


class FakeNotify:
    """Start with `with FakeNotify() as notify:`; `notify.url`, `notify.received`."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        handler = type("Handler", (_Handler,), {"fake": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeNotify:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Handler(BaseHTTPRequestHandler):
    fake: FakeNotify

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if error := token_error(self.headers.get("Authorization", "")):
            errors = [{"error": "AuthError", "message": error}]
            return self._answer(403, {"status_code": 403, "errors": errors})
        kind = {"/v2/notifications/email": "email", "/v2/notifications/sms": "sms"}.get(self.path)
        if kind is None:
            return self._answer(404, {"status_code": 404, "errors": [{"message": "Not found"}]})
        self.fake.received.append({"kind": kind, **body})
        self._answer(201, self._created(kind, body))

    def _created(self, kind: str, body: dict[str, Any]) -> dict[str, Any]:
        personal = body.get("personalisation", {})
        content = {"body": personal.get("body", "")}
        if kind == "email":
            content |= {"subject": personal.get("subject", ""), "from_email": "a@b.gov.uk"}
        else:
            content["from_number"] = "GOVUK"
        notification_id = str(uuid.uuid4())
        template = body.get("template_id")
        return {
            "id": notification_id, "reference": body.get("reference"), "content": content,
            "uri": f"/v2/notifications/{notification_id}",
            "template": {"id": template, "version": 1, "uri": f"/v2/template/{template}"},
        }  # fmt: skip

    def _answer(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
