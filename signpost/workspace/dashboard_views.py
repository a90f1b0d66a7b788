"""The facilitator's dashboard for a group (404 for anyone who is not its facilitator)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from signpost.workspace import dashboard as dashboard_module
from signpost.workspace import rules
from signpost.workspace.decorators import private_page


@private_page
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """Next meetings, the next agenda's load, open actions, attendance and who to check on."""
    group, _ = rules.group_for_facilitator(request.user, slug)
    upcoming = list(group.meetings.upcoming()[:3])
    context = {
        "group": group,
        "upcoming": upcoming,
        "load": dashboard_module.agenda_load(upcoming[0] if upcoming else None),
        "actions": dashboard_module.open_actions(group),
        "trend": dashboard_module.attendance_trend(group),
        "chart_height": dashboard_module.CHART_TOP + dashboard_module.CHART_HEIGHT + 40,
        "not_seen": dashboard_module.not_seen_lately(group),
        "today": timezone.localdate(),
    }
    return render(request, "workspace/dashboard.jinja", context)
