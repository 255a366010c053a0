"""The closing block of a web page's text: a short header ending in a colon and what follows it.

Pages end their story and then add service under a short header: ``Mehr
Informationen finden Sie unter:``, ``Quelle und Kontaktadresse:``, ``Download
Pressefoto:``, ``Zu den AutorInnen:``, ``Zu unserer Kampagnenseite:``.  The
wordings differ from site to site (a marker list grows with every new one), the
shape does not: a short line ending in a colon after which the text holds only
a few short lines, none of story length.  Applied to HTML pages only (the
reader's hints are there); plain-text news keeps its lines.
"""

from __future__ import annotations

from wortlaut.article import Span
from wortlaut.structure.lines import Line, Role

#: A block header is a label (``Pressekontakt:``, ``Mehr Informationen finden Sie unter:``);
#: a longer line ending in a colon introduces a quotation or a list inside the story.
MAX_HEADER_WORDS = 8
#: Lines under the header are contact data, links, a short bio; a line this long is story text
#: and means the header was inside the story.
MAX_LINE_WORDS = 30
#: At most this many lines follow the header (an address block, two or three links).
MAX_LINES = 8


def closing_block(text: str, lines: list[Line], roles: list[Role]) -> list[Span]:
    """The header and every body line after it, when the page closes with such a block."""
    body = [index for index, role in enumerate(roles) if role is Role.BODY]
    for position, index in enumerate(body):
        line = lines[index]
        if not line.text.endswith(":") or line.words > MAX_HEADER_WORDS or position == 0:
            continue
        rest = body[position + 1 :]
        if len(rest) <= MAX_LINES and all(lines[later].words <= MAX_LINE_WORDS for later in rest):
            spans = []
            for later in (index, *rest):
                roles[later] = Role.BOILERPLATE
                found = lines[later]
                spans.append(Span(start=found.start, end=found.end, text=found.text, label="closing"))
            return spans
    return []
