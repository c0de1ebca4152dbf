"""Reference data: every row of every file becomes typed, labelled triples; the gazetteer
resolves names in both languages; bad rows fail loudly with the file and the row."""

from __future__ import annotations

import csv
import shutil
from itertools import pairwise
from pathlib import Path

import pytest
import yaml
from rdflib import BNode, Literal, URIRef
from rdflib.compare import isomorphic

from bordergraph.graph import iris
from bordergraph.graph.gazetteer import Gazetteer, load_gazetteer
from bordergraph.graph.reference import (
    ReferenceDataError,
    load_reference,
    read_reference,
    reference_dir,
)
from bordergraph.graph.vocab import BG, GEO, RDF, RDFS, SKOS

REF = reference_dir()
DEFAULT_CLASS = {"country": "Country", "person": "Person", "administration": "Administration",
                 "port": "PortOfEntry"}


def _raw_rows() -> list[tuple[str, str, dict]]:
    """(file name, kind, row) read straight from the files, independently of the loader."""
    out = []
    for path in sorted([*REF.glob("*.yaml"), *REF.glob("*.csv")]):
        if path.suffix == ".csv":
            lines = path.read_text(encoding="utf-8").splitlines()
            meta = yaml.safe_load("\n".join(x[2:] for x in lines if x.startswith("#")))
            rows = list(csv.DictReader(x for x in lines if not x.startswith("#")))
        else:
            meta = yaml.safe_load(path.read_text(encoding="utf-8"))
            rows = meta.get("rows") or []
        assert meta.get("sources"), f"{path.name} names no sources"
        out += [(path.name, meta["kind"], row) for row in rows]
    return out


@pytest.fixture(scope="module")
def graph():
    return load_reference()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_every_row_becomes_typed_labelled_triples(graph):
    rows = _raw_rows()
    assert len(rows) > 150
    for name, kind, row in rows:
        if kind == "lookup-rules":
            continue
        cls = BG[row.get("class") or DEFAULT_CLASS[kind]]
        # founding documents in mechanisms.yaml are outcomes
        subjects = [iris.entity(k, row["id"]) for k in (kind, "outcome")]
        subject = next((s for s in subjects if (s, RDF.type, cls) in graph), None)
        assert subject is not None, f"{name} {row['id']}: no {cls} triple"
        names = row["name"] if isinstance(row["name"], dict) else {"en": row["name"]}
        for lang, label in names.items():
            assert (subject, RDFS.label, Literal(label, lang=lang)) in graph, (name, row["id"])
        assert {v.language for v in graph.objects(subject, RDFS.label)} == {"en", "es"}
        variants = row.get("variants") or []
        for variant in variants.split("|") if isinstance(variants, str) else variants:
            if variant not in names.values():
                assert (subject, SKOS.altLabel, Literal(variant)) in graph, (name, variant)
        for acronym in row.get("acronyms") or []:
            assert (subject, BG.acronym, Literal(acronym)) in graph


def test_counts_per_kind(graph):
    def count(cls):
        return len(set(graph.subjects(RDF.type, cls)))

    us_ports = {p for p in graph.subjects(BG.usState, None)}
    assert len(us_ports) >= 45
    assert len(set(graph.subjects(BG.mxState, None))) == len(us_ports)
    assert count(BG.Country) == 3
    assert count(BG.Administration) >= 10
    assert count(BG.Organization) == 0  # only subclasses are asserted
    assert count(BG.Agency) + count(BG.Government) + count(BG.BinationalBody) >= 30


def test_administrations_since_2001_with_exact_terms(gaz):
    us = [(gaz.label(i), str(s), str(e) if e else None) for i, s, e in gaz.administrations("US")]
    assert us == [
        ("George W. Bush administration", "2001-01-20", "2009-01-20"),
        ("Obama administration", "2009-01-20", "2017-01-20"),
        ("First Trump administration", "2017-01-20", "2021-01-20"),
        ("Biden administration", "2021-01-20", "2025-01-20"),
        ("Second Trump administration", "2025-01-20", None),
    ]
    mx = [(str(s), str(e) if e else None) for _, s, e in gaz.administrations("mx")]
    assert mx == [("2000-12-01", "2006-11-30"), ("2006-12-01", "2012-11-30"),
                  ("2012-12-01", "2018-11-30"), ("2018-12-01", "2024-09-30"), ("2024-10-01", None)]
    for country in ("US", "MX", "CA"):  # consecutive terms leave no gap
        terms = gaz.administrations(country)
        for (_, _, end), (_, start, _) in pairwise(terms):
            assert (start - end).days in (0, 1), country


