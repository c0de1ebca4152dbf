"""Read a release file (.txt or .html) into a :class:`~bordergraph.records.ReleaseText`.

The body keeps the release as published — header lines, title, paragraphs — minus page chrome
and aggregator or e-mail noise; evidence offsets point into it. Metadata (publisher, office,
issue date and time, language, title) goes into :class:`~bordergraph.records.Source`.
What counts as noise and which names identify a publisher is data: ``data/lexicon/read.yaml``.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "r.txt"
>>> _ = p.write_text("THE WHITE HOUSE\\nMay 2, 2013\\n\\nThe two presidents met today.\\n\\n###\\n")
>>> r = read_release(p)
>>> r.source.publisher, r.source.issued, r.body.endswith("met today.")
('The White House', '2013-05-02', True)
"""

from __future__ import annotations

import hashlib
import re
from functools import cache, lru_cache
from pathlib import Path

from ..errors import ReleaseError
from ..records import ReleaseText, Source
from .bounds import (
    check_sentences,
    html_shape,
    read_bounded,
    size_limit_mb,
    stripped_text,
    too_deep,
    words,
)
from .extract.dates import find_dates, first_date
from .extract.lexicon import common, load

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\s*([AP]M)?\s*([A-Z]{2,4})?\b", re.IGNORECASE)
_TZ = {
    "EST": "-05:00",
    "EDT": "-04:00",
    "CST": "-06:00",
    "CDT": "-05:00",
    "MST": "-07:00",
    "MDT": "-06:00",
    "PST": "-08:00",
    "PDT": "-07:00",
    "UTC": "+00:00",
    "GMT": "+00:00",
}


def read_release(path: Path | str) -> ReleaseText:
    """Read one release file; raise :class:`ReleaseError` for empty, binary or undecodable files."""
    path = Path(path)
    raw = read_bounded(path, size_limit_mb())  # a regular file, never more than the limit
    if not raw.strip():
        raise ReleaseError(path, "empty file")
    if raw.startswith(_BINARY_MAGIC) or b"\x00" in raw[:4096]:
        raise ReleaseError(path, "binary content, not a text or HTML release")
    text, warnings = _decode(path, raw)
    meta: dict[str, str] = {}
    if path.suffix.lower() in (".html", ".htm") or re.match(r"\s*<(!doctype|html)", text, re.I):
        text, meta = _read_html(text, warnings)
    check_sentences(path, text)  # before any per-line work
    body = _clean(text)
    if not body.strip():
        raise ReleaseError(path, "no text after removing page chrome")
    source = _source(body, meta)
    return ReleaseText(
        path=str(path),
        body=body,
        source=source,
        sha256=hashlib.sha256(raw).hexdigest(),
        warnings=tuple(warnings),
    )


def _read_html(html: str, warnings: list[str]) -> tuple[str, dict[str, str]]:
    """The page's text; tag-stripped when the parser cannot take it (nesting deeper than any
    real page) or when unclosed tags make the parsed body lose most of the page's words."""
    depth, left_open = html_shape(html)  # one scan answers both questions
    if too_deep(depth):
        warnings.append(f"HTML nested {depth:,} elements deep; read as tag-stripped text")
        return stripped_text(html), {}
    text, meta = html_to_text(html, common("read"))
    if left_open:
        flat = stripped_text(html)
        if words(text) < 0.5 * words(flat):
            warnings.append("unclosed HTML tags hide most of the page; read as tag-stripped text")
            return flat, meta
    return text, meta


def _decode(path: Path, raw: bytes) -> tuple[str, list[str]]:
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    best = matches[0] if matches else None
    if best is None:
        raise ReleaseError(path, "undecodable text (not UTF-8, no other encoding fits)")
    # Ties are common on short texts; releases are Western-European text, so prefer those.
    preferred = common("read").get("preferred_encodings", [])
    ties = [m for m in matches if m.chaos <= best.chaos and m.encoding in preferred]
    if ties:
        best = min(ties, key=lambda m: preferred.index(m.encoding))
    return str(best), [f"not UTF-8; decoded as {best.encoding}"]


@cache
def _noise() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in common("read")["noise_lines"]), re.I)


