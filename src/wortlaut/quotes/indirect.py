"""Indirect and reported speech framed by a speech verb.

Three shapes, tried in this order for each cue:

* cue first, clause after: ``sagte, er wolle …``, ``betonte, dass …``, ``kündigte an, … zu prüfen``;
* clause first, cue after: ``Die Lage sei ernst, sagte er.`` and ``Wie der Sprecher mitteilte, …``;
* no clause: the verb's object is the reported content (``Er betonte die Notwendigkeit …``).
"""

from __future__ import annotations

from bisect import bisect_left

from wortlaut.quotes.context import IMPERSONAL, OPENERS, Context
from wortlaut.quotes.cues import Cue
from wortlaut.quotes.direct import MAX_FRAME_TOKENS
from wortlaut.quotes.found import Found
from wortlaut.quotes.frame_parts import object_in_gap, passive_agent, past_quoted_name, wie_begin
from wortlaut.quotes.speakers import phrase_after, skip_tagged_adverbs

#: Tokens between the cue and the comma that opens its clause (inverted subject, adverbs, a channel):
#: "sagte der ukrainische Präsident am Mittwoch in Kiew," is 8; longer gaps hold an object or a second clause.
MAX_GAP = 10
#: How many tokens into a clause we look for its Konjunktiv verb ("er wolle", "die Ukraine sei … ");
#: after a speech verb and its comma a Konjunktiv this far in still marks reported speech.
SUBJUNCTIVE_WINDOW = 20
#: A trailing frame ("…, sagte X, der Sprecher der Polizei in Y.") is at most this many tokens after the cue.
MAX_TRAILING_FRAME = 16
#: A trailing frame's subject may follow tagged adverbs (``…, sagte jetzt allerdings eine Sprecherin.``,
#: ``…, teilte später der Direktor mit``); before, one listed adverb at most stood between verb and subject.
TRAILING_ADVERBS = True
#: A reported clause before a trailing frame may hold a relative clause when a finite verb stands outside it
#: (``Ein Tief, das … gestanden hatte, habe … erreicht, meldet die Behörde.``, see ``_main_verb_before``).
TRAILING_AFTER_RELATIVE = True
#: Verbless comma-closed segments after an inverted subject (its apposition, ``gegenüber der BBC``) are part
#: of the frame, not the reported clause (see ``_past_appositions``).
INVERTED_APPOSITIONS = True
#: A reported clause after a speech verb in a relative clause ends where the main clause resumes with its
#: finite verb (``Ein Video, in dem behauptet wird, dass …, ist frei erfunden``; see ``_matrix_resumes``).
RELATIVE_CLAUSE_END = True
#: ``…, das teilte X mit`` / ``… – das zumindest meint X``: a demonstrative for the clause before it
#: (``_demonstrative_bridge``) between the comma or dash and the trailing frame's verb.
TRAILING_DEMONSTRATIVE = True
#: What may end the reported clause before a trailing frame (a dash only before a demonstrative).
_TRAILING_BRIDGES = frozenset({",", "–", "—", "-"})
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
#: Prepositions that introduce reported content after a verb ("sprach von einem Erfolg", "warnte vor …").
_ABOUT = frozenset({"von", "über", "vor", "auf", "für"})
#: Conjunctions that open an adverbial clause (used when the tokens carry no POS).
_SUBORDINATORS = frozenset(
    {"wenn", "falls", "als", "weil", "obwohl", "nachdem", "während", "da", "sobald", "bevor"}
)
#: A trailing frame's content before the comma must be a clause with a finite verb, and no ``wie``-frame
#: (``Simon Marx, Vorsitzender des Jungen Bioland, unterstrich …`` is a subject with its apposition; issue 12,
#: fourteenth session).
TRAILING_CLAUSES_ONLY = True
#: A leading ``wie``-frame's reported clause ends at a colon that opens a quotation (issue 12, fourteenth
#: session).
COLON_ENDS_CLAUSE = True
#: A relative clause before a trailing frame is reported content when a Konjunktiv I verb stands there.
REPORTED_RELATIVES = True
#: Clauses that still report after an object between verb and comma ("sagte den Gewerkschaften, sie müssten").
_AFTER_OBJECT = frozenset({"subjunctive", "complement", "infinitive"})
#: Passive auxiliaries ("wurde … genannt").
_PASSIVE_AUX = frozenset({"wurde", "wurden", "wird", "werden"})
#: A speakerless passive report needs a sentence this long (tokens); shorter ones are asides.
MIN_PASSIVE_SENTENCE = 6
#: Words that open a relative clause when the tokens carry no POS.
_RELATIVES = frozenset({"der", "die", "das", "dem", "den", "denen", "deren", "dessen", "welche", "welcher"})
#: The shortest object phrase accepted as reported content ("die Notwendigkeit umfassender Hilfe").
MIN_REPORTED = 2
#: A zu-infinitive after the comma reports speech after every verb that takes a clause, not only after
#: those whose row lists ``inf`` ("gab an, nichts gewusst zu haben", "sagten, eine Explosion gesehen zu
#: haben"; the subject of the infinitive is the speaker's).  Issue 12, twelfth session, by train CV.
INF_AFTER_SAYING = True
#: Frames that mark a verb as one that takes reported clauses (for ``INF_AFTER_SAYING``).
_SAYING = frozenset({"dass", "sub"})
#: ``wie``-clauses with a quoted name in them, after a leading conjunction (``Denn wie X berichtete,``)
#: or closed by an auxiliary (``Wie X bekanntgegeben hat,``); issue 12, twelfth session.
WIE_VARIANTS = True
#: Conjunctions that may stand before a sentence-initial ``wie``-clause.
_LEADING_CONJUNCTIONS = frozenset({"denn", "und", "aber", "doch", "auch"})
#: A passive speech verb with a ``von``/``durch`` agent reports its subject (``Von der Opposition wurde
#: … kritisiert``); before, the object had to follow the participle.
PASSIVE_AGENT = True
#: Words that open an adverbial zu-infinitive (purpose, manner), never a verb's reported content.
_ADVERBIAL_INFINITIVE = frozenset({"um", "ohne", "statt", "anstatt"})


