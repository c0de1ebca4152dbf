"""Split a release body into sentences with their offsets, paragraph and list context.

Every fact the extractor finds carries the sentence that states it as evidence, so sentence
offsets are offsets into :attr:`ReleaseText.body`.

>>> body = "Title Here\\n\\nThe U.S. delegation met. Mr. Brooks said so.\\n- one item\\n- two"
>>> for s in split(body, title="Title Here")[1:]:
...     print(repr(s.text), s.bullet)
'The U.S. delegation met.' False
'Mr. Brooks said so.' False
'- one item' True
'- two' True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...records import Evidence
from .lexicon import load


@dataclass(frozen=True)
class Sentence:
    """One sentence (or list item, or header line) of the body."""

    text: str
    start: int
    end: int
    para: int  # paragraph number, 0-based
    bullet: bool = False
    header: bool = False  # metadata lines before the title
    title: bool = False
    lead: str | None = None  # for a list item: the sentence that introduces the list

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.text, self.start, self.end)

    @property
    def clean(self) -> str:
        """The text without a leading bullet marker and with single spaces."""
        return re.sub(r"\s+", " ", re.sub(r"^[-•*·–]\s+", "", self.text)).strip()


@cache
def _boundary(lang: str) -> re.Pattern[str]:
    abbrevs = load(lang, "sentences").get("abbreviations", [])
    # A period ends a sentence unless it closes an abbreviation or a single initial ("A.").
    neg = "".join(f"(?<!\\b{re.escape(str(a))}\\.)" for a in abbrevs)
    return re.compile(rf"(?<=[.!?]){neg}(?<!\b[A-Z]\.)[\"”’)]?\s+(?=[A-Z“\"(¿¡])")


def split(body: str, title: str | None = None, lang: str = "en", is_header=None) -> list[Sentence]:  # type: ignore[no-untyped-def]
    """The sentences of ``body``; paragraphs before ``title`` are marked as header lines."""
    bullets = tuple(load(lang, "sentences").get("bullets", ["-", "•", "*"]))
    out: list[Sentence] = []
    before_title = title is not None and title in body
    title_pos = body.find(title) if before_title and title else -1
    lead: str | None = None
    for para_no, (p_start, p_text) in enumerate(_paragraphs(body)):
        in_header = p_start < title_pos or (title is None and _looks_header(p_text, is_header))
        if in_header and title is None and out and not out[-1].header:
            in_header = False
        for i_start, item, bullet in _items(p_text, bullets):
            start = p_start + i_start
            if in_header or (p_start == title_pos):
                for line_start, line in _lines(item):
                    out.append(
                        Sentence(
                            line,
                            start + line_start,
                            start + line_start + len(line),
                            para_no,
                            header=in_header,
                            title=p_start == title_pos,
                        )
                    )
                continue
            for s_start, s_text in _sentences(item, lang, bullet):
                out.append(
                    Sentence(
                        s_text,
                        start + s_start,
                        start + s_start + len(s_text),
                        para_no,
                        bullet=bullet,
                        lead=lead if bullet else None,
                    )
                )
            if not bullet and item.rstrip().endswith(":"):
                lead = out[-1].text
            elif not bullet:
                lead = None
    return out


def _looks_header(text: str, is_header) -> bool:  # type: ignore[no-untyped-def]
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return bool(lines) and all(
        (is_header(ln) if is_header else False) or (len(ln) < 80 and not ln.endswith("."))
        for ln in lines
    )


def _paragraphs(body: str) -> list[tuple[int, str]]:
    out = []
    for m in re.finditer(r"(?s)(.+?)(?:\n\s*\n|\Z)", body):
        if m.group(1).strip():
            out.append((m.start(1), m.group(1)))
    return out


def _items(text: str, bullets: tuple[str, ...]) -> list[tuple[int, str, bool]]:
    """Split a paragraph at lines that start with a bullet marker; other lines are joined."""
    out: list[tuple[int, str, bool]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        is_bullet = any(stripped.startswith(b + " ") for b in bullets)
        if out and not is_bullet and not out[-1][1].rstrip().endswith(":") and stripped:
            s, _t, b = out[-1]
            out[-1] = (s, text[s : pos + len(line)], b)
        elif stripped:
            out.append((pos, line, is_bullet))
        pos += len(line) + 1
    return out


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line.rstrip()))
        pos += len(line) + 1
    return out


def _sentences(text: str, lang: str, bullet: bool) -> list[tuple[int, str]]:
    if bullet:
        return [(0, text.rstrip())]
    out, start = [], 0
    for m in _boundary(lang).finditer(text):
        piece = text[start : m.start()].rstrip()
        if piece.strip():
            out.append((start, piece))
        start = m.end()
    if text[start:].strip():
        out.append((start, text[start:].rstrip()))
    return out
