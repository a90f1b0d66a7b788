"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the
# same thread are safe here because each test owns its database connection.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Use Debian's Chromium; never download a browser."""
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture
def home_page(db):
    """A home page at the root of the default site, as `make run` sets up."""
    from signpost.nonprod.demo import build_site

    return build_site()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached values never leak from one test into another, nor do the
    per-process copies of the gazetteer and search statistics: each test's database is
    rolled back, so a copy read in one test may match the next one's version numbers."""
    from django.core.cache import cache

    from signpost.directory.places import index as places_index
    from signpost.searchindex import freshness, statistics

    def forget_all() -> None:
        cache.clear()
        places_index.forget()
        statistics.forget()
        freshness.forget_pending()

    forget_all()
    yield
    forget_all()
