"""Graph: where the graph lives and what it is made of.

Takes triples per named graph; gives them back through one small store surface (``store``:
SPARQL with bound values, graph replace/drop, export) over an embedded pyoxigraph store
(``embedded``) or a SPARQL 1.1 endpoint (``endpoint``), both keeping the default graph as the
union of the named graphs (``updates``); ``open`` picks the backend. Also the terms (``vocab``,
the generated ``_bg``), IRIs (``iris``) and the reference data and its gazetteer
(``reference``, ``gazetteer``) every other stage builds on.

Public: ``open.open_store``, ``store.Store`` / ``Rows`` / ``StoreError`` / ``export``,
``endpoint.EndpointStore``, ``vocab.BG`` / ``codes`` / ``ontology_graph``, ``iris.entity`` /
``release`` / ``fold``, ``reference.load_reference``, ``gazetteer.load_gazetteer``.
Nothing is imported here: import the module you need.
"""
