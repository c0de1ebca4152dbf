"""Group a release's person mentions into people: "Secretary Blinken", "the Secretary" and
"Secretary of State Antony J. Blinken" are one person, named at the fullest mention.

>>> from .people import Mention
>>> ms = [[Mention(0, 9, "Antony J. Blinken", "Secretary of State", "Secretary")],
...       [Mention(0, 5, "Blinken", "Secretary", "Secretary", kind="short"),
...        Mention(9, 20, None, "Secretary", "Secretary", kind="anaphor")]]
>>> people, ids = cluster(ms, "en")
>>> [p.name for p in people], ids
(['Antony J. Blinken'], [[0], [0, 0]])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ...graph.iris import fold
from .lexicon import load
from .people import Mention


@dataclass
class PersonCluster:
    name: str
    post: str | None = None
    head: str | None = None
    org: str | None = None
    country: str | None = None
    first: tuple[int, int] = (0, 0)  # sentence, position of the first mention
    mentions: list[tuple[int, Mention]] = field(default_factory=list)

    @property
    def tokens(self) -> list[str]:
        return name_tokens(self.name)


def name_tokens(name: str) -> list[str]:
    """Folded name words without initials and suffixes: "Joseph R. Biden, Jr." -> joseph biden."""
    return list(_name_tokens(name))  # a fresh list: callers compare lists


@lru_cache(maxsize=16384)
def _name_tokens(name: str) -> tuple[str, ...]:
    # cached: clustering asks for the tokens of the same few names over and over
    words = fold(re.sub(r",?\s+(?:Jr|Sr)\.?$", "", name)).split()
    return tuple(w for w in words if len(w) > 1)


def _contains(big: list[str], small: list[str]) -> int:
    """Position of ``small`` as a run inside ``big``, -1 when absent."""
    for i in range(len(big) - len(small) + 1):
        if big[i : i + len(small)] == small:
            return i
    return -1


@cache
def _honorifics(lang: str) -> frozenset[str]:
    return frozenset(load(lang, "titles").get("honorifics", []))


@cache
def _synonyms(lang: str) -> dict[str, list[str]]:
    return load(lang, "titles").get("head_synonyms", {})


def _compatible(head: str | None, cluster: PersonCluster, lang: str) -> bool:
    if not head or not cluster.head or head == cluster.head:
        return True
    if head in _honorifics(lang) or cluster.head in _honorifics(lang):
        return True  # "Mr. Brooks" is Brooks whatever his post
    if head.endswith(" " + cluster.head) or cluster.head.endswith(" " + head):
        return True  # "Secretary Osorio Chong" is "the Interior Secretary"
    return cluster.head in _synonyms(lang).get(head, []) or head in _synonyms(lang).get(
        cluster.head, []
    )


def cluster(
    mentions: list[list[Mention]], lang: str
) -> tuple[list[PersonCluster], list[list[int]]]:
    """People and, per sentence, the person index of each mention (-1 when unresolved)."""
    people: list[PersonCluster] = []
    ids = [[-1] * len(ms) for ms in mentions]
    order = sorted(
        (
            (0 if m.kind == "full" else 1 if m.kind == "short" else 2, s, i)
            for s, ms in enumerate(mentions)
            for i, m in enumerate(ms)
        )
    )
    for rank, s, i in order:
        m = mentions[s][i]
        if m.kind == "anaphor":
            ids[s][i] = _anaphor(m, s, people, ids, lang)
            continue
        toks = name_tokens(m.name or "")
        best = -1
        for p_i, p in enumerate(people):
            pos = (
                _contains(p.tokens, toks)
                if len(toks) <= len(p.tokens)
                else _contains(toks, p.tokens)
            )
            same_first = (
                len(toks) >= 2
                and len(p.tokens) >= 2
                and toks[0] == p.tokens[0]
                and toks[-1] == p.tokens[-1]
            )
            alone = len(p.tokens) == 1 or (len(toks) == 1 and rank == 0)
            inside = pos > 0 or (pos == 0 and alone)
            better = best < 0 or (m.head and people[best].head != m.head and p.head == m.head)
            if (same_first or (inside and _compatible(m.head, p, lang))) and better:
                best = p_i
        if best < 0:
            people.append(PersonCluster(m.name or "", first=(s, m.start)))
            best = len(people) - 1
        _absorb(people[best], s, m)
        ids[s][i] = best
    for p in people:
        p.name = " ".join(p.name.split())  # a name or post wrapped over a line break
        p.post = " ".join(p.post.split()) if p.post else p.post
        p.mentions.sort(key=lambda x: (x[0], x[1].start))
        p.first = (p.mentions[0][0], p.mentions[0][1].start)
    return people, ids


def _absorb(p: PersonCluster, s: int, m: Mention) -> None:
    p.mentions.append((s, m))
    if (m.name and len(name_tokens(m.name)) > len(p.tokens)) or (
        m.name and len(name_tokens(m.name)) == len(p.tokens) and len(m.name) > len(p.name)
    ):
        p.name = m.name
    if m.post and (p.post is None or (m.kind == "full" and len(m.post) > len(p.post))):
        p.post, p.head = m.post, m.head
    elif p.head is None and m.head:
        p.head = m.head
    p.org = p.org or m.org
    p.country = p.country or m.country


def _anaphor(
    m: Mention, s: int, people: list[PersonCluster], ids: list[list[int]], lang: str
) -> int:
    """ "the Secretary" -> the first person introduced with that title, preferring one not named
    in the same sentence."""
    here = set(ids[s])
    cands = [
        (p_i in here, p.first, p_i)
        for p_i, p in enumerate(people)
        if p.head == m.head or (p.post and p.post.split(" of ")[0].split(" for ")[0] == m.head)
    ]
    if not cands:
        return -1
    _, _, best = min(cands)
    people[best].mentions.append((s, m))
    return best


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


def _surnames(people: list[PersonCluster]) -> tuple[re.Pattern[str] | None, dict[str, int]]:
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
    alt = "|".join(re.escape(t) for t in sorted(tails, key=len, reverse=True))
    return re.compile(rf"(?<![\wÀ-ÿ])(?:{alt})(?![\wÀ-ÿ])"), tails


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
    lx = load(lang, "roles")
    side_res = [re.compile(x) for x in lx.get("side", [])]
    counter_re = [re.compile(x) for x in lx.get("counterpart", [])]
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
    same = [re.compile(x) for x in lx.get("same_side", [])]
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


def fill_countries(people: list[PersonCluster], lang: str, default: str | None) -> None:
    """Country from the gazetteer of leaders, then the release's default (its publisher's)."""
    leaders = load(lang, "people").get("leaders", [])
    heads = set(load(lang, "titles").get("leaders", []))
    for p in people:
        if p.country:
            continue
        for leader in leaders:
            lt = name_tokens(leader["name"])
            if p.tokens and (
                _contains(lt, p.tokens) >= 0
                or (p.tokens[-1] == lt[-1] and (p.tokens[0] == lt[0] or p.head in heads))
            ):
                p.country = leader["country"]
                break
        p.country = p.country or _reference_country(p.name) or default


def _reference_country(name: str) -> str | None:
    """The country the reference data gives a person (``data/reference/people.yaml``)."""
    from .port_names import reference_gazetteer

    gaz = reference_gazetteer()
    iri = gaz.lookup("person", name) if gaz is not None else None
    return gaz.country_of(iri) if iri is not None else None
