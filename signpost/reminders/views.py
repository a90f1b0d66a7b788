"""Calendar pages: the member's secret feed addresses, resetting them, reminder choices,
and the feeds themselves (read by calendar apps, which cannot sign in)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST

from signpost.reminders import calendars, services
from signpost.reminders.forms import CalendarChoiceForm
from signpost.reminders.models import CalendarFeed
from signpost.workspace import rules
from signpost.workspace.decorators import private_page
from signpost.workspace.models import Group


def _address(request: HttpRequest, feed: CalendarFeed) -> dict[str, str]:
    https = request.build_absolute_uri(reverse("workspace:calendar_feed", args=[feed.token]))
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1]}


@private_page
def calendar_page(request: HttpRequest) -> HttpResponse:
    """Feed addresses to subscribe to, and how the member wants reminders."""
    choice = services.choice_for(request.user)
    initial = {"reminders": choice.reminders, "show_group_name": choice.show_group_name}
    form = CalendarChoiceForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_choice(user=request.user, **form.cleaned_data)
        messages.success(request, "Your calendar and reminder choices are saved")
        return redirect("workspace:calendar")
    groups = Group.objects.for_member(request.user).select_related("project")
    feeds = [
        {"group": group, "address": _address(request, services.group_feed(request.user, group))}
        for group in groups
    ]
    current = form["reminders"].value()
    context = {
        "form": form,
        "reminder_items": [
            {"value": value, "text": label, "checked": value == current}
            for value, label in form.fields["reminders"].choices
        ],
        "all_groups": _address(request, services.member_feed(request.user)),
        "feeds": feeds,
    }
    return render(request, "reminders/calendar.jinja", context)


@private_page
@require_POST
def reset(request: HttpRequest) -> HttpResponse:
    """A new secret address for one feed; the old one stops working (it may have been shared)."""
    slug = request.POST.get("group", "")
    if slug:
        group, _ = rules.group_for_member(request.user, slug)
        feed = services.group_feed(request.user, group)
    else:
        feed = services.member_feed(request.user)
    services.reset_feed(feed)
    messages.success(
        request, "New address made. Subscribe to it in your calendar app: the old one has stopped."
    )
    return redirect("workspace:calendar")


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The .ics a calendar app subscribes to; an unknown or reset token is not found."""
    found = CalendarFeed.objects.select_related("user", "group").filter(token=token).first()
    meetings = calendars.feed_meetings(found) if found else None
    if found is None or meetings is None:
        raise Http404("No such calendar")
    body = calendars.calendar_for(meetings, name=calendars.feed_name(found), user=found.user)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    return response