#: A clause after an object that ends in a zu-infinitive is no relative clause on the object, even when it
#: opens with an article the tagger reads as a relative pronoun (``empfahl dem Gericht, der Klage
#: stattzugeben``; issue 12, fifteenth session).
INFINITIVE_NO_RELATIVE = True
#: A pronominal adverb right before the comma (``kritisierte X dafür, … zu haben``, ``warnte davor, …``)
#: announces the clause after it as the verb's content, whatever object stands before it.
CORRELATES = True


#: A semicolon ends the reported clause after a cue (the sentence reader does not split there; issue 12,
#: fifteenth session).
SEMICOLON_ENDS_CLAUSE = True


#: A non-finite cue at the end of a Konjunktiv clause is part of that report, not the frame of the clause
#: after it (see ``_inside_reported``; issue 12, fifteenth session).
INNER_CUES = True


def _found(ctx: Context, cue: Cue, mode: str, begin: int, end: int, rule: str, sentence: int) -> Found | None:
    if end <= begin:
        return None
    return Found(
        mode=mode,
        quote=[ctx.chars(begin, end)],
        rule=rule,
        sentence=sentence,
        cue=[ctx.chars(part, part + 1) for part in cue.parts],
        medium=cue.verb.medium,
    )


def _clause_kind(ctx: Context, cue: Cue, start: int, end: int) -> str | None:
    """Why the clause at ``start`` is reported speech: complementizer, Konjunktiv verb or zu-infinitive."""
    first = ctx.tokens[start].low
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
    """The first comma outside quotations in ``start:end`` (``end`` when none): a zu-infinitive clause ends
    there when a relative clause or a second clause follows it (``angekündigt, eine Kommission zu gründen,
    die …``)."""
    for index in range(start + 1, end):
        if ctx.tokens[index].low == "," and ctx.quote_of[index] < 0:
            return index
    return end


def semicolon_part(ctx: Context, begin: int, end: int, first: int, last: int) -> tuple[int, int]:
    """The part of sentence ``begin:end`` between the semicolons (outside quotations) around tokens
    ``first:last`` (the sentence reader does not split at a semicolon; :data:`SEMICOLON_ENDS_CLAUSE`)."""
    if not SEMICOLON_ENDS_CLAUSE:
        return begin, end
    marks = ctx.semicolons
    before, after = bisect_left(marks, first), bisect_left(marks, last)
    start = marks[before - 1] + 1 if before > 0 and marks[before - 1] >= begin else begin
    stop = marks[after] if after < len(marks) and marks[after] < end else end
    return start, stop


