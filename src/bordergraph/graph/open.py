"""Open a store: the one place that knows every backend.

The backends import the store surface (:mod:`.store`), never each other or this module, so the
choice of backend lives here alone.

>>> open_store(":memory:").count()
0
"""

from __future__ import annotations

import os

from .embedded import OxigraphStore
from .store import Store, resolve_location


def open_store(
    location: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    create: bool = True,
    update_url: str | None = None,
) -> Store:
    """Open the store at ``location``: a directory, ``:memory:``, or an ``http(s)://`` endpoint."""
    where = resolve_location(location)
    if where.startswith(("http://", "https://")):
        from .endpoint import EndpointStore  # only when asked for: it is rarely used

        return EndpointStore(where, update_url=update_url)
    return OxigraphStore(where, read_only=read_only, create=create)
