"""The competency questions and views of time as methods of :class:`~bordergraph.api.BorderGraph`:
each a named question with its parameters, answered as pandas DataFrames.

>>> from bordergraph import BorderGraph
>>> BorderGraph.open(":memory:").meetings(series="HLSD", since="2022").empty
True
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .views.dates import LAPSE_DAYS, WINDOW_DAYS


class Questions:
    """Named questions over ``self.store`` and ``self.query`` (mixed into ``BorderGraph``)."""

    store: Any
    query: Callable[..., Any]  # BorderGraph.query

    def meetings(self, series: str | None = None, since: Any = None, until: Any = None,
                 event_type: str | None = None) -> Any:
        """Events with type, series, ordinal, date, mode, location and source releases.

        >>> from bordergraph import BorderGraph
        >>> BorderGraph.open(":memory:").meetings(series="HLSD", since="2022").empty
        True
        """
        return self.query("meetings", series=series, since=since, until=until,
                          event_type=event_type)

    def delegation_heads(self, event: str | None = None, series: str | None = None,
                         country: str | None = None) -> Any:
        """Who led each country's delegation at each meeting, in which post and agency.

        >>> from bordergraph import BorderGraph
        >>> BorderGraph.open(":memory:").delegation_heads(country="US").empty
        True
        """
        return self.query("delegation_heads", event=event, series=series, country=country)

    def official(self, person: str) -> Any:
        """An official's posts and agencies, first and last seen, administrations (by name or IRI).

        >>> from bordergraph import BorderGraph
        >>> BorderGraph.open(":memory:").official("Nichols").empty
        True
        """
        return self.query("official_posts", person=person)

    def counterparts(self, person: str) -> Any:
        """The officials of the other country ``person`` met, and at how many events.

        >>> from bordergraph import BorderGraph
        >>> BorderGraph.open(":memory:").counterparts("Brian Nichols").empty
        True
        """
        return self.query("counterparts", person=person)

    def series_span(self, series: str) -> Any:
        """When a dialogue or process was established, its meetings, the administrations spanned.

        >>> from bordergraph import BorderGraph
        >>> BorderGraph.open(":memory:").series_span("21st Century Border Management Process").empty
        True
        """
        return self.query("series_span", series=series)

    def provenance(self, entity: str) -> Any:
        """Each fact about ``entity`` (IRI or name) with the release and sentence that state it.

        >>> from bordergraph import BorderGraph
        >>> BorderGraph.open(":memory:").provenance("Serena Hoy").empty
        True
        """
        return self.query("provenance", entity=entity)

    # -- across time: as of a date, continuity, the timeline picture ------------------------

    def as_of(self, date: Any, *, window: int = WINDOW_DAYS, lapse_days: int = LAPSE_DAYS) -> Any:
        """The graph on ``date``: each country's administration, the mechanisms established by
        then (status, last and next sessions), officials seen in posts within ``window`` days
        and the events of that window. Four DataFrames on an ``AsOf`` (``.tables()``).

        >>> from bordergraph import BorderGraph
        >>> view = BorderGraph.open(":memory:").as_of("2021-12-02")
        >>> view.administrations.empty, list(view.tables())
        (True, ['administrations', 'mechanisms', 'officials', 'events'])
        """
        from .views.asof import as_of

        return as_of(self.store, date, window=window, lapse_days=lapse_days)

    def continuity(self, series: str | None = None, *, lapse_days: int = LAPSE_DAYS,
                   min_administrations: int = 2) -> Any:
        """Continuity of each mechanism (or of ``series``) across administrations: sessions per
        administration of each country, gaps over ``lapse_days`` (lapses) and the relaunches
        after them, the span against the counts releases state, officials seen across
        administrations with their posts. DataFrames on a ``Continuity`` (``.tables()``).

        >>> from bordergraph import BorderGraph
        >>> c = BorderGraph.open(":memory:").continuity()
        >>> list(c.tables())
        ['summary', 'by_administration', 'gaps', 'sessions', 'officials']
        """
        from .views.continuity import continuity

        return continuity(self.store, series, lapse_days=lapse_days,
                          min_administrations=min_administrations)

    def timeline(self, path: str | Path, *, lapse_days: int = LAPSE_DAYS) -> list[Path]:
        """Draw the mechanisms against the administrations of both countries; write ``path``
        as SVG and PNG (``x.svg`` also writes ``x.png`` and the other way round). Returns both.

        >>> from bordergraph import BorderGraph
        >>> import tempfile, os
        >>> outs = BorderGraph.open(":memory:").timeline(os.path.join(tempfile.mkdtemp(), "t.svg"))
        >>> [p.suffix for p in outs]
        ['.svg', '.png']
        """
        from .views.timeline import write_timeline

        return write_timeline(self.store, path, lapse_days=lapse_days)
