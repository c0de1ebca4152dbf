"""HTML documentation of the ontology, generated from the ontology itself, in English and Spanish.

pyLODE 3.2.1 shows one label per term, documents the external terms we only declare as if
they were ours, and leaves out named individuals (the role and mode codes), so the page is
rendered here from the graph: one section per class, property, concept scheme and concept,
with labels and definitions in both languages. Every literal and IRI is HTML-escaped.

>>> from tempfile import mkdtemp
>>> write_docs(Path(mkdtemp())).name
'index.html'
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable
from html import escape
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from bordergraph.graph.vocab import BG_NS, ONTOLOGY_IRI, ontology_graph

__all__ = ["render_html", "write_docs"]

LANGS = ("en", "es")
# The page's first language (--lang): its labels come first, the other beside them.
_FIRST: contextvars.ContextVar[str] = contextvars.ContextVar("first_language", default="en")


def _langs() -> tuple[str, ...]:
    first = _FIRST.get()
    return (first, *(x for x in LANGS if x != first))
_SECTIONS = (
    ("classes", "Classes · Clases", OWL.Class),
    ("object-properties", "Object properties · Propiedades de objeto", OWL.ObjectProperty),
    ("datatype-properties", "Datatype properties · Propiedades de datos", OWL.DatatypeProperty),
    ("schemes", "Concept schemes · Esquemas de conceptos", SKOS.ConceptScheme),
    ("individuals", "Concepts · Conceptos", OWL.NamedIndividual),
)
_CHARACTERISTICS = (
    OWL.SymmetricProperty,
    OWL.AsymmetricProperty,
    OWL.TransitiveProperty,
    OWL.FunctionalProperty,
    OWL.InverseFunctionalProperty,
    OWL.ReflexiveProperty,
    OWL.IrreflexiveProperty,
)
_CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{margin-bottom:.2rem} h2{border-bottom:2px solid #ccc;margin-top:2.5rem}
section.term{border:1px solid #ddd;border-radius:6px;padding:.4rem 1rem;margin:1rem 0}
section.term h3{margin:.4rem 0} .es{color:#555} code{background:#f4f4f4;padding:0 .2rem}
table{border-collapse:collapse;width:100%} th{text-align:left;width:11rem;vertical-align:top}
th,td{padding:.2rem .4rem;border-top:1px solid #eee} nav ul{columns:3}
"""


