"""Browser journeys: a real Chromium against a live server, with axe on every page."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from signpost.directory.tests.factories import (
    ServiceFactory,
    TaxonomyFactory,
    TermFactory,
    add_location,
    add_phone,
    add_schedule,
    build_gazetteer,
)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/system" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
    # CI must not pass by quietly skipping the browser: fail loudly instead.
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            raise pytest.UsageError(f"Chromium not found at {CHROMIUM}; browser tests cannot run")
        skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)


@pytest.fixture
def axe():
    """Checks the current page against WCAG 2.2 A and AA; fails with the violations."""
    checker = Axe()

    def check(page):
        if page.context.browser and not _javascript_on(page):
            # axe is JavaScript: check the same URL, with the same cookies, in a context
            # where scripts may run. Our own script only enhances, so the page is the same.
            context = page.context.browser.new_context(storage_state=page.context.storage_state())
            try:
                twin = context.new_page()
                twin.goto(page.url)
                check(twin)
            finally:
                context.close()
            return
        # A banner still fading in has not reached its final colours: let finite
        # animations and transitions finish, or colour contrast is judged mid-fade.
        # (Capped at two seconds: a paused animation never finishes.)
        page.evaluate(
            """() => Promise.race([
                new Promise(done => setTimeout(done, 2000)),
                Promise.all(document.getAnimations()
                    .filter(a => a.playState === "running" && a.effect
                        && a.effect.getComputedTiming().endTime - (a.currentTime || 0) < 2000)
                    .map(a => a.finished.catch(() => null))),
            ])"""
        )
        results = checker.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = results.response["violations"]
        assert not violations, f"axe on {page.url}:\n" + json.dumps(
            [
                {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
                for v in violations
            ],
            indent=1,
        )

    return check


def _javascript_on(page) -> bool:
    return bool(getattr(page, "_signpost_js", True))


@pytest.fixture
def javascript_enabled():
    return True


# Phone first (house convention 12); main journeys also run at a desktop size by
# parametrizing `screen`: @pytest.mark.parametrize("screen", ["phone", "desktop"]).
SCREENS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture
def screen():
    return "phone"


@pytest.fixture
def browser_context_args(browser_context_args, javascript_enabled, screen):
    return {
        **browser_context_args,
        "java_script_enabled": javascript_enabled,
        "viewport": SCREENS[screen],
    }


@pytest.fixture
def journey_directory(transactional_db, settings, live_server):
    """A small area: a home page, a gazetteer and a handful of services."""
    from signpost.nonprod.demo import build_site

    settings.SIGNPOST_QUICK_EXIT_URL = live_server.url + "/about/"
    build_site()
    build_gazetteer()
    needs = TaxonomyFactory(name="needs")
    access = TaxonomyFactory(name="access")
    anxiety = TermFactory(taxonomy=needs, code="anxiety", name="Anxiety")
    low_mood = TermFactory(taxonomy=needs, code="low-mood", name="Low mood and depression")
    self_ref = TermFactory(taxonomy=access, code="self-referral", name="Self-referral")
    gp = TermFactory(taxonomy=access, code="gp-referral", name="GP referral")
    group = ServiceFactory(
        name="Mansfield Anxiety Support Group",
        minimum_age=16,
        maximum_age=25,
        description="A friendly weekly group for young people who feel anxious or panicky.",
        application_process="Fill in the form on our website or call us.",
        url="https://group.example.org",
        areas=["Mansfield district"],
        terms=[anxiety, self_ref],
    )
    add_location(group, city="Mansfield")
    add_phone(group, "01632 960123")
    import datetime as dt

    add_schedule(group, freq="WEEKLY", byday="TU", opens_at=dt.time(18), closes_at=dt.time(20))
    therapy = ServiceFactory(
        name="Talking Therapies Nottinghamshire",
        minimum_age=18,
        description="Free NHS talking therapy for anxiety, stress and low mood.",
        areas=["Nottingham and Nottinghamshire"],
        terms=[anxiety, low_mood, self_ref, gp],
    )
    add_location(therapy, city="Nottingham", postcode="NG1 1AA")
    line = ServiceFactory(
        name="National Listening Line",
        areas=["United Kingdom"],
        description="Talk to someone about anything, any time.",
    )
    add_phone(line, "116 123")
    add_schedule(
        line,
        freq="WEEKLY",
        byday="MO,TU,WE,TH,FR,SA,SU",
        opens_at=dt.time(0),
        closes_at=dt.time(23, 59),
    )
    return {"group": group, "therapy": therapy, "line": line}


@pytest.fixture(autouse=True)
def _fail_fast(page, javascript_enabled):
    """A journey that stalls should fail with a message, not hang CI."""
    page._signpost_js = javascript_enabled
    page.set_default_timeout(10_000)
    page.set_default_navigation_timeout(15_000)
