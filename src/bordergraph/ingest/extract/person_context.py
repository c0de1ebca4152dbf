"""A release's people read across its sentences: headline names cut to the name the body
writes, later bare surname mentions, and each person's country from the strongest evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from .lexicon import load
from .namewords import Mention
from .persons import PersonCluster, _contains, fill_countries, name_tokens


def _headline(s) -> bool:  # type: ignore[no-untyped-def]
    """The release's title, or a line written like one: title case, no closing stop."""
    if s.title:
        return True
    words = s.text.split()
    if len(words) < 4 or s.text.rstrip()[-1:] in ".:\"”'’)":
        return False
    return sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def trim_title_names(sents, mentions, lang: str = "en") -> None:  # type: ignore[no-untyped-def]
    """A headline runs a name into its verb ("Attorney General Jo Ann Barr Holds Talks",
    "Magnus Travels to ..."): a title mention that begins with a name the body writes (or with
    its surname) is cut to that name."""
    from dataclasses import replace

    heads = [_headline(s) for s in sents]
    verbs = {w.lower() for w in load(lang, "people").get("headline_verbs", [])}
    body = {tuple(name_tokens(m.name)) for h, ms in zip(heads, mentions, strict=True)
            if not h for m in ms if m.name and len(name_tokens(m.name)) >= 2}
    if not body:
        return
    surnames = {b[-1] for b in body}
    for i in range(len(sents)):
        fixed = []
        for m in mentions[i]:
            if not heads[i] and "\n" in (m.name or ""):
                # a heading line run into its paragraph ("... President Peña Nieto\nShortly"):
                # cut at the break when the first line holds a name the release writes
                first = m.name.split("\n")[0].strip()  # type: ignore[union-attr]
                ft = tuple(name_tokens(first))
                own = tuple(name_tokens(m.name or ""))
                if ft and any(_contains(list(b), list(ft)) >= 0 for b in body
                              if b not in (ft, own) and len(b) >= len(ft)):
                    m = replace(m, name=first, end=m.start + m.name.find(first) + len(first))  # type: ignore[union-attr]
                fixed.append(m)
                continue
            if not heads[i]:
                fixed.append(m)
                continue
            toks = tuple(name_tokens(m.name or ""))
            if (
                toks
                and not any(t in toks for b in body for t in b)
                and any(w.lower() in verbs or re.fullmatch(r"[IVXL]{4,}|X[IVXL]+", w)
                        for w in (m.name or "").split())
            ):
                continue  # "Governor Co-Chairs XXIII Plenary": the headline's verb, no name
            cut = None
            if toks and tuple(toks) not in body:
                if any(len(toks) > len(b) and toks[: len(b)] == b for b in body):
                    size = max(len(b) for b in body if toks[: len(b)] == b)
                elif len(toks) > 1 and toks[0] in surnames:
                    size = 1
                else:
                    size = 0
                words = (m.name or "").split()
                for k in range(1, len(words) + 1):
                    if size and len(name_tokens(" ".join(words[:k]))) == size:
                        cut = " ".join(words[:k])
                        break
            if cut:
                m = replace(m, name=cut, end=m.start + (m.name or "").find(cut) + len(cut)
                            if (m.name or "").find(cut) >= 0 else m.end,
                            kind="full" if size >= 2 else "short")
            fixed.append(m)
        mentions[i] = fixed


def _surnames(people: list[PersonCluster]) -> tuple[_TailScanner | None, dict[str, int]]:
    """One pattern for the later bare mentions of a release's people: their last two name
    words, or the last one of a two-word name; a surname two people share is left out."""
    owners: dict[str, set[int]] = {}
    for p_i, p in enumerate(people):
        words = [w for w in re.sub(r",?\s+(?:Jr|Sr)\.?$", "", p.name).split()
                 if not re.fullmatch(r"[A-Z]\.", w)]
        if len(words) < 2:
            continue
        for size in (2, 1):
            if size == 1 and len(words) > 2:
                continue  # a lone second surname is ambiguous
            owners.setdefault(" ".join(words[-size:]), set()).add(p_i)
        if len(words) >= 3 and words[-2][:1].isupper():
            # "Tatiana Clouthier Carrillo" is "Clouthier": the first of two surnames
            owners.setdefault(words[-2], set()).add(p_i)
    tails = {t: next(iter(w)) for t, w in owners.items() if len(w) == 1}
    if not tails:
        return None, tails
    return _TailScanner(tails), tails


class _Found(NamedTuple):
    """A tail found in a text, read as a match is (start, end, group, span)."""

    begin: int
    finish: int
    text: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, _: int = 0) -> str:
        return self.text

    def span(self) -> tuple[int, int]:
        return self.begin, self.finish


class _TailScanner:
    """Finds the tails at word starts, longest first, without overlaps: what one regex
    alternation of them finds, in time linear in the text (an alternation of thousands of
    names is tried at every position)."""

    _WORD = re.compile(r"(?<!\w)\w+")
    _WORD_CHAR = re.compile(r"\w")

    def __init__(self, tails: dict[str, int]) -> None:
        self.tails = set(tails)
        lengths: dict[str, set[int]] = {}
        for tail in tails:
            first = self._WORD.match(tail)
            if first is not None:
                lengths.setdefault(first.group(0), set()).add(len(tail))
        # per first word, the lengths of its tails, longest first: a few slices to look up
        self.lengths = {w: sorted(ls, reverse=True) for w, ls in lengths.items()}

    def finditer(self, text: str) -> Iterator[_Found]:
        pos = 0
        for word in self._WORD.finditer(text):
            start = word.start()
            if start < pos:
                continue
            for size in self.lengths.get(word.group(0), ()):
                end = start + size
                if end <= len(text) and text[start:end] in self.tails and not \
                        self._WORD_CHAR.match(text, end):
                    yield _Found(start, end, text[start:end])
                    pos = end
                    break


