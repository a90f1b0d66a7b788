"""A pytest fixture with the real UK gazetteer loaded once per test module.

Loading takes a couple of seconds, so it is done outside the tests' transactions and
removed again when the module ends (other tests build their own tiny gazetteers)."""

from __future__ import annotations

import pytest

from signpost.directory.gazetteer.loader import load_gazetteer
from signpost.directory.models import Place


@pytest.fixture(scope="module")
def uk_gazetteer(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_gazetteer(refresh=False)
    yield
    with django_db_blocker.unblock():
        Place.objects.all().delete()
