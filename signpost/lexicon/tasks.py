"""Retention as a background task: the same purge as ``manage.py purge_unmatched_searches``.

Run it on the ``background`` (django-tasks-db) queue once a day or week; scheduling is wired
with the other recurring tasks (issue 13). Deleting old weeks is idempotent, so running it
late or twice does no harm.
"""

from __future__ import annotations

from django_tasks import task

from .unmatched import purge


@task(backend="background")
def purge_unmatched_searches() -> int:
    """Delete weekly counts over 12 months old; returns how many rows went."""
    return purge()