@cache
def _header() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in common("read")["header_lines"]), re.I)


@lru_cache(maxsize=4096)
def is_header_line(line: str) -> bool:
    """True for a metadata-only line ("FOR IMMEDIATE RELEASE", "Office of the Spokesperson",
    a line that is only a date).

    >>> is_header_line("12/10/2021 02:46 PM EST"), is_header_line("The ESC met.")
    (True, False)
    """
    if _header().search(line) or line.strip().lower() in _offices():
        return True
    rest = line
    dates = [d for d in find_dates(line, "en") + find_dates(line, "es") if d.precision == "day"]
    for d in dates:
        rest = rest.replace(line[d.start : d.end], " ")
    rest = _TIME.sub(" ", rest)
    if (
        dates
        and len(rest.split()) <= 6
        and re.fullmatch(r"[\s,.|]*(?:(?:[A-ZÁÉÍÓÚ][\w.]*|a|de)[\s,.|]*)*", rest)
    ):
        return True  # a dateline: "Mexico City, January 31, 2022", "Washington, D.C., a 9 de ..."
    return not re.sub(r"[\W_]+", "", rest) and bool(line.strip())


@cache
def _offices() -> frozenset[str]:
    return frozenset(
        o.lower() for pub in common("read")["publishers"] for o in pub.get("offices", [])
    )


_BLOCKS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "section",
    "article",
    "main",
    "blockquote",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "br",
    "time",
    "figcaption",
    "pre",
}


def html_to_text(html: str, lex: dict) -> tuple[str, dict[str, str]]:  # type: ignore[type-arg]
    """The readable text of an HTML release (one paragraph per block) and its metadata.

    >>> text, meta = html_to_text("<html><head><title>T | GSA</title></head><body><nav>Home"
    ...     "</nav><main><h1>Port opens</h1><p>It opened &amp; closed.</p></main></body></html>",
    ...     common("read"))
    >>> text.split(), meta["title"]
    (['Port', 'opens', 'It', 'opened', '&', 'closed.'], 'Port opens')
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    meta: dict[str, str] = {}
    for prop, key in (
        ("article:published_time", "published"),
        ("og:site_name", "site_name"),
        ("og:title", "title"),
    ):
        node = tree.css_first(f'meta[property="{prop}"]')
        if node is not None and node.attributes.get("content"):
            meta[key] = str(node.attributes["content"]).strip()
    time_node = tree.css_first("time[datetime]")
    if "published" not in meta and time_node is not None:
        meta["published"] = str(time_node.attributes.get("datetime") or "").strip()
    tree.strip_tags(lex["html_drop_tags"])
    markers = lex["html_drop_markers"]
    for node in tree.css("[class], [id], [role], [hidden]"):
        attrs = " ".join(str(node.attributes.get(a) or "") for a in ("class", "id", "role"))
        if "hidden" in node.attributes or any(m in attrs.lower() for m in markers):
            node.decompose()
    root = None
    for selector in lex["html_body_selectors"]:
        root = tree.css_first(selector)
        if root is not None:
            break
    h1 = tree.css_first("h1")
    if h1 is not None and h1.text(strip=True):
        meta["title"] = re.sub(r"\s+", " ", h1.text()).strip()
    elif tree.css_first("title") is not None and "title" not in meta:
        meta["title"] = re.split(r"\s+[|–-]\s+", tree.css_first("title").text())[0].strip()
    if root is None:
        return "", meta
    return _block_text(root.html or ""), meta


_PARA = "\u2029"  # a paragraph mark no release contains, put where block elements start and end


def _block_text(html: str) -> str:
    """The text of an HTML fragment with one paragraph per block element, list items as
    "- " lines. Linear in the size of the page (no recursion: deep nesting is fine)."""
    from selectolax.lexbor import LexborHTMLParser

    tags = "|".join(sorted(_BLOCKS))

    def mark(m: re.Match[str]) -> str:
        opening = not m.group(1)
        return _PARA + ("- " if opening and m.group(2).lower() == "li" else "")

    marked = re.sub(rf"<(/?)({tags})\b[^>]*>", mark, html, flags=re.I)
    body = LexborHTMLParser(f"<html><body>{marked}</body></html>").body
    text = body.text(deep=True) if body is not None else ""
    blocks = [re.sub(r"\s+", " ", b).strip() for b in text.split(_PARA)]
    return "\n\n".join(b for b in blocks if b and b != "-")


_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text: str) -> str:
    """Drop noise lines, normalise spaces inside lines, keep one blank line between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = _INVISIBLE.sub("", text)  # zero-width and control characters split names apart
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"[ \t\u2000-\u200a\u3000]+", " ", line).strip()
        if line and _noise().search(line):
            continue
        lines.append(line)
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return out


