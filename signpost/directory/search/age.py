"""Age hints: gently prefer services designed for the searcher's age.

The directory filters out services whose age range excludes the searcher before ranking;
among the rest, a service whose range is narrow (11-18, 16-25, 65+) was designed for people
of that age, so it earns a modest boost over one open to everyone. The boost grows with how
much of a lifetime the range leaves out, and only multiplies relevance, never creates it.
"""

from __future__ import annotations

from .documents import SearchDocument

LIFESPAN = 100  # years treated as a whole life when measuring how narrow a range is
AGE_BOOST = 0.25  # the largest boost, for a range of a single year


def age_specificity(document: SearchDocument) -> float:
    """Share of a lifetime outside the service's age range: 0 for all ages, near 1 for narrow."""
    low = max(document.minimum_age or 0, 0)
    high = LIFESPAN if document.maximum_age is None else min(document.maximum_age, LIFESPAN)
    if high < low:
        return 0.0
    return 1.0 - (high - low) / LIFESPAN


def in_age_range(document: SearchDocument, age: int) -> bool:
    """True unless the service's minimum or maximum age excludes this age."""
    low, high = document.minimum_age, document.maximum_age
    return not ((low is not None and age < low) or (high is not None and age > high))


def age_fit(document: SearchDocument, specificity: float, age: int | None) -> float:
    """Relevance multiplier: above 1 for a narrow range that includes the age, else exactly 1."""
    if age is None or specificity <= 0.0 or not in_age_range(document, age):
        return 1.0
    return 1.0 + AGE_BOOST * specificity