def _coordinated_end(ctx: Context, start: int, stop: int) -> int:
    """End of a reported clause before "und" + an indicative finite verb: the frame's subject acts again
    ("sagte, sie müssten … aufgeben, und bemühte das Bild vom …")."""
    for index in range(start + 1, min(stop, start + MAX_FRAME_TOKENS) - 1):  # bounded: linear per text
        following = ctx.tokens[index + 1]
        if (
            ctx.tokens[index].low == "und"
            and ctx.quote_of[index] < 0
            and following.pos is not None
            and following.pos.endswith("FIN")
            and following.mood == "ind"
        ):
            return ctx.trim_final(start, index)
    return stop


def _relative(ctx: Context, start: int) -> bool:
    """A relative clause on the object ("betonte die Priorität …, die … wichtig seien"): not reported."""
    first = ctx.tokens[start]
    return first.pos in {"PRELS", "PRELAT"} or first.low in _RELATIVES


def cue_first(ctx: Context, cue: Cue, sentence: int) -> Found | None:
    """``X sagte, er wolle …`` / ``X betonte, dass …``: the clause after the cue's comma."""
    begin, end = ctx.sentences[sentence]
    if INNER_CUES and _inside_reported(ctx, cue, begin):
        return None
    comma = cue.last + 1
    while comma < end and ctx.tokens[comma].low not in {",", ":"}:
        if ctx.quote_of[comma] >= 0:
            past = past_quoted_name(ctx, comma)
            if past is None:
                break
            comma = past
            continue
        comma += 1
    if comma >= end - 1 or ctx.tokens[comma].low != "," or comma - cue.last - 1 > MAX_GAP:
        return None
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
    stop = _coordinated_end(
        ctx, start, ctx.trim_final(start, semicolon_part(ctx, start, end, start, start)[1])
    )
    if RELATIVE_CLAUSE_END and _in_relative(ctx, cue.first, begin):
        stop = _matrix_resumes(ctx, start, stop)
    kind = _clause_kind(ctx, cue, start, stop)
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
    return _found(ctx, cue, "indirect", start, stop, f"indirect.{kind}", sentence)


def _inside_reported(ctx: Context, cue: Cue, begin: int) -> bool:
    """Whether a non-finite cue closes a clause that is itself reported (``…, er werde sich erst äußern,
    wenn …``, ``er habe seine Prinzipien verraten, als …``): a Konjunktiv I finite verb in its clause before
    it and an adverbial clause after its comma, which goes on with the same report, not a new one."""
    if len(cue.parts) != 1 or ctx.tokens[cue.first].pos not in {"VVINF", "VVPP", "VVIZU"}:
        return False
    after = cue.last + 2
    if cue.last + 1 >= len(ctx.tokens) or ctx.tokens[cue.last + 1].low != ",":
        return False
    if after >= len(ctx.tokens) or ctx.tokens[after].low not in _SUBORDINATORS:
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


