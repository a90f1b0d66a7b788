"""/healthz and /readyz: what a load balancer sees, through the whole middleware stack."""

from __future__ import annotations

import json

import pytest
from django.db import connection

from signpost.core import health


@pytest.fixture(autouse=True)
def _forget_migrations(monkeypatch):
    """Each test starts as a new process would: migrations not yet confirmed."""
    monkeypatch.setattr(health, "_migrations_applied", False)


def test_liveness_answers_without_touching_the_database(client):
    # No `db` fixture: any query would fail this test.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


def test_readiness_checks_the_database_and_migrations(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body == {"status": "ok", "checks": {"database": "ok", "migrations": "ok"}}
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


def test_readiness_fails_while_a_migration_is_not_applied(client, db):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = 'core'")
    response = client.get("/readyz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "unavailable"
    assert body["checks"]["migrations"] == "pending"


def test_readiness_fails_when_a_shared_cache_does_not_answer(client, db, settings):
    # A database cache whose table was never created (`createcachetable` not run).
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "no_such_cache_table",
        },
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["cache"] == "unavailable"


def test_probes_by_ip_over_plain_http_are_answered_not_refused_or_redirected(client, db, settings):
    settings.ALLOWED_HOSTS = ["findsupport.example.nhs.uk"]
    settings.SECURE_SSL_REDIRECT = True
    for url in ("/healthz", "/readyz"):
        response = client.get(url, HTTP_HOST="10.0.0.7:8000")
        assert response.status_code == 200, url
    # Everything else still refuses an unknown host.
    assert client.get("/urgent-help/", HTTP_HOST="10.0.0.7:8000").status_code == 400


def test_probes_only_read(client, db):
    response = client.post("/readyz")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
