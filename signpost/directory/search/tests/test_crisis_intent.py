"""``crisis.assess``: who is at risk and how, read from wording people really use.

The phrasings here are our own; the findability benchmark's queries are never copied.
Safety errs toward showing help: a doubtful reading of risk is urgent, but everyday topics
that merely contain a risk word are not.
"""

from __future__ import annotations

import pytest

from signpost.directory.search.crisis import NOT_URGENT, Urgency, assess, is_crisis_query

SOMEONE_ELSE = [
    "my partner says he wants to end it",
    "a pupil told me she has a plan",
    "my husband is threatening to kill himself",
    "worried my friend might hurt herself tonight",
    "my mate keeps saying hed be better off dead",
    "client disclosed today that she feels suicidal",
    "my girlfriend wrote a note and isnt answering",
    "she keeps saying she would rather not wake up",
    "young person i support told me he has planned how",
    "my brother is talking about suicide again",
    "my wife said she wants to die, what should i do",
    "student came to me today saying he wanted to die",
    "teenager in my class is sucidal",
    "my mum keeps saying she wishes she was dead",
]
INJURY = [
    ("my son took too many pills", True),
    ("my daughter swallowed a load of paracetamol", True),
    ("he took loads of his meds and is sleepy", True),
    ("i took 20 tablets an hour ago", False),
    ("cut myself and it wont stop bleeding", False),
    ("i cut too deep", False),
    ("my dad collapsed and isnt breathing properly", True),
    ("friend overdosed on heroin", True),
    ("i have taken a whole packet of sertraline", False),
    ("i cut myself and its bleeding a lot", False),
    ("the cut on my leg is deep and wont close", False),
]
SELF = [
    "I wish I wasn't alive",
    "i want to die",
    "no longer want to live",
    "i dont want to wake up tomorrow",
    "wish i had never been born",
    "im suicidal",
    "thinking about killing myself tonight",
    "i am in crisis and need someone",
    "cant go on like this anymore",
    "sick of being alive",
    "i would rather not wake up",
    "nobody would miss me",
    "want to not be here",
]
NOT_URGENT_QUERIES = [
    "crisis in my housing",
    "overdose awareness training",
    "pills for anxiety side effects",
    "lost my brother to suicide",
    "i took my tablets this morning",
    "feeling a bit low",
    "anxiety at work",
    "money crisis with the rent",
    "suicide prevention training for staff",
    "support after my dad died by suicide",
    "my son has a plan for college",
    "salt and vinegar crisps",
    "jumping off point for a career in nursing",
    "paper cut",
    "blood test results",
    "pay cut at work",
    "tired of living in this flat",
    "",
]


@pytest.mark.parametrize("text", SOMEONE_ELSE)
def test_risk_to_someone_else_is_urgent_and_about_them(text: str) -> None:
    decision = assess(text)
    assert decision.urgency is Urgency.SOMEONE_ELSE
    assert decision.someone_else and decision


@pytest.mark.parametrize(("text", "someone_else"), INJURY)
def test_injuries_and_poisonings_need_treatment_now(text: str, someone_else: bool) -> None:
    decision = assess(text)
    assert decision.urgency is Urgency.INJURY
    assert decision.someone_else is someone_else


@pytest.mark.parametrize("text", SELF)
def test_risk_to_the_searcher_is_urgent(text: str) -> None:
    assert assess(text).urgency is Urgency.SELF
    assert is_crisis_query(text)


@pytest.mark.parametrize("text", NOT_URGENT_QUERIES)
def test_topics_that_contain_risk_words_are_not_urgent(text: str) -> None:
    assert assess(text) == NOT_URGENT
    assert not assess(text)
    assert not is_crisis_query(text)


def test_the_decision_is_small_frozen_and_says_its_kind_as_text() -> None:
    decision = assess("my partner says he wants to end it")
    assert decision.kind == "someone_else"
    with pytest.raises(AttributeError):
        decision.urgency = Urgency.NONE  # type: ignore[misc]
