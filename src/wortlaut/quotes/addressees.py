"""Addressees read off the grammar of the reporting sentence, beyond the cue's own clause.

The WikiNews annotation marks as addressee whom a statement is said to (``sagte der BBC``, ``gegenüber dem
Tagesspiegel``, ``vor der Presse``, ``in einem Interview mit der Sportschau``, ``sagte er zur Sportschau``),
whom a demand or reproach is aimed at (``appellierte an die Lehrkräfte``, ``fordert von der Regierung``,
``Ihm wird vorgeworfen``, ``X wurde aufgefordert``, ``hat die Gemeinden aufgefordert``).  Each marker is a
preposition or a verb frame; the word lists live in ``lang/de/quotes_words.tsv`` (``addressee_*``
categories).  Which markers are on was chosen on quotes-wikinews/train (docs/quality.md, third issue-12
session).
"""

from __future__ import annotations

from collections.abc import Callable

from wortlaut.quotes.context import Context
from wortlaut.quotes.found import Found
from wortlaut.quotes.object_phrases import (
    clause_verbs,
    far_auxiliary,
    prepositional_relative,
    second_conjunct,
    subject_before,
    time_after,
    verb_final_clause,
)
from wortlaut.quotes.speakers import phrase_after, phrase_before

TokenRange = tuple[int, int]
#: Dative pronouns that can stand before a postposed ``gegenüber`` (``Ihr gegenüber hat er angegeben``).
_DATIVE_PRONOUNS = frozenset({"ihm", "ihr", "ihnen", "mir", "uns"})
#: Forms of ``zu`` that open a ``sagte … zur Sportschau`` addressee.
_TO = frozenset({"zu", "zum", "zur"})
#: Prepositions of ``fordert von der Regierung``.
_FROM = frozenset({"von", "vom"})
#: Read the passive subject after the auxiliary when the prefield holds no phrase (see ``_passive_subject``),
#: and a dative pronoun alone in the prefield (``Ihm wird vorgeworfen``).
PASSIVE_MIDFIELD = True
#: ``zu``/``zur`` + a name or a medium is the addressee of a saying verb also a few tokens into the clause
#: (``sagte der Trainer nach dem Spiel zur Sportschau``); before, only right after the verb or its subject.
SAY_TO_ANYWHERE = True
#: Most tokens between the verb (or its inverted subject) and that ``zu``.
SAY_TO_GAP = 5
#: The passive subject of a verb-final clause (``dass X aufgefordert wurde``) is the addressee too.
SUBORDINATE_PASSIVE = True
#: Most tokens between a trigger word and the ``an`` of its addressee (``wandte sich zuletzt wiederholt an``).
MAX_APPEAL_GAP = 4


def _outside(ctx: Context, found: Found, index: int) -> bool:
    """A marker counts only outside quotation marks and outside the statement's own content."""
    start = ctx.tokens[index].start
    return ctx.quote_of[index] < 0 and not found.covers(start, ctx.tokens[index].end)


def named(ctx: Context, phrase: TokenRange) -> bool:
    """The phrase holds a proper name (POS ``NE``; capitalised words when there is no POS layer)."""
    tokens = ctx.tokens[phrase[0] : phrase[1]]
    if all(tok.pos is None for tok in tokens):
        return any(tok.text[:1].isupper() for tok in tokens[1:] or tokens)
    return any(tok.pos == "NE" for tok in tokens)


def _after(ctx: Context, index: int, end: int) -> TokenRange | None:
    phrase = phrase_after(ctx.tokens, index + 1, end, ctx.lexicon, places=False)
    if phrase is None or ctx.tokens[phrase[0]].low in {"er", "sie", "es"}:
        return None
    return phrase


def _opposite(ctx: Context, index: int, end: int) -> TokenRange | None:
    """``gegenüber der BBC``; a dative pronoun before it (``Ihr gegenüber``) is the addressee too."""
    if ctx.tokens[index].low != "gegenüber":
        return None
    if index > 0 and ctx.tokens[index - 1].low in _DATIVE_PRONOUNS:
        return index - 1, index
    return _after(ctx, index, end)


