"""SPARQL 1.1 query results (JSON) and CONSTRUCT answers read into rdflib terms.

Used by :class:`~bordergraph.graph.endpoint.EndpointStore` for whatever a server sends back.
"""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .store import Rows, StoreError, from_ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def parse_select(body: bytes) -> Rows:
    """SPARQL 1.1 JSON results as Rows of rdflib terms.

    >>> parse_select(b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":'
    ...              b'{"type":"literal","value":"2","datatype":"http://www.w3.org/2001/XMLSchema#integer"}}]}}').rows
    [(rdflib.term.Literal('2', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')),)]
    """
    try:
        return result_rows(json.loads(body))
    except (ValueError, KeyError) as exc:
        raise StoreError(f"unreadable SPARQL results from the endpoint: {exc}") from exc


def result_rows(result: dict[str, Any]) -> Rows:
    """The rows of a decoded SPARQL 1.1 JSON SELECT result."""
    columns = list(result["head"].get("vars", []))
    rows = [
        tuple(_term(binding[c]) if c in binding else None for c in columns)
        for binding in result["results"]["bindings"]
    ]
    return Rows(columns, rows)


def _term(value: dict[str, str]) -> Node:
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):  # typed-literal: the 2008 format Virtuoso still sends
        lang = value.get("xml:lang")
        if lang:
            return Literal(value["value"], lang=lang)
        datatype = value.get("datatype")
        if datatype and datatype != XSD_STRING:
            return Literal(value["value"], datatype=URIRef(datatype))
        return Literal(value["value"])
    raise StoreError(f"unsupported term type {kind!r} in SPARQL results")


def parse_graph(content_type: str, body: bytes) -> Graph:
    """A CONSTRUCT answer (N-Triples, or what the server prefers) as an rdflib Graph."""
    media = content_type.split(";", 1)[0].strip().lower()
    fmt = ox.RdfFormat.from_media_type(media) if media not in ("", "text/plain") else None
    out = Graph()
    try:
        for t in ox.parse(body, format=fmt or ox.RdfFormat.N_TRIPLES):
            out.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))  # type: ignore[arg-type]
    except SyntaxError as exc:
        raise StoreError(f"unreadable RDF from the endpoint ({media}): {exc}") from exc
    return out
