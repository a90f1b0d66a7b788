"""A member's own pages (/workspace/me/) and a facilitator's view of their group's access needs."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from signpost.core.jinja_globals import safe_next
from signpost.workspace import rules
from signpost.workspace.decorators import private_page
from signpost.workspace.profile import export, presenters, services
from signpost.workspace.profile.forms import AgreementForm, ConsentForm, LeaveForm, ProfileForm


@private_page
def profile(request: HttpRequest) -> HttpResponse:
    """What the member has told us, what they agreed to share, and who looked."""
    return render(request, "workspace/profile/profile.jinja", presenters.profile_page(request.user))


@private_page
def edit(request: HttpRequest) -> HttpResponse:
    """Change the name we use, how to get in touch and access needs."""
    instance = services.profile_for(request.user)
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved")
        return redirect("workspace:profile")
    context = {
        "form": form,
        "contact_items": presenters.checkbox_items(form, "contact_methods"),
        "access_items": presenters.checkbox_items(form, "access_needs"),
    }
    return render(request, "workspace/profile/edit.jinja", context)


@private_page
@require_POST
def consent(request: HttpRequest) -> HttpResponse:
    """Give or withdraw one consent, from the profile page."""
    form = ConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That choice was not recognised. Nothing was changed.")
        return redirect("workspace:profile")
    topic, action = form.cleaned_data["topic"], form.cleaned_data["action"]
    if action == "give":
        services.give_consent(user=request.user, topic=topic)
        messages.success(request, "You gave your consent. You can withdraw it at any time.")
    elif services.withdraw_consent(user=request.user, topic=topic):
        messages.success(request, "You withdrew your consent. It stops counting straight away.")
    else:
        messages.info(request, "You had not given that consent, so nothing changed.")
    return redirect("workspace:profile")


@private_page
def data(request: HttpRequest) -> HttpResponse:
    """Everything held about the member, to read."""
    return render(
        request,
        "workspace/profile/data.jinja",
        {"export": export.collect(request.user, readable=True)},
    )


@private_page
def data_json(request: HttpRequest) -> HttpResponse:
    """Everything held about the member, as a JSON file to keep."""
    body = json.dumps(export.as_json(request.user), indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-signpost-data.json"'
    return response


@private_page
def leave(request: HttpRequest) -> HttpResponse:
    """Leave every group and be forgotten, after a clear confirmation."""
    form = LeaveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.forget_member(user=request.user)
        logout(request)
        return render(request, "workspace/profile/left.jinja", {})
    return render(request, "workspace/profile/leave.jinja", {"form": form})


@private_page
def agreement(request: HttpRequest) -> HttpResponse:
    """The community agreement, to read and accept before using the workspace."""
    form = AgreementForm(request.POST if request.method == "POST" else None)
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if request.method == "POST" and form.is_valid():
        services.accept_agreement(user=request.user)
        return redirect(next_url or "workspace:home")
    return render(request, "workspace/profile/agreement.jinja", {"form": form, "next": next_url})


@private_page
def group_access_needs(request: HttpRequest, slug: str) -> HttpResponse:
    """A facilitator's view of the access needs members agreed to share; each view is recorded."""
    group, _ = rules.group_for_facilitator(request.user, slug)
    rows = presenters.group_access_needs(group=group, viewer=request.user)
    return render(
        request, "workspace/profile/group_access_needs.jinja", {"group": group, "rows": rows}
    )
