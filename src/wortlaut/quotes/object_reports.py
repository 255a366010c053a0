"""Reports without a clause: the speech verb's object is what was said (``Er betonte die Notwendigkeit …``),
or a demonstrative points back to the previous sentence (``Dies bestätigte der Sprecher.``).

The third of the three shapes of :mod:`wortlaut.quotes.indirect`; these rules take the whole sentence (or the
one before) as the report, as the WikiNews annotation does, so they share little with the clause rules.
"""

from __future__ import annotations

from wortlaut.quotes.context import Context
from wortlaut.quotes.cues import Cue, cue_at
from wortlaut.quotes.direct import called_word, so_sentence_frame
from wortlaut.quotes.found import Found
from wortlaut.quotes.frame_clauses import ANAPHORS, make_found, semicolon_part
from wortlaut.quotes.frame_parts import passive_agent
from wortlaut.quotes.source_clauses import second_main_clause
from wortlaut.quotes.speakers import phrase_after, phrase_before

#: Prepositions that introduce reported content after a verb ("sprach von einem Erfolg", "warnte vor …").
_ABOUT = frozenset({"von", "über", "vor", "auf", "für"})
#: ``sprachen X und Y``: ``und`` and a noun phrase after an inverted subject continue the subject, they are
#: no reported content (issue 12, sixteenth session).
COORDINATED_SUBJECTS = True
#: One quoted capitalised word (``gegen „Menschenhass“``) is a term, not someone's words: it does not stop
#: the object rule when a subject speaks (a speakerless passive sentence with any quotation stays out;
#: issue 12, sixteenth session).
SCARE_QUOTED_TERMS = True
#: A one-word quotation after ``als``/``einen`` with a naming verb (``nannte die Absage einen
#: „Vertrauensbruch“``, ``bezeichnete X als „Schatten-CIA“``) is what someone called it, a direct statement of
#: its own (``direct.CALLED_WORDS``), not a scare-quoted term inside a whole-sentence report (issue 12,
#: eighteenth session).
CALLED_QUOTES = True
#: Passive auxiliaries ("wurde … genannt").
_PASSIVE_AUX = frozenset({"wurde", "wurden", "wird", "werden"})
#: A speakerless passive report needs a sentence this long (tokens); shorter ones are asides.
MIN_PASSIVE_SENTENCE = 6
#: The shortest object phrase accepted as reported content ("die Notwendigkeit umfassender Hilfe").
MIN_REPORTED = 2
#: A passive speech verb with a ``von``/``durch`` agent reports its subject (``Von der Opposition wurde
#: … kritisiert``); before, the object had to follow the participle.
PASSIVE_AGENT = True


#: A speech verb's object in the second of two main clauses joined by a comma reports that clause, not the
#: whole sentence (``Heute demonstrierten nach Angaben der Veranstalter 7.000 Menschen, die Polizei spricht
#: von 4.000``; issue 12, seventeenth session; the ``laut`` phrases' rule of the fifteenth session).
SECOND_CLAUSES = True
#: Objects that make a speech verb no speech: ``sprechen für`` (``Die Zahlen sprechen für den Kandidaten``:
#: evidence argues) and ``fordern`` with a casualty noun (``Der Sturm forderte 92 Menschenleben``); issue 12,
#: seventeenth session, third round.
NOT_SAID = True
#: A noun phrase in the prefield that is the object (an accusative or dative opener, or a nominative pronoun
#: after the verb) is the reported content: ``Den Vorschlag lehnte der Minister ab`` (issue 12, seventeenth
#: session, third round). Only with a finite speech verb: the prefield dative of a passive is its addressee
#: (``Dem Politiker werden Verbrechen vorgeworfen``) and a pluperfect is background the corpus leaves out.
PREFIELD_OBJECTS = True


