"""Beyond one machine: the per-article pipeline and the cross-article steps on Ray Data.

Optional extra ``wortlaut[scale]``.  :mod:`wortlaut.scale.records` turns
analysed articles into the rows the job writes (one ``wortlaut/1`` record per
row, partitioned by publication date) and reads them back;
:mod:`wortlaut.scale.job` is the Ray Data job behind ``wortlaut batch``;
:mod:`wortlaut.scale.links` computes duplicates, statement groups and stories
as data-parallel steps with the incremental linker's own functions;
:mod:`wortlaut.scale.load` puts a batch output into a store.  Ray is imported
only inside :mod:`wortlaut.scale.job`, so the rest works without the extra.
"""

from __future__ import annotations
