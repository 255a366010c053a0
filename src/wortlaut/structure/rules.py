"""Structure of an article from its text alone: headline, caption, body, posts, boilerplate.

Plain-text news (and text extracted from HTML) keeps its layout as lines: a
headline on the first line, often a photo caption under it, one paragraph
per line or per blank-line-separated block, pasted social-media posts
followed by a signature line (``— Mark Rutte (@SecGenNATO) 21. Mai 2025``),
and link lists ("Lesen Sie auch") at the end.  The rules here read those
lines; markers, month names and news-agency tags are data in
``lang/de/structure_*.tsv``.  A line that is only an agency tag (``(dpa)``) is
boilerplate; a dateline tag inside a paragraph (``Berlin (dpa) – …``) stays in
the paragraph, and the entity stage skips it (:class:`AgencyTags`).
Everything that is boilerplate is listed in ``Structure.boilerplate`` so
that later stages skip it; posts are kept apart from the body paragraphs.
Lines and their roles are in :mod:`wortlaut.structure.lines`, the blocks the
HTML reader's hints mark in :mod:`wortlaut.structure.page`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wortlaut.article import Entry, Post, Span, Structure
from wortlaut.structure.closing import closing_block, closing_fragments, reader_tail
from wortlaut.structure.data import (
    AgencyTags,
    Markers,
    load_agencies,
    load_markers,
    load_months,
    load_post_prefixes,
    parse_signature,
)
from wortlaut.structure.lines import Line, Role, ends_sentence, split_lines
from wortlaut.structure.live import find_entries
from wortlaut.structure.page import page_blocks

#: A headline rarely exceeds 20 words; seed 004's colon headline has 18.
#: 30 leaves room for long agency headlines while excluding body paragraphs.
MAX_HEADLINE_WORDS = 30
#: Question or exclamation headlines ("Kommt jetzt die Wende?") are short;
#: a longer first line ending in "?" is a body sentence.
MAX_QUESTION_HEADLINE_WORDS = 12
#: Captions under the headline ("Treffen von Selenskyj mit dem NATO-Generalsekretär",
#: six words) are a noun phrase, not a sentence; 15 words covers two-part captions.
MAX_CAPTION_WORDS = 15
#: Items of a link list without bullets are teaser headlines; at most this many
#: lines after a list header are taken, so a missing blank line cannot swallow the story.
MAX_LIST_ITEMS = 8
#: A boilerplate *line* marker (newsletter, cookie, credit) only applies to
#: short lines; a 40-word paragraph that mentions cookies is news.
MAX_BOILERPLATE_LINE_WORDS = 40
#: A first line ending in a period is a headline only as a colon headline
#: ("Ohne Druck …: Worüber Selenskyj … sprach.", 18 words) set off by a blank
#: line.  Lead sentences with a colon mostly run longer: with this rule and
#: 20 words, first lines taken as headlines on the 700 WikiNews train
#: articles (which have no headline line) fell from 26 to 7.
MAX_COLON_HEADLINE_WORDS = 20

#: Whether a web page's closing block (:mod:`wortlaut.structure.closing`) is boilerplate.
CLOSING_BLOCKS = True

#: An author box is a short bio (two or three sentences); a longer paragraph
#: after a "Zur Person" header is an interview answer, not a box.
MAX_AUTHOR_BOX_WORDS = 60

_BULLET = re.compile(r"^(?:[-–—•*·▪►>]|\d{1,2}[.)])\s+\S")
_BULLET_PREFIX = re.compile(r"^[-–•*·▪►]\s+")
_LINK_ONLY = re.compile(r"^(?:pic\.twitter\.com/\S+|https?://\S+)$")


@dataclass(frozen=True, slots=True)
class StructureRules:
    """The rules' resources: boilerplate markers, month names, post prefixes, agency tags.

    Built once (:meth:`load` reads the data files); :meth:`analyse` then reads
    one text's line layout into a :class:`~wortlaut.article.Structure`.
    """

    markers: Markers
    months: dict[str, int]
    prefixes: re.Pattern[str] | None
    agencies: AgencyTags

    @classmethod
    def load(cls) -> StructureRules:
        """The rules with the default data files of ``lang/de``."""
        return cls(
            markers=load_markers(),
            months=load_months(),
            prefixes=load_post_prefixes(),
            agencies=load_agencies(),
        )

    def analyse(self, text: str, hints: dict[str, object] | None, title: str | None) -> Structure:
        """Structure of ``text``; ``hints`` are the HTML reader's page hints, ``title`` its headline.

        ``languages`` is left empty: the language stage fills it in.
        """
        lines = split_lines(text)
        roles = [Role.BODY] * len(lines)
        page = page_blocks(text, lines, roles, hints, title) if hints is not None else None
        boilerplate = (page.boilerplate if page else []) + self._boilerplate(text, lines, roles)
        if page is not None and CLOSING_BLOCKS:
            boilerplate += closing_block(text, lines, roles)
            boilerplate += reader_tail(text, lines, roles)
            boilerplate += closing_fragments(text, lines, roles)
        posts = self._posts(text, lines, roles)
        if page is not None:
            headline, captions = page.headline, page.captions
        else:
            headline = self._headline(lines, roles)
            captions = self._captions(lines, roles) if headline is not None else []
        captions += self._caption_lines(lines, roles)
        stamps, entries = _entries(text, lines, roles)
        return Structure(
            headline=headline,
            captions=tuple(sorted(captions, key=lambda span: span.start)),
            paragraphs=tuple(self._paragraphs(text, lines, roles)),
            posts=tuple(posts),
            boilerplate=tuple(sorted(boilerplate + stamps, key=lambda span: span.start)),
            languages=(),
            kicker=page.kicker if page else None,
            lead=page.lead if page else None,
            entries=tuple(entries),
        )

    # -- boilerplate ---------------------------------------------------------

    def _boilerplate(self, text: str, lines: list[Line], roles: list[Role]) -> list[Span]:
        spans: list[Span] = []
        index = 0
        while index < len(lines):
            line = lines[index]
            label = self._line_label(line) if roles[index] is Role.BODY else None
            if label is None:
                index += 1
                continue
            last = _list_end(lines, index) if label == "list" else index
            if (
                label == "author"
                and index + 1 < len(lines)
                and lines[index + 1].words <= MAX_AUTHOR_BOX_WORDS
            ):
                last = index + 1  # the box header and the bio under it
            for position in range(index, last + 1):
                roles[position] = Role.BOILERPLATE
            end = lines[last].end
            spans.append(Span(start=line.start, end=end, text=text[line.start : end], label=label))
            index = last + 1
        return spans

    def _line_label(self, line: Line) -> str | None:
        """``list`` for a link-list header, a marker's label for a short boilerplate line, else None.

        A list bullet in front ("- Lesedauer etwa 2 Min", how trafilatura writes
        the items of a tool bar) does not hide a service line.
        """
        text = _BULLET_PREFIX.sub("", line.text)
        if self.markers.is_list_header(text):
            return "list"
        if self.markers.is_box_header(text):
            return "author"
        if line.words > MAX_BOILERPLATE_LINE_WORDS:
            return None
        if self.agencies.is_tag_line(text):
            return "credit"
        return self.markers.boilerplate_label(text)

    def _caption_lines(self, lines: list[Line], roles: list[Role]) -> list[Span]:
        """Short body lines that end in a photo credit ("… (Foto: Stadt Nordhausen)") are captions."""
        found = []
        for index, line in enumerate(lines):
            if (
                roles[index] is Role.BODY
                and line.words <= MAX_BOILERPLATE_LINE_WORDS
                and self.markers.is_caption_line(line.text)
            ):
                roles[index] = Role.CAPTION
                found.append(Span(start=line.start, end=line.end, text=line.text))
        return found

    # -- posts ---------------------------------------------------------------

    def _posts(self, text: str, lines: list[Line], roles: list[Role]) -> list[Post]:
        posts: list[Post] = []
        for index, line in enumerate(lines):
            if roles[index] is not Role.BODY:
                continue
            signature = parse_signature(line.text, self.months, self.prefixes)
            if signature is None:
                continue
            roles[index] = Role.POST
            sig_start = line.start + signature.start
            text_start, text_end = _post_text(lines, roles, index, sig_start)
            posts.append(
                Post(
                    start=text_start,
                    end=text_end,
                    text=text[text_start:text_end],
                    author=signature.author,
                    handle=signature.handle,
                    date=signature.date,
                    signature=Span(start=sig_start, end=line.end, text=text[sig_start : line.end]),
                )
            )
        return posts

    # -- headline and caption ------------------------------------------------

    def _headline(self, lines: list[Line], roles: list[Role]) -> Span | None:
        if len(lines) < 2 or roles[0] is not Role.BODY or not _is_headline(lines):
            return None
        roles[0] = Role.HEADLINE
        first = lines[0]
        return Span(start=first.start, end=first.end, text=first.text)

    def _captions(self, lines: list[Line], roles: list[Role]) -> list[Span]:
        if len(lines) < 3 or roles[1] is not Role.BODY:
            return []
        line = lines[1]
        if not 2 <= line.words <= MAX_CAPTION_WORDS or ends_sentence(line.text) or _BULLET.match(line.text):
            return []
        roles[1] = Role.CAPTION
        return [Span(start=line.start, end=line.end, text=line.text)]

    # -- body ----------------------------------------------------------------

    def _paragraphs(self, text: str, lines: list[Line], roles: list[Role]) -> list[Span]:
        """Body lines, one paragraph each, except hard-wrapped lines, which are joined."""
        groups: list[list[Line]] = []
        previous: Line | None = None
        for index, line in enumerate(lines):
            if roles[index] is not Role.BODY:
                previous = None
                continue
            if previous is not None and _continues(previous, line):
                groups[-1].append(line)
            else:
                groups.append([line])
            previous = line
        return [_span(text, group[0].start, group[-1].end) for group in groups]


def _is_headline(lines: list[Line]) -> bool:
    """A first line without final punctuation, a short question, or a colon headline before a blank line."""
    first, second = lines[0], lines[1]
    if not 2 <= first.words <= MAX_HEADLINE_WORDS or _BULLET.match(first.text) or _continues(first, second):
        return False
    if not ends_sentence(first.text):
        return True
    if first.text.endswith(("?", "!")) and first.words <= MAX_QUESTION_HEADLINE_WORDS:
        return True
    return second.blank_before > 0 and ": " in first.text and first.words <= MAX_COLON_HEADLINE_WORDS


def _list_end(lines: list[Line], header: int) -> int:
    """Index of the last item of the link list whose header is at ``header``."""
    last = header
    bullets = False
    for index in range(header + 1, min(len(lines), header + 1 + MAX_LIST_ITEMS)):
        line = lines[index]
        if _BULLET.match(line.text):
            bullets = True
        elif bullets or ends_sentence(line.text) or (index > header + 1 and line.blank_before):
            break
        last = index
    return last


def _post_text(lines: list[Line], roles: list[Role], signature: int, sig_start: int) -> tuple[int, int]:
    """Offsets of the post text: before the dash on the signature line, else the line(s) above."""
    line = lines[signature]
    lead = line.text[: sig_start - line.start].rstrip()
    if lead:
        return line.start, line.start + len(lead)
    first = _post_start(lines, roles, signature)
    if first is None:
        return sig_start, sig_start
    for position in range(first, signature):
        roles[position] = Role.POST
    return lines[first].start, lines[signature - 1].end


def _post_start(lines: list[Line], roles: list[Role], signature: int) -> int | None:
    """First line of the post text before a signature line (the link line joins its text)."""
    first = signature - 1
    if first < 0 or roles[first] is not Role.BODY:
        return None
    if _LINK_ONLY.match(lines[first].text) and first > 0 and roles[first - 1] is Role.BODY:
        first -= 1
    return first


def _continues(previous: Line, line: Line) -> bool:
    """A hard-wrapped continuation: no blank line, no sentence end, and a sure sign of a cut.

    German capitalises nouns, so a capital letter says nothing; only a
    lower-case start or a line ending in a comma or hyphen marks a wrap.
    """
    if line.blank_before or ends_sentence(previous.text):
        return False
    return line.text[:1].islower() or previous.text.endswith((",", "-", "–"))


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def _entries(text: str, lines: list[Line], roles: list[Role]) -> tuple[list[Span], list[Entry]]:
    """Live-blog stamp lines (as boilerplate, label ``timestamp``) and the entries under them."""
    found = find_entries([line.text for line in lines], [role is Role.BODY for role in roles])
    stamps, entries = [], []
    for item in found:
        stamp_line = lines[item.stamp]
        stamp = Span(start=stamp_line.start, end=stamp_line.end, text=stamp_line.text, label="timestamp")
        if item.own_line and roles[item.stamp] is Role.BODY:
            roles[item.stamp] = Role.BOILERPLATE
            stamps.append(stamp)
        start, end = lines[item.lines[0]].start, lines[item.lines[-1]].end
        entries.append(Entry(start=start, end=end, text=text[start:end], time=item.time, stamp=stamp))
    return stamps, entries
