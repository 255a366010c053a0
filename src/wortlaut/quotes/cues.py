"""Find speech-verb cues in a clause: the verb, its separated particle and a perfect auxiliary.

``gab … bekannt`` and ``fügte … hinzu`` are one cue in two parts: a form that
only speaks with its particle (``gab``) counts only when the particle closes
the clause.  A participle (``betont``) takes its auxiliary (``hat betont``).
"""

from __future__ import annotations

from dataclasses import dataclass

from wortlaut.quotes.lexicon import Lexicon, SpeechVerb
from wortlaut.quotes.text import Tok

#: Tokens that end a clause for particle and auxiliary search.
CLAUSE_END = frozenset({",", ".", ";", ":", "!", "?", "–", "—"})
#: How far (tokens) a separated particle may stand from its verb; "gab seinerseits auf Telegram bekannt" is 5.
#: A long object in the middle field stands between them too ("kündigte der Hersteller Shelby SuperCars (SSC)
#: den Bau des schnellsten Elektroautos der Welt an" is 16): 14 → 24 by quotes-wikinews/train 3-fold CV
#: (issue 12, fifteenth session, second round: quote 0.8159 → 0.8174, joint 0.7889 → 0.7903; 18 gave
#: 0.8173 / 0.7901, 32 the same as 24).
MAX_PARTICLE_GAP = 24
#: A separated particle may stand after commas that enclose an apposition ("gab der Leiter des Amts,
#: Andreas Huber, bekannt"); it must still close its clause.
PARTICLE_OVER_COMMAS = True
#: A particle written apart right before its verb (old spelling in a verb-final clause or participle:
#: "wie der Verband bekannt gab", "wurde bekannt gegeben") belongs to the cue.
PARTICLE_BEFORE = True
#: How far back an auxiliary may stand before its participle ("hat am Mittwoch in Brüssel betont").
MAX_AUX_GAP = 10


