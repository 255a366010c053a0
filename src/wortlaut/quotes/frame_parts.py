"""Small parts of speech frames the verb rules of :mod:`wortlaut.quotes.indirect` read: a quoted name
inside the frame, the object between a cue and its comma, the start of a ``wie``-clause and a passive's
agent (issue 12, twelfth session: classes of reported speech the rules never found on quotes-wikinews/train).
"""

from __future__ import annotations

from collections.abc import Sequence

from wortlaut.quotes.context import Context
from wortlaut.quotes.cues import Cue, is_clause_end
from wortlaut.quotes.speakers import MAX_QUOTED_NAME, name_at, phrase_after

#: Step over a short quoted name between a speech verb and the comma of its clause (see
#: ``past_quoted_name``); before, any quotation there ended the search.
QUOTED_NAMES_IN_FRAMES = True
#: POS tags of prepositions (a noun phrase after one is no object).
_PREPOSITIONS = frozenset({"APPR", "APPRART"})


def past_quoted_name(ctx: Context, index: int) -> int | None:
    """The token after a short closed quotation opening at ``index`` in a frame (``berichtet die
    Online-Ausgabe des „Spiegel“, dass``, ``sagte zum „Algemeen Dagblad“, …``): a name, not the
    reported words; ``None`` for anything else (the quotation is then the content)."""
    if not QUOTED_NAMES_IN_FRAMES:
        return None
    quoted = ctx.quoted[ctx.quote_of[index]]
    if not quoted.closed or ctx.token_at(quoted.start) != index:
        return None
    stop = min(ctx.token_at(quoted.end), len(ctx.tokens))
    inside = range(index + 1, min(stop, len(ctx.tokens)))
    if stop - index > MAX_QUOTED_NAME or any(ctx.tokens[other].low in {",", ".", ":"} for other in inside):
        return None
    return stop


def object_in_gap(ctx: Context, cue: Cue, comma: int, begin: int, end: int) -> bool:
    """Whether a noun phrase other than the subject stands between the cue and the comma: a verb
    without an infinitive frame then has its object there, and the zu-infinitive after the comma is
    an adverbial (``erzählt X ihre Geschichte, … bewusst zu machen``)."""
    speaker = ctx.speaker_of(cue, begin, end)
    subject = range(*speaker) if speaker is not None else range(0)
    for index in range(cue.last + 1, comma):
        if index in subject:
            continue
        tok, before = ctx.tokens[index], ctx.tokens[index - 1]
        if before.pos in _PREPOSITIONS:
            continue  # a prepositional phrase ("am Montag", "vor der Presse"), not an object
        determiner = ctx.lexicon.has("determiner", tok.low)
        if determiner or (
            tok.pos == "NN"
            and not ctx.lexicon.has("determiner", before.low)
            and before.pos not in {"ADJA", "ART", "PPOSAT"}
        ):
            return True
    return False


#: ``Wie Peter Kramer, Sprecher der Stadtwerke, in Bonn mitteilte, …``: an apposition between two commas
#: inside a ``wie``-clause does not end it (issue 12, seventeenth session: 3 never-found train quotations,
#: one in each fold); the apposition is at most :data:`MAX_WIE_APPOSITION` tokens.
WIE_APPOSITIONS = True
MAX_WIE_APPOSITION = 12
#: POS tags that make the words between two commas a clause, not an apposition.
_CLAUSE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN", "PRELS", "PRELAT", "KOUS", "KOUI", "PWAV"})


def wie_begin(ctx: Context, index: int, begin: int) -> int:
    """Like :meth:`Context.clause_begin`, but a short closed quotation (a name: ``Wie „heise online“
    berichtet``) and an apposition of the subject (:func:`wie_apposition`) do not end the clause."""
    position = _clause_start(ctx, index, begin)
    if WIE_APPOSITIONS and ctx.tokens[position].low != "wie":
        apposed = wie_apposition(ctx, index, begin)
        return apposed[0] if apposed is not None else position
    return position


def wie_apposition(ctx: Context, index: int, begin: int) -> tuple[int, int] | None:
    """``Wie X, <apposition>, … <cue at index>``: the index of ``wie`` and of the apposition's closing
    comma (the subject with its apposition lies between them), when no finite verb, relative pronoun,
    subordinator or quotation stands in the apposition, before it or between it and the cue; else ``None``.
    """
    closing = _clause_start(ctx, index, begin) - 1
    if closing <= begin or ctx.tokens[closing].low != "," or _holds_clause(ctx, closing + 1, index):
        return None
    opening = closing - 1
    while opening > max(begin, closing - MAX_WIE_APPOSITION - 1) and ctx.tokens[opening].low != ",":
        opening -= 1
    if ctx.tokens[opening].low != "," or opening == closing - 1 or _holds_clause(ctx, opening + 1, closing):
        return None
    start = _clause_start(ctx, opening, begin)
    if ctx.tokens[start].low != "wie" or start + 1 >= opening or _holds_clause(ctx, start + 1, opening):
        return None
    return start, closing


