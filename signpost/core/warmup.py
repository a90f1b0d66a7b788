"""Work a web process does once, before it takes requests, so nobody's first search pays it.

Importing every URL module, compiling the busiest templates and loading the gazetteer and
search statistics takes a second or more. gunicorn calls `warm_up` in each worker after it
starts (gunicorn.conf.py `post_worker_init`), and the search benchmark does the same, so
"the first search after a start" is measured as a person would meet it. Apps add their own
steps with `register` in `AppConfig.ready`; core imports none of them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

logger = logging.getLogger(__name__)

_steps: dict[str, Callable[[], object]] = {}


def register(name: str, step: Callable[[], object]) -> None:
    """Add a step (by name, so registering twice keeps one)."""
    _steps[name] = step


def _urls() -> None:
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every URL module and view
    get_resolver()._populate()


def warm_up() -> dict[str, float]:
    """Run every step; a step that fails is logged and skipped (the process still serves).
    Returns seconds per step."""
    timings: dict[str, float] = {}
    for name, step in {"urls": _urls, **_steps}.items():
        started = time.perf_counter()
        try:
            step()
        except Exception:  # a cold cache is slower, never broken
            logger.warning("Start-up step %s failed; it will happen on first use.", name)
        timings[name] = time.perf_counter() - started
    return timings
