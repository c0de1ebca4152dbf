"""Spanish ports of entry: the language-neutral :func:`.ports.sentence_ports` on the es lexicon
(kept as a name the Spanish pipeline imports)."""

from __future__ import annotations

from .ports import PortFact, sentence_ports


def sentence_ports_es(text: str, s: int, home: str | None) -> list[PortFact]:
    return sentence_ports(text, s, home, "es")
