"""Reading news in the formats people have: text, HTML, RSS/Atom, JSON Lines, WARC.

``iter_articles(paths)`` yields :class:`~wortlaut.article.Article` objects and,
for inputs that cannot be read, :class:`IngestError` values (path + one-line
reason), so a batch always goes on.  Formats are chosen by suffix (``.txt``,
``.html``, ``.xml``/``.rss``/``.atom``, ``.jsonl``, ``.json``, ``.warc``, each
optionally ``.gz``) or sniffed from the first bytes; ``-`` reads standard input.

Decisions: text must be UTF-8 (other encodings are named in the error, not
guessed, see :mod:`wortlaut.ingest.decode`); a single document over
:data:`MAX_DOCUMENT_BYTES` (5 MB) is refused, not truncated (see
:mod:`wortlaut.ingest.limits`).
"""

from wortlaut.ingest.errors import BadInput, IngestError
from wortlaut.ingest.limits import MAX_DOCUMENT_BYTES, MAX_FEED_BYTES
from wortlaut.ingest.reader import UnreadPage, iter_articles, iter_inputs, names_pages, read_bytes, read_path

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_FEED_BYTES",
    "BadInput",
    "IngestError",
    "UnreadPage",
    "iter_articles",
    "iter_inputs",
    "names_pages",
    "read_bytes",
    "read_path",
]
