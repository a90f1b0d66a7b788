"""The production settings, as a deployed site starts them: each in its own process.

Settings are read once per process, so each case starts Python afresh with the environment an
operator would give it. Django's own settings for the suite are not touched.
"""

from __future__ import annotations

import io
import json
import logging
import logging.config
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from signpost.config.secret_key import secret_key_problem
from signpost.core.logging import logging_config

ROOT = Path(__file__).resolve().parents[3]
GOOD_KEY = secrets.token_urlsafe(64)
PRIVATE_WORDS = "harbourmaster-panic-attacks"  # stands in for a person's search words


def _env(tmp_path: Path, settings: str = "production", **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SIGNPOST_", "SECURE_", "GUNICORN_"))
        and key not in {"DATABASE_URL", "DEBUG", "ALLOWED_HOSTS", "SECRET_KEY", "LOG_LEVEL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE=f"signpost.config.settings.{settings}",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="findsupport.example.nhs.uk",
        SIGNPOST_VAR_DIR=str(tmp_path),
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def _python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


WHAT_IS_THERE = """
import json, django
from django.apps import apps
from django.conf import settings
from django.core.management import get_commands
from django.urls import NoReverseMatch, resolve, reverse
django.setup()
try:
    reverse("nonprod:components")
    routed = True
except NoReverseMatch:
    routed = False
print(json.dumps({
    "installed": apps.is_installed("signpost.nonprod"),
    "routed": routed,
    "view": resolve("/components/").func.__module__,
    "page_setting": settings.SIGNPOST_COMPONENTS_PAGE,
    "demo_command": "load_demo_data" in get_commands(),
    "debug": settings.DEBUG,
}))
"""


def test_production_never_installs_or_routes_the_demo_whatever_the_settings_say(tmp_path):
    env = _env(tmp_path, SIGNPOST_COMPONENTS_PAGE="true", DEBUG="true")
    result = _python(WHAT_IS_THERE, env)
    assert result.returncode == 0, result.stderr
    there = json.loads(result.stdout)
    assert there["installed"] is False
    assert there["routed"] is False
    assert not there["view"].startswith("signpost.nonprod")  # Wagtail's page-not-found instead
    assert there["page_setting"] is False
    assert there["demo_command"] is False
    assert there["debug"] is False


def test_make_run_keeps_the_demo(tmp_path):
    result = _python(WHAT_IS_THERE, _env(tmp_path, settings="local"))
    assert result.returncode == 0, result.stderr
    there = json.loads(result.stdout)
    assert there["installed"] and there["routed"] and there["demo_command"]


@pytest.mark.parametrize(
    "key",
    [
        "abc",
        "insecure-development-key-change-me",
        "django-insecure-" + "k3j4h5g6f7d8s9a0" * 3,
        "a" * 64,
        "ab" * 40,
        "please-change-me-to-something-long-and-random-0123456789",
    ],
    ids=["short", "our-placeholder", "django-placeholder", "one-char", "two-chars", "change-me"],
)
def test_a_guessable_secret_key_is_refused(key):
    assert secret_key_problem(key)


def test_a_random_secret_key_is_accepted():
    assert secret_key_problem(GOOD_KEY) is None


def test_production_refuses_to_start_with_a_weak_secret_key_and_says_why(tmp_path):
    result = _python("import django; django.setup()", _env(tmp_path, SECRET_KEY="abc"))
    assert result.returncode != 0
    assert "SECRET_KEY is 3 characters long; use at least 50" in result.stderr
    assert "secrets.token_urlsafe" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    env = _env(tmp_path)
    del env["ALLOWED_HOSTS"]
    result = _python("import django; django.setup()", env)
    assert result.returncode != 0
    assert "Set ALLOWED_HOSTS" in result.stderr


def test_check_deploy_gives_no_warnings(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=_env(tmp_path),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_local_http_relaxes_https_only_for_loopback_and_says_so(tmp_path):
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE]))"
    )
    env = _env(tmp_path, SIGNPOST_LOCAL_HTTP="1", ALLOWED_HOSTS="127.0.0.1,localhost")
    result = _python(code, env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, 0, False, False]
    assert "SIGNPOST_LOCAL_HTTP is on" in result.stderr

    refused = _python(code, {**env, "ALLOWED_HOSTS": "127.0.0.1,findsupport.example.nhs.uk"})
    assert refused.returncode != 0
    assert "must name only 127.0.0.1 or localhost, not findsupport.example.nhs.uk" in (
        refused.stderr
    )


def test_production_logs_are_json_lines_without_query_strings(client, db, monkeypatch):
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    logging.config.dictConfig(logging_config("INFO"))
    try:
        # Django's own record of a request that went wrong, and a library logging the full
        # address, as some do.
        response = client.get(f"/services/not-a-service/?q={PRIVATE_WORDS}&age=15")
        assert response.status_code == 404
        request = response.wsgi_request
        logging.getLogger("some.library").warning("Fetched %s", request.get_full_path())
        try:
            raise ValueError(
                f"could not read {request.build_absolute_uri()}: "
                "Key (email)=(sam.okafor@example.org) already exists"
            )
        except ValueError:
            logging.getLogger("some.library").exception("Failed")
    finally:
        from django.conf import settings

        logging.config.dictConfig(settings.LOGGING)
    lines = [json.loads(line) for line in stream.getvalue().splitlines() if line.startswith("{")]
    assert {"Not Found: /services/not-a-service/", "Fetched /services/not-a-service/"} <= {
        line["message"] for line in lines
    }
    assert any(
        "http://testserver/services/not-a-service/" in line.get("exception", "") for line in lines
    )
    assert PRIVATE_WORDS not in stream.getvalue()
    assert "age=15" not in stream.getvalue()
    assert "sam.okafor" not in stream.getvalue()
    assert any("Key (email)=([email])" in line.get("exception", "") for line in lines)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy


def _get(url: str) -> int:
    """The status, or 0 while nothing listens yet."""
    try:
        with _DIRECT.open(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except urllib.error.URLError:
        return 0


def test_gunicorn_access_and_error_logs_never_carry_search_words(tmp_path):
    port = _free_port()
    env = _env(
        tmp_path,
        SIGNPOST_LOCAL_HTTP="1",
        ALLOWED_HOSTS="127.0.0.1",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
        STATIC_ROOT=str(tmp_path / "static"),
    )
    # The error page needs the static files' manifest, as on a real server.
    collected = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert collected.returncode == 0, collected.stderr
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "-c", "gunicorn.conf.py", "signpost.config.wsgi"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while _get(f"{base}/healthz") != 200:
            assert server.poll() is None, "gunicorn stopped"
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.3)
        assert _get(f"{base}/healthz?q={PRIVATE_WORDS}") == 200
        # The database here was never migrated: not ready, and a search fails. Both are
        # logged, neither with the words.
        assert _get(f"{base}/readyz?q={PRIVATE_WORDS}") == 503
        assert _get(f"{base}/services/?q={PRIVATE_WORDS}&age=15") == 500
    finally:
        server.terminate()
        stdout, stderr = server.communicate(timeout=60)
    access = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    messages = [line["message"] for line in access]
    assert "GET /healthz 200" in " ".join(messages)
    assert any(message.startswith("GET /services/ 500") for message in messages)
    assert "Internal Server Error: /services/" in stderr
    assert stderr.count("SIGNPOST_LOCAL_HTTP is on") == 1  # said once, by gunicorn
    assert PRIVATE_WORDS not in stdout + stderr
    assert "age=15" not in stdout + stderr
