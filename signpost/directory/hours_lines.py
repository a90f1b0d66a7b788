"""One line per schedule on the service page, saying the hours once.

Feeds give each schedule as a rule (days, opens, closes) and as a description, and the
description nearly always restates the rule in other words ("Mondays, 10.30am to 1pm."),
sometimes with something more ("Closed bank holidays."). Showing both said the hours twice.
We say the rule in our own words and add only what the description says beyond it; when the
description qualifies the hours themselves ("Key work Monday to Friday ...; refuge staffed 24
hours") its own wording is shown instead, since ours would drop the qualification.
"""

from __future__ import annotations

import re

from signpost.directory import opening
from signpost.directory.opening import ScheduleLike

# Words that only restate days and times; a clause made of nothing else adds nothing.
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekdays?|weekends?|daily|nightly"
_TIME = r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|midday|noon|midnight|24/7|24"
_FILLER = (
    r"open|opening|from|to|until|till|and|every|each|of|the|on|a|an|in|at|day|days|week|"
    r"weeks|hours?|month|monthly|weekly|first|second|third|fourth|last|7|seven|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|-|\u2013|\u2014|&"
)
_RESTATING_WORD = re.compile(rf"^(?:{_DAY}|{_TIME}|{_FILLER})$", re.I)
_MENTIONS_HOURS = re.compile(rf"\b(?:{_DAY})\b|\b\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:am|pm)\b", re.I)
_WORD = re.compile(r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|24/7|[\w'\u2019]+|[-\u2013\u2014&]", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
_CLAUSE = re.compile(r"\s*[,(]\s*|\s*\)\s*")


def restates_hours(clause: str) -> bool:
    """True when a clause is only days and times ('Mondays, 10.30am to 1pm')."""
    words = _WORD.findall(clause)
    return bool(words) and all(_RESTATING_WORD.match(word) for word in words)


def _additions(description: str) -> tuple[list[str], list[str]] | None:
    """What the description says beyond the hours: clauses to add to our line, and whole
    sentences to follow it. None when it qualifies the hours themselves."""
    clauses_added: list[str] = []
    sentences: list[str] = []
    for sentence in _SENTENCE_END.split(description.strip()):
        clauses = [c.strip() for c in _CLAUSE.split(sentence.rstrip(".;!? ")) if c.strip()]
        kept = [c for c in clauses if not restates_hours(c)]
        if not kept:
            continue
        if any(_MENTIONS_HOURS.search(c) for c in kept):
            return None
        if len(kept) < len(clauses):
            clauses_added += kept
        else:
            sentences.append(sentence.strip())
    return clauses_added, sentences


def _rule_text(schedule: ScheduleLike) -> str:
    """Our wording of the rule, with a capital letter and 'every other' for fortnightly."""
    text = opening.describe(schedule)
    if getattr(schedule, "interval", None) == 2 and (schedule.freq or "").upper() == "WEEKLY":
        days = {rule.weekday for rule in opening.parse_byday(schedule.byday)}
        text = f"Every other {text}" if len(days) == 1 else f"Every other week: {text}"
    # A close at 23:59 is how feeds write "until midnight".
    return (text[:1].upper() + text[1:]).replace("11:59pm", "midnight")


def schedule_line(schedule: ScheduleLike) -> str:
    """The hours of one schedule, said once, with any notes the description adds."""
    description = " ".join((schedule.description or "").split())
    readable = opening.parse_byday(schedule.byday) and schedule.opens_at and schedule.closes_at
    if not readable:
        return description
    additions = _additions(description) if description else ([], [])
    if additions is None:
        return description
    clauses, sentences = additions
    line = ", ".join([_rule_text(schedule), *clauses])
    if not sentences:
        return line
    after = " ".join(sentences)
    after = after[:1].upper() + after[1:]
    return f"{line}. {after if after[-1] in '.!?' else after.rstrip(';,') + '.'}"
