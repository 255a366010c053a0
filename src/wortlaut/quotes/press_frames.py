"""Press-release frames: ``Dazu erklärt X:`` on a line of its own, then X's words without quotation marks.

Press releases of parties, ministries and associations introduce a statement with a frame sentence that
ends in a colon and a line break (``Dazu erklärt die Vorsitzende Marion Keller:``, ``Jonas Brandt erklärt
dazu:``, ``Hierzu sagt X:``) and print the statement as plain paragraphs.  The quotation rules only read
colons followed by quotation marks, so these statements were missed (issue 12, ninth session, second
round).  Each paragraph from the line after the frame to the line before the next frame, a heading (a
line that does not end like a sentence), text the structure stage marks as boilerplate, or the end is a
statement of the frame's speaker (thirteenth session: one per paragraph, as the own pages' guidelines
count a press statement; a frame may end a paragraph that starts with other sentences).
"""

from __future__ import annotations

from wortlaut.quotes.context import OPENERS, Context
from wortlaut.quotes.cues import find_cues
from wortlaut.quotes.found import Found

#: A frame sentence is short: a cue, its subject and an adverb (``dazu``); longer colon sentences end
#: a narrative sentence (``… und nannte drei Gründe:``) and open lists more often than statements.
MAX_FRAME_TOKENS = 16
#: A paragraph line that ends like a sentence (a heading or a list label does not).
_SENTENCE_ENDS = (".", "!", "?", "“", "”", '"', "«", "»", ")", "…")


def _frame_speaker(ctx: Context, sentence: int) -> tuple[tuple[int, int], list[tuple[int, int]], str] | None:
    """Speaker range, cue ranges and medium of a frame sentence that ends in ``:`` and a line break."""
    begin, end = ctx.sentences[sentence]
    if not 2 < end - begin <= MAX_FRAME_TOKENS or not ctx.tokens[end - 1].low.endswith(":"):
        return None  # the tokenizer may keep a bracket with the colon: "erklärt Max Müller (SPD):"
    colon = ctx.tokens[end - 1].end
    if ctx.text[colon:].split("\n", 1)[0].strip():
        return None  # the frame ends its paragraph, and the statement starts on a new line
    if any(ctx.quote_of[index] >= 0 for index in range(begin, end)):
        return None
    for cue in find_cues(ctx.tokens, begin, end, ctx.lexicon, set()):
        speaker = ctx.speaker_of(cue, begin, end)
        if speaker is not None:
            cues = [ctx.chars(part, part + 1) for part in cue.parts]
            return ctx.chars(*speaker), cues, cue.verb.medium
    return None


def _is_frame_line(ctx: Context, line: str, offset: int) -> bool:
    """Whether the line at ``offset`` is itself a frame (the next speaker's statement starts after it)."""
    if not line.rstrip().endswith(":"):
        return False
    first = ctx.token_at(offset + len(line) - len(line.lstrip()))
    return first < len(ctx.tokens) and _frame_speaker(ctx, ctx.sentence_of[first]) is not None


def _body_after(ctx: Context, colon: int) -> list[tuple[int, int]]:
    """Character ranges of the unquoted paragraphs after a frame's colon, one per paragraph (the press
    statement's paragraphs are statements of their own, as a quotation that follows without a frame is)."""
    offset = ctx.text.find("\n", colon) + 1
    paragraphs: list[tuple[int, int]] = []
    while 0 < offset < len(ctx.text):
        line_end = ctx.text.find("\n", offset)
        line_end = len(ctx.text) if line_end < 0 else line_end
        line = ctx.text[offset:line_end]
        content = line.strip()
        if content:
            first = ctx.token_at(offset + len(line) - len(line.lstrip()))
            if first >= len(ctx.tokens) or ctx.tokens[first].start >= line_end:
                break  # boilerplate: the tokens skip it
            if not paragraphs and content[0] in OPENERS:
                return []  # a quotation: the direct rules read it
            if not content.endswith(_SENTENCE_ENDS) or _is_frame_line(ctx, line, offset):
                break
            start = offset + len(line) - len(line.lstrip())
            stop = offset + len(line.rstrip())
            paragraphs.append((start, stop - 1 if ctx.text[stop - 1] == "." else stop))
        offset = line_end + 1
    return paragraphs


def press_statements(ctx: Context) -> list[Found]:
    """Statements opened by press-release frames, each with the frame's subject as speaker."""
    found = []
    for sentence in range(len(ctx.sentences)):
        frame = _frame_speaker(ctx, sentence)
        if frame is None:
            continue
        speaker, cues, medium = frame
        for body in _body_after(ctx, ctx.tokens[ctx.sentences[sentence][1] - 1].end):
            found.append(
                Found(
                    mode="direct",
                    quote=[body],
                    rule="press.frame",
                    sentence=sentence,
                    cue=cues,
                    speaker=speaker,
                    medium=medium,
                )
            )
    return found
