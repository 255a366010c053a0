"""Which reader a file needs: by suffix, and by its first bytes when the suffix says nothing."""

from __future__ import annotations

from pathlib import Path

from wortlaut.ingest.limits import FEED, HTML, JSON, JSONL, SUFFIXES, TEXT, WARC

GZIP_MAGIC = b"\x1f\x8b"
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


def format_from_name(name: str) -> tuple[str | None, bool]:
    """(format or None, gzip-compressed?) from a file name such as ``news.jsonl.gz``."""
    path = Path(name.lower())
    gzipped = path.suffix == ".gz"
    if gzipped:
        path = path.with_suffix("")
    return SUFFIXES.get(path.suffix), gzipped


def format_from_bytes(head: bytes) -> str:
    """Guess a format from the first bytes of an (uncompressed) input."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"warc/"):
        return WARC
    if start.startswith(b"<?xml"):
        return HTML if b"<html" in start and not any(root in start for root in _FEED_ROOTS) else FEED
    if start.startswith(_FEED_ROOTS):
        return FEED
    if start.startswith(b"<"):
        return HTML
    if start.startswith(b"{"):
        return JSONL
    if start.startswith(b"[") and start[1:].lstrip()[:1] in (b"{", b"]"):
        return JSON
    return TEXT
