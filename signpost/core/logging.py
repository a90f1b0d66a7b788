"""Logs a deployed site writes: one JSON object a line, with no personal data or search words.

Log collectors (journald, Loki, CloudWatch, Azure Monitor) read JSON lines without parsing
rules. What goes in is chosen here rather than left to each logger: the time, level, logger,
message, and for Django's request records the method, path and status. Never the client's
address, user agent, referrer, user or query string: a person's search words travel in the
query string (`/services/?q=...`, ADR 006), and the referrer carries the same address.

`StripQueryStrings` removes any query string from what is logged, whoever logs it: Django,
gunicorn's access log (which gunicorn.conf.py routes through this module) or a library; and
email addresses and client addresses quoted in errors, as "[email]" and "[address]".
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from datetime import UTC, datetime
from typing import Any

# A path or URL followed by a query string: keep the path, drop "?..." up to the next space
# or quote. A lone "?" ending a sentence has nothing after it and is left alone.
_QUERY_STRING = re.compile(
    r"(?P<path>(?:[a-z][a-z0-9+.-]*://[^\s/?#\"']*)?/[^\s?#\"']*)"  # scheme and host, then path
    r"\?[^\s\"'<>]+"  # the query string, up to a space, quote or bracket
)


# An email address, as a database error quotes it ("Key (email)=(sam@example.org) already
# exists"), and the client address gunicorn names in a malformed-request error.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CLIENT_ADDRESS = re.compile(r"\bip=\S+")


def strip_query_strings(text: str) -> str:
    """The text with every URL's or path's query string, email address and client address
    removed."""
    text = _QUERY_STRING.sub(r"\g<path>", text)
    text = _EMAIL.sub("[email]", text)
    return _CLIENT_ADDRESS.sub("ip=[address]", text)


class StripQueryStrings(logging.Filter):
    """Rewrites each record's message (and traceback) without query strings."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg = strip_query_strings(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info))
        if record.exc_text:
            record.exc_text = strip_query_strings(record.exc_text)
        return True


class JsonLinesFormatter(logging.Formatter):
    """One JSON object a line, holding only the fields named in this module's docstring."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": strip_query_strings(record.getMessage()),
        }
        request = getattr(record, "request", None)
        method = getattr(request, "method", None)
        path = getattr(request, "path", None)
        if isinstance(method, str) and isinstance(path, str):
            entry["method"] = method
            entry["path"] = path  # request.path never includes the query string
        status = getattr(record, "status_code", None)
        if isinstance(status, int):
            entry["status"] = status
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = strip_query_strings(record.exc_text)
        return json.dumps(entry, ensure_ascii=False)


def logging_config(level: str) -> dict[str, Any]:
    """The production LOGGING setting (and gunicorn's logconfig_dict): JSON lines to stderr,
    gunicorn's access log to stdout, every handler filtered."""
    handler = {
        "class": "logging.StreamHandler",
        "formatter": "json",
        "filters": ["no_query_strings"],
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"no_query_strings": {"()": "signpost.core.logging.StripQueryStrings"}},
        "formatters": {"json": {"()": "signpost.core.logging.JsonLinesFormatter"}},
        "handlers": {
            "console": {**handler, "stream": "ext://sys.stderr"},
            "access": {**handler, "stream": "ext://sys.stdout"},
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "gunicorn.error": {"handlers": ["console"], "level": level, "propagate": False},
            "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
            # Background tasks log two lines each at INFO (an import enqueues hundreds of
            # search index updates); their failures still come through as errors.
            "django_tasks": {"level": "WARNING"},
            # runserver's request lines carry query strings; it never runs in production,
            # but silence it in case someone tries.
            "django.server": {"level": "WARNING"},
        },
    }