def surname_mentions(
    text: str, people: list[PersonCluster], taken: list[tuple[int, int]], found=None  # type: ignore[no-untyped-def]
) -> list[tuple[Mention, int]]:
    """Later bare mentions of known people ("Velasco Álvarez recordó", "Napolitano said"),
    written where no other mention stands."""
    pattern, tails = found if found is not None else _surnames(people)
    out = []
    for m in pattern.finditer(text) if pattern is not None else ():
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken):
            continue
        taken.append(m.span())
        out.append((Mention(m.start(), m.end(), m.group(0), kind="short"), tails[m.group(0)]))
    return out


def add_surnames(sents, body, mentions, pids, people) -> None:  # type: ignore[no-untyped-def]
    """Add every later surname mention (:func:`surname_mentions`) to the sentence lists."""
    found = _surnames(people)
    if found[0] is None:
        return
    for i, s in enumerate(sents):
        if (i in body or s in body) and not s.title:
            taken = [(m.start, m.end) for m in mentions[i]]
            extra = surname_mentions(s.text, people, taken, found)
            if not extra:
                continue
            pairs = sorted([*zip(mentions[i], pids[i], strict=True), *extra],
                           key=lambda x: x[0].start)
            mentions[i] = [m for m, _ in pairs]
            pids[i] = [c for _, c in pairs]
            for m, p_i in extra:
                people[p_i].mentions.append((i, m))


def assign_countries(people, sents, mentions, pids, orgs, lang, home, sides=None) -> None:  # type: ignore[no-untyped-def]
    """Country of each person, strongest evidence first: the mention (a country word in or
    before the post), the organization attached to the person, the bilingual post lexicon
    ("Foreign Secretary" is a Mexican post), the delegation side a role cue named, a side
    phrase before the person in the sentence ("for Mexico, ...", "Por parte de México"), the
    one country the others listed with the person share, a counterpart of a known person, then
    the leaders' gazetteer, the reference data and the publisher's side."""
    from .posts import post_country
    from .text import country_of

    sides = sides or {}
    for p_i, p in enumerate(people):
        if p.country is None and p.org and orgs is not None:
            org = orgs.lookup(p.org)
            p.country = org.country if org else None
        if p.country is None and p.post:
            p.country = post_country(p.post)
        if p.country is None and p.post and orgs is not None:
            # "titular de la SRE", "head of the Financial Intelligence Unit (UIF)"
            tail = re.split(r"\s+(?:of the|of|de la|del|de los|de)\s+", p.post)[-1]
            org = orgs.lookup(tail) if tail != p.post else None
            p.country = org.country if org else None
        p.country = p.country or sides.get(p_i)
    fill_countries(people, lang, None)  # the leaders' gazetteer and the reference data
    side_res, counter_re = _cues(lang, "side"), _cues(lang, "counterpart")
    other = {"US": "MX", "MX": "US"}
    for i, s in enumerate(sents):
        pairs = [(m, c) for m, c in zip(mentions[i], pids[i], strict=True) if c >= 0]
        if not pairs:
            continue
        cues = sorted(
            (m.start(), m.end(), country_of(m.group("c"), lang))
            for r in side_res
            for m in r.finditer(s.text)
        )
        for n, (_, end, code) in enumerate(cues):
            if code is None:
                continue
            hi = cues[n + 1][0] if n + 1 < len(cues) else len(s.text)
            for m, c in pairs:
                if end <= m.start < hi and people[c].country is None:
                    people[c].country = code
        for r in counter_re:
            for cm in r.finditer(s.text):
                known = [people[c].country for m, c in pairs if m.end <= cm.start()
                         and people[c].country]
                code = other.get(known[0]) if known else None
                after = [c for m, c in pairs if m.start >= cm.end()]
                if code and after and people[after[0]].country is None:
                    people[after[0]].country = code
    same = _cues(lang, "same_side")
    for i, s in enumerate(sents):  # "X was flanked by A, B and C": X's side
        for r in same:
            for cm in r.finditer(s.text):
                pairs = list(zip(mentions[i], pids[i], strict=True))
                known = [people[c].country for m, c in pairs
                         if c >= 0 and m.end <= cm.start() and people[c].country]
                if not known:
                    continue
                for m, c in pairs:
                    if c >= 0 and m.start >= cm.end() and people[c].country is None:
                        people[c].country = known[-1]
    for i, s in enumerate(sents):
        ids = {c for c in pids[i] if c >= 0}
        if len(ids) >= 3 and ";" in s.text:
            known = {people[c].country for c in ids if people[c].country}
            if len(known) == 1:
                code = known.pop()
                for c in ids:
                    people[c].country = people[c].country or code
    fill_countries(people, lang, home)


@cache
def _cues(lang: str, key: str) -> tuple[re.Pattern[str], ...]:
    """The roles lexicon's ``key`` patterns (side, counterpart, same_side), compiled once."""
    return tuple(re.compile(x) for x in load(lang, "roles").get(key, []))
