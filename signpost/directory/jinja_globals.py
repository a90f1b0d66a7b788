"""Template globals the directory offers the public layout (registered in config.jinja2).

The core layout shows them without importing the directory: config wires the two together.
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context

from signpost.directory.my_list import MyList
from signpost.directory.presenters import local_crisis_services


def _request(context: Any) -> Any:
    return context.get("request")


@pass_context
def my_list_count(context: Any, in_navigation: bool = False) -> int:
    """How many services are saved in this visitor's list.

    With `in_navigation`, 0 unless the list changed in this visit (see `my_list.VISIT`): a
    count in the header tells a passer-by that someone has been saving services.
    """
    request = _request(context)
    if request is None or not hasattr(request, "session"):
        return 0
    saved = MyList(request.session)
    if in_navigation and not saved.changed_in_this_visit():
        return 0
    return len(saved)


def crisis_services() -> list:
    """Local services that answer round the clock, for the urgent help page."""
    return list(local_crisis_services())