def cue_after(ctx: Context, cue: Cue, sentence: int) -> Found | None:
    """``Die Lage sei ernst, sagte er.``: the clause before a comma that the cue follows."""
    begin, end = ctx.sentences[sentence]
    comma = _demonstrative_bridge(ctx, cue.first, begin) if TRAILING_DEMONSTRATIVE else None
    comma = cue.first - 1 if comma is None else comma
    if comma <= begin + 1 or ctx.tokens[comma].low not in _TRAILING_BRIDGES:
        return None
    if ctx.tokens[comma].low != "," and comma == cue.first - 1:
        return None  # a dash alone before the verb opens no frame; "– das meint X" does
    if ctx.quote_of[comma - 1] >= 0:
        return None  # a direct quotation: handled with the quotation
    if end - cue.last > MAX_TRAILING_FRAME:
        return None
    first = ctx.tokens[begin]
    if first.pos in {"KOUS", "KOUI"} or first.low in _SUBORDINATORS:
        return None  # "Wenn …, droht …", "Um … zu erinnern, riefen …": an adverbial clause
    relative = any(tok.pos == "PRELS" for tok in ctx.tokens[begin:comma])
    if relative and not (
        (REPORTED_RELATIVES and _reported(ctx, begin, comma))
        or (TRAILING_AFTER_RELATIVE and _main_verb_before(ctx, begin, comma))
    ):
        return None  # "X, der … ist, wies … zurück": a relative clause
    if TRAILING_CLAUSES_ONLY and _no_clause(ctx, begin, comma):
        return None  # "Simon Marx, Vorsitzender des …, unterstrich …", "Wie der SWR berichtet, …"
    after = cue.first + 1 if cue.first != cue.verb_index else cue.verb_index + 1
    if TRAILING_ADVERBS:
        # a part before the comma with no finite verb ("Die Bank, die größte des Landes, meldete heute
        # Verluste": a subject, no clause) was already turned away by ``_no_clause`` above
        after = _skip_frame_adverbs(ctx, after, end)
    speaker = phrase_after(ctx.tokens, after, end, ctx.lexicon)
    # ``…, hieß es (aus dem Ministerium).``: the impersonal cue has no subject; its source may follow.
    impersonal = cue.verb.lemma == IMPERSONAL and after < end and ctx.tokens[after].low == "es"
    if not impersonal and (speaker is None or speaker[0] > after + 1):
        return None
    found = _found(ctx, cue, "indirect", begin, comma, "indirect.trailing", sentence)
    if found is not None and speaker is not None and relative:
        found.speaker = ctx.chars(*speaker)  # not the head noun before the relative clause
    return found


def _reported(ctx: Context, begin: int, stop: int) -> bool:
    """Whether a finite verb before a trailing frame's comma is Konjunktiv I (``Eine Herausforderung, der
    sich die Gesellschaft nicht gestellt habe, sagte …``): reported content, not a subject's relative
    clause."""
    return any(
        tok.pos is not None and tok.pos.endswith("FIN") and ctx.is_subjunctive(index, strict=True)
        for index, tok in enumerate(ctx.tokens[begin:stop], start=begin)
    )


def _no_clause(ctx: Context, begin: int, stop: int) -> bool:
    """Whether the words before a trailing frame's comma are no reported clause: no finite verb (a subject
    with its apposition) or a ``wie``-frame of its own."""
    if ctx.tokens[begin].low == "wie":
        return True
    return not any(tok.pos is not None and tok.pos.endswith("FIN") for tok in ctx.tokens[begin:stop])


def _demonstrative_bridge(ctx: Context, verb: int, begin: int) -> int | None:
    """``…, das teilte X mit``, ``… – das zumindest meint X``: the comma or dash before a demonstrative that
    stands for the clause before it (adverbs between it and the verb skipped), or ``None``."""
    index = verb - 1
    while index > begin and ctx.tokens[index].pos == "ADV":
        index -= 1
    if index <= begin or ctx.tokens[index].low not in _ANAPHORS or ctx.tokens[index].pos != "PDS":
        return None
    return index - 1 if ctx.tokens[index - 1].low in _TRAILING_BRIDGES else None


def _skip_frame_adverbs(ctx: Context, index: int, end: int) -> int:
    """Past adverbs and adverbial adjectives after a trailing frame's verb (``teilte später … mit``)."""
    while index < end:
        moved = skip_tagged_adverbs(ctx.tokens, index, end)
        if moved < end and ctx.tokens[moved].pos == "ADJD":
            moved += 1
        if moved == index:
            return index
        index = moved
    return index


def _main_verb_before(ctx: Context, begin: int, stop: int) -> bool:
    """Whether ``begin:stop`` holds a finite verb outside its relative clauses (``Ein Tief, das … gestanden
    hatte, habe … erreicht``: a reported clause; ``X, der … ist,`` is a subject with its relative clause)."""
    relative = False
    for index in range(begin, stop):
        tok = ctx.tokens[index]
        if tok.pos in {"PRELS", "PRELAT"} and _after_comma(ctx, index, begin):
            relative = True
        elif relative and tok.low == "," and tok.pos is not None:
            relative = False
        elif not relative and tok.pos is not None and tok.pos.endswith("FIN"):
            return True
    return False


