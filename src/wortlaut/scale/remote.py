"""Object-store URLs (``s3://``, ``gs://``, ``hdfs://``, ``file://``) as inputs and outputs of a batch.

Opened with pyarrow's own file systems (``pyarrow.fs.FileSystem.from_uri``), so
no new dependency; credentials come the way pyarrow finds them (for S3 the
``AWS_*`` environment variables or the AWS config files).  Local paths never come
here: they keep the plain ``pathlib`` code path.

Ray actors get plain strings (the URL given on the command line and a path in
its file system), never file-system objects, and open the file system once per
actor (:class:`FileSystems`).  Reading hands each file's bytes to the ingest
readers' bytes entry point (:func:`wortlaut.ingest.read_bytes`), with the format
taken from the file name as for a local file, so every format ``ingest`` reads
is read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from wortlaut.article import Article
from wortlaut.ingest import IngestError, read_bytes
from wortlaut.ingest.sniff import format_from_name

#: ``scheme://`` at the start of a name: a URL, not a local path (a Windows drive ``C:\`` has no ``//``).
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class RemoteError(RuntimeError):
    """A URL that cannot be used: unknown scheme, unreachable store, missing credentials, nothing listed."""


def is_url(name: str) -> bool:
    """Whether ``name`` is a URL (``s3://…``) rather than a local path."""
    return bool(_URL.match(name))


def open_url(url: str) -> tuple[Any, str]:
    """The pyarrow file system of ``url`` and the path inside it; a clear one-line error otherwise."""
    import pyarrow as pa
    from pyarrow import fs

    try:
        return fs.FileSystem.from_uri(url)
    except pa.ArrowInvalid as error:
        if "Unrecognized filesystem type" in str(error):
            scheme = url.split("://", 1)[0]
            raise RemoteError(f"{url}: unknown URL scheme {scheme!r} (s3, gs, hdfs or file)") from None
        raise RemoteError(f"{url}: {_first_line(error)}") from None
    except (OSError, pa.ArrowException) as error:  # S3 resolves the bucket's region here
        raise RemoteError(f"{url}: cannot reach the store ({_first_line(error)})") from None


def list_url(url: str) -> list[str]:
    """Paths (in the URL's file system) of every file at or below ``url``, hidden ones skipped, sorted."""
    from pyarrow import fs

    filesystem, root = open_url(url)
    try:
        info = filesystem.get_file_info(root)
        if info.type == fs.FileType.File:
            return [root]
        if info.type == fs.FileType.NotFound:
            raise RemoteError(f"{url}: no such file or folder")
        entries = filesystem.get_file_info(fs.FileSelector(root, recursive=True))
    except OSError as error:  # missing credentials, a bucket that does not exist or is not ours
        raise RemoteError(f"{url}: cannot list ({_first_line(error)})") from None
    files = sorted(
        entry.path
        for entry in entries
        if entry.type == fs.FileType.File and not entry.base_name.startswith(".")  # as for a local folder
    )
    if not files:
        raise RemoteError(f"{url}: lists no input files")
    return files


def join(url: str, *parts: str) -> str:
    """``url`` with path parts appended (``s3://b/out/`` + ``records`` → ``s3://b/out/records``)."""
    return "/".join([url.rstrip("/"), *parts])


class FileSystems:
    """File systems opened once per process (an actor) and reused for each file of the same URL."""

    def __init__(self) -> None:
        self._open: dict[str, Any] = {}

    def get(self, url: str) -> Any:
        """The file system of ``url`` (opened on first use)."""
        if url not in self._open:
            self._open[url] = open_url(url)[0]
        return self._open[url]

    def read(self, url: str, path: str) -> Iterator[Article | IngestError]:
        """Articles of the file at ``path`` in ``url``'s file system; a failure is one error item."""
        name = display(url, path)
        try:
            # compression=None: the readers recognise gzip themselves, as for a local file
            with self.get(url).open_input_stream(path, compression=None) as stream:
                data = stream.read()
        except (OSError, RemoteError) as error:
            yield IngestError(path=name, reason=f"cannot read ({_first_line(error)})")
            return
        yield from read_bytes(data, name=name, format=format_from_name(path)[0])


def display(url: str, path: str) -> str:
    """How a remote file is named in messages and records: ``scheme://`` and its path."""
    return f"{url.split('://', 1)[0]}://{path}"


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
