"""Bytes to text: UTF-8 only, with a diagnosis for everything else.

Decision: plain-text input must be UTF-8 (a UTF-8 byte-order mark is
dropped).  Other encodings are *not* decoded on a guess: for a ``.txt`` file
``Article.text`` is promised to be exactly the file's content, and a wrong
guess (cp1252 vs. latin-1 vs. mac-roman) silently corrupts quotes and
umlauts, which is worse for a record of who said what than a refusal.  So
charset-normalizer is used only to *name* the likely encoding in the error,
with the command that converts the file.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from wortlaut.ingest.errors import BadInput
from wortlaut.ingest.limits import SNIFF_BYTES

#: Control characters (other than tab, newline, carriage return, form feed)
#: allowed in the first SNIFF_BYTES before a file counts as binary.  Real
#: text has none; 1% tolerates a stray escape sequence in pasted text.
MAX_CONTROL_SHARE = 0.01

_ALLOWED_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D}
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the head of the data."""
    head = data[:SNIFF_BYTES]
    if head.startswith(_UTF16_BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _ALLOWED_CONTROLS)
    return bool(head) and controls / len(head) > MAX_CONTROL_SHARE


def guess_encoding(data: bytes) -> str | None:
    """The most likely encoding according to charset-normalizer, or None."""
    best = from_bytes(data[: 16 * SNIFF_BYTES]).best()
    return best.encoding if best is not None else None


def decode_utf8(data: bytes) -> str:
    """Decode UTF-8 text or raise :class:`BadInput` saying what the bytes look like."""
    if looks_binary(data):
        raise BadInput("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadInput(_diagnose(data, error)) from None


def _diagnose(data: bytes, error: UnicodeDecodeError) -> str:
    where = f"invalid UTF-8 at byte {error.start}"
    valid_prefix = data[: error.start]
    if len(valid_prefix) > 0 and any(byte >= 0x80 for byte in valid_prefix):
        return f"{where} after valid UTF-8 with umlauts before it (mixed encodings?)"
    encoding = guess_encoding(data)
    if encoding is None or encoding in {"utf_8", "ascii"}:
        return f"{where}; encoding not recognised"
    return f"not UTF-8 ({where}; looks like {encoding}); convert it, e.g. iconv -f {encoding} -t utf-8"