#: Passive auxiliaries that follow a participle cue in a verb-final clause ("wie berichtet wurde").
#: A quoted name of at most this many words between an auxiliary and its participle is skipped over
#: (``hatte auf Anfrage der „Deutschen Presseagentur“ mitgeteilt``); four covers the names of the
#: development pages and is the quoted-name length the direct rules use for names and titles.
QUOTED_NAME_WORDS = 4
#: Quotation marks that open or close a quoted name.
_MARKS = frozenset({"„", "“", "”", "»", "«", '"', "‚", "‘"})
_PASSIVE = frozenset({"wurde", "wurden", "worden", "wird", "werden"})
#: Pronominal adverbs that some cues take ("geht davon aus", "wies darauf hin").
_PRONOMINAL = frozenset({"davon", "darauf", "daran", "dafür", "dazu"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech-verb cue: token indices of its parts, the main verb index and the verb entry."""

    parts: tuple[int, ...]
    verb_index: int
    verb: SpeechVerb

    @property
    def first(self) -> int:
        return self.parts[0]

    @property
    def last(self) -> int:
        return self.parts[-1]


#: What ends a clause for :func:`is_clause_end`: the punctuation and the quotation marks, one set (one test
#: instead of two for the ~800 tokens an article it reads; issue 17zl).
_CLAUSE_ENDS = CLAUSE_END | {"„", "“", "»", "«", '"'}


def is_clause_end(tok: Tok) -> bool:
    return tok.low in _CLAUSE_ENDS


def _particle(tokens: list[Tok], index: int, end: int, particle: str) -> int | None:
    """Index of the separated ``particle`` that closes the clause of the verb at ``index``."""
    limit = min(end, index + 1 + MAX_PARTICLE_GAP)
    dashes = 0  # an open pair of parenthetical dashes ("gab heute – nach Prüfung – bekannt")
    for other in range(index + 1, limit):
        tok = tokens[other]
        if PARTICLE_OVER_DASHES and tok.low in _DASHES and (dashes or _closing_dash(tokens, other, limit)):
            dashes ^= 1
            continue
        if is_clause_end(tok) and not (PARTICLE_OVER_COMMAS and tok.low == ",") and not dashes:
            return None
        closes = other + 1 >= end or is_clause_end(tokens[other + 1]) or tokens[other + 1].low == "("
        if tok.low == particle and closes:
            return other
    return None


#: A pair of dashes around a parenthesis between a verb and its particle does not end the clause (``Dies gab
#: heute – nach eingehenden Untersuchungen – Professor X bekannt``; issue 12, eighteenth session).
PARTICLE_OVER_DASHES = True
_DASHES = frozenset({"–", "—"})


def _closing_dash(tokens: list[Tok], index: int, limit: int) -> bool:
    """Whether a second dash follows the dash at ``index`` before ``limit`` with no sentence end between."""
    for other in range(index + 1, limit):
        if tokens[other].low in _DASHES:
            return True
        if tokens[other].low in {".", ";", ":", "!", "?"}:
            return False
    return False


def _auxiliary(tokens: list[Tok], index: int, begin: int, lexicon: Lexicon) -> int | None:
    """Index of the auxiliary that a participle at ``index`` belongs to, if any in its clause."""
    form = tokens[index].low
    if not (form.endswith("t") or form.endswith("en")):
        return None
    other, limit = index - 1, index - MAX_AUX_GAP
    while other >= max(begin, limit):
        tok = tokens[other]
        opener = _quoted_name_start(tokens, other, begin)
        if opener is not None:  # "hatte auf Anfrage der „Deutschen Presseagentur“ mitgeteilt": the name's
            limit -= other - opener + 1  # words do not count against the gap
            other = opener - 1
            continue
        if is_clause_end(tok):
            return None
        if lexicon.has("aux", tok.low):
            return other
        other -= 1
    return None


def _quoted_name_start(tokens: list[Tok], index: int, begin: int) -> int | None:
    """Index of the opening mark of a short quoted name whose closing mark is at ``index``: up to
    ``QUOTED_NAME_WORDS`` words, all capitalised (``„Süddeutschen Zeitung“``; ``„Meilensteine in der
    Musikgeschichte“`` is a quoted phrase, which keeps ending the clause)."""
    if tokens[index].low not in _MARKS:
        return None
    for opener in range(index - 2, max(begin, index - QUOTED_NAME_WORDS - 1) - 1, -1):
        if tokens[opener].low in _MARKS:
            inner = tokens[opener + 1 : index]
            return opener if inner and all(tok.text[:1].isupper() for tok in inner) else None
    return None


#: A verb with a ``corr:WORD`` frame (``bestehen``: ``corr:darauf``) is a cue only with that pronominal adverb
#: in its clause (``bestehen darauf, dass``, ``davon ausgegangen, dass``; issue 12, nineteenth session).
CORRELATE_FRAMES = True
#: Tokens searched on either side of such a verb for its correlate (bounded: a scan per cue stays short).
MAX_CORRELATE_GAP = 12


def correlates(verb: SpeechVerb) -> frozenset[str]:
    """The pronominal adverbs a ``corr:WORD`` frame asks for (empty: the verb needs none)."""
    return frozenset(frame[5:] for frame in verb.frames if frame.startswith("corr:"))


def _correlate_in_clause(tokens: list[Tok], index: int, begin: int, end: int, verb: SpeechVerb) -> bool:
    """Whether the verb at ``index`` needs no correlate or has one of its ``corr:WORD`` words in its clause
    (between the clause ends around it, at most :data:`MAX_CORRELATE_GAP` tokens away); never as a
    zu-infinitive."""
    wanted = correlates(verb)
    if not wanted:
        return True
    if index > begin and tokens[index - 1].low == "zu":
        return False  # "Es wäre geboten, darüber zu diskutieren, wie …": a topic named, nothing said
    for step in (-1, 1):
        other = index + step
        while begin <= other < end and abs(other - index) <= MAX_CORRELATE_GAP:
            if is_clause_end(tokens[other]):
                break
            if tokens[other].low in wanted:
                return True
            other += step
    return False


def cue_at(tokens: list[Tok], index: int, begin: int, end: int, lexicon: Lexicon) -> Cue | None:
    """The cue whose verb is the token at ``index`` (within sentence tokens ``begin:end``), if any."""
    tok = tokens[index]
    if not tok.text[0].islower() or (tok.pos is not None and not tok.pos.startswith("V")):
        return None
    entries = lexicon.verbs.get(tok.low)
    if not entries and tok.lemma is not None:
        entries = tuple(verb for verb in lexicon.lemmas.get(tok.lemma, ()) if verb.particle is None)
    if not entries:
        return None
    for verb in sorted(entries, key=lambda entry: entry.particle is None):
        if "es" in verb.frames and not _next_to_es(tokens, index, begin, end):
            continue
        if CORRELATE_FRAMES and not _correlate_in_clause(tokens, index, begin, end, verb):
            continue  # "besteht darin, dass": no cue of "bestehen darauf"
        if "wie" in verb.frames and (
            tok.low not in lexicon.verbs or not _ends_wie_clause(tokens, index, begin)
        ):
            continue  # only its listed finite forms: "wie der Fall gezeigt hat" argues, it reports nothing
        parts = [index]
        if verb.particle is not None:
            particle = _particle(tokens, index, end, verb.particle)
            # "zu geben" is an infinitive, not "zugeben" written apart
            before = index > begin and tokens[index - 1].low == verb.particle != "zu"
            if particle is None and PARTICLE_BEFORE and before:
                particle = index - 1  # written apart before the verb: "wie X bekannt gab", "bekannt gegeben"
            if particle is None:
                continue
            parts.append(particle)
        aux = _auxiliary(tokens, index, begin, lexicon)
        if _other_verb_with_sein(tokens, index, aux, end, lexicon):
            return None
        if aux is not None and tokens[index].low not in lexicon.words.get("aux", frozenset()):
            parts.insert(0, aux)
        parts.extend(_attached(tokens, index, end, verb, parts))
        return Cue(tuple(sorted(parts)), index, verb)
    return None


def _other_verb_with_sein(tokens: list[Tok], index: int, aux: int | None, end: int, lexicon: Lexicon) -> bool:
    """A participle that two verbs share is the speech verb's only with ``haben`` or ``werden``: ``hat ihm
    geraten``, ``wurde geraten`` speak; ``ist unter Druck geraten`` and ``weil er in Not geraten war`` are
    ``geraten`` (to get into), which takes ``sein``."""
    if not lexicon.has("sein_homograph", tokens[index].low):
        return False
    after = index + 1 < end and lexicon.has("sein_aux", tokens[index + 1].low)
    return after or (aux is not None and lexicon.has("sein_aux", tokens[aux].low))


def _attached(tokens: list[Tok], index: int, end: int, verb: SpeechVerb, parts: list[int]) -> list[int]:
    """Words that belong to the cue: ``äußerte sich``, ``geht davon aus``, ``berichtet wurde``."""
    extra = []
    following = index + 1
    if following < end and tokens[following].low == "sich" and "refl" in verb.frames:
        extra.append(following)
    if following < end and tokens[following].low in _PASSIVE and tokens[index].low.endswith("t"):
        extra.append(following)
    if "pro" in verb.frames:
        stop = parts[-1] if len(parts) > 1 else min(end, index + MAX_PARTICLE_GAP)
        extra.extend(other for other in range(following, stop) if tokens[other].low in _PRONOMINAL)
    return extra


def _next_to_es(tokens: list[Tok], index: int, begin: int, end: int) -> bool:
    """``heißt es`` / ``es heißt`` / ``wie es aus Kreisen … hieß``: the impersonal cue needs its ``es``
    (next to the verb, or right after the ``wie`` that opens the verb-final clause)."""
    if index + 1 < end and tokens[index + 1].low == "es":
        return True
    if index > begin and tokens[index - 1].low == "es":
        return True
    for other in range(index - 1, begin, -1):
        if is_clause_end(tokens[other - 1]) or tokens[other - 1].low == "wie":
            return tokens[other - 1].low == "wie" and tokens[other].low == "es"
    return False


#: Words a ``wie``-clause may hold before the verb that frames it (``Wie sich aus der Auswertung ergab``)
#: at most: a document verb's clause is short (issue 12, seventeenth session).
MAX_WIE_CLAUSE = 14


def _ends_wie_clause(tokens: list[Tok], index: int, begin: int) -> bool:
    """Whether the verb at ``index`` ends a clause opened by ``wie`` (``Wie eine Studie ergab, …``, ``…, wie
    eine Bekanntmachung zeigt.``): the only place a verb of the ``wie`` frame (a document's ``ergeben``,
    ``zeigen``) reports (``Die Studie ergab keine Hinweise`` is no report)."""
    for other in range(index - 1, max(begin - 1, index - MAX_WIE_CLAUSE - 1), -1):
        if is_clause_end(tokens[other]):
            return False
        if tokens[other].low == "wie" and (other == begin or is_clause_end(tokens[other - 1])):
            return True
    return False


def find_cues(tokens: list[Tok], begin: int, end: int, lexicon: Lexicon, skip: set[int]) -> list[Cue]:
    """All cues in sentence tokens ``begin:end``, leaving out tokens in ``skip`` (inside quotations)."""
    found: list[Cue] = []
    verbs, lemmas = lexicon.verbs, lexicon.lemmas
    for index in range(begin, end):
        tok = tokens[index]
        if index in skip or (tok.low not in verbs and tok.lemma not in lemmas):
            continue  # no entry: ``cue_at`` would return None (~1 token in 9 has one; issue 17zl)
        if not tok.text[0].islower() or (tok.pos and not tok.pos.startswith("V")):
            continue  # ``cue_at``'s own first test, without the call (the stage's time budget of issue 12)
        cue = cue_at(tokens, index, begin, end, lexicon)
        if cue is not None:
            found.append(cue)
    return found