#: ``gegenüber X`` right after a common noun that is not the speaker's is an attribute of that noun (``Deren
#: Haltung gegenüber der PKK bezeichnete er als …``, ``warf der LINKEN mangelnde Abgrenzung gegenüber der PKK
#: vor``), not whom the statement was said to; a time noun is none (``sagte am Montag gegenüber der Presse``;
#: issue 12, fifteenth session).
NOUN_ATTRIBUTES = True


def noun_attribute(ctx: Context, speaker: tuple[int, int], index: int) -> bool:
    """Whether the ``gegenüber`` at ``index`` follows a common noun outside the ``speaker`` (character range;
    ``sagte der Sprecher gegenüber der Zeitung`` keeps its addressee)."""
    if not NOUN_ATTRIBUTES or index == 0 or ctx.tokens[index - 1].pos != "NN" or ctx.in_time(index - 1):
        return False
    return not speaker[0] <= ctx.tokens[index - 1].start < speaker[1]


def _before_audience(ctx: Context, index: int, end: int) -> TokenRange | None:
    """``sagte vor der Presse`` / ``vor Journalisten``: only audiences, not ``vor einem Jahr``."""
    if ctx.tokens[index].low != "vor":
        return None
    phrase = _after(ctx, index, end)
    if phrase is None or not ctx.lexicon.has("addressee_audience", ctx.tokens[phrase[1] - 1].low):
        return None
    return phrase


#: A talk noun governed by a preposition of time (``nach einem Treffen mit X``, ``vor dem Gespräch mit X``)
#: dates the statement; its partner is not whom the statement is said to (issue 12, eighteenth session).
TIMED_TALKS = True
#: Most tokens between that preposition and the talk noun (``nach einem längeren vertraulichen Treffen``).
_TALK_PREPOSITION_GAP = 4


def _timed_talk(ctx: Context, noun: int) -> bool:
    """Whether the talk noun at ``noun`` is governed by a preposition of time (``addressee_talk_time``)."""
    for index in range(noun - 1, max(-1, noun - _TALK_PREPOSITION_GAP - 1), -1):
        tok = ctx.tokens[index]
        if tok.pos in {"APPR", "APPRART"} or ctx.lexicon.has("addressee_talk_time", tok.low):
            return ctx.lexicon.has("addressee_talk_time", tok.low)
        if tok.pos not in {"ART", "ADJA", "PPOSAT", "PIAT", "CARD", "ADV"}:
            return False
    return False


def _talk_partner(ctx: Context, index: int, end: int) -> TokenRange | None:
    """``in einem Interview mit der New York Times``; not ``nach einem Treffen mit X``
    (:data:`TIMED_TALKS`)."""
    if ctx.tokens[index].low != "mit" or index == 0:
        return None
    if not ctx.lexicon.has("addressee_talk", ctx.tokens[index - 1].low):
        return None
    if TIMED_TALKS and _timed_talk(ctx, index - 1):
        return None
    return _after(ctx, index, end)


def _appeal(ctx: Context, index: int, end: int) -> TokenRange | None:
    """``appellierte an die Lehrkräfte``, ``ein Brief an sechs Bundesminister``, ``An die Regierung
    appellierte sie`` / ``An die Gewerkschaften gewandt``."""
    if ctx.tokens[index].low != "an":
        return None
    window = ctx.tokens[max(0, index - MAX_APPEAL_GAP - 1) : index]
    phrase = _after(ctx, index, end)
    if phrase is None:
        return None
    if phrase[1] < end:
        window.append(ctx.tokens[phrase[1]])
    if not any(ctx.lexicon.has("addressee_appeal", tok.low) for tok in window + clause_verbs(ctx, index)):
        return None
    return phrase


#: The preposition markers, tried at every token of the sentence outside the statement's content.
MARKERS: dict[str, Callable[[Context, int, int], TokenRange | None]] = {
    "opposite": _opposite,
    "audience": _before_audience,
    "talk": _talk_partner,
    "appeal": _appeal,
}
#: The word each marker fires at (its first test): ``marked_addressee`` calls a marker only there; a marker
#: missing here is called at every token (issue 17zl: ~4 calls a token, almost all returning at once).
MARKER_WORDS: dict[str, str] = {"opposite": "gegenüber", "audience": "vor", "talk": "mit", "appeal": "an"}


