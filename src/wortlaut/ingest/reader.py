"""Turn paths (files, directories, ``-`` for stdin) into articles.

Every problem with an input becomes an :class:`IngestError` value in the
stream instead of an exception, so a batch over a thousand files reports the
three bad ones and goes on.  Directories are walked in sorted order (hidden
entries and unknown suffixes skipped) so runs are reproducible.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, TypeVar

from wortlaut.article import Article
from wortlaut.ingest.decode import decode_utf8, looks_binary
from wortlaut.ingest.errors import BadInput, IngestError
from wortlaut.ingest.feed import read_feed
from wortlaut.ingest.htmltext import page_article
from wortlaut.ingest.jsonl import read_json, read_jsonl
from wortlaut.ingest.limits import (
    FEED,
    FORMATS,
    HTML,
    JSON,
    JSONL,
    MAX_DOCUMENT_BYTES,
    MAX_FEED_BYTES,
    SNIFF_BYTES,
    TEXT,
    WARC,
    check_html_shape,
    human_size,
)
from wortlaut.ingest.sniff import GZIP_MAGIC, format_from_bytes, format_from_name
from wortlaut.ingest.streams import gunzipped, rewound
from wortlaut.ingest.warc import read_warc

Item = Article | IngestError
STDIN = "-"
#: Bytes read before a format is chosen: enough compressed data to sniff the decompressed start.
HEAD_BYTES = 4 * SNIFF_BYTES
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class UnreadPage:
    """An HTML page's bytes, read from its file but not yet turned into an article.

    :func:`iter_inputs` yields these in place of the page's article, so that
    the costly part (boilerplate removal, 60-80 ms a page) can run on a worker
    process (:func:`wortlaut.store.loader.ingest`) instead of the process that
    reads the files.  :meth:`read` is what reading the file would have done
    next: the same article, or the same :class:`IngestError`.
    """

    data: bytes
    name: str

    def read(self) -> Item:
        """The page's article (``meta["path"]`` set), or the error reading it would have given."""
        return next(
            _guarded(self.name, lambda: _tagged(iter([_document(HTML, self.data, self.name)]), self.name))
        )


def iter_articles(
    paths: Iterable[str | os.PathLike[str]], *, stdin: IO[bytes] | None = None
) -> Iterator[Item]:
    """Articles (and errors) from all paths, in order; ``-`` reads ``stdin`` (default: sys.stdin)."""
    for path in paths:
        yield from read_path(path, stdin=stdin)


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]], *, stdin: IO[bytes] | None = None
) -> Iterator[Item | UnreadPage]:
    """As :func:`iter_articles`, but an HTML document comes as an :class:`UnreadPage` (its bytes), for the
    caller to read where it likes: the same items in the same order once each page is read."""
    for path in paths:
        yield from _read_path(path, stdin, defer_pages=True)


def names_pages(paths: Iterable[str | os.PathLike[str]]) -> bool:
    """Whether a file among ``paths`` (directories walked) is named as an HTML page (``.html``, ``.htm``,
    optionally ``.gz``): a hint to prepare the page reader; pages named otherwise are read all the same."""
    for path in paths:
        file = Path(os.fspath(path))
        if os.fspath(path) == STDIN or not file.exists():
            continue
        names = (name for _, _, found in os.walk(file) for name in found) if file.is_dir() else (file.name,)
        if any(format_from_name(name)[0] == HTML for name in names):
            return True
    return False