def _holds_clause(ctx: Context, first: int, stop: int) -> bool:
    """Whether ``first:stop`` holds a finite verb, a relative pronoun, a subordinator or a quotation."""
    return any(
        ctx.tokens[other].pos in _CLAUSE_TAGS or ctx.quote_of[other] >= 0 for other in range(first, stop)
    )


def _clause_start(ctx: Context, index: int, begin: int) -> int:
    """The first token of the clause of ``index``, a short closed quotation not ending it."""
    position = index
    while position > begin:
        before = position - 1
        if ctx.quote_of[before] >= 0:
            quoted = ctx.quoted[ctx.quote_of[before]]
            opening = ctx.token_at(quoted.start)
            if not quoted.closed or position - opening > MAX_QUOTED_NAME or opening <= begin:
                break
            position = opening
            continue
        if is_clause_end(ctx.tokens[before]):
            break
        position = before
    return position


def passive_agent(ctx: Context, begin: int, stop: int) -> int | None:
    """Index of the ``von``/``vom``/``durch`` that opens a passive's agent before ``stop``."""
    for index in range(begin, stop):
        if ctx.tokens[index].low in {"von", "vom", "durch"} and ctx.quote_of[index] < 0:
            return index
    return None


#: The agent of any passive speech verb speaks (``Das wurde vom Presseamt bekannt gegeben``), not only in
#: reported sentences (see :func:`passive_speaker`).
PASSIVE_SPEAKERS = True
#: Finite forms of ``werden`` that open a passive cue.
_PASSIVE_AUX = frozenset({"wurde", "wurden", "wird", "werden"})
#: Verbs whose ``von`` phrase is what is spoken about, not who speaks (``von einer Gefahr berichtet``).
_TOPIC_VON = frozenset({"berichten", "sprechen", "reden", "erzählen", "ausgehen", "hören", "warnen"})


#: The ``von`` agent of a ``speaker_passive`` verb quotes, its passive subject speaks (``Platter wird von der
#: Nachrichtenagentur Reuters mit den Worten zitiert``): the agent is no speaker there (issue 12zl).
QUOTING_AGENTS = True


#: A cue of a bare participle (``werden von Kritikern als „…“ bezeichnet``: the finder left the auxiliary out)
#: is passive when a finite ``werden`` stands before it in its clause (issue 12, fifteenth session).
BARE_PARTICIPLES = True


def _aux_before(ctx: Context, participle: int, begin: int) -> int:
    """The finite ``werden`` before a participle in its clause (quotations skipped), else ``participle``."""
    if ctx.tokens[participle].pos != "VVPP":
        return participle
    for index in range(participle - 1, begin - 1, -1):
        tok = ctx.tokens[index]
        if ctx.quote_of[index] >= 0:
            continue
        if tok.low in _PASSIVE_AUX and tok.pos == "VAFIN":
            return index
        if is_clause_end(tok) or (tok.pos is not None and tok.pos.endswith("FIN")):
            break
    return participle


#: ``war … festgestellt worden``: a perfect passive (``sein`` + participle + ``worden``) is passive too.
PERFECT_PASSIVES = True


def _perfect_passive(ctx: Context, cue: Cue) -> bool:
    """Whether the cue holds ``worden`` after its participle (``war festgestellt worden``)."""
    return PERFECT_PASSIVES and any(
        ctx.tokens[index].low == "worden" for index in cue.parts if index < len(ctx.tokens)
    )


