"""How organizations' names are written: compressed lists under one plural head ("the
Departments of State, the Treasury, Justice and Defense", "las Secretarías de la Defensa
Nacional y de Marina": the ``plural_heads`` and ``list_*`` words of
``data/lexicon/LANG/organizations.yaml``); names in capitals read back as names; where a name
runs on past its end.

>>> compressed("the Departments of State and Justice met.", "en")
[(None, 'Department of State'), (None, 'Department of Justice')]
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import alternation, load


def _lex(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "organizations")


@cache
def _compressed_pattern(lang: str) -> re.Pattern[str] | None:
    lex = _lex(lang)
    plural = lex.get("plural_heads", {})
    if not plural:
        return None
    art = alternation(lex.get("list_articles", []))
    link, conj = alternation(lex["list_links"]), alternation(lex["list_ands"])
    joins = alternation([*lex["list_ands"], *lex["list_links"]])
    prefix = alternation(lex.get("country_prefixes", []), escape=False)
    word = lex["capitalised"]
    item = rf"(?:{link}\s+)?(?:{art}\s+)?{word}(?:\s+(?:{joins}\s+)?{word})*"
    return re.compile(
        rf"(?P<pre>{prefix}\s+)?\b(?P<plural>{alternation(plural)})\s+{link}\s+"
        rf"(?P<items>{item}(?:\s*[,;]\s*{item})*[,;]?\s+{conj}\s+{item})"
    )


def compressed(text: str, lang: str) -> list[tuple[str | None, str]]:
    """(prefix, name) of each organization of a compressed list: "the Departments of State, the
    Treasury, Justice and Defense" -> Department of State, Department of the Treasury, ...;
    "las Secretarías de la Defensa Nacional y de Marina"."""
    pattern = _compressed_pattern(lang)
    if pattern is None or not pattern.search(text):
        return []
    lex = _lex(lang)
    link, conj = alternation(lex["list_links"]), alternation(lex["list_ands"])
    ends = alternation(lex.get("list_ends", []))
    out = []
    for m in pattern.finditer(text):
        head = lex["plural_heads"][m.group("plural")]
        rest = text[m.start("items") :]
        upto = re.search(rf",\s+{ends}\b|\.\s|\.$|$", rest)
        whole = rest[: upto.start()] if upto else rest
        if re.search(rf";\s*(?:{conj}\s+)?{link}\s", whole):
            # "de Hacienda y Crédito Público; de Economía, y de A, B y C"
            items = re.split(rf"\s*;\s*(?:{conj}\s+)?|,\s+{conj}\s+", whole)
        else:
            items = re.split(rf"\s*,\s*(?:{conj}\s+)?|\s+{conj}\s+(?=\w)", m.group("items"))
        for it in items:
            it = re.sub(rf"^{link}\s+", "", it.strip()).rstrip(".")
            if it:
                out.append((m.group("pre"), f"{head} {lex['list_links'][0]} {it}"))
    return out


def run_on(text: str, known: re.Match[str], m: re.Match[str]) -> bool:
    """A longer name that only runs a known one on into capitalised words ("Secretariat of
    Foreign Relations Pedro Ruiz"), not into a complement ("Departamento de Transporte de ...")."""
    if m is known or m.start() != known.start() or m.end() <= known.end():
        return False
    return bool(re.match(r"\s+[A-ZÁÉÍÓÚÑ]", text[known.end() : m.end()]))


def short_line_after(text: str, m: re.Match[str]) -> bool:
    """A name run on over a line break into a short line ("Department of State / Washington,
    DC"): header lines, not a name wrapped with its prose."""
    br = text.find("\n", m.start(), m.end())
    return br >= 0 and len(text[br + 1 :].split("\n", 1)[0].strip()) < 40


def opens(a: str, b: str, least: int = 12) -> bool:
    return min(len(a), len(b)) > least and (a.startswith(b + " ") or b.startswith(a + " "))


def readable(caps: str, lang: str) -> str:
    """A name written in capitals, as a name is written: "OFFICE OF THE TEXAS GOVERNOR" ->
    "Office of the Texas Governor" (``lowercase_words`` stay lower-case inside a name)."""
    small = set(_lex(lang).get("lowercase_words", []))

    def word(k: int, w: str) -> str:
        if "." in w or "&" in w:  # "U.S.", "A&M"
            return w
        return w.lower() if k and w.lower() in small else w[:1] + w[1:].lower()

    return " ".join(word(k, w) for k, w in enumerate(caps.split()))


@cache
def states(lang: str) -> list[str]:
    """Border states written before a name of their own body ("Texas Department of ..."), when
    the lexicon asks for it (``state_prefixes``)."""
    if not _lex(lang).get("state_prefixes"):
        return []
    by_country = load(lang, "places").get("states", {})
    return [re.escape(name) for names in by_country.values() for name in names]


def written_name(m: re.Match[str]) -> str:
    """The name a pattern read, without a sentence's full stop ("la Oficina Oval.")."""
    name = m.group("name")
    return name[:-1] if name.endswith(".") and "." not in name.split()[-1][:-1] else name
