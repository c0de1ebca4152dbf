"""Extract: a release's text -> a :class:`~bordergraph.records.ReleaseRecord`.

The pipeline is language-neutral code driven by the vocabulary in ``data/lexicon/LANG/``;
a language is supported when it has an extractor: registered with :func:`register`, or the
``extract_release`` function of a module ``pipeline_LANG`` in this package (English:
``pipeline``). A release in a language without one yields a record with its source only.

>>> from bordergraph.records import ReleaseText, Source
>>> text = ReleaseText("x.txt", "Secretary of State Antony J. Blinken hosted the second "
...     "High-Level Security Dialogue in Washington on October 13.", Source(issued="2022-10-13",
...     language="en"), "0")
>>> rec = extract(text)
>>> (rec.events[0].ordinal, rec.events[0].date, rec.people[0].roles[0].role)
(2, '2022-10-13', 'host')
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ...graph.iris import release_name
from ...records import ReleaseRecord, ReleaseText

Extractor = Callable[[ReleaseText], ReleaseRecord]
_EXTRACTORS: dict[str, Extractor] = {}


def register(lang: str, extractor: Extractor) -> None:
    """Make ``extractor`` the one used for releases in ``lang`` (ISO 639-1)."""
    _EXTRACTORS[lang] = extractor


def release_id(text: ReleaseText) -> str:
    """The release id: its file name without extension, as a slug."""
    return release_name(text.path)


def _load(lang: str) -> Extractor | None:
    """The extractor of ``lang``: registered, else ``extract_release`` of the module
    ``bordergraph.ingest.extract.pipeline_LANG`` (``pipeline`` for English) when it exists."""
    if lang not in _EXTRACTORS:
        name = ".pipeline" if lang == "en" else f".pipeline_{lang}"
        try:
            module = importlib.import_module(name, __name__)
        except ModuleNotFoundError as exc:
            if exc.name != __name__ + name:
                raise
            return None
        register(lang, module.extract_release)
    return _EXTRACTORS[lang]


def extract(text: ReleaseText) -> ReleaseRecord:
    """Everything the release states, with evidence; source only for unsupported languages."""
    fn = _load(text.source.language or "en")
    if fn is None:
        return ReleaseRecord(id=release_id(text), source=text.source)
    return fn(text)


__all__ = ["extract", "register", "release_id"]
