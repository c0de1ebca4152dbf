"""``re`` with a larger cache of compiled patterns. The frames build their patterns from
lexicon words at run time; the standard cache (512 patterns) is too small for all of them and
recompiles them release after release. Same functions and flags as :mod:`re`."""

from __future__ import annotations

import re as _re
from collections.abc import Iterator
from functools import lru_cache

I = IGNORECASE = _re.IGNORECASE  # noqa: E741
Match = _re.Match
Pattern = _re.Pattern
escape = _re.escape


@lru_cache(maxsize=8192)
def compile(pattern: str, flags: int = 0) -> _re.Pattern[str]:
    return _re.compile(pattern, flags)


def search(pattern: str, text: str, flags: int = 0) -> _re.Match[str] | None:
    return compile(pattern, flags).search(text)


def match(pattern: str, text: str, flags: int = 0) -> _re.Match[str] | None:
    return compile(pattern, flags).match(text)


def fullmatch(pattern: str, text: str, flags: int = 0) -> _re.Match[str] | None:
    return compile(pattern, flags).fullmatch(text)


def finditer(pattern: str, text: str, flags: int = 0) -> Iterator[_re.Match[str]]:
    return compile(pattern, flags).finditer(text)


def findall(pattern: str, text: str, flags: int = 0) -> list:  # type: ignore[type-arg]
    return compile(pattern, flags).findall(text)


def sub(pattern: str, repl, text: str, count: int = 0, flags: int = 0) -> str:  # type: ignore[no-untyped-def]
    return compile(pattern, flags).sub(repl, text, count)


def split(pattern: str, text: str, maxsplit: int = 0, flags: int = 0) -> list[str]:
    return compile(pattern, flags).split(text, maxsplit)
