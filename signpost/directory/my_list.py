"""'My list': services a visitor saves while browsing, kept in their session only."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

from django.conf import settings
from django.core import signing

SESSION_KEY = "my_list"
SHARE_SALT = "signpost.my-list.share"


class MyList:
    """An ordered set of service ids in the session; no account needed."""

    def __init__(self, session) -> None:
        self.session = session

    def _ids(self) -> list[str]:
        return list(self.session.get(SESSION_KEY, []))

    def __len__(self) -> int:
        return len(self._ids())

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids())

    def __contains__(self, service_id: object) -> bool:
        return str(service_id) in self._ids()

    def add(self, service_id: uuid.UUID) -> bool:
        """Save a service; False when the list is full."""
        ids = self._ids()
        if str(service_id) in ids:
            return True
        if len(ids) >= settings.SIGNPOST_MY_LIST_LIMIT:
            return False
        self.session[SESSION_KEY] = [*ids, str(service_id)]
        return True

    def remove(self, service_id: uuid.UUID) -> None:
        """Take a service off the list."""
        self.session[SESSION_KEY] = [i for i in self._ids() if i != str(service_id)]

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
