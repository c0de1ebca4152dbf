"""Ingest: release files in, the triples of each release's named graph out.

file -> ``ReleaseText`` (``read``) -> ``ReleaseRecord`` (``extract/``, then ``curate``) -> IRIs
(``resolve``) -> triples (``to_rdf``) -> the store (``pipeline``; ``parallel`` for ``--jobs N``);
``from_rdf`` reads a record back from its graph. The records are those of ``bordergraph.records``.

Public: ``read.read_release``, ``extract.extract``, ``curate.apply_corrections``,
``resolve.Resolver``, ``to_rdf.to_triples``, ``from_rdf.record_from_graph``,
``pipeline.load_paths`` / ``load_foundation`` / ``release_files``, ``parallel.extract_parallel``.
Nothing is imported here: import the module you need.
"""
