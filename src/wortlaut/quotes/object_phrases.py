"""Where an addressee object phrase starts and ends: past a time adverbial before it, over objects
coordinated with it, in the second of two coordinated verb-final clauses, after a far perfect auxiliary,
which appeal verbs govern an ``an`` phrase later in their clause, and where a prepositional relative
clause's subject starts (issue 12, nineteenth session, each chosen on two folds of quotes-wikinews/train and
confirmed on the third, unread one)."""

from __future__ import annotations

from wortlaut.quotes.context import Context
from wortlaut.quotes.speakers import MAX_QUOTED_NAME, phrase_after, phrase_before
from wortlaut.quotes.text import Tok

TokenRange = tuple[int, int]


#: A prepositional time adverbial (``am 3. Januar``, ``am Montag``) ends where its time expression ends, not
#: where the tagger's noun phrase runs on into the object after it (``sagte am Montag der Zeitung``,
#: ``empfahl … am 3. Januar US-Bürgern``; issue 12, nineteenth session).
TIME_ADVERBIALS = True


def time_after(ctx: Context, start: int, stop: int) -> TokenRange | None:
    """The tokens from ``start`` on inside one of the article's time expressions, when that expression ends
    before ``stop`` (see :data:`TIME_ADVERBIALS`); else ``None``."""
    if not TIME_ADVERBIALS:
        return None
    end = start
    while end < stop and ctx.in_time(end):
        end += 1
    return (start, end) if start < end < stop else None


#: Coordinated objects are one addressee (``forderte Mussawi und dessen Anhänger dazu auf``): the phrase
#: runs on over ``und``/``sowie``/``oder`` + a noun phrase that ends the object field (issue 12, nineteenth
#: session).
COORDINATED_OBJECTS = True
_COORDINATORS = frozenset({"und", "sowie", "oder"})
#: ``und dessen Anhänger``: a possessor pronoun opens the coordinated phrase.
_POSSESSOR_RELATIVES = frozenset({"dessen", "deren"})


def coordinated(ctx: Context, phrase: TokenRange, last: int) -> TokenRange:
    """``phrase`` with a coordinated noun phrase after it, when that one reaches the end of the object field:
    the frame's end, a comma, a verb particle, a pronominal adverb (``dazu``) or a verb."""
    link = phrase[1]
    if not COORDINATED_OBJECTS or link + 1 >= last or ctx.tokens[link].low not in _COORDINATORS:
        return phrase
    first = link + 2 if ctx.tokens[link + 1].low in _POSSESSOR_RELATIVES else link + 1
    other = phrase_after(ctx.tokens, first, last, ctx.lexicon, places=False)
    if other is None or other[0] != first:
        return phrase
    if other[1] < last and not _ends_objects(ctx.tokens[other[1]]):
        return phrase
    return phrase[0], other[1]


def _ends_objects(tok: Tok) -> bool:
    """Whether a token ends the object field: a comma, a verb particle, ``dazu``, a verb."""
    return tok.low == "," or tok.pos in {"PTKVZ", "PAV", "PROAV"} or (tok.pos or "").startswith("V")


#: In a verb-final clause of two coordinated verbs (``welche die Lage zur Kenntnis nimmt und die Regierung
#: auffordert``) the cue verb's object follows the ``und``, not the subject (issue 12, nineteenth session).
VERB_FINAL_CONJUNCTS = True
#: Most quoted terms passed in one clause: keeps the walk back bounded in a run of quotations with no full
#: stop (``Er sagte, „a“ und „b“ …``; ``tests/quotes/test_linear_scan.py``).
MAX_QUOTED_TERMS = 2


def verb_final_clause(ctx: Context, verb: int) -> int:
    """The first token of the verb-final clause ending at ``verb``, past short quoted terms inside it
    (``welche die Lage mit „tiefer Besorgnis“ zur Kenntnis nimmt und …``: the quotation marks end no
    clause; :data:`VERB_FINAL_CONJUNCTS`)."""
    begin = ctx.sentences[ctx.sentence_of[verb]][0]
    start = ctx.clause_begin(verb, begin)
    for _ in range(MAX_QUOTED_TERMS if VERB_FINAL_CONJUNCTS else 0):
        if start <= begin + 1 or ctx.quote_of[start - 1] < 0:
            break
        opening = ctx.token_at(ctx.quoted[ctx.quote_of[start - 1]].start)
        if start - opening > MAX_QUOTED_NAME or opening <= begin or ctx.quote_of[opening - 1] >= 0:
            break
        start = ctx.clause_begin(opening - 1, begin)
    return start


