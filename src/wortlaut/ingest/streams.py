"""Byte streams for the readers: sniffing a non-seekable input, and gzip with a bomb guard.

Standard input cannot seek back after its first bytes were sniffed, so
:func:`rewound` puts the head back in front of the rest.  Every gzip input is
decompressed as a stream (never in one piece) through :class:`GuardedGzip`,
which stops a decompression bomb: real news text compresses a few times, a
bomb a thousand times.
"""

from __future__ import annotations

import gzip
import io
from typing import IO

from wortlaut.ingest.errors import BadInput
from wortlaut.ingest.limits import GZIP_GRACE_BYTES, MAX_GZIP_RATIO, human_size

#: Buffer of the streams built here.
_BUFFER_BYTES = 1 << 16


class _Prefixed(io.RawIOBase):
    """``head`` then whatever ``rest`` still yields."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._head:
            size = min(len(view), len(self._head))
            view[:size], self._head = self._head[:size], self._head[size:]
            return size
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def rewound(head: bytes, rest: IO[bytes]) -> IO[bytes]:
    """A buffered stream that yields ``head`` again, then the rest of a non-seekable input."""
    return io.BufferedReader(_Prefixed(head, rest), buffer_size=_BUFFER_BYTES)


class _Counting(io.RawIOBase):
    """Counts the (compressed) bytes read through it."""

    def __init__(self, source: IO[bytes]) -> None:
        self.source, self.count = source, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        data = self.source.read(len(view))
        view[: len(data)] = data
        self.count += len(data)
        return len(data)


class GuardedGzip(io.RawIOBase):
    """Decompresses a gzip stream piece by piece; a bomb raises :class:`BadInput`.

    After :data:`GZIP_GRACE_BYTES` of output, more than :data:`MAX_GZIP_RATIO`
    output bytes per input byte ends the stream: the limit is reached after
    reading a bounded amount, whatever the bomb would expand to.
    """

    def __init__(self, source: IO[bytes]) -> None:
        self._counting = _Counting(source)
        self._gzip = gzip.GzipFile(fileobj=io.BufferedReader(self._counting, _BUFFER_BYTES), mode="rb")
        self.produced = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        data = self._gzip.read(len(view))
        view[: len(data)] = data
        self.produced += len(data)
        if self.produced > GZIP_GRACE_BYTES and self.produced > MAX_GZIP_RATIO * max(self._counting.count, 1):
            raise BadInput(
                f"gzip data expands over {MAX_GZIP_RATIO} times ({human_size(self.produced)} from"
                f" {human_size(self._counting.count)}); refused as a decompression bomb"
            )
        return len(data)


def gunzipped(source: IO[bytes]) -> IO[bytes]:
    """The decompressed, buffered stream of gzip data, with the bomb guard."""
    return io.BufferedReader(GuardedGzip(source), buffer_size=_BUFFER_BYTES)
