"""Refuse a SECRET_KEY that someone could guess, before a deployed site signs anything with it.

The key signs sessions, "My list" share links and password-reset links: a short or
well-known key lets anyone forge them. Django's own deploy check only warns, and only when
someone runs it; production settings call this at start-up and refuse to run instead.
"""

from __future__ import annotations

MINIMUM_LENGTH = 50
MINIMUM_DISTINCT_CHARACTERS = 10

# Words that mark a value copied from documentation, an example file or a tutorial.
PLACEHOLDER_WORDS = (
    "insecure",
    "change-me",
    "changeme",
    "change_me",
    "replace-me",
    "placeholder",
    "example",
    "your-secret",
    "secret-key",
    "secret_key",
    "test-only",
    "not-secret",
)


def secret_key_problem(key: str) -> str | None:
    """Why this key must not be used in production, in words for an operator; None if fine."""
    if len(key) < MINIMUM_LENGTH:
        return (
            f"SECRET_KEY is {len(key)} characters long; use at least {MINIMUM_LENGTH} "
            "random characters."
        )
    lowered = key.lower()
    for word in PLACEHOLDER_WORDS:
        if word in lowered:
            return f"SECRET_KEY looks like a placeholder (it contains {word!r})."
    distinct = len(set(key))
    if distinct < MINIMUM_DISTINCT_CHARACTERS:
        return (
            f"SECRET_KEY uses only {distinct} different characters; use at least "
            f"{MINIMUM_DISTINCT_CHARACTERS}, as a random key does."
        )
    return None


HOW_TO_MAKE_ONE = (
    "Make one with: python -c 'import secrets; print(secrets.token_urlsafe(64))' "
    "and keep it secret (see docs/operations.md)."
)