def second_conjunct(ctx: Context, start: int, verb: int) -> int:
    """Where the verb's own conjunct begins in ``start:verb``: after the last ``und``/``oder`` that follows a
    finite verb (a coordinated clause, not coordinated objects); ``start`` when there is none."""
    if not VERB_FINAL_CONJUNCTS:
        return start
    finite = False
    begin = start
    for index in range(start, verb):
        tok = ctx.tokens[index]
        if ctx.quote_of[index] >= 0:
            continue
        if (tok.pos or "").endswith("FIN"):
            finite = True
        elif finite and tok.low in {"und", "oder"}:
            begin = index + 1
    return begin


#: A participle cue whose perfect auxiliary stands farther back than the cue finder reaches
#: (``hat am Samstag in ihrer wöchentlichen Videobotschaft die Autohersteller dazu aufgefordert``) still has
#: its midfield object between them (issue 12, nineteenth session).
FAR_AUXILIARIES = True
#: Farthest such an auxiliary may stand (tokens): keeps the look-back bounded in run-on text.
MAX_FAR_AUX_GAP = 30


def far_auxiliary(ctx: Context, cue: list[int]) -> int | None:
    """The perfect auxiliary (``hat``, ``hatte`` …; not the passive ``wurde``) before a lone participle cue
    in its clause, past short quoted terms; ``None`` when there is none."""
    if not FAR_AUXILIARIES or len(cue) != 1 or ctx.tokens[cue[0]].pos != "VVPP":
        return None
    start = max(verb_final_clause(ctx, cue[0]), cue[0] - MAX_FAR_AUX_GAP)
    for index in range(cue[0] - 1, start - 1, -1):
        word = ctx.tokens[index].low
        if ctx.quote_of[index] < 0 and ctx.lexicon.has("aux", word):
            return None if ctx.lexicon.has("passive_aux", word) or word.startswith("w") else index
    return None


def subject_before(ctx: Context, aux: int) -> bool:
    """Whether a noun phrase that can be the subject fills the prefield before the auxiliary ``aux`` (so the
    midfield after it holds no subject: ``Zuletzt hatte im Mai der Präsident … gebeten`` has one there)."""
    start = ctx.clause_begin(aux, ctx.sentences[ctx.sentence_of[aux]][0])
    subject = phrase_before(ctx.tokens, start, aux, ctx.lexicon)
    return subject is not None and not ctx.opens_object(subject) and not ctx.in_time(subject[0])


#: An appeal verb (``wandte sich``, ``appellierte``) governs ``an X`` anywhere later in its clause (``wandte
#: sich am Dienstag im Fernsehen an die Anhänger``); nouns (``ein Brief an``) only right before it (issue 12,
#: nineteenth session).
APPEAL_VERBS_IN_CLAUSE = True


def clause_verbs(ctx: Context, index: int) -> list[Tok]:
    """The finite verbs of the clause before ``index`` (for :data:`APPEAL_VERBS_IN_CLAUSE`)."""
    if not APPEAL_VERBS_IN_CLAUSE:
        return []
    start = ctx.clause_begin(index, ctx.sentences[ctx.sentence_of[index]][0])
    return [tok for tok in ctx.tokens[start:index] if (tok.pos or "").endswith("FIN")]


#: A relative clause opened by a preposition (``in dem``, ``mit der``) is verb-final too: its passive subject
#: stands right after the relative pronoun (issue 12, nineteenth session).
PREPOSITIONAL_RELATIVES = True


def prepositional_relative(ctx: Context, start: int) -> bool:
    """Whether the clause at ``start`` opens with a preposition and a relative pronoun."""
    return (
        PREPOSITIONAL_RELATIVES
        and start + 1 < len(ctx.tokens)
        and ctx.tokens[start].pos in {"APPR", "APPRART"}
        and ctx.tokens[start + 1].pos in {"PRELS", "PRELAT", "PWAV"}
    )