def marked_addressee(
    ctx: Context, found: Found, begin: int, end: int, *, markers: tuple[str, ...]
) -> TokenRange | None:
    """The first addressee that a preposition marker opens in the sentence ``begin:end``."""
    active = [name for name in markers if name in MARKERS]
    if not active:
        return None
    words = {MARKER_WORDS.get(name) for name in active}
    for index in range(begin, end):
        if (None not in words and ctx.tokens[index].low not in words) or not _outside(ctx, found, index):
            continue  # no marker fires at this word
        for name in active:
            phrase = MARKERS[name](ctx, index, end)
            speaker = found.speaker if found.speaker is not None else (0, 0)
            if phrase is not None and name == "opposite" and noun_attribute(ctx, speaker, index):
                continue  # Deren Haltung gegenüber der PKK: the noun's attribute
            if phrase is not None:
                return phrase
    return None


def verb_addressee(
    ctx: Context, found: Found, cue: list[int], lemma: str | None, end: int, *, markers: tuple[str, ...]
) -> TokenRange | None:
    """Addressees that hang on the cue verb: ``zur Sportschau`` after ``sagte``, ``von der Regierung`` after
    ``fordert``, the prefield of a passive ``wurde aufgefordert``."""
    if lemma is None:
        return None
    last = cue[-1]
    start = last + 1
    if found.speaker is not None and ctx.token_at(found.speaker[0]) == start:
        start = ctx.token_at(found.speaker[1])
    if start < end:
        word = ctx.tokens[start].low
        if "say_to" in markers and ctx.lexicon.has("addressee_say_to", lemma):
            phrase = _say_to(ctx, start, end)
            if phrase is not None:
                return phrase
        if "demand_from" in markers and word in _FROM and _demand_verb(ctx, cue):
            return _after(ctx, start, end)
    if "passive" in markers:
        phrase = passive_addressee(ctx, cue)
        if phrase is not None:
            return phrase
    frames = {frame for verb in ctx.lexicon.lemmas.get(lemma, ()) for frame in verb.frames}
    if "midfield" in markers and frames & {"addr", "dat"}:
        phrase = midfield_object(ctx, found, cue)
        if phrase is None and VERB_FINAL_OBJECTS:
            phrase = verb_final_object(ctx, found, cue)
        if phrase is not None and (not DATIVE_MIDFIELD or "addr" in frames or _dative(ctx, phrase)):
            return phrase
    return None


#: A verb whose addressee is a dative only (``erklären``, ``bestätigen``: no ``addr`` frame) takes a
#: midfield object as addressee only in a dative form (``hat dem Ausschuss erklärt``, not ``hat die
#: Bereitschaft erklärt``; issue 12, fifteenth session).
DATIVE_MIDFIELD = True
#: Words that open a dative noun phrase (or are a dative pronoun) on their own.
_DATIVE_ARTICLES = {"dem", "einem", "einer", "diesem", "dieser", "allen"}
_DATIVE_POSSESSIVES = {"seinem", "seiner", "ihrem", "ihrer", "unserem"}
_DATIVE_OPENERS = frozenset(_DATIVE_ARTICLES | _DATIVE_POSSESSIVES) | _DATIVE_PRONOUNS


def _dative(ctx: Context, phrase: TokenRange) -> bool:
    """Whether a phrase is dative by its first word (``der``/``den`` only before a head in -n: ``den
    Gewerkschaften``; ``der`` before a feminine head is too rare to read here)."""
    first = ctx.tokens[phrase[0]].low
    if first in _DATIVE_OPENERS:
        return True
    return first == "den" and ctx.tokens[phrase[1] - 1].low.endswith("n")


def _subordinate_passive_subject(ctx: Context, aux: int, cue: list[int]) -> TokenRange | None:
    """``dass der Verband aufgefordert wurde``: in a verb-final clause the passive subject stands between
    the complementizer and the participle before the auxiliary."""
    participle = max(
        (
            index
            for index in cue
            if index < aux and ctx.lexicon.has("addressee_passive", ctx.tokens[index].low)
        ),
        default=None,
    )
    if participle is None:
        return None
    start = ctx.clause_begin(participle, ctx.sentences[ctx.sentence_of[participle]][0])
    if ctx.lexicon.has("complementizer", ctx.tokens[start].low):
        start += 1
    elif prepositional_relative(ctx, start):
        start += 2  # ein Schreiben, in dem er darüber informiert wird
    else:
        return None
    phrase = phrase_after(ctx.tokens, start, participle, ctx.lexicon, places=False)
    if phrase is None or phrase[0] != start or ctx.opens_object(phrase):
        return None
    return phrase


