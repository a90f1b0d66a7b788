"""Factories for recruitment tests: campaigns and the people who answer them."""

from __future__ import annotations

import factory

from signpost.workspace.models import Campaign, Channel, ContactRoute, ExpressionOfInterest
from signpost.workspace.recruitment.services import record_interest

from .factories import GroupFactory


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    group = factory.SubFactory(GroupFactory)
    project = factory.LazyAttribute(lambda campaign: campaign.group.project)
    name = factory.Sequence(lambda n: f"Spring campaign {n}")
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    headline = "Help shape our website"
    what_members_do = "Meet once a month to read draft pages and say what works."
    meeting_time_text = "Second Tuesday of each month, 2pm to 3:30pm"
    payment_text = "£20 for each meeting, or a voucher if you prefer."
    contact_text = "Call Sam on 0115 496 0000"


def reply_to(
    campaign: Campaign, *, channel: str = Channel.POSTER, **details
) -> ExpressionOfInterest:
    """Someone who answered the campaign, at the 'expressed interest' step."""
    fields = {
        "preferred_name": "Jo",
        "email": "jo@example.org",
        "phone": "",
        "contact_by": ContactRoute.EMAIL,
        "message": "",
    }
    return record_interest(campaign=campaign, channel=channel, details=fields | details)
