"""Recruitment pages: the public expression-of-interest form, and for facilitators the
campaigns, the pipeline, the poster and the charts. Views stay thin: access, forms,
services and charts do the work."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from signpost.workspace.decorators import private_page
from signpost.workspace.models import Stage

from . import access, charts, services
from .forms import CampaignForm, InterestForm, MoveForm, channel_from_link
from .meeting_time import meeting_time
from .poster import poster_pdf

RATE_LIMITED = "You have sent a lot of replies from here. Please try again in an hour."
NOT_SAVED = "We could not save your reply just now. Please press Send again."


def interest_form(request: HttpRequest, slug: str) -> HttpResponse:
    """The public 'I would like to take part' form; the link says which channel brought them."""
    campaign = access.open_campaign(slug)
    via = channel_from_link(request.POST.get("via") or request.GET.get("via"))
    form = InterestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            if form.cleaned_data["website"]:  # a bot filled the hidden field: store nothing
                return redirect("get_involved:thanks", slug=campaign.slug)
            refused = _take_reply(request, campaign, via, form)
            if refused is None:
                return redirect("get_involved:thanks", slug=campaign.slug)
            status = refused
    context = {"campaign": campaign, "form": form, "via": via, "when": meeting_time(campaign)}
    return render(request, "workspace/recruitment/interest_form.jinja", context, status=status)


def _take_reply(request: HttpRequest, campaign, via: str, form: InterestForm) -> int | None:
    """Count and store the reply: None once stored; otherwise the status, with a message on
    the form (over the hourly limit, or the database stayed busy) and the typing kept."""
    try:
        if not services.allow_reply_from(request.META.get("REMOTE_ADDR", "")):
            form.add_error(None, RATE_LIMITED)
            return 429
        channel = via or form.cleaned_data["channel"] or "other"
        services.store_interest(campaign=campaign, channel=channel, details=form.details())
    except OperationalError:
        form.add_error(None, NOT_SAVED)
        return 503
    return None


def interest_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    """What happens next, after someone has said they are interested."""
    campaign = access.open_campaign(slug)
    return render(request, "workspace/recruitment/thanks.jinja", {"campaign": campaign})


@private_page
def campaign_list(request: HttpRequest) -> HttpResponse:
    """The campaigns of the projects this person runs recruitment for (404 for anyone else)."""
    projects = access.projects_for_recruiter(request.user)
    if not projects.exists():
        raise Http404("Not found")
    campaigns = access.campaigns_for_recruiter(request.user).order_by("project__name", "name")
    context = {"projects": projects, "campaigns": campaigns}
    return render(request, "workspace/recruitment/campaigns.jinja", context)


@private_page
def campaign_new(request: HttpRequest) -> HttpResponse:
    """Start a campaign: its poster's words and which group it recruits for."""
    projects = access.projects_for_recruiter(request.user)
    if not projects.exists():
        raise Http404("Not found")
    form = CampaignForm(request.POST or None, projects=projects)
    if request.method == "POST" and form.is_valid():
        campaign = form.save()
        messages.success(request, f"{campaign.name} has started. Print its poster below.")
        return redirect("workspace:recruitment:campaign", slug=campaign.slug)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "single_project": projects.count() == 1}
    context |= _choice_items(form, "project", projects) | _choice_items(form, "group", None)
    return render(request, "workspace/recruitment/campaign_new.jinja", context, status=status)


@private_page
def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A campaign's replies, each at its stage, and its funnel per channel."""
    campaign = access.campaign_for_recruiter(request.user, slug)
    replies = campaign.responses.with_stage().order_by("-created_at")
    funnel = charts.funnel(campaign)
    bars, height = charts.funnel_bars(funnel.total.counts, funnel.labels)
    context = {
        "campaign": campaign,
        "group": campaign.group,
        "replies": replies,
        "funnel": funnel,
        "bars": bars,
        "chart_height": height,
        "form_url": _form_url(request, campaign.slug, "poster"),
        "stage_labels": dict(Stage.choices),
    }
    return render(request, "workspace/recruitment/campaign.jinja", context)