def test_administration_on_a_date(gaz, graph):
    biden = gaz.administration_on("US", "2021-12-02")
    assert biden == iris.entity("administration", "us-biden-2021")
    assert (biden, BG.president, gaz.lookup("person", "Joe Biden")) in graph
    assert gaz.administration_on("MX", "2021-12-02") == gaz.lookup(
        "administration", "López Obrador administration")
    trump = iris.entity("administration", "us-trump-2017")
    assert gaz.administration_on("US", "2017-01-20") == trump  # inauguration day
    assert gaz.administration_on("US", "2021-01") is None  # two overlap that month
    assert len(gaz.administrations_during("US", "2021-01")) == 2
    assert gaz.administration_on("MX", "2024-09-30") != gaz.administration_on("MX", "2024-10-01")
    assert gaz.administrations_during("US", "not a date") == []
    # the seed example: the 21st Century process (2010) to its 13th plenary spans 3 + 3
    assert len(gaz.administrations_during("US", "2010", "2021-12-02")) == 3
    assert len(gaz.administrations_during("MX", "2010", "2021-12-02")) == 3


def test_name_variants_resolve_to_one_iri(gaz):
    amlo = {gaz.lookup("person", n) for n in (
        "Andrés Manuel López Obrador", "López Obrador", "AMLO", "ANDRES MANUEL LOPEZ OBRADOR",
        "President López Obrador", "presidente López Obrador")}
    assert amlo == {iris.entity("person", "andres-manuel-lopez-obrador")}
    biden = {gaz.lookup("person", n) for n in ("Joseph R. Biden, Jr.", "Joe Biden", "Biden")}
    assert len(biden) == 1 and None not in biden
    sre = {gaz.lookup("organization", n) for n in (
        "Secretariat of Foreign Relations", "SRE", "Secretaría de Relaciones Exteriores",
        "Secretaria de Relaciones Exteriores", "Mexico's Secretariat of Foreign Affairs (SRE)",
        "Cancillería", "Ministry of Foreign Affairs (SRE)")}
    assert sre == {iris.entity("organization", "mx-sre")}
    hlsd = gaz.lookup("mechanism", "High-Level Security Dialogue")
    assert hlsd is not None
    assert hlsd == gaz.lookup("mechanism", "Diálogo de Alto Nivel en Seguridad")
    assert gaz.lookup("port", "El Chaparral") == iris.entity("port", "mx-el-chaparral")
    assert gaz.lookup("port", "Mariposa Land Port of Entry") == gaz.lookup("port", "Mariposa")


def test_lookup_is_conservative(gaz):
    assert gaz.lookup("port", "Nogales") is None  # both sides
    assert gaz.country_of(gaz.lookup("port", "Nogales", country="US")) == "US"
    assert gaz.lookup("organization", "U.S. National Guard") is None  # only Mexico's is known
    assert gaz.lookup("organization", "Guardia Nacional") is not None
    assert gaz.lookup("organization", "Department") is None
    assert gaz.lookup("person", "Joseph") is None
    assert gaz.lookup("administration", "Trump administration") is None  # two terms


def test_every_form_finds_its_entity_and_no_name_is_ambiguous_within_a_country(gaz):
    for entry in gaz.entries:
        for form in entry.forms():
            assert entry.iri in gaz.candidates(entry.kind, form, entry.country), (entry.id, form)
        assert gaz.lookup(entry.kind, entry.names["en"], entry.country) == entry.iri, entry.id
    for kind in ("person", "organization", "port", "mechanism", "outcome", "administration"):
        for form, hits in gaz.ambiguous(kind).items():
            countries = [gaz.country_of(i) for i in hits]
            assert len(set(countries)) == len(countries), (kind, form, hits)


def test_gold_mentions_resolve_to_reference_entities(gaz, original_gold):
    """Every port, series and federal body of the 13 original releases is reference data."""
    for rid, record in original_gold.items():
        for port in record["ports_of_entry"]:
            iri = gaz.lookup("port", port["name"], port["country"])
            assert iri is not None and gaz.country_of(iri) == port["country"], (rid, port)
        for series in record["series"]:
            assert gaz.lookup("mechanism", series["name"]) is not None, (rid, series["name"])
        for org in record["organizations"]:
            if org["name"] != "El Paso County":  # a county, not a federal body
                assert gaz.lookup("organization", org["name"], org["country"]), (rid, org)