def read_path(path: str | os.PathLike[str], *, stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Articles (and errors) from one file, directory or ``-``."""
    for item in _read_path(path, stdin, defer_pages=False):
        yield item.read() if isinstance(item, UnreadPage) else item


def _read_path(
    path: str | os.PathLike[str], stdin: IO[bytes] | None, *, defer_pages: bool
) -> Iterator[Item | UnreadPage]:
    name = os.fspath(path)
    if name == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _guarded("<stdin>", lambda: _read_stream(stream, "<stdin>", None, defer_pages))
        return
    file = Path(name)
    if file.is_dir():
        yield from _walk(file, defer_pages)
    elif not file.exists():
        yield IngestError(path=display_name(file), reason="no such file or directory")
    else:
        yield from _guarded(display_name(file), lambda: _read_file(file, defer_pages))


def read_bytes(data: bytes, *, name: str = "<bytes>", format: str | None = None) -> Iterator[Item]:
    """Articles from in-memory data; the format is sniffed unless given."""
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; one of {FORMATS}")
    for item in _guarded(name, lambda: _read_stream(io.BytesIO(data), name, format)):
        yield item.read() if isinstance(item, UnreadPage) else item


def display_name(path: Path | str) -> str:
    """A path as printable text: bytes that are not UTF-8 (a file name from another system) become U+FFFD.

    Python keeps such bytes as lone surrogates, which can be neither printed
    nor stored; the file itself is still opened by its real name.
    """
    return os.fsencode(path).decode("utf-8", errors="replace")


def _read_stream(
    raw: IO[bytes], name: str, fmt: str | None, defer_pages: bool = False
) -> Iterator[Item | UnreadPage]:
    """Sniff (unless ``fmt`` is given) and read a stream that may not seek (stdin), gzip or not."""
    head = raw.read(HEAD_BYTES)
    stream = rewound(head, raw)
    gzipped = head.startswith(GZIP_MAGIC)
    plain_head = _gunzip_head(head) if gzipped else head
    if fmt is None:
        fmt = format_from_bytes(plain_head[:SNIFF_BYTES])
    if fmt == WARC:  # WARC stays compressed: warcio reads it record by record
        _check_warc_start(plain_head)
        yield from _tagged(read_warc(stream, name), name)
        return
    yield from _dispatch(fmt, gunzipped(stream) if gzipped else stream, name, defer_pages)


def _walk(directory: Path, defer_pages: bool = False) -> Iterator[Item | UnreadPage]:
    """Files below a directory in sorted order, without hidden entries or unknown suffixes."""
    try:
        entries = sorted(directory.iterdir())
    except OSError as error:
        reason = f"cannot read directory: {error.strerror or error}"
        yield IngestError(path=display_name(directory), reason=reason)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _walk(entry, defer_pages)
        elif entry.is_file() and format_from_name(entry.name)[0] is not None:
            yield from _guarded(display_name(entry), partial(_read_file, entry, defer_pages))


def _read_file(file: Path, defer_pages: bool = False) -> Iterator[Item | UnreadPage]:
    """Read by suffix (``.gz`` stripped), or by the first bytes; gzip is recognised by its magic."""
    fmt, _ = format_from_name(file.name)
    with open(file, "rb") as raw:
        yield from _read_stream(raw, display_name(file), fmt, defer_pages)


def _dispatch(
    fmt: str, stream: IO[bytes], name: str, defer_pages: bool = False
) -> Iterator[Item | UnreadPage]:
    if fmt == JSONL:
        yield from _tagged(read_jsonl(stream, name), name)
    elif fmt == JSON:
        yield from _tagged(read_json(_read_limited(stream, MAX_FEED_BYTES, "JSON file"), name), name)
    elif fmt == FEED:
        yield from _tagged(read_feed(_read_limited(stream, MAX_FEED_BYTES, "feed"), name), name)
    else:
        data = _read_limited(stream, MAX_DOCUMENT_BYTES, "article")
        if defer_pages and fmt == HTML:
            yield UnreadPage(data, name)
            return
        yield from _tagged(iter([_document(fmt, data, name)]), name)


def _document(fmt: str, data: bytes, name: str) -> Article:
    if fmt == HTML:
        if looks_binary(data):
            raise BadInput("binary file, not HTML")
        check_html_shape(data)
        return page_article(data, meta={"format": HTML})
    text = decode_utf8(data)
    return Article.create(text, meta={"format": TEXT})


def _check_warc_start(head: bytes) -> None:
    """warcio reads almost anything without complaint; a WARC file must start with ``WARC/``."""
    if not head.strip():
        raise BadInput("empty file")
    if not head.startswith(b"WARC/"):
        raise BadInput("not a WARC file (it does not start with a WARC/1.x header)")


def _read_limited(stream: IO[bytes], limit: int, what: str) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise BadInput(
            f"file is over {human_size(limit)}, the limit for one {what}; split it or use JSON Lines"
        )
    if not data.strip():
        raise BadInput("empty file")
    return data


def _tagged(items: Iterator[Item], name: str) -> Iterator[Item]:
    """Record where each article came from in ``meta["path"]``."""
    for item in items:
        if isinstance(item, Article):
            yield item.with_layers(meta={**item.meta, "path": name})
        else:
            yield item


def _gunzip_head(data: bytes) -> bytes:
    """The first decompressed bytes of gzip data, for sniffing (empty when damaged)."""
    try:
        return zlib.decompressobj(wbits=31).decompress(data, SNIFF_BYTES)
    except zlib.error:
        return b""


def _guarded(name: str, produce: Callable[[], Iterator[_T]]) -> Iterator[_T | IngestError]:
    """Run a reader, turning any failure into an error value after the items read so far."""
    try:
        yield from produce()
    except BadInput as error:
        yield IngestError(path=name, reason=str(error))
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        detail = str(error) or type(error).__name__
        yield IngestError(path=name, reason=f"truncated or damaged gzip data: {detail}")
    except OSError as error:
        yield IngestError(path=name, reason=f"cannot read: {error.strerror or error}")
    except Exception as error:  # a third-party parser failing on garbage must not end the batch
        yield IngestError(path=name, reason=f"unreadable input ({type(error).__name__}: {error})")
