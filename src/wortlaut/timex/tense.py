"""Which way a clause looks in time (past or future), for weekdays and month names without a year.

Evidence, nearest first: the morph stage's ``Token.tense`` on finite verbs when the article
has tokens, cue words from ``lang/de/time_tense_cues.tsv`` (``soll``, ``wird``, ``hatte``), and
perfect tense (``hat … getroffen``).  Clause boundaries (commas) are preferred, then the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wortlaut.article import Token
from wortlaut.timex import attached

WORD = re.compile(r"\w+")
#: Words of the participle's shape that are no participles (``ist am Montag gegen 10 Uhr``).
NOT_PARTICIPLE = r"(?!(?:gegen|geben|gehen|gelten|gerade|genügend|gestern)\b)"
PERFECT = re.compile(
    rf"\b(?:ist|sind|hat|haben|war|waren)\b(?:\W+\w+){{0,8}}?\W+{NOT_PARTICIPLE}(ge\w+(?:t|en))\b"
    rf"|\b{NOT_PARTICIPLE}(ge\w+(?:t|en))\s+(?:hat|haben|ist|sind)\b"
)
CLAUSE_BREAK = re.compile(r"[,;:–]")
#: The target of a postponement: ``auf (den) Freitag verschoben`` (not ``das am Sonntag erwartete
#: Urteil wurde vertagt``, where Sunday is when it was expected).
MOVED_TO = re.compile(r"\bauf\s+(?:den\s+|die\s+|das\s+|kommenden\s+|nächsten\s+)?$")
#: A copula right before the time expression (``ist am Montag``, ``sind erst ab Mai``) ...
PREDICATE = re.compile(r"\w+\s+(?:(?:erst|schon|bereits|nun|jetzt)\s+)?(?:am|an|ab|bis|im|zu)?\s*")
#: ... and nothing after it but a clock time before the clause ends: then the expression is the predicate
#: (``Die Abstimmung ist am Montag.``); with more words the copula is usually a perfect-tense auxiliary
#: whose participle comes last (``ist am Sonntag in den Jemen zurückgekehrt``).
CLAUSE_END = re.compile(r"\s*(?:(?:um|gegen|ab)\s+\d{1,2}(?:[.:]\d\d)?\s*Uhr)?\s*[.!?)]*\s*")

#: An attribute with a present participle (Partizip I) around the expression: ``der am Montag beginnenden
#: US Open``, ``das ab Donnerstag stattfindende Treffen``, ``das am Dienstag auslaufende Programm``. The
#: participle names what is under way at the time of speaking, so without a tensed verb in the clause the
#: day lies ahead.
ATTRIBUTE_BEFORE = re.compile(
    r"(?<!\w)(?:der|die|das|den|dem|des|zum|zur|beim|vom|einer|eine|einen|einem|eines)\s+(?:am|ab|an)\s+$",
    re.IGNORECASE,
)
PARTICIPLE_I_AFTER = re.compile(r"\s+[a-zäöü]\w*end(?:e|en|er|es|em)(?!\w)")

#: A day that opens its clause with ``Am`` right before a finite verb in the present tense (``Am Montag liegt
#: das alles hinter ihm``, ``Am Samstag findet …``, ``Am Sonntag spielt …``): in news the present tense with a
#: day announces, so the day lies ahead. The verb is a lower-case word in ``-t`` (the third person singular;
#: plurals in ``-en`` are too often strong preterites, ``kamen``, ``lagen``), no auxiliary of a perfect
#: (``hat``, ``ist``) and no adverb or preposition of that shape; strong preterites in ``-t`` (``hielt``,
#: ``trat``) are past cues in ``time_tense_cues.tsv`` and decide before this rule.
PRESENT_OPENING = re.compile(r"[\s„\"»(]*Am\s+$")
PRESENT_VERB_AFTER = re.compile(
    r"\s+(?!(?:hat|haben|ist|sind|nicht|jetzt|erst|zuerst|zuletzt|selbst|sonst|meist|gegen|wegen|eben|neben"
    r"|zwischen|morgen|abend|nachmittag|vormittag|mittag|binnen|bereits|wieder|dann|nun|noch|dort|hier"
    r"|unter|hinter|seit|mit|nach|zum|zur|um|auf|aus|bei|in|im|vom)\b)[a-zäöü]\w*t\b"
)

#: A day explained by a ``wenn`` clause right after it (``Am Montag, wenn … endet``): ``wenn`` names a single
#: time only ahead (a past one takes ``als``: ``Am Montag, als …``), so the day lies ahead.
WHEN_AFTER = re.compile(r"\s*,\s*wenn(?!\w)")

#: Cue strengths: a postponement beats tense, tense beats a bare present.
STRONG, WEAK = frozenset({"moved"}), frozenset({"present"})


def _token_direction(tense: str | None) -> str | None:
    """Map a morph-stage tense label to a direction (``present`` is weak evidence for the future)."""
    label = (tense or "").lower()
    if label.startswith(("past", "pret", "perf", "plu", "imperf")):
        return "past"
    if label.startswith("fut"):
        return "future"
    return None


def cues(
    sentence: str, offset: int, cue_words: dict[str, str], tokens: Sequence[Token]
) -> list[tuple[int, str]]:
    """(position, direction) pairs found in a sentence starting at ``offset``."""
    found = [
        (offset + match.start(), cue_words[match.group()])
        for match in WORD.finditer(sentence)
        if cue_words.get(match.group(), "report") != "report"
    ]
    found += [(offset + match.start(), "past") for match in PERFECT.finditer(sentence)]
    for token in tokens:
        if token.mood in {"sub1", "sub2"}:
            continue
        direction = _token_direction(token.tense)
        if direction is not None:
            found.append((token.start, direction))
    return found


def direction_at(
    position: int,
    sentence: str,
    offset: int,
    cue_words: dict[str, str],
    tokens: Sequence[Token] = (),
    *,
    end: int | None = None,
) -> str | None:
    """The direction of the nearest cue to ``position`` in its own clause (``None`` without one).

    A postponement (``auf Freitag verschoben``) points ahead; otherwise the nearest past or future
    cue decides; without one, a present copula whose predicate is the expression looks ahead
    (``Die Abstimmung ist am Montag`` announces).

    Cues in other clauses of the sentence mislead more than they help (``kam sie nicht, …:
    Hochkofler gastiert am 9. Dezember``), so they are ignored.
    """
    found = cues(sentence, offset, cue_words, tokens)
    local = position - offset
    ahead = _participle_attribute(sentence, local, end - offset if end is not None else None)
    left = max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, local)), default=0)
    ahead = ahead or _present_opening(sentence, left, local, end - offset if end is not None else None)
    ahead = ahead or attached.next_event(sentence, left, local)
    ahead = ahead or (end is not None and WHEN_AFTER.match(sentence, end - offset) is not None)
    if not found:
        return "future" if ahead else None
    right_match = CLAUSE_BREAK.search(sentence, local)
    right = right_match.start() if right_match else len(sentence)
    in_clause = [cue for cue in found if offset + left <= cue[0] < offset + right]
    if any(direction in STRONG for _, direction in in_clause) and MOVED_TO.search(sentence, left, local):
        return "future"
    tensed = [cue for cue in in_clause if cue[1] not in WEAK | STRONG]
    if tensed:
        return min(tensed, key=lambda cue: abs(cue[0] - position))[1]
    if ahead:
        return "future"
    weak = [cue for cue in in_clause if cue[1] in WEAK]
    final = end is not None and CLAUSE_END.fullmatch(sentence, end - offset, right) is not None
    predicate = any(PREDICATE.fullmatch(sentence, cue[0] - offset, local) for cue in weak)
    return "future" if final and predicate else None


def _participle_attribute(sentence: str, start: int, end: int | None) -> bool:
    """Whether the expression at ``start``..``end`` stands in an attribute before a present participle
    (``der am Montag beginnenden``)."""
    if end is None or PARTICIPLE_I_AFTER.match(sentence, end) is None:
        return False  # the participle first: it is rare, so most expressions stop here
    return ATTRIBUTE_BEFORE.search(sentence, max(0, start - 16), start) is not None


#: The same announcement with the subject first: a main clause whose subject (an article, up to three
#: lower-case attributes, one or two capitalised words) is followed by a present-tense verb in ``-t`` in
#: second place and then ``am`` (``Das Rückspiel geht am Mittwoch über die Bühne``, ``Arsenal kämpft am
#: Dienstag``, ``Der Komponist gastiert am Sonntag``). Not a preterite in ``-te`` (``sagte am Montag``), an
#: auxiliary or modal (``hat am Montag beschlossen``, ``wird``, ``soll``: their own cues decide) or a strong
#: preterite in ``-t`` (``hielt``, ``trat``).
PRESENT_SECOND = re.compile(
    r"[\s„\"»(]*(?:(?:Der|Die|Das|Ein|Eine|Sein|Ihr)\s+(?:[a-zäöü]\w*\s+){0,3})?(?:[A-ZÄÖÜ][\w-]*\s+){1,2}"
    r"(?!(?:hat|ist|wird|soll|will|muss|kann|darf|gilt|hält|tritt|bot|riet|tat|bat|hielt|trat)\b)[a-zäöü]\w*[^e\W]t\s+"
    r"(?:(?:erst|bereits|schon|dann|wieder|nun|noch)\s+)?am\s+$"
)


def _present_opening(sentence: str, left: int, start: int, end: int | None) -> bool:
    """Whether the expression at ``start``..``end`` opens its clause with ``Am`` before a present-tense verb
    (see :data:`PRESENT_OPENING`), or follows one in second place (:data:`PRESENT_SECOND`)."""
    if end is not None and PRESENT_SECOND.fullmatch(sentence, left, start) is not None:
        return True
    if end is None or PRESENT_OPENING.fullmatch(sentence, left, start) is None:
        return False
    return PRESENT_VERB_AFTER.match(sentence, end) is not None