def _demand_verb(ctx: Context, cue: list[int]) -> bool:
    """Whether a cue word can be a demand verb (``fordert von X``); ``forderte`` reads as ``auffordern``
    first, so every reading of each word counts, not only the first lemma."""
    return any(
        ctx.lexicon.has("addressee_demand_from", entry.lemma)
        for index in cue
        for entry in ctx.lexicon.verbs.get(ctx.tokens[index].low, ())
    )


def _say_to(ctx: Context, start: int, end: int) -> TokenRange | None:
    """``sagte er zur ARD``, ``sagte der Trainer nach dem Spiel zur Sportschau``: the first ``zu``/``zum``/
    ``zur`` at most ``MAX_SAY_TO_GAP`` tokens into the rest of the clause, before a name or a medium (a noun
    ending like ``addressee_media``; ``sagte er zur Lage`` names a topic)."""
    reach = SAY_TO_GAP if SAY_TO_ANYWHERE else 0
    stop = min(ctx.clause_end(start, end), start + reach + 1)
    for index in range(start, stop):
        if ctx.quote_of[index] >= 0:
            return None
        if ctx.tokens[index].low in _TO:
            phrase = _after(ctx, index, end)
            if phrase is None or not (_named_head(ctx, phrase) or (SAY_TO_ANYWHERE and _medium(ctx, phrase))):
                return None
            return phrase
    return None


#: ``sagte … zu X`` needs X's head to be a name (``zur ARD``), not a noun a name only depends on (``erklärte
#: die Fraktion zum Rücktritt Hartmanns``: a topic; issue 12, fifteenth session).
NAMED_HEAD = True


def _named_head(ctx: Context, phrase: TokenRange) -> bool:
    """Whether the phrase's first noun is a name (see :data:`NAMED_HEAD`; else: any name in it)."""
    if not NAMED_HEAD:
        return named(ctx, phrase)
    head = next((tok for tok in ctx.tokens[phrase[0] : phrase[1]] if tok.pos in {"NN", "NE"}), None)
    if head is None or all(tok.pos is None for tok in ctx.tokens[phrase[0] : phrase[1]]):
        return named(ctx, phrase)
    return head.pos == "NE"


def _medium(ctx: Context, phrase: TokenRange) -> bool:
    """The phrase's head names a medium (``Sportschau``, ``Nachrichtenagentur``, ``Zeitung``)."""
    head = ctx.tokens[phrase[1] - 1].low
    return head.endswith(tuple(ctx.lexicon.words.get("addressee_media", frozenset())))


def midfield_object(ctx: Context, found: Found, cue: list[int]) -> TokenRange | None:
    """``hat die Mitgliedsstaaten dazu aufgefordert``, ``hatte Lenz gestern aufgefordert``: in a perfect, the
    first noun phrase between auxiliary and participle that is not the speaker nor inside a prepositional
    phrase."""
    if len(cue) >= 2 and ctx.lexicon.has("aux", ctx.tokens[cue[0]].low):
        aux, participle = cue[0], cue[1]
    elif (far := far_auxiliary(ctx, cue)) is not None and subject_before(ctx, far):
        aux, participle = far, cue[0]
    else:
        return None
    speaker = (
        (ctx.token_at(found.speaker[0]), ctx.token_at(found.speaker[1]))
        if found.speaker is not None
        else None
    )
    return _first_object(ctx, aux + 1, participle, speaker)