def test_reference_covers_the_whole_corpus(gaz, gold):
    """All 58 releases: a gold port never resolves to the other side of the border, and at
    least as many mentions resolve as when the corpus was shipped (ports 54 of 81, series 23
    of 31, organizations 145 of 220: the 45 later releases name many county, state, company
    and sub-agency bodies and new bridges the reference does not list yet)."""
    found = {"port": 0, "mechanism": 0, "organization": 0}
    for rid, record in gold.items():
        for port in record["ports_of_entry"]:
            for country in (port["country"], None):
                iri = gaz.lookup("port", port["name"], country)
                assert iri is None or gaz.country_of(iri) == port["country"], (rid, port)
            found["port"] += gaz.lookup("port", port["name"], port["country"]) is not None
        found["mechanism"] += sum(gaz.lookup("mechanism", s["name"]) is not None
                                  for s in record["series"])
        found["organization"] += sum(gaz.lookup("organization", o["name"], o["country"])
                                     is not None for o in record["organizations"])
    assert found["port"] >= 54 and found["mechanism"] >= 23 and found["organization"] >= 145


def test_ports_have_symmetric_counterparts_and_geometry(graph):
    ports = set(graph.subjects(RDF.type, BG.PortOfEntry))
    for port in ports:
        (other,) = graph.objects(port, BG.counterpart)
        assert (other, BG.counterpart, port) in graph
        assert set(graph.objects(port, BG.country)) != set(graph.objects(other, BG.country))
        (geometry,) = graph.objects(port, GEO.hasGeometry)
        assert geometry == URIRef(f"{port}/geometry")
        (wkt,) = graph.objects(geometry, GEO.asWKT)
        assert wkt.datatype == GEO.wktLiteral
        lon, lat = (float(x) for x in str(wkt).removeprefix("POINT(").rstrip(")").split())
        assert 25.5 < lat < 33 and -117.5 < lon < -97, port


def test_no_blank_nodes_and_deterministic(graph):
    assert not any(isinstance(t, BNode) for triple in graph for t in triple)
    assert isomorphic(graph, load_reference())
    assert sorted(graph) == sorted(load_reference())


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "reference"
    shutil.copytree(REF, folder)
    return folder


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("agencies.yaml", "parent: mx-shcp", "parent: mx-nowhere",
         "agencies.yaml row .* \\(id 'mx-anam'\\): parent 'mx-nowhere' names no organization row"),
        ("agencies.yaml", "class: BinationalBody", "class: Binational",
         "agencies.yaml row .* \\(id 'ibwc'\\): class 'Binational' is not one of"),
        ("administrations.yaml", "end: 2025-01-20", "end: 2020-01-20",
         "administrations.yaml row 4 \\(id 'us-biden-2021'\\): end is before start"),
        ("administrations.yaml", "start: 2021-01-20", "start: 2021-13-40",
         "id 'us-biden-2021'\\): start '2021-13-40'"),
        ("people.yaml", "id: barack-obama", "id: Barack Obama", "people.yaml row 2 .*slug"),
        ("mechanisms.yaml", "    established: 1983", "    established: 1983\n    founded: 1983",
         "unknown column\\(s\\) \\['founded'\\]"),
        ("ports_of_entry.csv", "us-tecate,US,Tecate,California,Tecate,mx-tecate,32.577,-116.627",
         "us-tecate,US,Tecate,California,Tecate,mx-tecate,-116.627,32.577",
         "ports_of_entry.csv line 25 \\(id 'us-tecate'\\): .* not on the U.S.-Mexico border"),
        ("ports_of_entry.csv", "mx-tecate,MX,Tecate,Baja California,Tecate,us-tecate",
         "mx-tecate,MX,Tecate,Baja California,Tecate,us-naco",
         "ports_of_entry.csv line 25 \\(id 'us-tecate'\\): counterpart 'mx-tecate' does not"),
        ("countries.yaml", "sources:", "references:", "countries.yaml: metadata needs"),
        ("countries.yaml", "rows:", "rows: [", "countries.yaml: not valid YAML"),
        ("people.yaml", "country: MX", "country: XX", "id 'vicente-fox-quesada'\\): no country"),
    ],
)
def test_bad_rows_name_the_file_and_row(tmp_path, file, old, new, message):
    folder = _copy(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=message):
        read_reference(folder)


def test_gazetteer_is_cached_per_folder(tmp_path):
    assert load_gazetteer() is load_gazetteer()
    folder = _copy(tmp_path)
    assert load_gazetteer(folder) is not load_gazetteer()
    assert load_gazetteer(folder).lookup("organization", "CBP") == iris.entity("organization",
                                                                                "us-cbp")


def test_reference_graph_conforms_to_the_shapes(graph):
    from pyshacl import validate
    from rdflib import Graph

    from bordergraph.graph.vocab import ontology_graph, ontology_path

    shapes = ontology_path().with_name("shapes.ttl")
    if not shapes.is_file():
        pytest.skip("no ontology/shapes.ttl yet")
    conforms, _, text = validate(graph, shacl_graph=Graph().parse(shapes),
                                 ont_graph=ontology_graph(), inference="rdfs")
    assert conforms, text
