"""Echoing client or file input in messages without letting it drive the terminal.

Error messages name the input they refuse ("no person named …", a file
name, a date).  Echoed raw, an ``ESC [ 2 J`` in that input clears the
reader's screen, an OSC sequence retitles the terminal or writes a forged
hyperlink, and a carriage return overwrites the line.  :func:`printable`
removes such sequences and control characters; the API, the web pages and
the CLI's one-line errors pass their messages through it.
"""

from __future__ import annotations

import re

#: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), other two-byte escapes, C0 (but tab and
#: newline) and C1 control characters.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)
#: Longest echo: enough to recognise the input, short enough to keep a message on one screen line.
MAX_ECHO_CHARS = 500


def printable(text: str, limit: int = MAX_ECHO_CHARS) -> str:
    """``text`` without terminal escape sequences and control characters, cut to ``limit`` characters."""
    cleaned = _ESCAPES.sub("", text)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"
