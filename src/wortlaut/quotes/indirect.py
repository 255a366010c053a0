"""Indirect and reported speech framed by a speech verb.

Three shapes, tried in this order for each cue:

* cue first, clause after: ``sagte, er wolle …``, ``betonte, dass …``, ``kündigte an, … zu prüfen``;
* clause first, cue after: ``Die Lage sei ernst, sagte er.`` and ``Wie der Sprecher mitteilte, …``;
* no clause: the verb's object is the reported content (``Er betonte die Notwendigkeit …``).

This module holds the first shape and the comma-less zu-infinitive; the second is in
:mod:`wortlaut.quotes.trailing`, the third in :mod:`wortlaut.quotes.object_reports`.  All three stay
importable from here.
"""

from __future__ import annotations

from wortlaut.quotes.context import OPENERS, Context
from wortlaut.quotes.cues import Cue
from wortlaut.quotes.direct import MAX_FRAME_TOKENS
from wortlaut.quotes.found import Found
from wortlaut.quotes.frame_clauses import (
    SUBORDINATORS,
    after_comma,
    make_found,
    negated_before,
    new_speaker_clause,
    open_decision,
    opened_before,
)
from wortlaut.quotes.frame_clauses import semicolon_part as semicolon_part
from wortlaut.quotes.frame_parts import object_in_gap, past_quoted_name
from wortlaut.quotes.object_reports import anaphoric as anaphoric
from wortlaut.quotes.object_reports import reported as reported
from wortlaut.quotes.trailing import cue_after as cue_after
from wortlaut.quotes.trailing import wie_clause as wie_clause

#: Tokens between the cue and the comma that opens its clause (inverted subject, adverbs, a channel):
#: "sagte der ukrainische Präsident am Mittwoch in Kiew," is 8; longer gaps hold an object or a second clause.
MAX_GAP = 10
#: How many tokens into a clause we look for its Konjunktiv verb ("er wolle", "die Ukraine sei … ");
#: after a speech verb and its comma a Konjunktiv this far in still marks reported speech.
SUBJUNCTIVE_WINDOW = 20
#: Verbless comma-closed segments after an inverted subject (its apposition, ``gegenüber der BBC``) are part
#: of the frame, not the reported clause (see ``_past_appositions``).
INVERTED_APPOSITIONS = True
#: A reported clause after a speech verb in a relative clause ends where the main clause resumes with its
#: finite verb (``Ein Video, in dem behauptet wird, dass …, ist frei erfunden``; see ``_matrix_resumes``).
RELATIVE_CLAUSE_END = True
#: Adverbs skipped before deciding whether a verb has an object ("betonte auch die Priorität …").
_GAP_ADVERBS = frozenset(
    {
        "auch",
        "zudem",
        "außerdem",
        "erneut",
        "jedoch",
        "aber",
        "nun",
        "ebenfalls",
        "noch",
        "bereits",
        "dabei",
        "dazu",
        "seinerseits",
        "ihrerseits",
        "nochmals",
        "wiederholt",
    }
)
#: Clauses that still report after an object between verb and comma ("sagte den Gewerkschaften, sie müssten").
_AFTER_OBJECT = frozenset({"subjunctive", "complement", "infinitive"})
#: Words that open a relative clause when the tokens carry no POS.
_RELATIVES = frozenset({"der", "die", "das", "dem", "den", "denen", "deren", "dessen", "welche", "welcher"})
#: A zu-infinitive after the comma reports speech after every verb that takes a clause, not only after
#: those whose row lists ``inf`` ("gab an, nichts gewusst zu haben", "sagten, eine Explosion gesehen zu
#: haben"; the subject of the infinitive is the speaker's).  Issue 12, twelfth session, by train CV.
INF_AFTER_SAYING = True
#: Frames that mark a verb as one that takes reported clauses (for ``INF_AFTER_SAYING``).
_SAYING = frozenset({"dass", "sub"})
#: Words that open an adverbial zu-infinitive (purpose, manner), never a verb's reported content.
_ADVERBIAL_INFINITIVE = frozenset({"um", "ohne", "statt", "anstatt"})
#: A clause of manner or result after the comma (``indem``, ``sodass``) says how or with what effect, never
#: what was said (issue 12, seventeenth session, second round).
MANNER_CLAUSES = True
_MANNER = frozenset({"indem", "sodass"})
#: A clause after an object that ends in a zu-infinitive is no relative clause on the object, even when it
#: opens with an article the tagger reads as a relative pronoun (``empfahl dem Gericht, der Klage
#: stattzugeben``; issue 12, fifteenth session).
INFINITIVE_NO_RELATIVE = True
#: A pronominal adverb right before the comma (``kritisierte X dafür, … zu haben``, ``warnte davor, …``)
#: announces the clause after it as the verb's content, whatever object stands before it.
CORRELATES = True
#: A non-finite cue at the end of a Konjunktiv clause is part of that report, not the frame of the clause
#: after it (see ``_inside_reported``; issue 12, fifteenth session).
INNER_CUES = True
#: A reported clause ends before ``, doch`` / ``, und`` + a new subject + an indicative speech verb: a second
#: speaker's frame (issue 12, seventeenth session, second round).
COORDINATED_SPEAKERS = True
#: A dash ends a zu-infinitive clause as a comma does (``aufgefordert, ihre Häuser zu verlassen – die Hälfte
#: davon in …``; issue 12, seventeenth session, second round).
DASH_ENDS_INFINITIVE = True


