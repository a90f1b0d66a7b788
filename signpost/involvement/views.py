"""Involvement pages. Every view reaches data through the person's group (house rule 1)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from signpost.workspace import rules
from signpost.workspace.decorators import private_page
from signpost.workspace.models import Project

from . import finance as finance_rules
from . import presenters, services
from .forms import ClaimForm, DecisionForm, RatesForm
from .models import Claim


@private_page
def my_claims(request: HttpRequest, slug: str) -> HttpResponse:
    """The person's recent meetings of this group, each with what they chose or a link to claim."""
    group, _ = rules.group_for_member(request.user, slug)
    context = presenters.my_claims_page(group, request.user)
    return render(request, "involvement/mine.jinja", {**context, "group": group})


@private_page
def claim(request: HttpRequest, slug: str, meeting_id: uuid.UUID) -> HttpResponse:
    """Claim a payment, a voucher or expenses, or decline, for a meeting the person attended."""
    group, _ = rules.group_for_member(request.user, slug)
    meeting = get_object_or_404(group.meetings, pk=meeting_id)
    rate = services.rate_for(group.project)
    form = ClaimForm(request.POST or None, offered=services.choices_offered(rate),
                     expenses=rate.expenses_allowed)  # fmt: skip
    refused, status = None, 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.make_claim(meeting=meeting, user=request.user, **form.cleaned_data)
            except services.ClaimRefused as why:
                refused = str(why)
            else:
                messages.success(request, "Thank you. Your choice is saved.")
                return redirect("workspace:involvement:mine", group.slug)
    context = presenters.claim_page(meeting, request.user, rate, form, refused)
    return render(request, "involvement/claim.jinja", {**context, "group": group}, status=status)


@private_page
def group_claims(request: HttpRequest, slug: str) -> HttpResponse:
    """For facilitators: claims waiting for a decision, and those already decided."""
    group, _ = rules.group_for_facilitator(request.user, slug)
    context = presenters.group_claims_page(group)
    return render(request, "involvement/claims.jinja", {**context, "group": group})


@private_page
@require_POST
def decide(request: HttpRequest, slug: str, claim_id: uuid.UUID) -> HttpResponse:
    """A facilitator approves or rejects one of this group's claims."""
    group, _ = rules.group_for_facilitator(request.user, slug)
    found = get_object_or_404(Claim.objects.filter(meeting__group=group), pk=claim_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        context = {**presenters.group_claims_page(group), "group": group, "problem": True}
        return render(request, "involvement/claims.jinja", context, status=400)
    approve = form.cleaned_data["decision"] == "approve"
    try:
        services.decide_claim(claim=found, approve=approve, by=request.user,
                              note=form.cleaned_data["note"])  # fmt: skip
    except services.ClaimRefused as why:
        messages.error(request, str(why))
    else:
        messages.success(request, "Claim approved." if approve else "Claim not approved.")
    return redirect("workspace:involvement:claims", group.slug)


@private_page
def rates(request: HttpRequest, slug: str) -> HttpResponse:
    """A facilitator sets what the project offers for taking part."""
    group, _ = rules.group_for_facilitator(request.user, slug)
    rate = services.rate_for(group.project)
    initial = {"payment_per_meeting": rate.payment_per_meeting,
               "expenses_allowed": rate.expenses_allowed,
               "voucher_available": rate.voucher_available}  # fmt: skip
    form = RatesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.set_rates(project=group.project, by=request.user, **form.cleaned_data)
        messages.success(request, "The rates are saved.")
        return redirect("workspace:involvement:claims", group.slug)
    status = 400 if request.method == "POST" else 200
    return render(request, "involvement/rates.jinja", {"group": group, "form": form}, status=status)


@private_page
def finance(request: HttpRequest) -> HttpResponse:
    """Where finance staff and facilitators find each project's approved claims (404 otherwise)."""
    projects = [
        p for p in Project.objects.order_by("name") if finance_rules.can_export(request.user, p)
    ]
    if not projects:
        raise Http404("Not found")
    return render(request, "involvement/finance.jinja", {"projects": projects})


@private_page
def approved_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """Approved claims of a project as CSV, for finance staff and the project's facilitators."""
    project = Project.objects.filter(slug=slug).first()
    if project is None or not finance_rules.can_export(request.user, project):
        raise Http404("Not found")
    response = HttpResponse(
        finance_rules.approved_csv(project), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="approved-claims-{project.slug}.csv"'
    return response
