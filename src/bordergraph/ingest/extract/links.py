"""``builds_on`` links between a release's events, in any language. Three frames:

- *cue*: a phrase that relates two events ("follows up on", "builds on", "picked up where …
  left off", "como se convino en", "en seguimiento a", "dio continuidad a"): the event named
  before the cue in its sentence (else the event the paragraph is about, else the main event)
  builds on each event named after it;
- *series*: the main event builds on the earlier sessions of its own series the text names (an
  earlier numbered session, "since 2016", an earlier date), unless another event builds on it;
- *next*: a session announced as the next or a follow-up one ("the next meeting of the group",
  "la próxima reunión") builds on the main event, when it belongs to the same series or to
  none.

Words live in ``data/lexicon/LANG/links.yaml``.
"""

from __future__ import annotations

from functools import cache

from . import cached_re as re
from .lexicon import alternation, load


@cache
def _lex(lang: str) -> dict:  # type: ignore[type-arg]
    return load(lang, "links")


@cache
def _cue(lang: str) -> re.Pattern[str] | None:
    cues = _lex(lang).get("builds_on", [])
    return re.compile(alternation(cues, escape=False), re.I) if cues else None


@cache
def _clause_openers(lang: str) -> str:
    """Words after a comma that go on with a cue's clause ("As agreed at the last session,
    held in May, ...")."""
    return alternation(_lex(lang).get("clause_openers", []) or ["(?!)"], escape=False)


def link(es, sentences, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Fill ``es.links`` with (from, to, sentence) ``builds_on`` links."""
    if es.main is None:
        return
    seen = {(a, b) for a, b, _ in es.links}

    def add(a: int | None, b: int, s: int) -> None:
        if a is not None and a != b and (a, b) not in seen and (b, a) not in seen:
            seen.add((a, b))
            es.links.append((a, b, s))

    cue = _cue(lang)
    topic: dict[int, int] = {}  # paragraph -> last event named in it so far
    for s, sent in enumerate(sentences):
        here = sorted(es.at(s), key=lambda x: x[0].start)
        para = getattr(sent, "para", -1)
        hit = cue.search(sent.text) if cue else None
        lead_hit = cue.search(sent.lead) if cue and getattr(sent, "lead", None) else None
        if hit:
            before = [e for m, e in here if m.end <= hit.start() and not m.ref]
            source = before[-1] if before else topic.get(para, es.main)
            for m, e in here:
                if m.start >= hit.start() and e != source:
                    add(source, e, s)
        elif lead_hit:  # a list whose lead says what its items build on
            for _m, e in here:
                add(es.main, e, s)
        named = [e for m, e in here if not m.ref]
        if named:
            topic[para] = named[-1]
    _series(es, add)
    _next(es, sentences, lang, add)


def _first_sentence(es, e_i: int) -> int:  # type: ignore[no-untyped-def]
    return min((s for (s, _), x in es.index.items() if x == e_i), default=0)


def _series(es, add) -> None:  # type: ignore[no-untyped-def]
    """The main event builds on the earlier sessions of its series the text names."""
    main = es.events[es.main]
    if not main.series_key:
        return
    antecedent = {b for a, b, _ in es.links if a != es.main}
    for e_i, e in enumerate(es.events):
        if e_i == es.main or e.series_key != main.series_key or e.future or e_i in antecedent:
            continue  # (a session another event builds on is that event's antecedent)
        earlier = (
            (e.ordinal and main.ordinal and e.ordinal < main.ordinal)
            or e.since_year
            or (e.date and main.date and e.date < main.date[: len(e.date)])
        )
        if earlier:
            add(es.main, e_i, _first_sentence(es, e_i))


def _next(es, sentences, lang: str, add) -> None:  # type: ignore[no-untyped-def]
    """A next or follow-up session of the main event's series (or of none) builds on it."""
    words = _lex(lang).get("next_words", [])
    if not words:
        return
    nxt = re.compile(rf"(?<![\wÀ-ÿ])(?:{alternation(words)})(?![\wÀ-ÿ])", re.I)
    main = es.events[es.main]
    for (s, k), e_i in es.index.items():
        m = es._mentions[(s, k)]
        e = es.events[e_i]
        if e_i == es.main or m.ref or not (e.future or m.future):
            continue
        if e.series_key and e.series_key != main.series_key:
            continue
        if nxt.search(m.name) or nxt.search(sentences[s].text[max(0, m.start - 40) : m.end]):
            add(e_i, es.main, s)


def backdrop(es, sentences, lang: str) -> None:  # type: ignore[no-untyped-def]
    """ "As agreed at the last session, held in May, the delegations reviewed ...": an event
    named in an opening cue clause is only the backdrop of its sentence; what the main clause
    tells (outcomes, roles) belongs to the event the sentence is about, so the mention is
    dropped from the sentence's index (its link is already made). An event that is a cue's own
    object elsewhere ("builds on the 2002 Agreement") is marked ``backdrop``: it takes no roles
    and is not what the sentences after it speak of, but its sentence may still tell what came
    of it ("the Framework grew out of the Dialogue")."""
    cue = _cue(lang)
    if cue is None or es.main is None:
        return
    for (s, k), e_i in list(es.index.items()):
        text = sentences[s].text
        m = es._mentions[(s, k)]
        if e_i == es.main:
            continue
        hit = cue.search(text, 0, 12)
        if hit and m.start >= hit.end():
            commas = [c.start() for c in re.finditer(r",\s", text[hit.end() :])]
            # the cue clause runs to its first comma, or its second after a participle
            end = commas[0] if commas else -1
            if end >= 0 and re.match(
                rf",\s+(?:{_clause_openers(lang)})\b", text[hit.end() + end :], re.I
            ):
                end = commas[1] if len(commas) > 1 else -1
            if end >= 0 and m.start < hit.end() + end:
                del es.index[(s, k)]
                continue
        obj = [
            c
            for c in cue.finditer(text, 0, m.start)
            if re.fullmatch(r"\s+(?:[\w’'-]+\s+){0,3}", text[c.end() : m.start])
        ]
        if obj and not m.ref:
            m.extra["backdrop"] = True
