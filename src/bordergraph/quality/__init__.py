"""Quality: how we know the graph is right.

Takes a store (or extracted records and gold files); gives reports: what the ontology entails
and whether it is consistent (``reason``, ``consistency``), SHACL violations per release
(``validate``), and precision/recall of extraction against gold (``scoring``, with the name
matching of GOLD_SCHEMA.md in ``names``).

Public: ``reason.materialize``, ``consistency.reason`` / ``find_clashes``,
``validate.validate`` / ``count_violations``, ``scoring.evaluate`` / ``score_record``,
``names.names_match`` / ``name_score``. Nothing is imported here: import the module you need.
"""