#: ``Er bezeichnete die Proteste als rechtmäßig und forderte … auf, …``: a second finite speech verb joined
#: by ``und`` (its subject shared) reports on its own; the first verb's report ends before ``und`` (issue 12,
#: eighteenth session).
COORDINATED_CUES = True


def _before_coordinated_cue(ctx: Context, cue: Cue, last: int, begin: int, end: int) -> int:
    """Where the whole-sentence report of ``cue`` ends: before ``und`` + a finite speech verb after the cue
    (:data:`COORDINATED_CUES`), else at ``last``."""
    for index in range(cue.last + 1, last - 1):
        if ctx.tokens[index].low != "und" or ctx.quote_of[index] >= 0:
            continue
        verb = ctx.tokens[index + 1]
        if verb.pos == "VVFIN" and cue_at(ctx.tokens, index + 1, begin, end, ctx.lexicon) is not None:
            return index
    return last


#: A contrasting ``während`` clause is another party's part of the sentence, not the report: ``Die USA
#: lehnten den Satz ab, während die EU-Staaten ihn begrüßten`` ends before the comma, ``Während X nichts
#: ändern wollte, plädierte Y für …`` begins after it (issue 12, eighteenth session).
CONTRAST_CLAUSES = True
_CONTRASTS = frozenset({"während", "wohingegen"})


def _without_contrast(ctx: Context, cue: Cue, first: int, last: int) -> tuple[int, int]:
    """The report ``first:last`` without a contrasting clause before or after the cue (see
    :data:`CONTRAST_CLAUSES`)."""
    if ctx.tokens[first].low in _CONTRASTS:
        comma = ctx.clause_end(first, cue.first)
        if comma < cue.first and ctx.tokens[comma].low == ",":
            first = comma + 1
    for index in range(cue.last + 1, last - 1):
        tok, following = ctx.tokens[index], ctx.tokens[index + 1]
        if tok.low == "," and following.low in _CONTRASTS and ctx.quote_of[index] < 0:
            return first, index
    return first, last


def _second_clause(ctx: Context, first: int, clause: int, last: int) -> bool:
    """Whether the cue's ``clause`` is the second of two comma-joined main clauses (see
    :data:`SECOND_CLAUSES`)."""
    return (
        SECOND_CLAUSES
        and first < clause
        and ctx.tokens[clause - 1].low == ","
        and second_main_clause(ctx, first, clause, last)
    )


def _prefield_object(ctx: Context, cue: Cue, clause: int, subject: tuple[int, int]) -> bool:
    """Whether the prefield ``clause:cue.first`` is a noun phrase that is the verb's object, its subject
    standing after the verb (``Den Vorschlag lehnte der Minister ab``, ``Die Tat bezeichnete er als
    sinnlos``; :data:`PREFIELD_OBJECTS`)."""
    if not PREFIELD_OBJECTS or subject[0] <= cue.first or clause >= cue.first or ctx.in_time(clause):
        return False
    if cue.first != cue.verb_index:
        return (
            False  # a perfect is background, a passive's dative is its addressee ("Dem X wird vorgeworfen")
        )
    if not ctx.lexicon.has("determiner", ctx.tokens[clause].low):
        return False
    phrase = phrase_before(ctx.tokens, clause, cue.first, ctx.lexicon)
    if phrase != (clause, cue.first):
        return False
    return ctx.opens_object(phrase) or ctx.nominative_after(cue)


#: A verb of declaring (``declaring_verb``: ``erklären``) with ``für`` + a predicative adjective or participle
#: closing its clause sets a status, it reports nothing: ``Der Schiedsrichter erklärte das Tor für gültig``,
#: ``erklärte die Demonstration für beendet`` (issue 12, twentieth session: read folds 2 false whole-sentence
#: reports, one a fold, 0 right).
DECLARED_STATUS = True
_PREDICATIVES = frozenset({"ADJD", "VVPP", "ADJA"})


