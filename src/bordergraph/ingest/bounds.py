"""Bounded work per release file: what is read, how much, and HTML the parser cannot take.

A path is read only when it resolves (through symlinks) to a regular file — ``/dev/zero``, a
FIFO or a socket report a size of 0 and never end — and never past the size limit, whatever the
reported size. A text with more sentence-like units than any press release is refused before
extraction. HTML nested deeper than any real page (the parser's tree building is quadratic in
the depth), or whose unclosed tags would swallow the text, is read as tag-stripped text.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "r.txt"
>>> _ = p.write_bytes(b"x" * 10)
>>> len(read_bounded(p, 1.0))
10
>>> html_shape("<div><span><div><span>text")
(4, True)
"""

from __future__ import annotations

import html as html_lib
import os
import re
import stat
from pathlib import Path

from ..errors import ReleaseError

MAX_RELEASE_MB = 5  # a long press release is ~100 KB; anything near this is not a release
MAX_LINES = 20_000  # a long press release has a few hundred lines and sentences
MAX_SENTENCES = 100_000
MAX_HTML_DEPTH = 400  # real pages nest a few dozen elements deep
_KINDS = {
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory",
}


def _limit(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


def size_limit_mb() -> float:
    return _limit("BORDERGRAPH_MAX_RELEASE_MB", MAX_RELEASE_MB)


def read_bounded(path: Path, limit_mb: float) -> bytes:
    """The bytes of ``path`` if it is (or links to) a regular file of at most ``limit_mb``."""
    try:
        info = os.stat(path)  # follows symlinks: what is read is what the link points to
    except OSError as exc:
        raise ReleaseError(path, f"cannot read file ({exc.strerror})") from exc
    kind = stat.S_IFMT(info.st_mode)
    if kind != stat.S_IFREG:
        what = _KINDS.get(kind, "not a regular file")
        target = f" ({os.path.realpath(path)})" if os.path.islink(path) else ""
        raise ReleaseError(path, f"{what}{target}, not a regular file: refused")
    limit = int(limit_mb * 1_000_000)
    too_big = (f"releases over {limit_mb:g} MB are refused "
               "(BORDERGRAPH_MAX_RELEASE_MB raises the limit)")
    if info.st_size > limit:  # checked before reading: a stray dump is not a release
        raise ReleaseError(path, f"file is {info.st_size / 1e6:.1f} MB; {too_big}")
    try:
        with open(path, "rb") as f:
            raw = f.read(limit + 1)  # never more, whatever the size said
    except OSError as exc:
        raise ReleaseError(path, f"cannot read file ({exc.strerror})") from exc
    if len(raw) > limit:
        raise ReleaseError(path, f"file grew past {limit_mb:g} MB while read; {too_big}")
    return raw


_SENTENCE_ENDS = re.compile(r"[.!?;]+(?=\s|$)")
_LINES = re.compile(r"\S[^\n]*(?:\n|$)")


def check_sentences(path: Path, text: str) -> None:
    """Refuse a text with more lines or sentence ends than any press release (before any
    per-line or per-sentence work: extraction costs up to a millisecond a sentence)."""
    for what, pattern, name, default in (
        ("lines of text", _LINES, "BORDERGRAPH_MAX_LINES", MAX_LINES),
        ("sentences", _SENTENCE_ENDS, "BORDERGRAPH_MAX_SENTENCES", MAX_SENTENCES),
    ):
        limit = int(_limit(name, default))
        count = sum(1 for _ in pattern.finditer(text))
        if count > limit:
            raise ReleaseError(path, f"{count:,} {what}; releases over {limit:,} are refused "
                               f"({name} raises the limit)")


_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*>|<!--|-->")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr"]
)
# closed implicitly by their next sibling: never counted as nesting
_SELF_CLOSING = frozenset(
    ["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot"]
)
_RAW = frozenset({"script", "style", "title", "textarea", "xmp", "noscript", "iframe"})


def html_shape(html: str) -> tuple[int, bool]:
    """(deepest nesting, whether something is left open) by one linear scan of the tags."""
    depth = deepest = 0
    stack: list[str] = []
    comment = False
    for m in _TAG.finditer(html):
        token = m.group(0)
        if token == "<!--":
            comment = True
            continue
        if token == "-->":
            comment = False
            continue
        if comment:
            continue
        closing, name = m.group(1), m.group(2).lower()
        if name in _VOID or name in _SELF_CLOSING or token.endswith("/>"):
            continue
        if closing:
            if name in stack:
                while stack and stack.pop() != name:
                    pass
            depth = len(stack)
        else:
            stack.append(name)
            depth = len(stack)
            deepest = max(deepest, depth)
    open_raw = bool(set(stack) & _RAW) or comment or html.count("<") > html.count(">")
    return deepest, bool(stack) or open_raw


def too_deep(deepest: int) -> bool:
    """Whether a page nested ``deepest`` elements deep (from :func:`html_shape`) is past the
    limit the HTML parser can take in linear time."""
    return deepest > int(_limit("BORDERGRAPH_MAX_HTML_DEPTH", MAX_HTML_DEPTH))


_BLOCK = re.compile(r"</?(?:p|div|li|h[1-6]|ul|ol|section|article|main|blockquote|table|tr|td|"
                    r"th|dl|dt|dd|br|time|figcaption|pre|header|footer|nav)\b[^>]*>", re.I)
_CLOSED_RAW = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)


def stripped_text(html: str) -> str:
    """The text of an HTML page without parsing it: closed scripts and styles, comments and
    tags removed, blocks as paragraphs, entities decoded. Linear in the page."""
    text = _CLOSED_RAW.sub(" ", html)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S).replace("<!--", " ")
    text = re.sub(r"<head\b.*?</head\s*>", " ", text, flags=re.I | re.S)
    text = _BLOCK.sub("\n\n", text)
    text = re.sub(r"<[^>]*(?:>|$)", " ", text)
    return html_lib.unescape(text)


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


__all__ = ["check_sentences", "html_shape", "read_bounded", "stripped_text", "too_deep"]
