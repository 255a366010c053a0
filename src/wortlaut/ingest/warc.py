"""WARC files (plain or gzip), as in Common Crawl's CC-NEWS.

Only ``response`` records with an HTML payload are read; requests, metadata
and non-HTML responses are skipped, and so are HTML pages without article
text (navigation pages are normal in a crawl and not an input error).  A
truncated or damaged file yields the records read so far and then one error
saying where it broke.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from wortlaut.article import Article
from wortlaut.ingest.errors import BadInput, IngestError
from wortlaut.ingest.htmltext import page_article
from wortlaut.ingest.limits import MAX_DOCUMENT_BYTES, check_html_shape

#: What warcio raises on damaged input (AttributeError, TypeError: a header cut before the target URI).
_DAMAGE = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError, AttributeError, TypeError)
_WARC_TYPES = frozenset(
    {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation"}
)
#: Records are drained in chunks of this size, so a huge non-HTML record never sits in memory.
_CHUNK_BYTES = 1 << 16


def read_warc(stream: IO[bytes], name: str) -> Iterator[Article | IngestError]:
    """Yield an article per HTML response record; damage ends the file with an error.

    warcio is lenient: a cut-off file ends with a short or header-less record
    instead of an exception, so each record's length is checked here.
    """
    count = end = 0
    try:
        records = ArchiveIterator(stream)
        compressed = False
        for record in records:
            compressed = records.reader.decompressor is not None  # known once a record was read
            if record.rec_type not in _WARC_TYPES or record.length is None:
                raise BadInput(f"record {count + 1} has no valid WARC header")
            if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                raise BadInput(f"record {count + 1} has no valid Content-Length (cut off in its header?)")
            payload = _payload(record)
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise BadInput(f"record {count + 1} is cut off")
            end = records.get_record_offset() + records.get_record_length()
            count += 1
            try:
                article = _record_article(record, payload) if payload is not None else None
            except BadInput as refused:
                yield IngestError(path=f"{name}#{count}", reason=str(refused))
                continue
            if article is not None:
                yield article
        if _unread(records, end, compressed) > 0:  # warcio ends quietly on a header cut off at the end
            raise BadInput(f"record {count + 1} is cut off inside its header")
    except (BadInput, *_DAMAGE) as error:
        detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        yield IngestError(path=name, reason=f"truncated or damaged WARC after {count} records: {detail}")
        return
    if count == 0:
        raise BadInput("no WARC records found")


def _unread(records: ArchiveIterator, end: int, compressed: bool) -> int:
    """Bytes after the end of the last whole record.

    In a plain file warcio consumes the blank lines between records and
    stops its offset where an incomplete header begins; in a gzipped one each
    record is a gzip member, so anything after the last member read is a cut one.
    """
    try:
        total = int(records.fh.tell())
        return total - (end if compressed else int(records.offset))
    except (AttributeError, OSError, TypeError, ValueError):
        return 0


def _payload(record: Any) -> bytes | None:
    """The HTML payload of a response record (None for other records), reading every record to its end."""
    stream = record.content_stream()
    wanted = record.rec_type == "response" and record.http_headers is not None
    content_type = record.http_headers.get_header("Content-Type") or "" if wanted else ""
    payload = stream.read(MAX_DOCUMENT_BYTES + 1) if "html" in content_type.lower() else None
    while stream.read(_CHUNK_BYTES):
        payload = None  # over the size limit: not an article
    return payload


def _record_article(record: Any, payload: bytes) -> Article | None:
    url = record.rec_headers.get_header("WARC-Target-URI")
    meta = {"format": "warc", "fetched": record.rec_headers.get_header("WARC-Date")}
    check_html_shape(payload)  # a hostile page is reported (as this record), not parsed
    try:
        return page_article(payload, url=url, meta=meta)
    except BadInput:
        return None