def write_docs(out_dir: Path, lang: str = "en") -> Path:
    """Write ``index.html`` documenting the ontology into ``out_dir``, labels in ``lang``
    first (the other language beside them); returns its path.

    >>> from tempfile import mkdtemp
    >>> "Jefe de delegación" in write_docs(Path(mkdtemp())).read_text(encoding="utf-8")
    True
    >>> '<html lang="es">' in write_docs(Path(mkdtemp()), "es").read_text(encoding="utf-8")
    True
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "index.html"
    token = _FIRST.set(lang if lang in LANGS else "en")
    try:
        path.write_text(render_html(ontology_graph()), encoding="utf-8")
    finally:
        _FIRST.reset(token)
    return path


def render_html(g: Graph) -> str:
    """The documentation page of the bg: terms in ``g`` as one HTML string.

    >>> '<section class="term" id="Person">' in render_html(ontology_graph())
    True
    """
    sections = _group(g)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_FIRST.get()}"><head><meta charset="utf-8">',
        f"<title>{escape(_text(g, ONTOLOGY_IRI, DCTERMS.title, _FIRST.get()))}</title>",
        f"<style>{_CSS}</style></head><body>",
        _header(g),
        _toc(g, sections),
    ]
    for key, title, _ in _SECTIONS:
        if sections[key]:
            parts.append(f'<h2 id="{key}">{escape(title)}</h2>')
            parts.extend(_term(g, term) for term in sections[key])
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _group(g: Graph) -> dict[str, list[URIRef]]:
    """bg: terms by section, each term in the first section whose type it has."""
    sections: dict[str, list[URIRef]] = {key: [] for key, _, _ in _SECTIONS}
    terms = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(BG_NS)}
    for term in sorted(terms, key=lambda t: (_local(t).lower(), _local(t))):
        kinds = set(g.objects(term, RDF.type))
        key = next((key for key, _, kind in _SECTIONS if kind in kinds), None)
        if key is not None:
            sections[key].append(term)
    return sections


def _local(term: URIRef) -> str:
    return str(term)[len(BG_NS) :]


def _text(g: Graph, subject: URIRef, prop: URIRef, lang: str) -> str:
    for value in sorted(g.objects(subject, prop)):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    return ""


def _header(g: Graph) -> str:
    rows = [
        ("IRI", f"<code>{escape(str(ONTOLOGY_IRI))}</code>"),
        ("Namespace", f"<code>bg: {escape(BG_NS)}</code>"),
        ("Version", escape(" ".join(str(v) for v in g.objects(ONTOLOGY_IRI, OWL.versionInfo)))),
        ("Creator", escape(", ".join(sorted(map(str, g.objects(ONTOLOGY_IRI, DCTERMS.creator)))))),
    ]
    titles = " · ".join(
        f'<span lang="{lang}" class="{lang}">{escape(_text(g, ONTOLOGY_IRI, DCTERMS.title, lang))}'
        "</span>"
        for lang in _langs()
    )
    about = "".join(
        f'<p lang="{lang}" class="{lang}">'
        f"{escape(_text(g, ONTOLOGY_IRI, DCTERMS.description, lang))}</p>"
        for lang in _langs()
    )
    return f"<header><h1>{titles}</h1>{about}{_table(rows)}</header>"


def _toc(g: Graph, sections: dict[str, list[URIRef]]) -> str:
    out = ["<nav>"]
    for key, title, _ in _SECTIONS:
        if sections[key]:
            items = "".join(f"<li>{_link(g, t)}</li>" for t in sections[key])
            out.append(f'<h4><a href="#{key}">{escape(title)}</a></h4><ul>{items}</ul>')
    out.append("</nav>")
    return "".join(out)


def _link(g: Graph, node: object) -> str:
    """A bg: term links to its section; an external term shows as a CURIE; a blank node as such."""
    if isinstance(node, URIRef) and str(node).startswith(BG_NS):
        local = escape(_local(node))
        title = escape(_text(g, node, RDFS.label, _FIRST.get()) or _text(g, node, RDFS.label, "en"))
        return f'<a href="#{local}" title="{title}"><code>bg:{local}</code></a>'
    if isinstance(node, URIRef):
        try:
            name = g.namespace_manager.normalizeUri(node)
        except ValueError:
            name = str(node)
        return f'<code title="{escape(str(node))}">{escape(name)}</code>'
    if isinstance(node, BNode):
        return "<em>(anonymous)</em>"
    return escape(str(node))


def _links(g: Graph, nodes: Iterable[object]) -> str:
    return ", ".join(_link(g, n) for n in sorted(set(nodes), key=str))


def _disjoint_with(g: Graph, term: URIRef) -> set[URIRef]:
    found: set[URIRef] = set(g.objects(term, OWL.disjointWith))
    found |= set(g.subjects(OWL.disjointWith, term))
    for group in g.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(g, g.value(group, OWL.members)))
        if term in members:
            found.update(m for m in members if m != term and isinstance(m, URIRef))
    return found


def _term(g: Graph, term: URIRef) -> str:
    local = _local(term)
    heading = " · ".join(
        f'<span lang="{lang}" class="{lang}">{escape(_text(g, term, RDFS.label, lang))}</span>'
        for lang in _langs()
    )
    rows: list[tuple[str, str]] = [("IRI", f"<code>{escape(str(term))}</code>")]
    notations = sorted(str(n) for n in g.objects(term, SKOS.notation))
    if notations:
        rows.append(("Code · Código", ", ".join(f"<code>{escape(n)}</code>" for n in notations)))
    for lang in _langs():
        rows.append((f"Label ({lang})", _lang(lang, _text(g, term, RDFS.label, lang))))
    for lang in _langs():
        rows.append((f"Definition ({lang})", _lang(lang, _text(g, term, SKOS.definition, lang))))
    alts = sorted(
        (a.language or "", str(a)) for a in g.objects(term, SKOS.altLabel) if isinstance(a, Literal)
    )
    if alts:
        rows.append(("Also called", ", ".join(_lang(lang, text) for lang, text in alts)))
    kinds = set(g.objects(term, RDF.type))
    traits = [_link(g, k) for k in _CHARACTERISTICS if k in kinds]
    relations = (
        ("Subclass of", g.objects(term, RDFS.subClassOf)),
        ("Superclass of", g.subjects(RDFS.subClassOf, term)),
        ("Disjoint with", _disjoint_with(g, term) if OWL.Class in kinds else ()),
        ("Sub-property of", g.objects(term, RDFS.subPropertyOf)),
        ("Super-property of", g.subjects(RDFS.subPropertyOf, term)),
        ("Characteristics", []),
        ("Domain", g.objects(term, RDFS.domain)),
        ("Range", g.objects(term, RDFS.range)),
        ("Instances", g.subjects(RDF.type, term)),
        ("Type", (k for k in kinds if k != OWL.NamedIndividual) if _individual(kinds) else ()),
        ("In scheme", g.objects(term, SKOS.inScheme)),
        ("Members", g.subjects(SKOS.inScheme, term)),
    )
    for name, nodes in relations:
        html = ", ".join(traits) if name == "Characteristics" else _links(g, nodes)
        if html:
            rows.append((name, html))
    return f'<section class="term" id="{escape(local)}"><h3>{heading}</h3>{_table(rows)}</section>'


def _individual(kinds: set[object]) -> bool:
    return OWL.NamedIndividual in kinds and OWL.Class not in kinds


def _lang(lang: str, text: str) -> str:
    if not lang:
        return escape(text)
    return f'<span lang="{escape(lang)}" class="{escape(lang)}">{escape(text)}</span>'


def _table(rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><th>{escape(name)}</th><td>{html}</td></tr>" for name, html in rows)
    return f"<table>{body}</table>"
