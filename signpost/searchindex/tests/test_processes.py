"""Several processes share one index: an edit costs each a small refresh, never a rebuild."""

from __future__ import annotations

import pytest

from signpost.directory.finder import SearchRequest, find_services
from signpost.directory.models import Service, ServiceCoverage
from signpost.directory.tests.factories import ServiceFactory, TaxonomyFactory, TermFactory
from signpost.searchindex import freshness, statistics
from signpost.searchindex.models import SearchStats

pytestmark = pytest.mark.django_db


def found_names(text: str, **kwargs) -> list[str]:
    ids = find_services(SearchRequest(text=text, **kwargs)).service_ids
    by_id = dict(Service.objects.filter(id__in=ids).values_list("id", "name"))
    return [by_id[i] for i in ids]


def test_another_process_sees_an_edit_and_learns_its_new_words():
    ServiceFactory(name="Harbour Group", description="A weekly group.")
    assert found_names("harbour") == ["Harbour Group"]
    statistics.forget()  # a second process, started now
    assert found_names("harbour") == ["Harbour Group"]
    version = SearchStats.objects.get(pk=1).version
    # An edit (here, by "another process": this one's cache is kept) adds a rare word.
    ServiceFactory(name="Kintsugi Circle", description="Mending together.")
    assert found_names("kintsugi") == ["Kintsugi Circle"]
    assert found_names("kintsgui") == ["Kintsugi Circle"]  # corrected against the new word
    assert SearchStats.objects.get(pk=1).version > version


def test_a_fresh_process_agrees_with_a_long_running_one():
    for index in range(6):
        ServiceFactory(name=f"Walking Group {index}", description="Walk and talk about worry.")
    before = found_names("walking worry")
    walking = Service.objects.get(name="Walking Group 3")
    Service.objects.filter(id=walking.id).update(status="inactive")  # no signal
    ServiceCoverage.objects.create(service=walking, place=None)  # as an import rewrites it
    running = found_names("walking worry")
    statistics.forget()
    assert found_names("walking worry") == running
    assert len(running) == len(before) - 1


def test_facets_come_from_entries_and_browse_lists_everything():
    access = TaxonomyFactory(name="access")
    drop_in = TermFactory(taxonomy=access, code="drop-in", name="Drop in")
    ServiceFactory(name="Open Door", description="Drop in for a chat.", terms=[drop_in])
    ServiceFactory(name="Quiet Room", description="A chat by appointment.")
    freshness.ensure_fresh()
    outcome = find_services(SearchRequest(text="chat"))
    assert outcome.total == 2
    assert outcome.facet_counts["access"] == {"drop-in": 1}
    filtered = find_services(SearchRequest(text="chat", terms={"access": frozenset({"drop-in"})}))
    assert filtered.total == 1
    browse = find_services(SearchRequest())
    assert browse.total == 2 and browse.facet_counts["free"] == {"yes": 2}
