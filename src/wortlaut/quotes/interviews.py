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

Radio transcripts label every turn instead (``Fischer: …`` / ``Precht: …``), and many questions there end
without a question mark (``Fischer: Und die Pferdekutschen …``), so the answers after them went unread and
their clauses came out as duplicate fragments (issue 12, fourteenth session: 6 of the 9 duplicate fragments
of the 68 development pages).  A page whose lines open with two speaker labels, each at least
:data:`MIN_TURNS` times, reads as such a transcript: the voice asking more questions is the interviewer's.
Inside a question, a statement stays when the interviewer reports someone else's words: its speaker is the
interviewee (``Sie haben befürchtet, dass …``) or a named third party (:data:`QUESTION_REPORTS`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from wortlaut.article import Mention
from wortlaut.quotes.context import Context
from wortlaut.quotes.found import Found, Range
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
#: The interview starts at its first question that addresses the interviewee: a teaser's question before it
#: (``Müssen Infizierte unbedingt ins Krankenhaus? Der Palliativmediziner … erklärt, warum …``) asks the
#: reader, its sentence after the question is the page's lead, and the interviewee is named there, not
#: before it (fourteenth issue-12 session: two of the 68 development pages).
LEADING_TEASERS = True
#: An answer has at least this many words (a shorter rest after a question is a teaser, not an answer).
MIN_ANSWER_WORDS = 8
#: Rules of statements without a frame of their own: outside the answers they are the interviewee's.
FRAMELESS = frozenset({"direct.unframed"})
#: Emit each answer as a statement (the own pages' guidelines: optional statements; quotes-wikinews
#: annotates no interview at all, and its three interviews lose 0.01 joint F1 with them).
ANSWER_STATEMENTS = False
#: Lines each of two speaker labels must open for a page to read as a labelled transcript (the 68 development
#: pages: two transcripts, 8 and 27-31 labelled lines per voice; no other page has two labels on 3 lines).
MIN_TURNS = 4
#: Keep a statement inside a question when its speaker is the interviewee or a named third party (the own
#: pages' guidelines count such reports as needed; before, every statement in a question was dropped).
QUESTION_REPORTS = True
#: The interviewee named before the first question is the first person named there with a full name (two words
#: or more: a page introduces its guest by first and last name), else the first person named; a lone word the
#: tagger read as a person in a headline (``Pädophilie als politisches Machtinstrument``) is no guest.
FULL_NAME_GUEST = True
#: Entity types whose name in a question's speaker phrase is a third party the interviewer reports (any noun
#: phrase instead: one more false statement on the 68 development pages, a conference's call in a question).
_NAMED = frozenset({"PER", "ORG"})
#: A speaker label opening a transcript line (a capitalised name of one to three words and a colon).
_TURN = re.compile(r"([A-ZÄÖÜ][\w.-]*(?: [\w.-]+){0,2}):\s")
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
    addressed = [_addresses(ctx.text[question[0] : question[1]]) for question, _ in units]
    if len(units) < MIN_ANSWERS or sum(addressed) < MIN_ADDRESSED:
        return []
    return units[addressed.index(True) :] if LEADING_TEASERS else units


def _addresses(question: str) -> bool:
    """Whether a question is an interviewer's: it speaks to someone (a du- or Sie-form) or carries the
    interviewer's label.  Explainers and reports ask the reader's questions (``Was bedeutet das?``,
    ``Wird die Grenze geschlossen?``) in the third person; read as interviews, their reported statements
    would be dropped (before this check 19 of the 144 news-html pages read as interviews, seven of them
    wrongly)."""
    return bool(_LABEL.match(question)) or addresses_reader(question)


def labelled_turns(ctx: Context) -> tuple[list[Range], list[Range], str] | None:
    """The interviewer's turns, the interviewee's turns and the interviewee's label word of a labelled
    transcript, else None.  A turn runs from its label to the next label or quotation line (a pull quote)."""
    lines = _lines(ctx)
    labels = [_TURN.match(ctx.text, start, end) for start, end in lines]
    counts = Counter(match.group(1).split()[-1] for match in labels if match)
    voices = [voice for voice, count in counts.most_common(2) if count >= MIN_TURNS]
    if len(voices) < 2:
        return None
    turns: list[tuple[str, int, int]] = []
    going = False  # whether the last turn goes on into the next unlabelled line
    for (start, end), match in zip(lines, labels, strict=True):
        voice = match.group(1).split()[-1] if match else ""
        if voice in voices:
            turns.append((voice, start, end))
            going = True
        elif ctx.text[start] in _OPENING_MARKS:
            going = False  # a pull quote between the turns
        elif going:
            turns[-1] = (turns[-1][0], turns[-1][1], end)
    asked = Counter({voice: 0 for voice in voices})
    for voice, start, end in turns:
        asked[voice] += ctx.text.count("?", start, end)
    interviewer = max(voices, key=lambda voice: (asked[voice], -next(t[1] for t in turns if t[0] == voice)))
    guest = next(voice for voice in voices if voice != interviewer)
    questions = [(start, end) for voice, start, end in turns if voice == interviewer]
    return questions, [(start, end) for voice, start, end in turns if voice == guest], guest


def _inside(item: Found, parts: Sequence[tuple[int, int]]) -> bool:
    return any(start <= item.start and item.end <= stop for start, stop in parts)


def _unquoted(ctx: Context, mention: Mention) -> bool:
    return ctx.quote_of[min(ctx.token_at(mention.start), len(ctx.tokens) - 1)] < 0


def _interviewee(ctx: Context, mentions: Sequence[Mention], first: int, label: str | None) -> Range | None:
    """The interviewee: a transcript's person named by the guest's label word, else the first person named
    before the first question."""
    people = [
        mention
        for mention in sorted(mentions, key=lambda mention: mention.start)
        if mention.type == "PER" and _unquoted(ctx, mention)
    ]
    if label is not None:
        named = next((m for m in people if ctx.text[m.start : m.end].split()[-1] == label), None)
        if named is not None:
            return named.start, named.end
    before = [m for m in people if m.end <= first]
    full = [m for m in before if FULL_NAME_GUEST and len(ctx.text[m.start : m.end].split()) > 1]
    return next(((m.start, m.end) for m in full or before), None)


def _reports(ctx: Context, item: Found, mentions: Sequence[Mention], person: Range) -> bool:
    """Whether a statement inside a question reports someone's words: a declarative sentence (``Warum sind
    Sie so sicher, dass …?`` asks) whose speaker is the interviewee (then set to the person) or holds the name
    of a person or organisation other than the interviewee (``Herr Bartsch, …`` calls him), outside the
    interviewer's label."""
    if item.speaker is None or ctx.tokens[ctx.sentences[item.sentence][1] - 1].text == "?":
        return False
    begin, end = item.speaker
    text = ctx.text[begin:end]
    last = text.split()[-1] if text.split() else ""  # ``Herr Professor Borasio, Sie``: a vocative before it
    if ctx.lexicon.has("interview_partner", last.casefold()) and last not in ("sie", "ihnen"):
        item.speaker = person  # lower-case sie, ihnen: she, they
        return True
    labelled = _LABEL.match(ctx.text, ctx.text.rfind("\n", 0, begin) + 1)
    if labelled is not None and begin < labelled.end():
        return False  # the interviewer's own label (``Fischer: Und das bedeutet …``)
    guest = ctx.text[person[0] : person[1]].split()[-1]
    named = (m for m in mentions if m.type in _NAMED and m.kind == "name" and m.start < end and begin < m.end)
    return any(guest not in mention.text.split() for mention in named)


def interviews(ctx: Context, found: list[Found], mentions: Sequence[Mention]) -> list[Found]:
    """``found`` with the statements inside answers dropped, and inside questions unless they report
    someone's words (see the module); with :data:`ANSWER_STATEMENTS` each answer is the interviewee's."""
    transcript = labelled_turns(ctx)
    if transcript is not None:
        questions, answers, label = transcript
    else:
        units = interview_answers(ctx)
        questions, answers, label = [q for q, _ in units], [a for _, a in units], None
    if not answers:
        return found
    person = _interviewee(ctx, mentions, min(questions + answers)[0], label)
    if person is None:
        return found
    kept = [
        item
        for item in found
        if not _inside(item, answers)
        and (not _inside(item, questions) or (QUESTION_REPORTS and _reports(ctx, item, mentions, person)))
    ]
    for item in kept:
        if item.rule in FRAMELESS and item.speaker is None:
            item.speaker = person
    if not ANSWER_STATEMENTS:
        return kept
    statements = [
        Found(
            mode="direct",
            quote=[answer],
            rule="direct.interview",
            sentence=ctx.sentence_of[min(ctx.token_at(answer[0]), len(ctx.tokens) - 1)],
            speaker=person,
            medium="speech",
        )
        for answer in answers
    ]
    return sorted(kept + statements, key=lambda item: item.start)