def _after_comma(ctx: Context, index: int, begin: int) -> bool:
    """Whether a relative pronoun opens its clause after a comma, a preposition between (``, auf die``)."""
    before = index - 1
    if before > begin and ctx.tokens[before].pos in {"APPR", "APPRART"}:
        before -= 1
    return before >= begin and ctx.tokens[before].low == ","


def _in_relative(ctx: Context, index: int, begin: int) -> bool:
    """Whether token ``index`` stands in a relative clause (``ein Video, in dem behauptet wird, …``)."""
    start = ctx.clause_begin(index, begin)
    opener = start + 1 if ctx.tokens[start].pos in {"APPR", "APPRART"} else start
    relative = ctx.tokens[opener].pos in {"PRELS", "PRELAT"}
    return opener < index and relative and _after_comma(ctx, opener, begin)


def _matrix_resumes(ctx: Context, start: int, stop: int) -> int:
    """The comma before the main clause's finite verb (``…, dass er fliegt, ist frei erfunden``): a
    reported clause inside a relative clause ends there (``stop`` when the main clause does not resume)."""
    for index in range(start + 1, stop - 1):
        following = ctx.tokens[index + 1]
        if ctx.tokens[index].low == "," and ctx.quote_of[index] < 0 and (following.pos or "").endswith("FIN"):
            return index
    return stop


def wie_clause(ctx: Context, cue: Cue, sentence: int) -> Found | None:
    """``Wie der Sprecher mitteilte, …`` and ``…, wie die Zeitung schreibt.``"""
    begin, end = ctx.sentences[sentence]
    start = wie_begin(ctx, cue.first, begin) if WIE_VARIANTS else ctx.clause_begin(cue.first, begin)
    leading = start == begin and ctx.tokens[start].low in _LEADING_CONJUNCTIONS
    if WIE_VARIANTS and leading and start + 1 < cue.first and ctx.tokens[start + 1].low == "wie":
        start += 1  # "Denn wie X berichtete, …"
    if ctx.tokens[start].low != "wie" or cue.last + 1 >= end:
        return None
    parts = cue.parts
    if WIE_VARIANTS and cue.last + 2 < end and ctx.lexicon.has("aux", ctx.tokens[cue.last + 1].low):
        parts = (*parts, cue.last + 1)  # "Wie X bekanntgegeben hat, …": the auxiliary closes the clause
    last = parts[-1]
    follower = ctx.tokens[last + 1].low
    with_wie = Cue((start, *parts), cue.verb_index, cue.verb)
    opens = start == begin or (
        WIE_VARIANTS and start == begin + 1 and ctx.tokens[begin].low in _LEADING_CONJUNCTIONS
    )
    if opens and follower == ",":
        stop = _before_quotation(ctx, last + 2, ctx.trim_final(last + 2, end))
        return _found(ctx, with_wie, "indirect", last + 2, stop, "indirect.wie", sentence)
    if (
        start > begin + 2
        and ctx.tokens[start - 1].low == ","
        and ctx.trim_final(cue.last + 1, end) == cue.last + 1
    ):
        return _found(ctx, with_wie, "indirect", begin, start - 1, "indirect.wie", sentence)
    return None


def _before_quotation(ctx: Context, start: int, stop: int) -> int:
    """``Wie X erklärte, wollte sich … kümmern: „Das war …“``: the reported clause ends at a colon that opens
    a quotation; the quotation is a statement of its own (:data:`COLON_ENDS_CLAUSE`)."""
    if not COLON_ENDS_CLAUSE:
        return stop
    for index in range(start + 1, stop - 1):
        if ctx.tokens[index].low == ":" and ctx.quote_of[index] < 0 and ctx.quote_of[index + 1] >= 0:
            return index
    return stop


def _spoken(ctx: Context, number: int) -> bool:
    """A quotation that is someone's words, not a quoted name of two or more capitalised words."""
    quoted = ctx.quoted[number]
    words = [word.strip('„“”"»«‚‘’') for word in ctx.text[quoted.start : quoted.end].split()]
    words = [word for word in words if word]
    return len(words) < 2 or any(word[:1].islower() for word in words)


