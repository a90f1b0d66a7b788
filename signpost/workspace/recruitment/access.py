"""Who may run recruitment: the facilitators of a project's groups, and administrators.

Views reach campaigns only through these functions (house rule 1). Anyone else gets
"not found", so a forged campaign or person id tells them nothing.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from signpost.workspace.models import Campaign, ExpressionOfInterest, Membership, Project, Role


def is_administrator(user: Any) -> bool:
    """Administrators (superusers) see every project's recruitment."""
    return bool(getattr(user, "is_authenticated", False) and user.is_superuser)


def projects_for_recruiter(user: Any) -> QuerySet[Project]:
    """Projects whose recruitment this person runs: those where they facilitate a group."""
    if is_administrator(user):
        return Project.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Project.objects.none()
    facilitating = Membership.objects.current().filter(user=user, role=Role.FACILITATOR)
    return Project.objects.filter(groups__in=facilitating.values("group")).distinct()


def campaigns_for_recruiter(user: Any) -> QuerySet[Campaign]:
    """Campaigns of the projects this person runs recruitment for."""
    return Campaign.objects.filter(project__in=projects_for_recruiter(user)).select_related(
        "project", "group"
    )


def campaign_for_recruiter(user: Any, slug: str) -> Campaign:
    """The campaign with this slug, or 404 for anyone who does not run its recruitment."""
    campaign = campaigns_for_recruiter(user).filter(slug=slug).first()
    if campaign is None:
        raise Http404("No such campaign")
    return campaign


def interest_for_recruiter(campaign: Campaign, interest_id: Any) -> ExpressionOfInterest:
    """One reply to this campaign (never another campaign's), or 404."""
    interest = campaign.responses.with_stage().filter(pk=interest_id).first()
    if interest is None:
        raise Http404("No such reply")
    return interest


def open_campaign(slug: str) -> Campaign:
    """A campaign taking replies, for its public form; closed or unknown ones are 404."""
    campaign = (
        Campaign.objects.select_related("project", "group").filter(slug=slug, is_open=True).first()
    )
    if campaign is None:
        raise Http404("No such campaign")
    return campaign
