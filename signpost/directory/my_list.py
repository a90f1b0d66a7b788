"""'My list': services a visitor saves while browsing, kept in their session only.

Someone may be hiding their search from the people they live with, so the list keeps no
longer than the page says: it is emptied once it has gone unchanged for
`SIGNPOST_MY_LIST_KEEP_DAYS`, even if the session cookie lives on.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core import signing
from django.utils import timezone

SESSION_KEY = "my_list"
CHANGED_AT_KEY = "my_list_changed_at"
SHARE_SALT = "signpost.my-list.share"

# A "visit" is this long after the last save or removal. Within it the navigation may show
# how many services are saved ("My list (2)"): the person has just been using the list. After
# it, a passer-by glancing at the screen later sees only "My list". A time window rather than
# a browser-session marker, so it needs no extra cookie and ends even if the tab stays open.
VISIT = dt.timedelta(minutes=30)


def keep_for() -> dt.timedelta:
    """How long a list is kept after its last change, from settings."""
    return dt.timedelta(days=settings.SIGNPOST_MY_LIST_KEEP_DAYS)


class MyList:
    """An ordered set of service ids in the session; no account needed."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self._forget_if_expired()

    def _changed_at(self) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(self.session[CHANGED_AT_KEY])
        except (KeyError, TypeError, ValueError):
            return None

    def _forget_if_expired(self) -> None:
        """Drop a list (and when it changed) once it is older than the page promises."""
        if SESSION_KEY not in self.session and CHANGED_AT_KEY not in self.session:
            return
        changed_at = self._changed_at()
        if changed_at is None or timezone.now() - changed_at > keep_for():
            self.clear()

    def _save(self, ids: list[str]) -> None:
        self.session[SESSION_KEY] = ids
        self.session[CHANGED_AT_KEY] = timezone.now().isoformat()

    def _ids(self) -> list[str]:
        return list(self.session.get(SESSION_KEY, []))

    def __len__(self) -> int:
        return len(self._ids())

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids())

    def __contains__(self, service_id: object) -> bool:
        return str(service_id) in self._ids()

    def changed_in_this_visit(self) -> bool:
        """Whether the list was saved to or changed within the last VISIT."""
        changed_at = self._changed_at()
        return changed_at is not None and timezone.now() - changed_at <= VISIT

    def add(self, service_id: uuid.UUID) -> bool:
        """Save a service; False when the list is full."""
        ids = self._ids()
        if str(service_id) in ids:
            self._save(ids)
            return True
        if len(ids) >= settings.SIGNPOST_MY_LIST_LIMIT:
            return False
        self._save([*ids, str(service_id)])
        return True

    def remove(self, service_id: uuid.UUID) -> None:
        """Take a service off the list."""
        self._save([i for i in self._ids() if i != str(service_id)])

    def clear(self) -> None:
        """Empty the list and forget when it was used."""
        self.session.pop(SESSION_KEY, None)
        self.session.pop(CHANGED_AT_KEY, None)

    def share_token(self) -> str:
        """A signed, tamper-proof token listing the saved services, for a share link."""
        return signing.dumps(self._ids(), salt=SHARE_SALT, compress=True)


def ids_from_share_token(token: str) -> list[uuid.UUID] | None:
    """The services in a shared list, or None if the link is broken or tampered with."""
    try:
        raw = signing.loads(token, salt=SHARE_SALT)
        ids = [uuid.UUID(str(item)) for item in raw][: settings.SIGNPOST_MY_LIST_LIMIT]
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return ids