def _clause_kind(ctx: Context, cue: Cue, start: int, end: int) -> str | None:
    """Why the clause at ``start`` is reported speech: complementizer, Konjunktiv verb or zu-infinitive."""
    first = ctx.tokens[start].low
    if MANNER_CLAUSES and first in _MANNER:
        return None  # "kommentierte dies, indem er … vorwarf, …": how, not what; the inner verb reports
    if open_decision(ctx, cue, first):
        return None  # "der Richter entscheidet, ob Haft angeordnet wird": nothing decided yet
    if ctx.lexicon.has("complementizer", first) and first not in {
        "was",
        "wer",
        "welche",
        "welcher",
        "welches",
    }:
        return "complement"
    if any(ctx.is_subjunctive(index) for index in range(start, min(end, start + SUBJUNCTIVE_WINDOW))):
        return "subjunctive"
    frames = cue.verb.frames
    if first in _ADVERBIAL_INFINITIVE:
        return None  # "um … zu retten": a purpose clause, not what was said
    if ("inf" in frames or (INF_AFTER_SAYING and frames & _SAYING)) and (
        _zu_infinitive(ctx, start, end) or _zu_infinitive(ctx, start, _comma(ctx, start, end))
    ):
        return "infinitive"
    return None


def _zu_infinitive(ctx: Context, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` end in a zu-infinitive (``zu gründen``, ``einzuführen``)."""
    if end - start < 2:
        return False
    last, before = ctx.tokens[end - 1].low, ctx.tokens[end - 2].low
    return before == "zu" or ("zu" in last[2:-2] and last.endswith("en"))


def _comma(ctx: Context, start: int, end: int) -> int:
    """The first comma (or dash) outside quotations in ``start:end`` (``end`` when none): a zu-infinitive
    clause ends there when a relative clause or a second clause follows it (``angekündigt, eine Kommission zu
    gründen, die …``)."""
    marks = {",", "–", "—"} if DASH_ENDS_INFINITIVE else {","}
    for index in range(start + 1, end):
        if ctx.tokens[index].low in marks and ctx.quote_of[index] < 0:
            return index
    return end


#: A comma right before an indicative finite verb also ends the reported clause: the frame's subject goes on
#: without ``und`` (``hatte erklärt, er sei unschuldig, erkannte das Gericht nicht an``, ``räumte ein, es
#: könnten Stellen verloren gehen, sprach aber von …``; issue 12, seventeenth session).
RESUMED_MATRIX = True


def _resumes(ctx: Context, comma: int) -> bool:
    """Whether the comma at ``comma`` is followed by a finite verb of the frame's subject (see
    :data:`RESUMED_MATRIX`), not by a trailing frame (``…, sagte der Sprecher``: a speech verb with its
    subject right after it frames the clause before)."""
    if ctx.tokens[comma].low != "," or comma + 2 >= len(ctx.tokens):
        return False
    verb, after = ctx.tokens[comma + 1], ctx.tokens[comma + 2]
    return verb.low not in ctx.lexicon.verbs or after.pos not in {"ART", "NE", "NN", "PPER", "PPOSAT"}


def _coordinated_end(ctx: Context, start: int, stop: int) -> int:
    """End of a reported clause before "und" + an indicative finite verb: the frame's subject acts again
    ("sagte, sie müssten … aufgeben, und bemühte das Bild vom …")."""
    for index in range(start + 1, min(stop, start + MAX_FRAME_TOKENS) - 1):  # bounded: linear per text
        following = ctx.tokens[index + 1]
        if (
            (ctx.tokens[index].low == "und" or (RESUMED_MATRIX and _resumes(ctx, index)))
            and ctx.quote_of[index] < 0
            and following.pos is not None
            and following.pos.endswith("FIN")
            and following.mood == "ind"
        ):
            return ctx.trim_final(start, index)
        if COORDINATED_SPEAKERS and new_speaker_clause(ctx, index):
            return ctx.trim_final(start, index)
    return stop


#: With a POS layer, only a word tagged as a relative pronoun opens a relative clause: ``sagte der Zeitung,
#: die Reform sei nötig`` reports to the paper (the article ``die`` opens the reported clause); the word list
#: is for tokens without POS (issue 12, nineteenth session).
TAGGED_RELATIVES = True


def _relative(ctx: Context, start: int) -> bool:
    """A relative clause on the object ("betonte die Priorität …, die … wichtig seien"): not reported."""
    first = ctx.tokens[start]
    if TAGGED_RELATIVES and first.pos is not None:
        return first.pos in {"PRELS", "PRELAT"}
    return first.pos in {"PRELS", "PRELAT"} or first.low in _RELATIVES


def cue_first(ctx: Context, cue: Cue, sentence: int) -> Found | None:
    """``X sagte, er wolle …`` / ``X betonte, dass …``: the clause after the cue's comma."""
    begin, end = ctx.sentences[sentence]
    if INNER_CUES and _inside_reported(ctx, cue, begin):
        return None
    comma = cue.last + 1
    while comma < end and ctx.tokens[comma].low not in {",", ":"}:
        if ctx.tokens[comma].low == ")" and opened_before(ctx, cue, begin):
            return None  # "(Wikinews berichtete) hat es keine Entscheidung gegeben, ob …": an aside
        if ctx.quote_of[comma] >= 0:
            past = past_quoted_name(ctx, comma)
            if past is None:
                break
            comma = past
            continue
        comma += 1
    if comma >= end - 1 or ctx.tokens[comma].low != "," or comma - cue.last - 1 > MAX_GAP:
        return None
    if negated_before(ctx, comma, cue.verb.lemma):
        return None  # "wollte nicht bestätigen, dass …": what was not said
    has_object = False
    if comma > cue.last + 1 and ctx.subject_first(cue, begin):
        gap = cue.last + 1
        while gap < comma - 1 and ctx.tokens[gap].low in _GAP_ADVERBS:
            gap += 1
        gap_first = ctx.tokens[gap]
        has_object = ctx.lexicon.has("determiner", gap_first.low) or gap_first.text[:1].isupper()
    start = comma + 1
    if INVERTED_APPOSITIONS and not ctx.subject_first(cue, begin):
        start = _past_appositions(ctx, start, end)
    if ctx.tokens[start].low in OPENERS or (ctx.quote_of[start] >= 0 and ctx.tokens[start].low in OPENERS):
        return None
    if PREFIELD_CLAUSE_CUES and _main_after_prefield_clause(ctx, cue, begin, start):
        return None  # "Sollte der Antrag angenommen werden, könnte …": the main clause, not what was said
    stop = _coordinated_end(
        ctx, start, ctx.trim_final(start, semicolon_part(ctx, start, end, start, start)[1])
    )
    if RELATIVE_CLAUSE_END and _in_relative(ctx, cue.first, begin):
        stop = _matrix_resumes(ctx, start, stop)
    kind = _clause_kind(ctx, cue, start, stop)
    if kind == "complement" and _consecutive(ctx, cue, start, comma):
        return None  # "nimmt derart surreale Züge an, dass man sich fragt …": a result, not a report
    if _naming(ctx, start, stop):
        return None  # "kommentiert das Gesetz zur …, wie der Entwurf offiziell heißt": what it is called
    relative = _relative(ctx, start) and not (INFINITIVE_NO_RELATIVE and kind == "infinitive")
    if kind is None or (has_object and (kind not in _AFTER_OBJECT or relative)):
        return None  # an object sits between verb and comma: reported content, not a clause
    correlate = CORRELATES and ctx.tokens[comma - 1].pos == "PROAV"
    if (
        kind == "infinitive"
        and "inf" not in cue.verb.frames
        and not correlate
        and object_in_gap(ctx, cue, comma, begin, end)
    ):
        return None  # "erzählt X ihre Geschichte, (um) … bewusst zu machen": no infinitive complement
    return make_found(ctx, cue, "indirect", start, stop, f"indirect.{kind}", sentence)


#: A cue in a subordinate clause that opens the sentence (``Sollte der Antrag angenommen werden, …``, ``Falls
#: die Art als bedroht eingestuft wird, …``, ``Dass X das Gesetz für ungültig erklärt, …``) does not frame the
#: clause after its comma when that clause opens with a finite verb: it is the sentence's main clause, the
#: subordinate clause its prefield (issue 12, nineteenth session).
PREFIELD_CLAUSE_CUES = True
#: Also after a cue anywhere: an indicative finite verb right after the comma goes on with the cue's subject
#: (``bestätigten den Zwischenfall, teilten jedoch mit, es sei …``), it opens no reported clause; ``sollte``
#: opens a verb-first conditional inside the report (``forderte, sollte X die Macht übernehmen, …
#: auszusetzen``).
SECOND_VERBS = True
_CONDITIONAL_OPENERS = frozenset({"sollte", "sollten"})


def _main_after_prefield_clause(ctx: Context, cue: Cue, begin: int, start: int) -> bool:
    """Whether the clause at ``start`` opens with a finite verb and the cue stands in the sentence's first
    clause, opened by a subordinator or by a finite verb (a verb-first conditional): see
    :data:`PREFIELD_CLAUSE_CUES`."""
    first, opener = ctx.tokens[start], ctx.tokens[begin]
    if ctx.quote_of[start] >= 0 or first.pos is None or not first.pos.endswith("FIN"):
        return False
    if SECOND_VERBS and first.mood == "ind" and first.low not in _CONDITIONAL_OPENERS:
        return True
    if opener.pos != "KOUS" and not (opener.pos is not None and opener.pos.endswith("FIN")):
        return False
    return not any(
        ctx.tokens[index].low == "," and ctx.quote_of[index] < 0 for index in range(begin, cue.first)
    )


def _naming(ctx: Context, start: int, stop: int) -> bool:
    """Whether the clause at ``start`` is ``wie X heißt`` / ``wie X genannt wird``: it names the noun before
    it, it reports nothing (:data:`NAMING_CLAUSES`)."""
    if not NAMING_CLAUSES or ctx.tokens[start].low != "wie":
        return False
    return any(ctx.tokens[index].low in _NAMING_WORDS for index in range(start + 1, stop))


def _consecutive(ctx: Context, cue: Cue, start: int, comma: int) -> bool:
    """Whether the ``dass``-clause at ``start`` completes ``derart``, ``dermaßen``, ``solch-`` or ``so`` + an
    adjective or adverb in the cue's clause before ``comma``: a consecutive clause (what follows from the
    degree), not what was said (:data:`CONSECUTIVE_CLAUSES`)."""
    if not CONSECUTIVE_CLAUSES or ctx.tokens[start].low != "dass":
        return False
    for index in range(cue.first, comma):
        word = ctx.tokens[index].low
        if word in _DEGREE or word.startswith("solch"):
            return True
        if word == "so" and ctx.tokens[index + 1].pos in {"ADJD", "ADJA", "ADV"} and index + 1 < comma:
            return True
    return False


def _inside_reported(ctx: Context, cue: Cue, begin: int) -> bool:
    """Whether a non-finite cue closes a clause that is itself reported (``…, er werde sich erst äußern,
    wenn …``, ``er habe seine Prinzipien verraten, als …``): a Konjunktiv I finite verb in its clause before
    it and an adverbial clause after its comma, which goes on with the same report, not a new one."""
    if len(cue.parts) != 1 or ctx.tokens[cue.first].pos not in {"VVINF", "VVPP", "VVIZU"}:
        return False
    after = cue.last + 2
    if cue.last + 1 >= len(ctx.tokens) or ctx.tokens[cue.last + 1].low != ",":
        return False
    if after >= len(ctx.tokens) or ctx.tokens[after].low not in SUBORDINATORS:
        return False  # ``Es werde geschätzt, dass …``: the Konjunktiv frame's own content
    start = ctx.clause_begin(cue.first, begin)
    return any(
        (tok.pos or "").endswith("FIN") and ctx.is_subjunctive(index, strict=True)
        for index, tok in enumerate(ctx.tokens[start : cue.first], start=start)
    )


def _past_appositions(ctx: Context, start: int, end: int) -> int:
    """``sagte der Koordinator, Deftalgne Tessema, gegenüber der BBC, dass …``: after an inverted subject,
    comma-closed segments without a verb (appositions, a prepositional phrase) before a complementizer
    belong to the frame; the reported clause starts at the complementizer (else at ``start``)."""
    first = start
    while True:
        if start > first and ctx.lexicon.has("complementizer", ctx.tokens[start].low):
            return start
        comma = next(
            (index for index in range(start, min(end, start + MAX_GAP)) if ctx.tokens[index].low == ","), None
        )
        if comma is None or comma == start or comma + 1 >= end - 1:
            return first
        segment = ctx.tokens[start:comma]
        if (
            ctx.lexicon.has("complementizer", segment[0].low)
            or any(ctx.quote_of[index] >= 0 for index in range(start, comma))
            or any(tok.pos is None or tok.pos[:1] == "V" or tok.pos == "PTKZU" for tok in segment)
            or not any(tok.pos in {"NN", "NE"} for tok in segment)
        ):
            return first
        start = comma + 1


def _in_relative(ctx: Context, index: int, begin: int) -> bool:
    """Whether token ``index`` stands in a relative clause (``ein Video, in dem behauptet wird, …``)."""
    start = ctx.clause_begin(index, begin)
    opener = start + 1 if ctx.tokens[start].pos in {"APPR", "APPRART"} else start
    relative = ctx.tokens[opener].pos in {"PRELS", "PRELAT"}
    return opener < index and relative and after_comma(ctx, opener, begin)


def _matrix_resumes(ctx: Context, start: int, stop: int) -> int:
    """The comma before the main clause's finite verb (``…, dass er fliegt, ist frei erfunden``): a
    reported clause inside a relative clause ends there (``stop`` when the main clause does not resume)."""
    for index in range(start + 1, stop - 1):
        following = ctx.tokens[index + 1]
        if ctx.tokens[index].low == "," and ctx.quote_of[index] < 0 and (following.pos or "").endswith("FIN"):
            return index
    return stop


#: ``derart …, dass``, ``so laut …, dass``: a dass-clause completing a degree word in the cue's clause is a
#: consecutive clause, not reported content (issue 12, sixteenth session; see ``_consecutive``).
CONSECUTIVE_CLAUSES = True
#: ``…, wie der Entwurf offiziell heißt``: a ``wie``-clause with a verb of naming is no reported content
#: (issue 12, sixteenth session; see ``_naming``).
NAMING_CLAUSES = True
#: Verb forms of naming in such a clause.
_NAMING_WORDS = frozenset({"heißt", "hieß", "heißen", "hießen", "lautet", "lautete", "genannt"})
#: Degree words that a consecutive ``dass``-clause completes (with ``so`` + adjective and ``solch-``).
_DEGREE = frozenset({"derart", "dermaßen", "derartig", "derartige", "derartigen"})


#: A zu-infinitive after the closing participle or particle of a cue, without a comma (``hat angekündigt
#: die Preise zu erhöhen``, ``ruft dazu auf Männer zu verbrennen``) is the reported content (issue 12,
#: fifteenth session).
BARE_INFINITIVES = True


def bare_infinitive(ctx: Context, cue: Cue, sentence: int) -> Found | None:
    """``Philips hat angekündigt die Preise zu erhöhen``: a comma-less zu-infinitive clause after the
    right bracket (participle or separated particle) of a verb that takes a clause."""
    frames = cue.verb.frames
    if not BARE_INFINITIVES or not ("inf" in frames or (INF_AFTER_SAYING and frames & _SAYING)):
        return None
    end = ctx.sentences[sentence][1]
    start = cue.last + 1
    if ctx.tokens[cue.last].pos not in {"VVPP", "PTKVZ"} or start >= end:
        return None
    stop = ctx.trim_final(start, ctx.clause_end(start, end))
    if stop - start < 2 or not _zu_infinitive(ctx, start, stop):
        return None
    if any((tok.pos or "V").endswith("FIN") for tok in ctx.tokens[start:stop]):
        return None
    return make_found(ctx, cue, "indirect", start, stop, "indirect.infinitive", sentence)
