"""Terms and code tables, all read from ``ontology/bordergraph.ttl``.

``BG`` is a closed rdflib ``DefinedNamespace`` generated from the ontology into
``_bg.py`` (a mistyped term raises); ``codes()`` maps gold-file codes
(``skos:notation``) to terms at run time, so a new code is a change to the
ontology only.

>>> BG.Person
rdflib.term.URIRef('https://w3id.org/bordergraph/ontology#Person')
>>> codes("Role")["delegation_head"] == BG.DelegationHead
True
>>> codes("Event")["Dialogue"] == BG.DialogueSession
True
"""

from __future__ import annotations

import keyword
import textwrap
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    GEO,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    XSD,
)

from bordergraph.graph._bg import BG
from bordergraph.paths import project_root

__all__ = [
    "BG",
    "DCTERMS",
    "FOAF",
    "GEO",
    "ONTOLOGY_IRI",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "TIME",
    "XSD",
    "codes",
    "label",
    "ontology_graph",
    "ontology_path",
    "render_namespace",
    "write_namespace",
]

SCHEMA = SDO  # https://schema.org/ (the https form, as in the ontology)
BG_NS = "https://w3id.org/bordergraph/ontology#"
ONTOLOGY_IRI = URIRef("https://w3id.org/bordergraph/ontology")
_TTL = Path("ontology") / "bordergraph.ttl"
_GENERATED = Path(__file__).with_name("_bg.py")

# Order of the sections in the generated file; a term takes the first type it has.
_KINDS = (
    (OWL.Class, "classes"),
    (OWL.ObjectProperty, "object properties"),
    (OWL.DatatypeProperty, "datatype properties"),
    (OWL.AnnotationProperty, "annotation properties"),
    (OWL.NamedIndividual, "named individuals"),
)


def ontology_path() -> Path:
    """The ontology file: ``$BORDERGRAPH_HOME/ontology/bordergraph.ttl``, else the repo's.

    >>> ontology_path().name
    'bordergraph.ttl'
    """
    root = project_root()
    path = root / _TTL
    if not path.is_file():
        raise FileNotFoundError(f"ontology not found at {path} (set BORDERGRAPH_HOME)")
    return path


@cache
def _load(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def ontology_graph() -> Graph:
    """The parsed ontology, cached per path. Shared: copy it before adding triples.

    >>> (BG.Committee, RDFS.subClassOf, BG.Mechanism) in ontology_graph()
    True
    """
    return _load(ontology_path())


def _term(name: str) -> URIRef:
    """``"Role"``, ``"bg:Role"`` or a full IRI -> the bg: term (KeyError if unknown)."""
    local = name.removeprefix("bg:").removeprefix(BG_NS)
    if local not in BG:
        raise KeyError(f"{name!r} is not a bg: term")
    return BG[local]


@cache
def _codes(path: Path, term: URIRef) -> tuple[tuple[str, URIRef], ...]:
    g = _load(path)
    members: set[URIRef] = set()
    kinds = set(g.objects(term, RDF.type))
    if OWL.Class in kinds:
        # A code list is either a class hierarchy (event types) or a set of instances (roles).
        subclasses = set(g.transitive_subjects(RDFS.subClassOf, term))
        members |= subclasses - {term}
        for cls in subclasses:
            members.update(s for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef))
    if kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}:
        members |= set(g.transitive_subjects(RDFS.subPropertyOf, term)) - {term}
    if SKOS.ConceptScheme in kinds:
        members.update(s for s in g.subjects(SKOS.inScheme, term) if isinstance(s, URIRef))
    if not kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme}:
        raise KeyError(f"{term} is not a class, property or concept scheme")
    table: dict[str, URIRef] = {}
    for member in members:
        for notation in g.objects(member, SKOS.notation):
            code = str(notation)
            if code in table and table[code] != member:
                raise ValueError(f"code {code!r} names both {table[code]} and {member}")
            table[code] = member
    return tuple(sorted(table.items()))


def codes(scheme_or_class: str) -> dict[str, URIRef]:
    """Code (``skos:notation``) -> term for the subclasses, instances, sub-properties
    or scheme members of a bg: class, property or concept scheme.

    >>> codes("hasOutcome")["adopted"] == BG.adopted
    True
    >>> sorted(codes("Mode"))
    ['hybrid', 'in_person', 'virtual']
    """
    path = ontology_path()
    return dict(_codes(path, _term(scheme_or_class)))


def label(term: URIRef, lang: str = "en") -> str:
    """The ``rdfs:label`` of a term in ``lang`` (falls back to the local name).

    >>> label(BG.InPerson, "es")
    'Presencial'
    """
    for value in ontology_graph().objects(term, RDFS.label):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    return str(term).rsplit("#", 1)[-1]


def _english(g: Graph, subject: URIRef, prop: URIRef) -> str:
    values = [o for o in g.objects(subject, prop) if isinstance(o, Literal)]
    english = [str(o) for o in values if o.language == "en"]
    return " ".join((english or [str(o) for o in values] or [""])[0].split())


def render_namespace(ttl_path: Path | str) -> str:
    """The source of ``_bg.py``: a closed ``DefinedNamespace`` of every bg: term in ``ttl_path``.

    Deterministic (sorted, no dates), so a test can compare it with the file.

    >>> "    Person: URIRef" in render_namespace(ontology_path())
    True
    """
    g = Graph().parse(ttl_path, format="turtle")
    sections: dict[str, list[tuple[str, str]]] = {title: [] for _, title in _KINDS}
    subjects = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(BG_NS)}
    for subject in subjects:
        name = str(subject)[len(BG_NS) :]
        if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
            raise ValueError(f"bg:{name} is not usable as a Python attribute")
        kinds = set(g.objects(subject, RDF.type))
        title = next((t for kind, t in _KINDS if kind in kinds), None)
        if title is None:
            raise ValueError(f"bg:{name} has no OWL type")
        text = _english(g, subject, RDFS.label)
        sections[title].append((name, textwrap.shorten(text, 96 - 16 - len(name), placeholder="…")))

    title = _english(g, ONTOLOGY_IRI, DCTERMS.title)
    about = textwrap.fill(
        _english(g, ONTOLOGY_IRI, DCTERMS.description),
        92,
        initial_indent="    ",
        subsequent_indent="    ",
    )
    lines = [
        '"""The bg: terms as Python constants.',
        "",
        f"Generated from {Path(ttl_path).name} by bordergraph.graph.vocab.render_namespace: do not",
        "edit; after changing the ontology run `python -m bordergraph.graph.vocab`.",
        '"""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class BG(DefinedNamespace):",
        f'    """{title}',
        "",
        about,
        '    """',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{BG_NS}")',
    ]
    for _, section in _KINDS:
        entries = sorted(sections[section], key=lambda e: (e[0].lower(), e[0]))
        if not entries:
            continue
        lines += ["", f"    # {section}"]
        lines += [f"    {name}: URIRef  # {text}".rstrip() for name, text in entries]
    return "\n".join(lines) + "\n"


def write_namespace(ttl_path: Path | None = None, out_path: Path | None = None) -> Path:
    """Regenerate ``_bg.py`` from the ontology; returns the path written.

    >>> write_namespace(out_path=Path("/tmp/_bg.py")).name  # doctest: +SKIP
    '_bg.py'
    """
    out = out_path or _GENERATED
    out.write_text(render_namespace(ttl_path or ontology_path()), encoding="utf-8")
    return out


if __name__ == "__main__":
    print(write_namespace())
