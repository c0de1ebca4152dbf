"""Extract: a release's text -> a :class:`~bordergraph.records.ReleaseRecord`.

The pipeline is language-neutral code driven by the vocabulary in ``data/lexicon/LANG/``;
a language is supported when it has a registered extractor. English is built in; a release in a
language without one yields a record with its source metadata only.

>>> from bordergraph.records import ReleaseText, Source
>>> text = ReleaseText("x.txt", "Secretary of State Antony J. Blinken hosted the second "
...     "High-Level Security Dialogue in Washington on October 13.", Source(issued="2022-10-13",
...     language="en"), "0")
>>> rec = extract(text)
>>> (rec.events[0].ordinal, rec.events[0].date, rec.people[0].roles[0].role)
(2, '2022-10-13', 'host')
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..records import ReleaseRecord, ReleaseText

Extractor = Callable[[ReleaseText], ReleaseRecord]
_EXTRACTORS: dict[str, Extractor] = {}


def register(lang: str, extractor: Extractor) -> None:
    """Make ``extractor`` the one used for releases in ``lang`` (ISO 639-1)."""
    _EXTRACTORS[lang] = extractor


def release_id(text: ReleaseText) -> str:
    """The release id: its file name without extension."""
    return Path(text.path).stem


def extract(text: ReleaseText) -> ReleaseRecord:
    """Everything the release states, with evidence; source only for unsupported languages."""
    lang = text.source.language or "en"
    if lang not in _EXTRACTORS and lang == "en":
        from .pipeline import extract_release

        register("en", extract_release)
    fn = _EXTRACTORS.get(lang)
    if fn is None:
        return ReleaseRecord(id=release_id(text), source=text.source)
    return fn(text)


__all__ = ["extract", "register", "release_id"]
