"""wordfreq's word frequencies, read from wordfreq's data file without importing wordfreq.

Importing wordfreq imports langcodes, ftfy and regex: 0.11 CPU s that every ingest spent in the main
process before it forks the workers (docs/performance.md, 17zm), for one table.  The NER features
need only the ``small`` German list, which wordfreq 3 ships as ``data/small_de.msgpack.gz`` in its
"cBpack" format (gzipped msgpack: a header, then one list of words per centibel, the list's index
being minus the centibels).  :func:`frequency_dict` reads that file as wordfreq's ``read_cBpack``
does and builds wordfreq's ``get_frequency_dict``; where the file, msgpack or the known header is
missing it asks wordfreq itself.  ``tests/ner/test_wordfreq_list.py`` checks both give the same dict.
"""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path
from typing import Any

#: The cBpack header wordfreq 3 writes and reads.
HEADER = {"format": "cB", "version": 1}


def frequency_dict(lang: str, wordlist: str) -> dict[str, float]:
    """``wordfreq.get_frequency_dict(lang, wordlist=wordlist)``: word -> frequency (a proportion)."""
    buckets = _buckets(lang, wordlist)
    if buckets is None:
        import wordfreq

        return dict(wordfreq.get_frequency_dict(lang, wordlist=wordlist))
    freqs: dict[str, float] = {}
    for index, bucket in enumerate(buckets):
        freq = 10 ** (-index / 100)  # wordfreq's cB_to_freq(-index)
        for word in bucket:
            freqs[word] = freq
    return freqs


def _buckets(lang: str, wordlist: str) -> list[Any] | None:
    """The word lists of wordfreq's ``{wordlist}_{lang}`` file, or ``None`` where it cannot be read here."""
    try:
        import msgpack

        spec = importlib.util.find_spec("wordfreq")  # finds the package without running it
    except ImportError:
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), "data", f"{wordlist}_{lang}.msgpack.gz")
    try:
        data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    except (OSError, ValueError):
        return None
    if not isinstance(data, list) or not data or data[0] != HEADER:
        return None
    return list(data[1:])