def _declared(ctx: Context, cue: Cue, stop: int) -> bool:
    """Whether ``cue`` declares a status: ``für`` + a predicative word right before ``stop`` (see
    :data:`DECLARED_STATUS`)."""
    if not ctx.lexicon.has("declaring_verb", cue.verb.lemma) or stop < 2:
        return False
    last = ctx.trim_final(cue.verb_index, stop) - 1
    return ctx.tokens[last - 1].low == "für" and ctx.tokens[last].pos in _PREDICATIVES


#: A speech verb whose object names the act it performs says nothing more (a light-verb construction; lexicon
#: ``act_object``, ``lemma:noun``): ``das Urteil sprechen die Richter später``, ``verkündete heute das Urteil
#: gegen …``, ``sprach sein Beileid aus``, ``erklärte seinen Rücktritt``; ``forderte den Rücktritt`` and
#: ``gab den Rücktritt bekannt`` stay reports (issue 12, twentieth session: read folds 2 + 2 false
#: whole-sentence reports, 0 right).
ACT_OBJECTS = True


def _act_object(ctx: Context, cue: Cue, start: int, stop: int) -> bool:
    """Whether a noun in ``start:stop`` is the act ``cue`` performs (see :data:`ACT_OBJECTS`)."""
    return any(
        ctx.tokens[index].pos == "NN"
        and ctx.lexicon.has("act_object", f"{cue.verb.lemma}:{ctx.tokens[index].low}")
        for index in range(start, stop)
    )


def _not_said(ctx: Context, cue: Cue, start: int, stop: int) -> bool:
    """Objects that make the verb no speech (:data:`NOT_SAID`): ``sprechen für`` (the figures argue for),
    ``fordern`` a casualty noun (``casualty_noun``: the storm claimed lives)."""
    words = [ctx.tokens[index].low for index in range(start, stop) if ctx.quote_of[index] < 0]
    if cue.verb.lemma == "sprechen":
        about = next((word for word in words if word in _ABOUT), None)
        return about == "für"
    if cue.verb.lemma == "fordern":
        return any(ctx.lexicon.has("casualty_noun", word) for word in words)
    return False


def _spoken(ctx: Context, number: int) -> bool:
    """A quotation that is someone's words, not a quoted name of two or more capitalised words."""
    quoted = ctx.quoted[number]
    words = [word.strip('„“”"»«‚‘’') for word in ctx.text[quoted.start : quoted.end].split()]
    words = [word for word in words if word]
    opening = ctx.token_at(quoted.start)
    if CALLED_QUOTES and called_word(ctx, opening):
        return True  # nannte die Absage einen „Vertrauensbruch“: the quotation is what was said
    if (
        SCARE_QUOTED_TERMS
        and len(words) == 1
        and words[0][:1].isupper()
        and words[0][-1:] not in {".", "!", "?"}
        and opening > 0
        and ctx.tokens[opening - 1].pos not in {"NN", "NE"}
    ):
        return False  # wandte sich gegen „Menschenhass“: a quoted term (not a name: das Thema „Klimaschutz“)
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


def _second_subject(ctx: Context, start: int, stop: int) -> bool:
    """Whether ``start:stop`` after an inverted subject is only ``und`` and another noun phrase (``sprachen
    die Überlebende Inge A. und der Präsident Mickey L.``): the rest of a coordinated subject, no reported
    content (:data:`COORDINATED_SUBJECTS`)."""
    if not COORDINATED_SUBJECTS or ctx.tokens[start].low != "und":
        return False
    stop = ctx.trim_final(start, stop)
    phrase = phrase_after(ctx.tokens, start + 1, stop, ctx.lexicon)
    return phrase is not None and phrase == (start + 1, stop)


def _passive(ctx: Context, cue: Cue) -> bool:
    """A passive cue: a form of "werden" with the speech verb's participle ("wurde bemängelt")."""
    return cue.first != cue.verb_index and ctx.tokens[cue.first].low in _PASSIVE_AUX