def _source(body: str, meta: dict[str, str]) -> Source:
    lines = [ln for ln in body.split("\n") if ln.strip()]
    head = _head_lines(lines)
    language = detect_language(body)
    publisher, office = _publisher(head, meta)
    issued, issued_time = _issued(head, meta, language)
    title = meta.get("title") or _title(lines, head)
    return Source(
        publisher=publisher,
        issued=issued,
        language=language,
        office=office,
        issued_time=issued_time,
        title=title,
    )


def _head_lines(lines: list[str]) -> list[str]:
    """The header block: lines before the first paragraph of running text."""
    head = []
    for line in lines:
        if len(line) > 200 or (line.endswith(".") and len(line) > 60) or line[0] in "•*-–·":
            break
        head.append(line)
    return head[:12]


def _publisher(head: list[str], meta: dict[str, str]) -> tuple[str | None, str | None]:
    pubs = common("read")["publishers"]
    text = "\n".join([*head, meta.get("site_name", "")])
    office = None
    for pub in pubs:
        for off in pub.get("offices", []):
            if re.search(rf"(?im)^\s*{re.escape(off)}\s*$", text):
                office = off
    for pub in pubs:  # a name wins over an office or a section
        for name in pub["names"]:
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.I):
                return pub["name"], office
    for pub in pubs:
        if office in pub.get("offices", []):
            return pub["name"], office
        for sec in pub.get("sections", []):
            if re.search(rf"(?im)^\s*{re.escape(sec)}\s*$", text):
                return pub["name"], office
    return None, office


def _issued(head: list[str], meta: dict[str, str], lang: str) -> tuple[str | None, str | None]:
    if meta.get("published"):
        stamp = meta["published"]
        return stamp[:10], (stamp if "T" in stamp else None)
    for line in head:
        other = "en" if lang == "es" else "es"  # "04/03/2019" is 4 March in Spanish
        d = first_date(line, lang) or first_date(line, other)
        if d is None:
            continue
        t = _TIME.search(line[d.end :])
        if t:
            hour, minute = int(t.group(1)), int(t.group(2))
            if (t.group(3) or "").upper() == "PM" and hour < 12:
                hour += 12
            if (t.group(3) or "").upper() == "AM" and hour == 12:
                hour = 0
            tz = _TZ.get((t.group(4) or "").upper(), "")
            return d.value, f"{d.value}T{hour:02d}:{minute:02d}:00{tz}"
        return d.value, None
    return None, None


def _title(lines: list[str], head: list[str]) -> str | None:
    """The first header line that is neither metadata nor a publisher's name (a headline has no
    final period)."""
    names = {n.lower() for pub in common("read")["publishers"] for n in pub["names"]}
    for line in head:
        if is_header_line(line) or line.lower().strip() in names or line.endswith("."):
            continue
        if len(line.split()) >= 3:
            return line
    return None


def detect_language(text: str) -> str:
    """``en`` or ``es`` by the share of each language's function words (no model, no network).

    >>> detect_language("Los secretarios se reunieron en la Ciudad de México con el embajador.")
    'es'
    >>> detect_language("The secretaries met in Mexico City with the ambassador.")
    'en'
    """
    words = re.findall(r"[a-záéíóúñü]+", text.lower())
    scores = {}
    for lang in ("en", "es"):
        stop = _stopwords(lang)
        scores[lang] = sum(1 for w in words if w in stop)
    return max(scores, key=lambda k: (scores[k], k == "en"))


@cache
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(load(lang, "stopwords").get("words", []))


__all__ = ["detect_language", "html_to_text", "is_header_line", "read_release"]