def passive_speaker(ctx: Context, cue: Cue, begin: int, end: int) -> tuple[int, int] | None:
    """``Das wurde vom Presseamt des Kremls bekannt gegeben``: the ``von``/``vom``/``durch`` phrase of a
    passive speech verb's clause, before its participle, is the speaker (token range)."""
    first = cue.first
    if first == cue.verb_index and BARE_PARTICIPLES:
        first = _aux_before(ctx, cue.verb_index, begin)
    if first == cue.verb_index or not (ctx.tokens[first].low in _PASSIVE_AUX or _perfect_passive(ctx, cue)):
        return None
    if cue.verb.lemma in _TOPIC_VON:
        return None
    if QUOTING_AGENTS and any(ctx.lexicon.has("speaker_passive", ctx.tokens[i].low) for i in cue.parts):
        return None
    start = ctx.clause_begin(first, begin)
    agent = passive_agent(ctx, start, cue.verb_index)
    if agent is None:
        return document_source(ctx, begin, cue.verb_index) if DOCUMENT_SOURCES else None
    if DOCUMENT_SOURCES and DOCUMENT_AGENTS:
        document = document_source(ctx, begin, cue.verb_index)
        if document is not None and document[0] < agent < document[1]:
            return document  # In einem Bericht von ndr.de werden …: the von names the report's author
    phrase = phrase_after(ctx.tokens, agent + 1, ctx.clause_end(agent + 1, end), ctx.lexicon)
    return phrase if phrase is not None and phrase[0] == agent + 1 else None


#: A passive speech verb with no agent takes the document its clause names after ``in``/``im`` as its source
#: (``In einem Bericht der Zeitung wurde vermutet, dass …``, ``So wird in einer Mitteilung des Verbands
#: gefordert, …``), as ``heißt es in …`` does (issue 12, fifteenth session).  The document is looked for from
#: the sentence start, so a relative clause may stand between (``In einer Erklärung, die … veröffentlicht
#: wurde, wurde verkündet``; train 3-fold CV speaker 0.6866 -> 0.6868 against the clause start).
DOCUMENT_SOURCES = True
#: A ``von`` inside that document phrase (``In einem Bericht von ndr.de werden … bezeichnet``) names the
#: document's author, not the passive's agent: the document phrase speaks (issue 12, nineteenth session).
DOCUMENT_AGENTS = True
#: A quoted name right after that ``in``/``im`` (``wurden im „Standard“ als … bezeichnet``) is a paper's
#: title, the source (issue 12, nineteenth session).
QUOTED_MEDIA = True


def document_source(ctx: Context, start: int, stop: int) -> tuple[int, int] | None:
    """The noun phrase after the first ``in``/``im`` of ``start:stop`` whose words end in an
    ``impersonal_document`` noun (``einer Pressemitteilung der Organisation``), else ``None``."""
    documents = tuple(ctx.lexicon.words.get("impersonal_document", frozenset()))
    for index in range(start, stop - 1):
        if ctx.tokens[index].low not in {"in", "im"} or ctx.quote_of[index] >= 0:
            continue
        if QUOTED_MEDIA and (quoted := name_at(ctx.tokens, index + 1, stop)) is not None:
            return quoted  # wurden im „Standard“ als „…“ bezeichnet: a paper's name
        phrase = phrase_after(ctx.tokens, index + 1, ctx.clause_end(index + 1, stop), ctx.lexicon)
        if phrase is None or phrase[0] != index + 1:
            return None
        if any(tok.low.endswith(documents) for tok in ctx.tokens[phrase[0] : phrase[1]]):
            return phrase
        return None
    return None


#: The subject of a passive addressee verb (``X wurde aufgefordert``, ``Ihm wird vorgeworfen``) is whom it is
#: said to, never the speaker: only a ``von``/``durch`` agent speaks (see :func:`addressee_passive`).
ADDRESSEE_PASSIVES = True
#: The passive subject of any speech verb (a participle with a finite ``werden``) is not its speaker
#: (``In Artikeln wurde sie als Beispiel genannt, wie …``: a bare pronoun for a survey), except the verbs
#: of ``speaker_passive`` (``X wird mit den Worten zitiert``); issue 12, fourteenth session, second round.
SUBJECTLESS_PASSIVES = True


def addressee_passive(ctx: Context, parts: Sequence[int]) -> bool:
    """Whether cue tokens ``parts`` are a passive of a verb that takes an addressee (``wurde aufgefordert``,
    ``aufgefordert worden``, ``wird vorgeworfen``), or, with :data:`SUBJECTLESS_PASSIVES`, of any speech
    verb whose passive subject is what is said, not who says it (``wurde sie als Beispiel genannt``)."""
    tokens = [ctx.tokens[index] for index in parts if index < len(ctx.tokens)]
    if not any(ctx.lexicon.has("passive_aux", tok.low) for tok in tokens):
        return False
    if ADDRESSEE_PASSIVES and any(ctx.lexicon.has("addressee_passive", tok.low) for tok in tokens):
        return True
    return SUBJECTLESS_PASSIVES and any(
        tok.pos == "VVPP" and not ctx.lexicon.has("speaker_passive", tok.low) for tok in tokens
    )
