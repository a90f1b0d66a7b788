"""A web process's start-up warm-up: every app's step runs, and one failing never stops it."""

import pytest

from signpost.core import warmup


@pytest.mark.django_db
def test_warm_up_loads_the_gazetteer_and_search_statistics_before_any_request():
    from signpost.directory.places import index as places_index
    from signpost.searchindex import statistics

    places_index.forget()
    statistics.forget()
    timings = warmup.warm_up()
    assert {"urls", "places", "templates", "search statistics"} <= set(timings)
    assert "index" in places_index._cache
    assert statistics._cache.version != -1  # this process has read the statistics


@pytest.mark.django_db
def test_a_failing_step_is_logged_and_the_rest_still_run(caplog):
    ran = []

    def broken():
        raise RuntimeError("cold cache")

    warmup.register("test broken", broken)
    warmup.register("test after", lambda: ran.append(True))
    try:
        timings = warmup.warm_up()
    finally:
        warmup._steps.pop("test broken")
        warmup._steps.pop("test after")
    assert ran == [True]
    assert "test broken" in timings
    assert "Start-up step test broken failed" in caplog.text
