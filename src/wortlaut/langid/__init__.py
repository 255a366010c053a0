"""Language identification of an article's parts with lingua (:mod:`wortlaut.langid.detect`).

The pipeline stage ``language.lingua.v1`` (:mod:`wortlaut.stages.language`) is an
adapter over this package.
"""
