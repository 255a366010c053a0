"""Interviews printed without quotation marks: question, then the interviewee's answer.

An interview page prints each question (in bold, lost in the text) and the answer after it, as the rest of
the question's paragraph or as the next paragraph, with no quotation marks and no speech verb.  The rules
read nothing there, or a Konjunktiv clause inside an answer (``Die Idee war, dass … liege``) as a statement
of its own, a duplicate fragment of the answer (issue 12, eleventh session); pull quotes between the
paragraphs, quotations without a frame, took the last person named inside an answer as their speaker.  On
a page with at least :data:`MIN_ANSWERS` such answers, statements inside a question or an answer are part of
it and dropped, and frameless quotations outside the answers are the interviewee's (the first person named
before the first question).  With :data:`ANSWER_STATEMENTS` each answer becomes one direct statement by the
interviewee; it is off because quotes-wikinews annotates no interview (train 3-fold CV joint F1 0.7567
without, 0.7458 with) and the own pages' guidelines make answers optional statements.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wortlaut.article import Mention
from wortlaut.quotes.context import Context
from wortlaut.quotes.found import Found
from wortlaut.structure.closing import addresses_reader

#: Question–answer units a page needs to read as an interview (the 38 development pages: the interview has
#: 10, no other page more than 3; quotes-wikinews/train: its three interviews 6-8, no other article over 3).
MIN_ANSWERS = 4
#: Questions of an interview that address the interviewee (a du- or Sie-form, or the interviewer's label).
#: The lead read the question lines of the 19 of 144 news-html pages that have >= MIN_ANSWERS question-answer
#: units (2026-12-07): eleven interviews address their guest in 3-14 questions, a twelfth in one (missed: it
#: keeps the reading it had before interviews were read); the seven others (reports and a commentary asking
#: the reader's questions, a speech, a forum thread, product rumours) in 0 or 1.  quotes-wikinews/train's
#: three interviews: 2, 2 and 5.  So two.
MIN_ADDRESSED = 2
#: An answer has at least this many words (a shorter rest after a question is a teaser, not an answer).
MIN_ANSWER_WORDS = 8
#: Rules of statements without a frame of their own: outside the answers they are the interviewee's.
FRAMELESS = frozenset({"direct.unframed", "direct.unframed_short"})
#: Emit each answer as a statement (the own pages' guidelines: optional statements; quotes-wikinews
#: annotates no interview at all, and its three interviews lose 0.01 joint F1 with them).
ANSWER_STATEMENTS = False
#: An interviewer's label opening a question line (``HSS:``, ``Korinna Hennig:``, ``fluter.de:``).
_LABEL = re.compile(r"[\w.-]+(?: [\w.-]+){0,2}:\s")
_QUESTION_END = re.compile(r"\?(?=\s|$)")
_OPENING_MARKS = '„"»“«‚'


def _lines(ctx: Context) -> list[tuple[int, int]]:
    """Character ranges of the non-empty, non-boilerplate lines (stripped)."""
    lines, offset = [], 0
    for line in ctx.text.split("\n"):
        content = line.strip()
        if content:
            start = offset + line.index(content)
            first = ctx.token_at(start)
            if first < len(ctx.tokens) and ctx.tokens[first].start < start + len(content):
                lines.append((start, start + len(content)))
        offset += len(line) + 1
    return lines


def _answer(
    ctx: Context, line: tuple[int, int], following: tuple[int, int] | None
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The question and the answer it introduces (the rest of its line after the first question mark, or
    the next line), as character ranges, or None."""
    text = ctx.text[line[0] : line[1]]
    end = _QUESTION_END.search(text)
    if end is None or text[0] in _OPENING_MARKS:
        return None
    rest = text[end.end() :]
    if rest.strip():
        start = line[0] + end.end() + len(rest) - len(rest.lstrip())
        question, answer = (line[0], start), (start, line[1])
    elif following is not None and ctx.text[following[0]] not in _OPENING_MARKS:
        question, answer = line, following
    else:
        return None
    words = ctx.text[answer[0] : answer[1]]
    if len(words.split()) < MIN_ANSWER_WORDS or words.endswith("?"):
        return None
    return question, answer


def interview_answers(ctx: Context) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The (question, answer) character ranges of a page that reads as an interview, else none: at least
    :data:`MIN_ANSWERS` units, :data:`MIN_ADDRESSED` of whose questions address the interviewee."""
    lines = _lines(ctx)
    units: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for number, line in enumerate(lines):
        unit = _answer(ctx, line, lines[number + 1] if number + 1 < len(lines) else None)
        if unit is not None and (not units or unit[0][0] >= units[-1][1][1]):
            units.append(unit)
    addressed = sum(_addresses(ctx.text[question[0] : question[1]]) for question, _ in units)
    return units if len(units) >= MIN_ANSWERS and addressed >= MIN_ADDRESSED else []


def _addresses(question: str) -> bool:
    """Whether a question is an interviewer's: it speaks to someone (a du- or Sie-form) or carries the
    interviewer's label.  Explainers and reports ask the reader's questions (``Was bedeutet das?``,
    ``Wird die Grenze geschlossen?``) in the third person; read as interviews, their reported statements
    would be dropped (before this check 19 of the 144 news-html pages read as interviews, seven of them
    wrongly)."""
    return bool(_LABEL.match(question)) or addresses_reader(question)


def _inside(item: Found, parts: Sequence[tuple[int, int]]) -> bool:
    return any(start <= item.start and item.end <= stop for start, stop in parts)


def interviews(ctx: Context, found: list[Found], mentions: Sequence[Mention]) -> list[Found]:
    """``found`` with each interview answer as the interviewee's direct statement and the statements inside
    questions and answers dropped (see the module)."""
    units = interview_answers(ctx)
    if not units:
        return found
    first = units[0][0][0]
    person = next(
        (
            (mention.start, mention.end)
            for mention in sorted(mentions, key=lambda mention: mention.start)
            if mention.type == "PER"
            and mention.end <= first
            and ctx.quote_of[min(ctx.token_at(mention.start), len(ctx.tokens) - 1)] < 0
        ),
        None,
    )
    if person is None:
        return found
    parts = [part for unit in units for part in unit]  # questions are no statements, answers are one
    kept = [
        item for item in found if not any(start <= item.start and item.end <= stop for start, stop in parts)
    ]
    for item in kept:
        if item.rule in FRAMELESS and item.speaker is None:
            item.speaker = person
    statements = [
        Found(
            mode="direct",
            quote=[answer],
            rule="direct.interview",
            sentence=ctx.sentence_of[min(ctx.token_at(answer[0]), len(ctx.tokens) - 1)],
            speaker=person,
            medium="speech",
        )
        for _, answer in units
    ]
    if not ANSWER_STATEMENTS:
        return kept
    return sorted(kept + statements, key=lambda item: item.start)