@private_page
@require_POST
def open_or_close(request: HttpRequest, slug: str) -> HttpResponse:
    """Close a campaign's form to new replies (it then says 'not found'), or open it again."""
    campaign = access.campaign_for_recruiter(request.user, slug)
    wanted = request.POST.get("state")
    if wanted not in {"open", "closed"}:
        return HttpResponse("Choose open or closed.", status=400, content_type="text/plain")
    campaign.is_open = wanted == "open"
    campaign.save(update_fields=["is_open", "updated_at"])
    news = "is taking replies again" if campaign.is_open else "is closed to new replies"
    messages.success(request, f"{campaign.name} {news}.")
    return redirect("workspace:recruitment:campaign", slug=campaign.slug)


@private_page
def poster(request: HttpRequest, slug: str) -> HttpResponse:
    """The campaign's A4 poster, as a PDF to print."""
    campaign = access.campaign_for_recruiter(request.user, slug)
    pdf = poster_pdf(campaign, _form_url(request, campaign.slug, "poster"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="poster-{campaign.slug}.pdf"'
    return response


@private_page
def reply_detail(request: HttpRequest, slug: str, reply_id: uuid.UUID) -> HttpResponse:
    """One person's reply, their steps so far (who moved them, when) and the next moves."""
    campaign = access.campaign_for_recruiter(request.user, slug)
    reply = access.interest_for_recruiter(campaign, reply_id)
    form = _move_form(campaign, None)
    return _reply_page(request, campaign, reply, form)


@private_page
@require_POST
def move_reply(request: HttpRequest, slug: str, reply_id: uuid.UUID) -> HttpResponse:
    """A facilitator's button: move the person to a stage (a new dated row, never an edit)."""
    campaign = access.campaign_for_recruiter(request.user, slug)
    reply = access.interest_for_recruiter(campaign, reply_id)
    form = _move_form(campaign, request.POST)
    if not form.is_valid():
        return _reply_page(request, campaign, reply, form, status=400)
    stage = form.cleaned_data["stage"]
    services.move_interest(
        interest=reply, stage=stage, by=request.user, group=form.cleaned_data["group"]
    )
    messages.success(
        request,
        f"{reply.preferred_name or 'A former member'}: moved to {Stage(stage).label.lower()}.",
    )
    return redirect("workspace:recruitment:reply", slug=campaign.slug, reply_id=reply.pk)


@private_page
def membership_chart(request: HttpRequest, slug: str) -> HttpResponse:
    """Members per group of a project, month by month, for the last year."""
    project = access.projects_for_recruiter(request.user).filter(slug=slug).first()
    if project is None:
        raise Http404("Not found")
    groups, table = charts.members_over_time(project.groups.all())
    lines, ticks, largest = charts.member_lines(groups, table)
    context = {"project": project, "groups": groups, "table": table, "lines": lines}
    context.update(ticks=ticks, largest=largest)
    return render(request, "workspace/recruitment/membership.jinja", context)


def _reply_page(request, campaign, reply, form, *, status=200) -> HttpResponse:
    steps = reply.steps.select_related("moved_by")
    context = {"campaign": campaign, "group": campaign.group, "reply": reply, "steps": steps}
    context.update(form=form, stages=list(Stage), needs_group=form.needs_group)
    chosen = form.data.get("group", "") if form.is_bound else ""
    context["group_items"] = [
        {"value": str(g.pk), "text": g.name, "selected": str(g.pk) == chosen}
        for g in campaign.project.groups.all()
    ]
    return render(request, "workspace/recruitment/reply.jinja", context, status=status)


def _choice_items(form, name: str, choices) -> dict:
    """A model choice field's options as NHS.UK select items, keeping what was chosen."""
    chosen = form.data.get(name, "") if form.is_bound else ""
    queryset = form.fields[name].queryset if choices is None else choices
    items = [
        {"value": str(o.pk), "text": str(o), "selected": str(o.pk) == chosen} for o in queryset
    ]
    return {f"{name}_items": items}


def _move_form(campaign, data) -> MoveForm:
    groups = campaign.project.groups.all()
    return MoveForm(data, groups=groups, needs_group=campaign.group is None)


def _form_url(request: HttpRequest, slug: str, via: str) -> str:
    path = reverse("get_involved:form", kwargs={"slug": slug})
    return request.build_absolute_uri(f"{path}?via={via}")
