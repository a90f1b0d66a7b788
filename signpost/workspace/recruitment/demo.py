"""Demo recruitment for `make run`: two campaigns for a group, one the poster that brought
five responses and two attendees. The workspace demo calls this once its groups exist."""

from __future__ import annotations

from typing import Any

from signpost.workspace.models import Campaign, Channel, ContactRoute, Group, Stage

from .services import move_interest, record_interest

# (name, channel, furthest stage) for the poster campaign: 5 responses -> 2 attended.
POSTER_REPLIES = [
    ("Alex", Channel.POSTER, Stage.ACTIVE),
    ("Bea", Channel.POSTER, Stage.FIRST_MEETING),
    ("Chris", Channel.POSTER, Stage.CONTACTED),
    ("Dee", Channel.POSTER, Stage.CONTACTED),
    ("Eli", Channel.POSTER, Stage.EXPRESSED),
]
PATH: list[str] = [Stage.CONTACTED, Stage.WELCOME, Stage.FIRST_MEETING, Stage.ACTIVE]


def build_recruitment_demo(*, group: Group, facilitator: Any) -> list[Campaign]:
    """Two campaigns for the group, with replies along the pipeline; safe to run again."""
    poster, created = Campaign.objects.get_or_create(
        slug=f"{group.slug}-posters",
        defaults={
            "project": group.project,
            "group": group,
            "name": "Posters in libraries and GP surgeries",
            "headline": "Help shape our website",
            "what_members_do": "Meet once a month to try new pages and say what works.",
            "payment_text": "£20 for each meeting, or a voucher. Travel paid.",
            "contact_text": "Ask at the library desk, or call 0115 496 0000",
        },
    )
    if created:
        for name, channel, furthest in POSTER_REPLIES:
            _reply(poster, name, channel, furthest, facilitator)
    partners, created = Campaign.objects.get_or_create(
        slug=f"{group.slug}-partners",
        defaults={
            "project": group.project,
            "group": group,
            "name": "Through partner organisations",
            "headline": "Your experience can change local support",
            "what_members_do": "Tell us what helped and what did not, at your own pace.",
        },
    )
    if created:
        _reply(partners, "Fran", Channel.PARTNERS, Stage.CONTACTED, facilitator)
        _reply(partners, "Gus", Channel.WORD_OF_MOUTH, Stage.EXPRESSED, facilitator)
    return [poster, partners]


def _reply(campaign: Campaign, name: str, channel: str, furthest: str, by: Any) -> None:
    details = {
        "preferred_name": name,
        "email": f"{name.lower()}.{campaign.slug}@example.org",
        "phone": "",
        "contact_by": ContactRoute.EMAIL,
        "message": "",
    }
    interest = record_interest(campaign=campaign, channel=channel, details=details)
    for stage in PATH[: PATH.index(furthest) + 1] if furthest in PATH else []:
        move_interest(interest=interest, stage=stage, by=by)
