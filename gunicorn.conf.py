"""gunicorn settings for Signpost: `gunicorn -c gunicorn.conf.py signpost.config.wsgi`.

Read by gunicorn at start-up; every value can be overridden by the environment variable named
beside it (or GUNICORN_CMD_ARGS). docs/operations.md says how to run it; ADR 013 says why.
"""

from __future__ import annotations

import logging
import os

from signpost.core.logging import logging_config


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


def _cores() -> int:
    """Cores this process may use (a container's CPU set, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# Where to listen. Behind nginx or a load balancer, keep it on loopback or a private address.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Processes, not threads, carry the load: ranking a search is Python work that holds the
# interpreter lock, so only separate processes use more than one core. 2 x cores + 1 is
# gunicorn's advice: while one process waits on the database another computes. Each process
# holds its own search index, so memory, not cores, may be the limit on a small machine
# (docs/operations.md); GUNICORN_WORKERS sets the number outright.
workers = _int("GUNICORN_WORKERS", 2 * _cores() + 1)
# Two threads a process, so a request waiting on a database lock or a slow upload does not
# leave the process idle; more threads would only queue for the interpreter lock.
threads = _int("GUNICORN_THREADS", 2)
worker_class = "gthread" if threads > 1 else "sync"

# A process silent for this long is restarted. Pages answer in well under a second; the
# slowest requests (an admin upload of a large feed) finish within SQLite's 20 s busy wait.
timeout = _int("GUNICORN_TIMEOUT", 30)
# On a restart or deploy (SIGTERM or SIGHUP), requests in flight get this long to finish.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Idle keep-alive connections from the proxy in front.
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Workers are not recycled after N requests: a new process rebuilds the search index on its
# first search, which costs more than any slow leak we have seen.
max_requests = 0

# Each worker loads the application itself, so HUP (`systemctl reload`) brings up workers on
# newly deployed code while the old ones finish their requests: no gap for someone looking
# for urgent help. A settings error (a weak SECRET_KEY) stops the first worker and gunicorn.
preload_app = False

# No control socket: its default path is shared by every gunicorn of this user, so two app
# servers on one machine would clash; signals (HUP to reload, TERM to stop) are enough.
control_socket_disable = True

# Trust X-Forwarded-Proto (HTTPS at the proxy) only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs: JSON lines through signpost/core/logging.py, so query strings (a person's search
# words) never reach them. The access line names the method, path (%(U)s never includes the
# query), status, size and time; not the client's address, user agent or referrer, which
# are personal data or carry the previous page's address with its search words.
accesslog = "-"
errorlog = "-"
access_log_format = "%(m)s %(U)s %(s)s %(B)s bytes %(M)s ms"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logconfig_dict = logging_config(os.environ.get("LOG_LEVEL", "INFO").upper())


def when_ready(server: object) -> None:
    """Say, once, how this server is set up (and if it is relaxed for plain http)."""
    log = logging.getLogger("gunicorn.error")
    log.info("Signpost is serving on %s with %d workers x %d threads", bind, workers, threads)
    if os.environ.get("SIGNPOST_LOCAL_HTTP", "").strip().lower() in {"1", "true", "yes", "on"}:
        log.warning(
            "SIGNPOST_LOCAL_HTTP is on: HTTPS-only settings are relaxed for local use. "
            "Never set it on a real server."
        )


def post_worker_init(worker: object) -> None:
    """Before this worker takes requests: URL modules, templates, the gazetteer and search
    statistics loaded (signpost/core/warmup.py), so the first person's search is not slow."""
    from signpost.core.warmup import warm_up

    timings = warm_up()
    logging.getLogger("gunicorn.error").info("Worker warmed up in %.1f s", sum(timings.values()))
