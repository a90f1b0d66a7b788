"""Health checks for whatever runs the site: `/healthz` (alive) and `/readyz` (ready to serve).

They are answered by the first middleware, before host checks, the HTTPS redirect, sessions
and sign-in: a load balancer or container platform probes by IP over plain http, and a
probe must never create a session or be redirected. They say nothing about anyone: no
personal data, no versions, no error text (the reason for a failure goes to the log).

- `/healthz` (liveness): the process answers. It touches nothing else, so a database outage
  does not get every web process restarted.
- `/readyz` (readiness): the database answers a cheap query, every migration this code
  expects is applied, and each shared cache (Redis, the database cache) answers a read. A
  failing check gives 503, so the balancer sends people elsewhere until it passes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

LIVENESS_PATHS = frozenset({"/healthz", "/healthz/"})
READINESS_PATHS = frozenset({"/readyz", "/readyz/"})
# Caches private to one process say nothing about shared infrastructure.
_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
_migrations_applied = False  # once true, stays true for this process's code


def _json(body: dict[str, object], status: int = 200) -> HttpResponse:
    response = HttpResponse(json.dumps(body), content_type="application/json", status=status)
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Readiness: the database did not answer", exc_info=True)
        return False
    return True


def _migrations() -> bool:
    """Every migration on disk is applied (checked until true, then remembered)."""
    global _migrations_applied
    if _migrations_applied:
        return True
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        logger.warning("Readiness: could not read the applied migrations", exc_info=True)
        return False
    if pending:
        logger.warning("Readiness: %d migrations are not applied yet", len(pending))
        return False
    _migrations_applied = True
    return True


def _shared_caches() -> bool | None:
    """Each shared cache answers a read; None when there is no shared cache to check."""
    aliases = [
        alias
        for alias, config in settings.CACHES.items()
        if config.get("BACKEND") not in _LOCAL_CACHES
    ]
    if not aliases:
        return None
    for alias in aliases:
        try:
            caches[alias].get("signpost:readyz")
        except Exception:  # each backend raises its own errors (Redis, database, memcached)
            logger.warning("Readiness: the %r cache did not answer", alias, exc_info=True)
            return False
    return True


def readiness() -> tuple[bool, dict[str, str]]:
    """Whether this process can serve people, and each check's result."""
    checks: dict[str, str] = {}
    database = _database()
    checks["database"] = "ok" if database else "unavailable"
    migrations = database and _migrations()
    checks["migrations"] = "ok" if migrations else ("pending" if database else "unknown")
    cache = _shared_caches()
    if cache is not None:
        checks["cache"] = "ok" if cache else "unavailable"
    return database and migrations and cache is not False, checks


class HealthCheckMiddleware:
    """Answers the two probe addresses before any other middleware runs (first in the list)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if path not in LIVENESS_PATHS and path not in READINESS_PATHS:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = _json({"status": "method not allowed"}, status=405)
            response["Allow"] = "GET, HEAD"
            return response
        if path in LIVENESS_PATHS:
            return _json({"status": "ok"})
        ready, checks = readiness()
        return _json(
            {"status": "ok" if ready else "unavailable", "checks": checks},
            status=200 if ready else 503,
        )
