"""Pipeline stages: one module per stage, each registering its class with ``register_stage``.

The rule: a stage module is a thin adapter over its own package.  It holds only
the registered stage class, whose constructor loads the package's resources
once (data files, models), whose ``reads``/``writes`` declare the ``Article``
fields it touches, and whose ``__call__`` maps those fields to the package's
calls and the results back into layers.  The language work (rules, word
lists, models, thresholds) lives in the package, where it can be tested and
reused without the pipeline: ``structure.rules.v1`` over
:mod:`wortlaut.structure`, ``language.lingua.v1`` over :mod:`wortlaut.langid`,
``tokens.spacy.v1`` over :mod:`wortlaut.tokens`; see the stage table in
``docs/architecture.md`` for the others.
"""