def _frames_quotation_before(ctx: Context, begin: int, cue: Cue) -> bool:
    """Whether the sentence at ``begin`` is a ``So``-sentence framing the quotation that ends right before it
    (see :func:`wortlaut.quotes.direct.so_sentence_frame`)."""
    before = begin - 1
    if ctx.tokens[before].low == "." and before > 0 and ctx.quote_of[before] < 0:
        before -= 1
    if ctx.quote_of[before] < 0:
        return False
    frame = so_sentence_frame(ctx, before + 1)
    return frame is not None and frame.first == cue.first


#: The object of a verb of judging (``loben``, ``würdigen``, ``verurteilen``, ``zurückweisen``;
#: ``target_verb`` in ``quotes_words.tsv``) names its target, not what was said: ``Der Verband wies den
#: Vorwurf zurück`` is no report unless an ``als`` predicate says what the speaker called it (``verurteilte
#: den Anschlag als barbarisch``).  Not listed: ``kritisieren`` (the own real pages annotate ``X kritisierte
#: die Pläne`` as a statement: 2 right page statements lost with it) and ``ablehnen`` (1 right, 2 false on the
#: read folds) (issue 12, nineteenth session).
TARGET_OBJECTS = True


def _target_only(ctx: Context, cue: Cue, end: int) -> bool:
    """Whether ``cue`` is a verb of judging with no ``als`` after it in its sentence (see
    :data:`TARGET_OBJECTS`)."""
    if not ctx.lexicon.has("target_verb", cue.verb.lemma):
        return False
    return not any(
        ctx.tokens[index].low == "als" and ctx.quote_of[index] < 0 for index in range(cue.first, end)
    )


#: A **negated** speech verb reports nothing: ``Die Identität des Kindes gab die Behörde nicht bekannt``,
#: ``Startflughafen und Ziel wurden nicht genannt``, ``Bis zum Abend wurden keine Schäden berichtet`` (what
#: was not said is no statement).  ``nicht``, ``nie`` or ``kein…`` within the verb's bracket, or after a
#: one-word verb up to the end of its clause or a coordinating conjunction; ``nicht nur`` and ``nicht
#: zuletzt`` negate nothing, nor does ``kein`` in an ``als`` predicate (``bezeichnete die Lage als keine
#: Krise``), and verbs whose negation asserts keep their object (``negation_asserts``; the word classes
#: are lexicon rows: ``negation``, ``not_negating``, ``clause_coordinator``).  The clause rules' twin is
#: :data:`wortlaut.quotes.frame_clauses.NEGATED_CUES` (issue 12, twentieth session: read folds 3 false
#: whole-sentence reports, 0 right).
NEGATED_OBJECTS = True


def _negated(ctx: Context, cue: Cue, start: int, stop: int) -> bool:
    """Whether the verb of ``cue`` is negated in its own clause (see :data:`NEGATED_OBJECTS`); ``start:stop``
    is the object span after the subject or verb."""
    if ctx.lexicon.has("negation_asserts", cue.verb.lemma):
        return False
    first = min(cue.first, start)
    last = cue.last if cue.last > cue.verb_index else stop
    for index in range(first, min(last, len(ctx.tokens) - 1)):
        tok = ctx.tokens[index]
        coordinated = (
            cue.last == cue.verb_index
            and index > cue.verb_index
            and ctx.lexicon.has("clause_coordinator", tok.low)
        )
        if coordinated or tok.low == "als":
            return False  # "bezeichnete es als keine Lösung": the predicate is what was said
        negates = tok.low != "nicht" or not ctx.lexicon.has("not_negating", ctx.tokens[index + 1].low)
        if ctx.lexicon.has("negation", tok.low) and ctx.quote_of[index] < 0 and negates:
            return True
    return False