def _first_object(
    ctx: Context, index: int, stop: int, speaker: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The first noun phrase in ``index:stop`` that is no speaker, prepositional phrase or adverb."""
    while index < stop:
        tok = ctx.tokens[index]
        if speaker is not None and speaker[0] <= index < speaker[1]:
            index = max(index + 1, speaker[1])
            continue
        if tok.pos in {"APPR", "APPRART", "ADV", "PAV", "PTKNEG", "ADJD"} or tok.low in {",", "sich"}:
            index += 1
            if tok.pos in {"APPR", "APPRART"}:
                inner = time_after(ctx, index, stop) or phrase_after(
                    ctx.tokens, index, stop, ctx.lexicon, places=False
                )
                index = inner[1] if inner is not None else index
            continue
        phrase = phrase_after(ctx.tokens, index, stop, ctx.lexicon, places=False)
        if phrase is None or ctx.lexicon.has("subject_pronoun", ctx.tokens[phrase[0]].low):
            return None
        return phrase
    return None


#: In a verb-final clause (``indem er seinem Arbeitgeber vorwarf``, ``, der der Regierung vorwarf``) the
#: noun phrase after the subject is the addressee object (issue 12, sixteenth session).
VERB_FINAL_OBJECTS = True
#: Relative pronouns that are the subject of their clause (a ``dem``/``den`` one is its object).
_SUBJECT_RELATIVES = frozenset({"der", "die", "das", "welcher", "welche", "welches"})


def verb_final_object(ctx: Context, found: Found, cue: list[int]) -> tuple[int, int] | None:
    """The object between the subject and the verb of a subordinate or relative clause the cue ends."""
    verb = cue[0]
    start = verb_final_clause(ctx, verb)
    if start >= verb:
        return None
    opener = ctx.tokens[start]
    if opener.pos == "PRELS" and opener.low in _SUBJECT_RELATIVES:
        subject_end = start + 1
    elif opener.pos == "KOUS":
        subject = phrase_after(ctx.tokens, start + 1, verb, ctx.lexicon, places=False)
        if subject is None or subject[0] != start + 1 or ctx.opens_object(subject):
            return None
        subject_end = subject[1]
    else:
        return None
    return _first_object(ctx, second_conjunct(ctx, subject_end, verb), verb, None)


def passive_addressee(ctx: Context, cue: list[int]) -> TokenRange | None:
    """``Ihm wird vorgeworfen, …`` / ``Israel wurde aufgefordert, …``: the prefield before the passive
    auxiliary is the addressee (there is no subject that speaks)."""
    if not any(ctx.lexicon.has("addressee_passive", ctx.tokens[index].low) for index in cue):
        return None
    aux = next((index for index in cue if ctx.lexicon.has("passive_aux", ctx.tokens[index].low)), None)
    if aux is None:
        return None
    begin = ctx.clause_begin(aux, ctx.sentences[ctx.sentence_of[aux]][0])
    phrase = phrase_before(ctx.tokens, begin, aux, ctx.lexicon, places=False)
    if phrase is None and SUBORDINATE_PASSIVE:
        phrase = ctx.subject_through_commas(aux, ctx.sentences[ctx.sentence_of[aux]][0])
    if phrase is not None or not PASSIVE_MIDFIELD:
        return phrase
    if aux - begin == 1 and ctx.tokens[begin].low in _DATIVE_PRONOUNS:
        return begin, aux  # Ihm wird vorgeworfen
    return _passive_subject(ctx, aux, cue)


def _passive_subject(ctx: Context, aux: int, cue: list[int]) -> TokenRange | None:
    """``Darin wird der König aufgefordert``, ``Zudem wurde die Regierung vom Verband aufgefordert``: with an
    adverbial in the prefield, the passive subject stands right after the auxiliary, before the participle."""
    participle = next(
        (
            index
            for index in cue
            if index > aux and ctx.lexicon.has("addressee_passive", ctx.tokens[index].low)
        ),
        None,
    )
    if participle is None:
        return _subordinate_passive_subject(ctx, aux, cue) if SUBORDINATE_PASSIVE else None
    phrase = phrase_after(ctx.tokens, aux + 1, participle, ctx.lexicon, places=False)
    if phrase is None:
        return None
    stop = next(
        (index for index in range(phrase[0] + 1, phrase[1]) if ctx.tokens[index].low in _FROM | {"durch"}),
        phrase[1],
    )  # die Regierung vom Verband: the agent after von/vom is not addressed
    return phrase[0], stop