def _object_like(ctx: Context, index: int) -> bool:
    """A token that can open the reported content: an article, a noun, an adjective, ``von``/``über``."""
    word = ctx.tokens[index]
    if ctx.lexicon.has("stop", word.low) and word.low not in _ABOUT:
        return False
    return (
        word.low in _ABOUT
        or ctx.lexicon.has("determiner", word.low)
        or word.text[:1].isupper()
        or word.pos == "ADJA"
    )


def _as_prefield(ctx: Context, clause: int, cue: Cue) -> bool:
    """``Als Grund nannte er …``: "als" + a noun right before the verb is a main clause's prefield."""
    return (
        ctx.tokens[clause].low == "als"
        and cue.first == clause + 2
        and ctx.tokens[clause + 1].text[:1].isupper()
    )


def _passive(ctx: Context, cue: Cue) -> bool:
    """A passive cue: a form of "werden" with the speech verb's participle ("wurde bemängelt")."""
    return cue.first != cue.verb_index and ctx.tokens[cue.first].low in _PASSIVE_AUX


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
    return _found(ctx, cue, "indirect", start, stop, "indirect.infinitive", sentence)


def reported(ctx: Context, cue: Cue, sentence: int) -> Found | None:
    """``Er betonte die Notwendigkeit …``: the object of a speech verb, when the verb takes one."""
    if "object" not in cue.verb.frames:
        return None
    begin, end = ctx.sentences[sentence]
    if any(ctx.quote_of[index] >= 0 and _spoken(ctx, ctx.quote_of[index]) for index in range(begin, end)):
        return None  # the quotation is the reported content ("nannte den Bericht eine „Zeitungsente“")
    clause = ctx.clause_begin(cue.first, begin)
    if (
        ctx.tokens[clause].low in {"wie", "dass", "ob", "als", "weil", "nachdem", "die", "der", "das", "was"}
        and clause < cue.first
        and not ctx.subject_first(cue, begin)
        and not _as_prefield(ctx, clause, cue)
    ):
        return None
    subject = ctx.speaker_of(cue, begin, end)
    if subject is None:
        if _passive(ctx, cue) and end - begin >= MIN_PASSIVE_SENTENCE:
            # "Als Todesursache wurde ein Herzinfarkt angegeben": a report with no speaker named.
            return _found(ctx, cue, "reported", begin, end, "reported.passive", sentence)
        return None
    start = subject[1] if subject[0] > cue.verb_index else cue.verb_index + 1
    stop = cue.last if cue.last > cue.verb_index else ctx.clause_end(start, end)
    agent = passive_agent(ctx, begin, cue.last) if PASSIVE_AGENT and _passive(ctx, cue) else None
    if agent is not None:
        start, stop = begin, cue.last  # "Von der Opposition wurde die Art des Besuchs kritisiert"
    if not any(_object_like(ctx, index) for index in range(start, stop)) or stop - start < MIN_REPORTED:
        return None
    # The WikiNews annotation marks the whole sentence as the reported content.
    first, last = semicolon_part(ctx, begin, end, cue.first, cue.last + 1)
    found = _found(ctx, cue, "reported", first, last, "reported.object", sentence)
    phrase = phrase_after(ctx.tokens, agent + 1, cue.last, ctx.lexicon) if agent is not None else None
    if found is not None and phrase is not None:
        found.speaker = ctx.chars(*phrase)  # the agent speaks, not the passive subject
    return found


#: Demonstratives that point back to the previous sentence as what the cue reports ("Dies bestätigte …").
_ANAPHORS = frozenset({"dies", "das", "dieses"})


def anaphoric(ctx: Context, cue: Cue, sentence: int) -> Found | None:
    """``… . Dies bestätigte der Sprecher.``: the previous sentence is the reported content.

    The WikiNews annotation puts the demonstrative into the quotation (29 times in train).
    """
    begin = ctx.sentences[sentence][0]
    if sentence == 0 or cue.first != begin + 1 or ctx.tokens[begin].low not in _ANAPHORS:
        return None
    before, stop = ctx.sentences[sentence - 1]
    stop = ctx.trim_final(before, stop)
    if stop - before < MIN_REPORTED or any(ctx.quote_of[index] >= 0 for index in (before, stop - 1)):
        return None
    found = _found(ctx, cue, "indirect", before, stop, "indirect.anaphoric", sentence)
    if found is not None:
        found.quote.append(ctx.chars(begin, begin + 1))
    return found
