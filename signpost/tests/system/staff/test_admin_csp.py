"""The admin's Content-Security-Policy keeps every screen working: Chromium reports no violation.

Chromium logs each blocked script, style, image or frame to the console and fires a
`securitypolicyviolation` event; both are collected on each admin screen staff use most.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from signpost.core import middleware
from signpost.tests.system.staff.sign_in import sign_in_to_admin

PASSWORD = "a-long-test-password-7"


@pytest.fixture
def browser_context_args(browser_context_args):
    """Staff work at a desk; without JavaScript, Wagtail's sidebar covers a phone-width page."""
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def administrator(journey_directory, django_user_model):
    return django_user_model.objects.create_superuser(
        "admin", "admin@example.org", PASSWORD, first_name="Kim", last_name="Lowe"
    )


def _watch_for_violations(page) -> list[str]:
    """Every CSP violation Chromium reports on this page, from now on."""
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(
        """document.addEventListener("securitypolicyviolation", (event) =>
            console.error("Content Security Policy violation: " + event.violatedDirective
                + " " + event.blockedURI));"""
    )
    return violations


def _admin_screens(live_server, journey_directory) -> dict[str, str]:
    from wagtail.models import Page

    home = Page.objects.get(depth=2)
    group = journey_directory["group"]
    return {
        "Problem reports to look at": "/admin/",
        "Mansfield Anxiety Support Group": f"/admin/snippets/directory/service/edit/{group.pk}/",
        home.title: f"/admin/pages/{home.pk}/edit/",
        "Site settings": "/admin/settings/core/sitesettings/",
        "Images": "/admin/images/",
        "Imports": "/admin/imports/",
    }


def test_admin_screens_work_under_the_admin_csp(
    page, live_server, journey_directory, administrator, axe
):
    violations = _watch_for_violations(page)
    sign_in_to_admin(page, live_server, administrator, PASSWORD)
    for label, path in _admin_screens(live_server, journey_directory).items():
        response = page.goto(live_server.url + path)
        assert response is not None and response.ok, path
        assert "'unsafe-eval'" not in response.headers["content-security-policy"]
        # Wagtail's scripts ran: its Stimulus controllers mark the body ready.
        expect(page.locator("body.ready")).to_be_attached()
        expect(page.get_by_role("heading", name=label).first).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert not violations, f"{path}: {violations}"
        axe(page)


def test_a_stricter_policy_would_break_the_admin_so_the_check_can_fail(
    page, live_server, journey_directory, administrator, monkeypatch
):
    monkeypatch.setattr(middleware, "ADMIN_CSP", middleware.PUBLIC_CSP)
    violations = _watch_for_violations(page)
    sign_in_to_admin(page, live_server, administrator, PASSWORD)
    group = journey_directory["group"]
    page.goto(f"{live_server.url}/admin/snippets/directory/service/edit/{group.pk}/")
    page.wait_for_load_state("networkidle")
    assert any("inline" in text or "script-src" in text for text in violations), violations
