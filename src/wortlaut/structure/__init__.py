"""Page structure from a text's line layout: headline, captions, body, posts, boilerplate, live-blog entries.

:mod:`~wortlaut.structure.rules` reads the lines, :mod:`~wortlaut.structure.data`
holds the readers of the marker, month and agency tables (``lang/de/structure_*.tsv``)
and the post-signature parser, :mod:`~wortlaut.structure.live` the live-blog entries.
The pipeline stage ``structure.rules.v1`` (:mod:`wortlaut.stages.structure`) is an
adapter over this package.
"""
