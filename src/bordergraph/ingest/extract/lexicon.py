"""Load the extraction vocabulary: YAML gazetteers and pattern words under ``data/lexicon/``.

Language-specific files live in ``data/lexicon/{lang}/NAME.yaml``; language-neutral ones in
``data/lexicon/NAME.yaml``. Adding a language means adding a folder, not code.

>>> "december" in load("en", "dates")["months"]
True
>>> load("es", "dates")["months"]["septiembre"]
9
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ...paths import project_path

#: The lexicon folder; ``BORDERGRAPH_LEXICON`` points elsewhere (e.g. a curated copy).
LEXICON_DIR = Path(os.environ.get("BORDERGRAPH_LEXICON", project_path("data", "lexicon")))


@cache
def common(name: str) -> dict[str, Any]:
    """The language-neutral lexicon ``data/lexicon/NAME.yaml``."""
    return _read(LEXICON_DIR / f"{name}.yaml")


@cache
def load(lang: str, name: str) -> dict[str, Any]:
    """The lexicon ``data/lexicon/LANG/NAME.yaml``; an empty dict when the file is absent."""
    return _read(LEXICON_DIR / lang / f"{name}.yaml")


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data or {}


def alternation(words: Iterable[str], escape: bool = True) -> str:
    """A regex alternation of ``words``, longest first so that "Assistant Secretary" beats
    "Secretary" (the one way to join lexicon words into a pattern; cached per word list).

    >>> alternation(["Secretary", "Assistant Secretary"]), alternation([])
    ('(?:Assistant\\\\ Secretary|Secretary)', '(?!)')
    """
    return _alternation(tuple(words), escape)


def could_match(patterns: list[str] | tuple[str, ...], text: str, flags: int = 0) -> bool:
    """False only when none of the regex ``patterns`` matches anywhere in ``text``.

    One scan of their alternation: an extractor that wraps each cue of a lexicon list in
    lookarounds and scans for it separately can skip all of them on the (many) sentences
    that hold no cue at all. Lists it cannot join (backreferences, repeated group names)
    always answer True.

    >>> could_match([r"led\\b", r"headed"], "The talks ended."), could_match(["led"], "Led")
    (False, False)
    """
    joined = _joined(tuple(patterns), flags)
    return joined is None or joined.search(text) is not None


@cache
def _joined(patterns: tuple[str, ...], flags: int) -> re.Pattern[str] | None:
    if any(re.search(r"\\[1-9]|\(\?P=", p) for p in patterns):
        return None  # group numbers shift in an alternation
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", flags)
    except re.error:  # e.g. two patterns naming the same group
        return None


@cache
def _alternation(words: tuple[str, ...], escape: bool) -> str:
    # cached: the extractor asks for the same few alternations once per sentence
    items = sorted(set(words), key=lambda w: (-len(w), w))
    if not items:
        return "(?!)"  # no words: matches nothing (an empty group would match everywhere)
    return "(?:" + "|".join(re.escape(w) if escape else w for w in items) + ")"
