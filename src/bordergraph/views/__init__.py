"""Views: what users get out of the graph.

Takes a store; gives answers: the competency-question library (``catalog`` reads the files in
``queries/``, ``queries`` runs them with bound parameters), networkx views and measures over
them (``network``, ``analytics``), the offline HTML explorer (``explorer``, ``templates/``) and
the ontology's HTML documentation (``docs``).

Public: ``queries.run`` / ``run_sparql`` / ``library`` / ``Result``, ``network.view`` /
``VIEWS``, the functions of ``analytics``, ``explorer.write_explorer`` / ``render``,
``docs.write_docs``. Nothing is imported here: import the module you need.
"""
