"""The closing lines of a web page's text: a service block under a colon header, reader appeals.

Pages end their story and then add service under a short header: ``Mehr
Informationen finden Sie unter:``, ``Quelle und Kontaktadresse:``, ``Download
Pressefoto:``, ``Zu den AutorInnen:``, ``Zu unserer Kampagnenseite:``.  The
wordings differ from site to site (a marker list grows with every new one), the
shape does not: a short line ending in a colon after which the text holds only
a few short lines, none of story length.  And after the last story paragraph,
short lines that speak to the reader (du- and Sie-forms, ``lang/de/
structure_reader_address.tsv``) are appeals, not story: news reports, the
site's furniture addresses.  Applied to HTML pages only (the reader's hints are
there); plain-text news keeps its lines.
"""

from __future__ import annotations

import re
from functools import cache

from wortlaut.article import Span
from wortlaut.lang.tables import read_rows
from wortlaut.structure.lines import Line, Role, ends_sentence

#: A block header is a label (``Pressekontakt:``, ``Mehr Informationen finden Sie unter:``);
#: a longer line ending in a colon introduces a quotation or a list inside the story.
MAX_HEADER_WORDS = 8
#: Lines under the header are contact data, links, a short bio; a line this long is story text
#: and means the header was inside the story.
MAX_LINE_WORDS = 30
#: At most this many lines follow the header (an address block, two or three links).
MAX_LINES = 8
#: The closing lines of a page start after its last line of at least this many words (a story
#: paragraph); reader appeals, newsletter calls and download notes stand there.  This and the
#: appeal length were set before the first scoring and not tuned.
MIN_STORY_LINE_WORDS = 40
#: A reader appeal is a line or two; a longer line is story text.
MAX_APPEAL_WORDS = 25
#: A closing fragment (``erb/ots``, ``Mitarbeit: …``, ``* Name geändert``, ``Folge uns auf …``) is a
#: label, not a sentence: at most this many words and no sentence end.
MAX_FRAGMENT_WORDS = 8
#: A fragment followed by a sentence paragraph of this many words is a subheading of the story.
MIN_FOLLOWING_WORDS = 20
_QUOTES = '„“”»«"'
_LINK_HEADER = re.compile(r"^([^:]+:)\s*(?:https?://|www\.)\S+$")
_BULLET = re.compile(r"^(?:[-–—•·▪►]|\d{1,2}[.)])\s+\S")
_SENTENCE = re.compile(r"(?<=[.!?:])\s+")


def closing_block(text: str, lines: list[Line], roles: list[Role]) -> list[Span]:
    """The header and every body line after it, when the page closes with such a block."""
    body = [index for index, role in enumerate(roles) if role is Role.BODY]
    for position, index in enumerate(body):
        line = lines[index]
        if not _is_header(line.text) or position == 0:
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


def _is_header(text: str) -> bool:
    """A label ending in a colon, or a label with a colon and a bare link after it
    (``Zu unserer Kampagnenseite: https://…``, the link written where the block would start)."""
    found = _LINK_HEADER.match(text)
    label = found.group(1) if found else text
    return label.endswith(":") and len(label.split()) <= MAX_HEADER_WORDS


@cache
def reader_words() -> tuple[frozenset[str], frozenset[str]]:
    """The du-forms (any case) and the Sie-forms (capitalised) of ``structure_reader_address.tsv``."""
    rows = read_rows("structure_reader_address.tsv", columns=2)
    du = frozenset(row[0].strip().lower() for row in rows if row[1].strip() == "du")
    sie = frozenset(row[0].strip() for row in rows if row[1].strip() == "Sie")
    return du, sie


def addresses_reader(text: str) -> bool:
    """Whether a line speaks to the reader: a du-form anywhere, or a capitalised Sie-form that does
    not open a sentence (there ``Sie`` may be "she" or "they")."""
    du, sie = reader_words()
    for sentence in _SENTENCE.split(text):
        words = re.findall(r"\w+", sentence)
        if any(word.lower() in du for word in words):
            return True
        if any(word in sie for word in words[1:]):
            return True
    return False


def reader_tail(text: str, lines: list[Line], roles: list[Role]) -> list[Span]:
    """Short lines after the page's last story paragraph that speak to the reader, outside quotes.

    Stories report; the lines a site adds after them address the reader: ``Auf Sie kommt es an!``,
    ``… dann hol dir jetzt meinen gratis Newsletter``, ``Porträtfotos … finden Sie hier``.
    """
    body = [index for index, role in enumerate(roles) if role is Role.BODY]
    story = [index for index in body if lines[index].words >= MIN_STORY_LINE_WORDS]
    if not story:
        return []
    spans = []
    for index in body:
        line = lines[index]
        if index <= story[-1] or line.words > MAX_APPEAL_WORDS or any(q in line.text for q in _QUOTES):
            continue
        if addresses_reader(line.text):
            roles[index] = Role.BOILERPLATE
            spans.append(Span(start=line.start, end=line.end, text=line.text, label="appeal"))
    return spans


def closing_fragments(text: str, lines: list[Line], roles: list[Role]) -> list[Span]:
    """Lone short label lines after the page's last story paragraph, no story paragraph after them.

    A story's last lines are sentences; what a site sets under it are labels: a source tag
    (``erb/ots``), a credit (``Mitarbeit: …``), a footnote (``* Name geändert``), a call
    (``Folge uns auf Facebook | Instagram``).  A short line followed by a sentence paragraph is a
    subheading; a run of short lines is a list, a poem or an address (the story's or not); a quote
    or a bullet is the story's.  Those stay.
    """
    body = [index for index, role in enumerate(roles) if role is Role.BODY]
    story = [index for index in body if lines[index].words >= MIN_STORY_LINE_WORDS]
    if not story:
        return []
    label = [index > story[-1] and _fragment(lines[index].text) for index in body]
    spans = []
    for position, index in enumerate(body):
        before = position > 0 and label[position - 1]
        after = position + 1 < len(body) and label[position + 1]
        if not label[position] or before or after:
            continue
        later = body[position + 1 :]
        if any(lines[i].words >= MIN_FOLLOWING_WORDS and ends_sentence(lines[i].text) for i in later):
            continue
        line = lines[index]
        roles[index] = Role.BOILERPLATE
        spans.append(Span(start=line.start, end=line.end, text=line.text, label="fragment"))
    return spans


def _fragment(text: str) -> bool:
    return (
        len(text.split()) <= MAX_FRAGMENT_WORDS
        and not ends_sentence(text)
        and not any(q in text for q in _QUOTES)
        and not _BULLET.match(text)
    )
