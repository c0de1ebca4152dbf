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
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..paths import project_path

#: The lexicon folder; ``BORDERGRAPH_LEXICON`` points elsewhere (e.g. a curated copy).
LEXICON_DIR = Path(
    os.environ.get("BORDERGRAPH_LEXICON", project_path("data", "lexicon"))
)


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


def alternation(words: list[str] | tuple[str, ...], escape: bool = True) -> str:
    """A regex alternation of ``words``, longest first so that "Assistant Secretary" beats
    "Secretary".

    >>> alternation(["Secretary", "Assistant Secretary"])
    '(?:Assistant\\\\ Secretary|Secretary)'
    """
    return _alternation(tuple(words), escape)


@cache
def _alternation(words: tuple[str, ...], escape: bool) -> str:
    # cached: the extractor asks for the same few alternations once per sentence
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) if escape else w for w in items) + ")"