def reported(ctx: Context, cue: Cue, sentence: int) -> Found | None:
    """``Er betonte die Notwendigkeit …``: the object of a speech verb, when the verb takes one."""
    if "object" not in cue.verb.frames:
        return None
    begin, end = ctx.sentences[sentence]
    if TARGET_OBJECTS and _target_only(ctx, cue, end):
        return None  # "Politiker kritisierten den Vorschlag": whom or what, not what was said
    if begin > 0 and _frames_quotation_before(ctx, begin, cue):
        return None  # „…“. So beschreibt X sein Produkt.: the frame of the quotation, no report of its own
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
        quoted = any(ctx.quote_of[index] >= 0 for index in range(begin, end))
        if _passive(ctx, cue) and end - begin >= MIN_PASSIVE_SENTENCE and not quoted:
            # "Als Todesursache wurde ein Herzinfarkt angegeben": a report with no speaker named.
            return make_found(ctx, cue, "reported", begin, end, "reported.passive", sentence)
        return None
    start = subject[1] if subject[0] > cue.verb_index else cue.verb_index + 1
    stop = cue.last if cue.last > cue.verb_index else ctx.clause_end(start, end)
    agent = passive_agent(ctx, begin, cue.last) if PASSIVE_AGENT and _passive(ctx, cue) else None
    if agent is not None:
        start, stop = begin, cue.last  # "Von der Opposition wurde die Art des Besuchs kritisiert"
    if _prefield_object(ctx, cue, clause, subject):
        start = clause  # "Die Tat bezeichnete er als sinnlos": the object stands before the verb
    if not any(_object_like(ctx, index) for index in range(start, stop)) or stop - start < MIN_REPORTED:
        return None
    if NOT_SAID and _not_said(ctx, cue, start, stop):
        return None
    if ACT_OBJECTS and _act_object(ctx, cue, min(start, clause), stop):
        return None  # "verkündete das Urteil": the act itself, nothing said
    if DECLARED_STATUS and _declared(ctx, cue, stop):
        return None  # "erklärte das Tor für gültig": a status set, nothing said
    if NEGATED_OBJECTS and _negated(ctx, cue, start, stop):
        return None  # "Die Identität gab die Behörde nicht bekannt": nothing was said
    if subject[0] > cue.verb_index and _second_subject(ctx, start, stop):
        return None  # "Auf der Feier sprachen X und Y.": a coordinated subject, nothing said
    # The WikiNews annotation marks the whole sentence as the reported content.
    first, last = semicolon_part(ctx, begin, end, cue.first, cue.last + 1)
    if COORDINATED_CUES:
        last = _before_coordinated_cue(ctx, cue, last, begin, end)
    if CONTRAST_CLAUSES:
        first, last = _without_contrast(ctx, cue, first, last)
    if _second_clause(ctx, first, clause, last):
        first = clause  # "Heute demonstrierten 7.000 Menschen, die Polizei spricht von 4.000."
    found = make_found(ctx, cue, "reported", first, last, "reported.object", sentence)
    phrase = phrase_after(ctx.tokens, agent + 1, cue.last, ctx.lexicon) if agent is not None else None
    if found is not None and phrase is not None:
        found.speaker = ctx.chars(*phrase)  # the agent speaks, not the passive subject
    return found


def anaphoric(ctx: Context, cue: Cue, sentence: int) -> Found | None:
    """``… . Dies bestätigte der Sprecher.``: the previous sentence is the reported content.

    The WikiNews annotation puts the demonstrative into the quotation (29 times in train).
    """
    begin = ctx.sentences[sentence][0]
    if sentence == 0 or cue.first != begin + 1 or ctx.tokens[begin].low not in ANAPHORS:
        return None
    before, stop = ctx.sentences[sentence - 1]
    stop = ctx.trim_final(before, stop)
    if stop - before < MIN_REPORTED or any(ctx.quote_of[index] >= 0 for index in (before, stop - 1)):
        return None
    found = make_found(ctx, cue, "indirect", before, stop, "indirect.anaphoric", sentence)
    if found is not None:
        found.quote.append(ctx.chars(begin, begin + 1))
    return found
