"""Deterministic IRIs: the same name gives the same IRI on every machine and every run.

>>> slug("Andrés Manuel López Obrador")
'andres-manuel-lopez-obrador'
>>> str(entity("person", "Brian Nichols"))
'https://w3id.org/bordergraph/id/person/brian-nichols'
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from rdflib import URIRef

BASE = "https://w3id.org/bordergraph/"
ID = BASE + "id/"
RELEASE = BASE + "release/"
GRAPH = BASE + "graph/"

ONTOLOGY_GRAPH = URIRef(GRAPH + "ontology")
REFERENCE_GRAPH = URIRef(GRAPH + "reference")
INFERRED_GRAPH = URIRef(GRAPH + "inferred")
CURATION_GRAPH = URIRef(GRAPH + "curation")


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse punctuation to single spaces.

    >>> fold("  Secretaría de Relaciones  Exteriores (SRE) ")
    'secretaria de relaciones exteriores sre'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def slug(text: str, max_length: int = 80) -> str:
    """A URL-safe, accent-free, lower-case slug of ``text``."""
    out = fold(text).replace(" ", "-")
    return out[:max_length].rstrip("-") or "unnamed"


def entity(kind: str, *parts: str) -> URIRef:
    """The IRI of an entity of ``kind`` (person, post, organization, event, ...)."""
    return URIRef(ID + kind + "/" + "/".join(slug(p) for p in parts))


def release_name(path: str | PurePath) -> str:
    """A release's id: its file name without extension, as a slug.

    >>> release_name("data/releases/esc-13-plenary-2021.txt")
    'esc-13-plenary-2021'
    """
    return slug(PurePath(path).stem)


def release(release_id: str) -> URIRef:
    """The IRI of a release, which is also the IRI of its named graph."""
    return URIRef(RELEASE + slug(release_id))


def is_release_graph(iri: str) -> bool:
    return iri.startswith(RELEASE)
