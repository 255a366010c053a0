"""Derived files that make a process start faster, kept in a cache folder (setting ``paths.cache``).

A file here is computed from a file the package ships (never downloaded) and named by a digest of
that file's bytes and of the derived format's version, so a changed source or a new format gets a
new name and a stale file is never read (old ones stay for the user's cache cleaner).  A file is
written under a temporary name and renamed into place: a reader never sees half a file, and
processes that build the same file at once do not disturb each other.  A folder that cannot be
written costs only speed: the caller keeps what it built in memory.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

import platformdirs

from wortlaut.settings import get_settings

logger = logging.getLogger(__name__)

T = TypeVar("T")


def cache_dir() -> Path:
    """The setting ``paths.cache``, else the user cache directory (``~/.cache/wortlaut`` on Linux)."""
    configured = get_settings().paths.cache
    if configured is not None:
        return configured
    return Path(platformdirs.user_cache_dir("wortlaut", appauthor=False))


def derived_path(kind: str, source: bytes, version: int) -> Path:
    """Where the ``kind`` file derived (in format ``version``) from the bytes ``source`` lives."""
    digest = hashlib.blake2b(source, digest_size=16, person=f"wortlaut{version}".encode()[:16]).hexdigest()
    return cache_dir() / f"{kind}-{digest}.bin"


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> bool:
    """Write ``path`` through ``write`` (a temporary file renamed into place); ``False`` when it cannot be."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(temporary, path)
        return True
    except OSError as error:
        logger.debug("cache file %s not written: %s", path, error)
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False


def read_or_build(
    cached: Path | None,
    read: Callable[[Path], T],
    build: Callable[[], T],
    write: Callable[[T, BinaryIO], None],
) -> T:
    """``read(cached)`` when that file is there and sound, else ``build()``, kept at ``cached`` by ``write``.

    ``read`` raises ``OSError`` or ``ValueError`` for a damaged file, which is then built and written
    again; ``cached=None`` (a source that is not the package's) always builds and keeps nothing.
    """
    if cached is not None and cached.is_file():
        try:
            return read(cached)
        except (OSError, ValueError) as error:
            logger.warning("rebuilding the cache file %s (%s)", cached, error)
    value = build()
    if cached is not None:
        write_atomically(cached, lambda out: write(value, out))
    return value
