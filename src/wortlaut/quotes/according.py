"""Attribution without a verb: ``laut X``, ``X zufolge``, ``nach Angaben von X``, ``…, so X``.

The claim is the rest of the sentence; the speaker is the phrase the
preposition governs.  Following the WikiNews annotation, the cue is the
preposition alone and ``Angaben der Polizei`` is the speaker phrase.
"""

from __future__ import annotations

from wortlaut.quotes.context import CLOSERS, OPENERS, Context
from wortlaut.quotes.cues import cue_at, find_cues
from wortlaut.quotes.found import Found, Range
from wortlaut.quotes.indirect import cue_first, reported
from wortlaut.quotes.source_clauses import clause_rest, prefield_end, rest
from wortlaut.quotes.speaker_checks import names_someone
from wortlaut.quotes.speakers import WEB_ADDRESS, phrase_after, phrase_ending, skip_tagged_adverbs

#: "nach" counts as attribution when a source noun follows within this many tokens
#: ("nach ersten vorläufigen Angaben"); further away it is mostly a time ("Nach dem Spiel …").
SOURCE_WINDOW = 4
#: POS tags that may stand between "nach" and its source noun ("nach ersten Angaben", "nach deren Angaben").
_SOURCE_MODIFIERS = frozenset({"ADJA", "PPOSAT", "PRELAT", "PDAT", "ART"})
#: Words that attribute the rest of their sentence to a source named before them.
THEREBY = frozenset({"wonach", "demnach", "danach"})
#: ``nach`` after a unit of time or a time adverb (``time_before_nach``) is temporal (``_temporal_nach``).
TEMPORAL_NACH = True
#: ``nach`` + a direction word (``nach draußen``, ``nach oben``) is no postposed source (``_direction``).
DIRECTIONS = True
#: "…, wonach" needs a clause of at least this many tokens after it.
MIN_THEREBY_CLAUSE = 3
#: Leave a prefield ``laut X`` / ``X zufolge`` phrase to a speech verb after it that has a subject of its own
#: (see ``_verb_has_own_speaker``; issue 12's class).  Off by default: on quotes-wikinews/train, whose
#: annotation gives such sentences to the ``laut`` phrase, it lowered speaker F1 by 0.0007 and joint F1 by
#: 0.0003 (2 sentences); see docs/quality.md.
YIELD_TO_VERB = True
#: Most tokens between a sentence-initial ``laut``/``nach`` phrase and the finite verb taken into the phrase
#: (prefield rule: quotes-wikinews/train speaker F1 0.5718 -> 0.5745, joint 0.7310 -> 0.7316).
MAX_PREFIELD_TAIL = 6
#: A ``source_tail_stop`` preposition (``gegenüber``, ``unter``) ends that prefield phrase: the words after
#: it name whom the source told or the source it relays (issue 12, nineteenth session).
SOURCE_TAIL_STOPS = True
#: Marks that enclose an inserted ``…, so X, …`` frame.
_INSERTION_MARKS = frozenset({",", "–", "—", "-"})
#: Read ``…, so X, …`` inside a sentence as its frame (see ``_inserted``); before, only a trailing one.
INSERTED_SO = True
#: ``…, so Precht: „…“``: a ``so X`` frame ending in a colon that opens the next words frames the clause
#: before it, however long the rest (issue 12, fourteenth session).
SO_BEFORE_COLON = True
#: One particle or adverb may stand between such a frame's speaker and its colon (``…, so Elshorst weiter:
#: „…“``, ``so X abschließend:``; issue 12zl).
SO_PARTICLES = True
#: A one-word adverb prefield may stand before an inserted ``so X`` frame (``Dennoch, so Nacke, habe …``;
#: issue 12zl).
ADVERB_BEFORE_SO = True
#: An inserted ``…, so der Autor, …`` frame around an indicative sentence (see ``_short_person``).
INDICATIVE_SO = True
#: ``so auch X``, ``so etwa X``: an example, not a frame.
_LIKEWISE = frozenset({"auch", "etwa"})
#: The longest speaker phrase of such a frame (tokens).
MAX_INDICATIVE_SO = 3
#: The longest trailing "…, so der Minister am Mittwoch." frame (tokens after "so").
MAX_SO_FRAME = 12
#: A quotation the sentence's own words lead into may stand right before a ``so X`` frame (``… handhabe den
#: Konsum „maßvoll“, so X``: before, the frame was read only after words outside quotation marks); a word,
#: not a comma or a full stop, must lead into it (issue 12, seventeenth session, second round).
QUOTED_BEFORE_SO = True


def _make(
    ctx: Context, cue: int, speaker: tuple[int, int], quote: list[Range], rule: str, sentence: int
) -> Found:
    return Found(
        mode="reported",
        quote=quote,
        rule=rule,
        sentence=sentence,
        cue=[ctx.chars(cue, cue + 1)],
        speaker=ctx.chars(*speaker),
        medium="speech",
    )


def _verb_has_own_speaker(ctx: Context, phrase: tuple[int, int], sentence: int) -> bool:
    """``Laut einem Bericht sagte der Minister, …``, ``Laut Unterlagen, die … vorliegen, antwortet Keller``:
    when the attribution ``phrase`` fills the prefield and a speech verb follows it with its subject after it,
    that subject is the speaker and the ``laut`` phrase only where the writer read it, so the verb's own
    statement stands instead of a ``laut`` statement spanning the whole sentence.  Only this V2 shape yields:
    a ``laut`` phrase in the midfield, or before a verb that frames no reported clause (``Nach Zeugenaussagen
    hatten sich die Vorwürfe nicht bestätigt``), still attributes the sentence."""
    begin, end = ctx.sentences[sentence]
    if not YIELD_TO_VERB or phrase[0] != begin or not _bare_source(ctx, phrase):
        return False
    verb = _after_insertion(ctx, phrase[1], end)
    inside = {index for index in range(begin, end) if ctx.quote_of[index] >= 0}
    for cue in find_cues(ctx.tokens, verb, end, ctx.lexicon, inside):
        if cue.first != verb:
            continue
        speaker = ctx.speaker_of(cue, begin, end)
        if speaker is None or speaker[0] <= verb:
            return False
        return (
            cue_first(ctx, cue, sentence) is not None
            or reported(ctx, cue, sentence) is not None
            or _quotes_after(ctx, cue.last, end, cue.verb.frames)
        )
    return False


def _quotes_after(ctx: Context, index: int, end: int, frames: frozenset[str]) -> bool:
    """``…, antwortet Keith dem Parteichef …: „Wir haben …“``: a verb that frames a quotation and one opens
    after it in the sentence."""
    framed = bool(frames & {"colon", "direct"})
    return framed and any(ctx.quote_of[other] >= 0 for other in range(index + 1, end))


def _bare_source(ctx: Context, phrase: tuple[int, int]) -> bool:
    """``Laut Unterlagen``, ``Nach einem Bericht``: an attribution phrase that names no one and has no
    complement naming its owner (``Laut Informationen des Magazins X`` names its source: it keeps the
    sentence, as the WikiNews annotation gives it)."""
    words = ctx.tokens[phrase[0] + 1 : phrase[1]]
    return not names_someone(ctx, ctx.chars(*phrase), ()) and not any(
        tok.low in _OWNER_WORDS for tok in words
    )


#: Words that open the complement naming whose report an attribution phrase is (``Angaben der Polizei``).
_OWNER_WORDS = frozenset({"des", "der", "von", "vom", "eines", "einer"})


def _prefield_extent(
    ctx: Context, speaker: tuple[int, int] | None, end: int, *, stops: bool = True
) -> tuple[int, int] | None:
    """``Nach Angaben des Kraftfahrt-Bundesamtes in Flensburg fahren …``: a ``laut``/``nach`` phrase that
    opens its sentence fills the prefield, so everything up to the finite verb belongs to it (German
    verb-second order), also attributes the noun-phrase reader stops before (``in Flensburg``)."""
    if speaker is None:
        return None
    for other in range(speaker[1], min(end, speaker[1] + MAX_PREFIELD_TAIL + 1)):
        tok = ctx.tokens[other]
        if tok.pos is not None and tok.pos.endswith("FIN"):
            return speaker[0], other
        if tok.pos is None or tok.pos[:1] in {"V", "$"} or ctx.quote_of[other] >= 0:
            return speaker
        if stops and SOURCE_TAIL_STOPS and ctx.lexicon.has("source_tail_stop", tok.low):
            return speaker  # … gegenüber dem Kurier: whom the source told, not the source
    return speaker


def _after_insertion(ctx: Context, index: int, end: int) -> int:
    """The token after a comma-enclosed insertion starting at ``index`` (``, die der Zeitung vorliegen,``),
    else ``index`` itself."""
    if index >= end or ctx.tokens[index].low != ",":
        return index
    for other in range(index + 1, end):
        if ctx.tokens[other].low == "," and ctx.quote_of[other] < 0:
            return other + 1
    return index


def _according_at(ctx: Context, index: int, sentence: int) -> Found | None:
    begin, end = ctx.sentences[sentence]
    tok = ctx.tokens[index]
    lexicon = ctx.lexicon
    if tok.low == "zufolge":
        speaker = _zufolge_source(ctx, begin, index)
        if speaker is None or _verb_has_own_speaker(ctx, (speaker[0], index + 1), sentence):
            return None
        quote = clause_rest(ctx, begin, end, (speaker[0], index + 1))
        return _make(ctx, index, speaker, quote, "reported.zufolge", sentence)
    if tok.low == "nach" and index > begin and _source(ctx, index - 1) and not _direction(ctx, index, end):
        speaker = phrase_ending(ctx.tokens, begin, index, lexicon)  # "Seiner Meinung nach"
        if speaker is None:
            return None
        quote = clause_rest(ctx, begin, end, (speaker[0], index + 1))
        return _make(ctx, index, speaker, quote, "reported.nach", sentence)
    aus_sicht = tok.low == "aus" and index + 2 < end and ctx.tokens[index + 2].low == "sicht"
    if (
        lexicon.has("according", tok.low)
        or aus_sicht
        or (
            tok.low == "nach"
            and not _temporal_nach(ctx, index, begin)
            and (_source_follows(ctx, index, end) or _document_first(ctx, index, begin, end))
        )
    ):
        speaker = _source_phrase(ctx, index + 1, end)
        whole = _prefield_extent(ctx, speaker, end, stops=False) if index == begin else speaker
        speaker = _prefield_extent(ctx, speaker, end) if index == begin else speaker
        if speaker is None or whole is None or _verb_has_own_speaker(ctx, (index, whole[1]), sentence):
            return None
        rule = "reported.laut" if tok.low != "nach" else "reported.nach"
        cut = (index, prefield_end(ctx, whole[1], end) if index == begin else speaker[1])
        return _make(ctx, index, speaker, clause_rest(ctx, begin, end, cut), rule, sentence)
    if tok.low in THEREBY and (index == begin or ctx.tokens[index - 1].low == ","):
        return _thereby(ctx, index, sentence)
    if (
        SO_VERB_FRAMES
        and tok.low == "so"
        and index > begin + 1
        and ctx.tokens[index - 1].low in _INSERTION_MARKS
        and ctx.quote_of[index - 2] < 0
        and (framed := _so_verb_frame(ctx, index, sentence)) is not None
    ):
        return framed
    if (
        tok.low == "so"
        and (index > begin + 2 or _adverb_before(ctx, index, begin))
        and ctx.tokens[index - 1].low in _INSERTION_MARKS
        and (ctx.quote_of[index - 2] < 0 or _quoted_within(ctx, ctx.quote_of[index - 2], begin))
    ):
        speaker = phrase_after(ctx.tokens, index + 1, end, lexicon)
        if speaker is None:
            return None
        if (
            INSERTED_SO
            and _inserted(ctx, index, speaker, end)
            and (
                _konjunktiv(ctx, begin, end)
                or (ctx.tokens[index + 1].low not in _LIKEWISE and _short_person(ctx, speaker))
            )
        ):
            quote = rest(ctx, begin, end, (index - 1, speaker[1] + 1))
            found = _make(ctx, index, speaker, quote, "indirect.so", sentence)
            found.mode = "indirect"
            if _unsourced(ctx, speaker):
                found.speaker = None  # Die Linke, so der Vorwurf, tabuisiere …: nobody is named
            return found
        after = speaker[1]
        if SO_PARTICLES and after + 1 < end and ctx.tokens[after].pos in {"PTKVZ", "ADV"}:
            after += 1  # "…, so Elshorst weiter: „…“": the particle belongs to the frame
        colon = SO_BEFORE_COLON and after < end and ctx.tokens[after].low == ":"
        if ctx.tokens[index - 1].low != "," or (
            not colon and ctx.trim_final(speaker[1], end) - speaker[1] > MAX_SO_FRAME
        ):
            return None
        if ctx.trim_final(speaker[1], end) > speaker[1] and ctx.tokens[speaker[1]].low == ",":
            return None
        found = _make(ctx, index, speaker, [ctx.chars(begin, index - 1)], "indirect.so", sentence)
        found.mode = "indirect"
        return found
    return None


#: Genitive pronouns that determine the source noun after ``laut``/``nach`` (``nach deren Angaben``, ``die
#: nach dessen Aussage …``), which the tagger reads as demonstrative or relative pronouns (issue 12,
#: seventeenth session).
_GENITIVE_PRONOUNS = frozenset({"deren", "dessen"})


#: A web address is a source name after ``laut`` (``Laut bildblog.de …``, ``laut „tagesschau.de“``), whatever
#: tag the tagger gives it (issue 12, seventeenth session).
WEB_SOURCES = True


def _source_phrase(ctx: Context, index: int, end: int) -> tuple[int, int] | None:
    """The source phrase at ``index`` after ``laut``/``nach``, a genitive pronoun before its noun included."""
    if WEB_SOURCES and (web := _web_address(ctx, index, end)) is not None:
        return web
    if ctx.tokens[index].low in _GENITIVE_PRONOUNS and index + 1 < end:
        phrase = phrase_after(ctx.tokens, index + 1, end, ctx.lexicon, sources=True)
        return (index, phrase[1]) if phrase is not None and phrase[0] == index + 1 else None
    return phrase_after(ctx.tokens, index, end, ctx.lexicon, sources=True)


#: The source before ``zufolge`` may end in a short bracketed abbreviation (``Einer Erklärung des Verbandes
#: Deutscher Realschullehrer (VDR) zufolge``) or be a dative pronoun (``Ihnen zufolge``; issue 12, seventeenth
#: session).
ZUFOLGE_EXTENTS = True
#: Dative pronouns that name the source of ``zufolge``.
_DATIVE_SOURCES = frozenset({"ihm", "ihr", "ihnen"})
#: The most words inside such a bracket.
MAX_BRACKETED = 3


def _zufolge_source(ctx: Context, begin: int, index: int) -> tuple[int, int] | None:
    """The phrase ending before the ``zufolge`` at ``index`` (see :data:`ZUFOLGE_EXTENTS`)."""
    tokens = ctx.tokens
    if ZUFOLGE_EXTENTS and index > begin and tokens[index - 1].low in _DATIVE_SOURCES:
        return index - 1, index
    if ZUFOLGE_EXTENTS and index - 2 > begin and tokens[index - 1].low == ")":
        opening = next(
            (o for o in range(index - 2, max(begin, index - MAX_BRACKETED - 2), -1) if tokens[o].low == "("),
            None,
        )
        if opening is not None:
            phrase = phrase_ending(tokens, begin, opening, ctx.lexicon)
            return (phrase[0], index) if phrase is not None else None
    return phrase_ending(tokens, begin, index, ctx.lexicon)


#: ``…, so betont die Polizei, ist dies …``, ``In zehn Jahren, so schätzen die Forscher, soll …``: ``so`` + a
#: speech verb + its subject inserted in the reported sentence (or ending it) frames the rest of the sentence,
#: as the verbless ``so X`` does (issue 12, seventeenth session: 8 of 8 such train frames with a speech verb
#: and a subject are annotated).
SO_VERB_FRAMES = True


def _so_verb_frame(ctx: Context, index: int, sentence: int) -> Found | None:
    """The statement of a ``so`` + speech verb + subject frame at ``index`` (see :data:`SO_VERB_FRAMES`)."""
    begin, end = ctx.sentences[sentence]
    verb = index + 1
    if (
        verb + 1 >= end
        or ctx.quote_of[verb] >= 0
        or cue_at(ctx.tokens, verb, begin, end, ctx.lexicon) is None
    ):
        return None
    after = skip_tagged_adverbs(ctx.tokens, verb + 1, end)
    speaker = phrase_after(ctx.tokens, after, end, ctx.lexicon)
    if speaker is None or speaker[0] != after:
        return None
    mark = ctx.tokens[index - 1].low
    close = next(
        (
            other
            for other in range(speaker[1], min(end, speaker[1] + MAX_SO_FRAME))
            if ctx.tokens[other].low == mark
        ),
        None,
    )
    if close is not None and close + 1 < ctx.trim_final(close, end):
        quote = rest(ctx, begin, end, (index - 1, close + 1))  # inserted: the words on both sides
    elif ctx.trim_final(speaker[1], end) - speaker[1] <= MAX_SO_FRAME and close is None:
        quote = [ctx.chars(begin, index - 1)]  # trailing: "Die Lage ist ernst, so sagte der Minister."
    else:
        return None
    found = _make(ctx, verb, speaker, quote, "indirect.so_verb", sentence)
    found.mode = "indirect"
    return found


def _web_address(ctx: Context, index: int, end: int) -> tuple[int, int] | None:
    """A web address at ``index``, bare or in quotation marks (``„tagesschau.de“``), as a token range."""
    quoted = index + 2 < end and ctx.tokens[index].low in OPENERS and ctx.tokens[index + 2].low in CLOSERS
    word = ctx.tokens[index + 1 if quoted else index].low
    if not WEB_ADDRESS.match(word):
        return None
    return (index, index + 3) if quoted else (index, index + 1)


def _quoted_within(ctx: Context, number: int, begin: int) -> bool:
    """``Das Gros handhabe den Konsum „maßvoll und vorübergehend“, so X``: a quotation right before the
    ``so`` frame that the sentence's own words lead into is part of the reported clause, not a direct
    quotation the frame belongs to alone (that one opens the sentence: ``„…“, so X``)."""
    if not QUOTED_BEFORE_SO:
        return False
    opening = ctx.token_at(ctx.quoted[number].start)
    if not begin < opening or ctx.quote_of[begin] >= 0:
        return False
    before = ctx.tokens[opening - 1].text
    return before[:1].isalpha() and not before.endswith(".")  # ``wie 1997. „…“``, ``, „wenn …“``: a new one


def _adverb_before(ctx: Context, index: int, begin: int) -> bool:
    """``Dennoch, so Nacke, …``: one adverb and a comma before ``so`` (:data:`ADVERB_BEFORE_SO`)."""
    return ADVERB_BEFORE_SO and index == begin + 2 and ctx.tokens[begin].pos == "ADV"


def _inserted(ctx: Context, index: int, speaker: tuple[int, int], end: int) -> bool:
    """``Der Einsatz solle sich, so Gall, auf schwere Fälle begrenzen``, ``… – so Canny – …``: a ``so X``
    frame between commas or dashes inside the reported sentence, with words of it on both sides."""
    after = speaker[1]
    if after + 1 >= ctx.trim_final(after, end) or ctx.tokens[after].low not in _INSERTION_MARKS:
        return False
    if ctx.tokens[after].low != ctx.tokens[index - 1].low and "," in {
        ctx.tokens[after].low,
        ctx.tokens[index - 1].low,
    }:
        return False  # one comma and one dash do not enclose an insertion
    return ctx.quote_of[after] < 0


def _short_person(ctx: Context, speaker: tuple[int, int]) -> bool:
    """``Die Inklusionsumsetzung, so der Autor, ist … nie möglich``: an inserted ``so X`` frame reports an
    indicative sentence too when X is a short phrase naming a person (a name or a person noun), not a claim
    (``so der Vorwurf``) or a list (:data:`INDICATIVE_SO`)."""
    return (
        INDICATIVE_SO
        and speaker[1] - speaker[0] <= MAX_INDICATIVE_SO
        and names_someone(ctx, ctx.chars(*speaker), ())
        and not _unsourced(ctx, speaker)
    )


def _unsourced(ctx: Context, speaker: tuple[int, int]) -> bool:
    """``so der Vorwurf``, ``so die Kritik``: a claim noun with nothing after it names no source."""
    head = ctx.tokens[speaker[1] - 1]
    return ctx.lexicon.has("unsourced_claim", head.low) and all(
        ctx.tokens[index].pos in {"ART", "ADJA", "PPOSAT"} for index in range(speaker[0], speaker[1] - 1)
    )


def _konjunktiv(ctx: Context, begin: int, end: int) -> bool:
    """Whether a finite verb outside quotation marks is in Konjunktiv I (reported speech)."""
    return any(
        ctx.quote_of[index] < 0
        and (ctx.tokens[index].pos or "").endswith("FIN")
        and ctx.is_subjunctive(index, strict=True)
        for index in range(begin, end)
    )


#: A sentence-initial ``Demnach``/``Danach`` is its statement's speaker phrase, as the quotes-wikinews
#: guidelines (section 3.3 E) annotate it; the speaker linker resolves it to the source before it, as it
#: does a pronoun.  Before, it took the previous statement's speaker phrase (train 3-fold CV speaker F1
#: 0.6370 -> 0.6388, eleventh issue-12 session).
ANAPHORIC_THEREBY = True
#: A sentence-initial ``Danach`` attributes its sentence only when it can point to a source (see
#: ``_sourced``): on quotes-wikinews/train 14 of 20 ``Danach`` statements were the temporal adverb.
SOURCED_DANACH = True
#: Sentences before ``Danach`` searched for the source it points to.
DANACH_LOOKBACK = 2


def _thereby(ctx: Context, index: int, sentence: int) -> Found | None:
    """``…, wonach X`` / ``Demnach …``: the rest of the sentence; the speaker is the phrase before ``wonach``
    (``Demnach`` is its own speaker phrase, pointing back: see :data:`ANAPHORIC_THEREBY`)."""
    begin, end = ctx.sentences[sentence]
    stop = ctx.trim_final(index + 1, end)
    if stop - index < MIN_THEREBY_CLAUSE:
        return None
    if SOURCED_DANACH and ctx.tokens[index].low == "danach" and not _sourced(ctx, sentence, index, stop):
        return None  # Danach setzten sie … in Brand: "afterwards", not "according to it"
    if NARRATED_DANACH and ctx.tokens[index].low == "danach" and _narrated(ctx, index, stop):
        return None  # "Danach schuf er eine Figur …": the story goes on
    found = Found(
        mode="indirect",
        quote=[ctx.chars(index + 1, stop)],
        rule=f"indirect.{ctx.tokens[index].low}",
        sentence=sentence,
        cue=[ctx.chars(index, index + 1)],
        medium="speech",
    )
    if index > begin:
        speaker = phrase_ending(ctx.tokens, begin, index - 1, ctx.lexicon)
        found.speaker = ctx.chars(*speaker) if speaker else None
    elif ANAPHORIC_THEREBY:
        found.speaker = ctx.chars(index, index + 1)
    return found


#: ``Danach`` + an indicative finite verb (no Konjunktiv I or II) + a personal pronoun goes on with a story
#: (``Danach fingen sie an, …``, ``Danach schuf er eine Figur …``), even after a sentence naming a source; a
#: document's content has a noun subject (``Danach bestimmen verschiedene Formen von Gewalt den Alltag``) or a
#: Konjunktiv (issue 12, twentieth session: read folds 2 false, one a fold, 0 right).
NARRATED_DANACH = True


def _narrated(ctx: Context, index: int, stop: int) -> bool:
    """Whether ``Danach`` at ``index`` opens a narrated sentence (see :data:`NARRATED_DANACH`)."""
    if index + 2 >= stop:
        return False
    verb, subject = ctx.tokens[index + 1], ctx.tokens[index + 2]
    finite = (verb.pos or "").endswith("FIN") and not ctx.is_subjunctive(index + 1)
    return finite and subject.pos == "PPER"


def _sourced(ctx: Context, sentence: int, index: int, stop: int) -> bool:
    """Whether ``Danach`` can point to a source: its clause holds a Konjunktiv verb, or the sentence before
    names a document, a report or what someone said (``Die Studie wurde vorgestellt. Danach …``)."""
    if any(ctx.is_subjunctive(other) for other in range(index + 1, stop)):
        return True
    if sentence == 0:
        return False
    nouns = frozenset().union(
        *(
            ctx.lexicon.words.get(name, frozenset())
            for name in ("document_noun", "source_noun", "speech_noun")
        )
    )
    before, end = ctx.sentences[max(0, sentence - DANACH_LOOKBACK)][0], ctx.sentences[sentence - 1][1]
    return any(
        tok.pos in {"NN", "NE"} and any(tok.low.endswith(noun) for noun in nouns)
        for tok in ctx.tokens[before:end]
    )


def _document_first(ctx: Context, index: int, begin: int, end: int) -> bool:
    """``Nach einem EU-Dokument leben sie in Armut``: sentence-initial "nach" + phrase + finite verb,
    unless the phrase is a time or an event ("Nach dem Spiel", "Nach dem Anschlag")."""
    if index != begin:
        return False
    phrase = phrase_after(ctx.tokens, index + 1, end, ctx.lexicon)
    if phrase is None or phrase[1] >= end:
        return False
    verb = ctx.tokens[phrase[1]]
    if verb.pos is None or not verb.pos.endswith("FIN"):
        return False
    head = ctx.tokens[phrase[1] - 1]
    return ctx.lexicon.has("document_noun", head.low) or any(
        head.low.endswith(noun) for noun in ctx.lexicon.words.get("document_noun", frozenset())
    )


def _direction(ctx: Context, index: int, end: int) -> bool:
    """``die freie Sicht nach draußen``: a ``direction_word`` after ``nach`` makes it a preposition of
    direction, not the postposition of a source (``seiner Sicht nach``)."""
    return DIRECTIONS and index + 1 < end and ctx.lexicon.has("direction_word", ctx.tokens[index + 1].low)


def _temporal_nach(ctx: Context, index: int, begin: int) -> bool:
    """``sechs Tage nach der Veröffentlichung``, ``kurz nach der Meldung``: ``nach`` right after a unit of
    time or a time adverb is "after", not "according to" (not after ``gestern``: ``wurden gestern nach
    Angaben der Behörde …``)."""
    if not TEMPORAL_NACH or index <= begin:
        return False
    return ctx.lexicon.has("time_before_nach", ctx.tokens[index - 1].low)


def _source_follows(ctx: Context, index: int, end: int) -> bool:
    """``nach Angaben``, ``nach ersten Informationen``, ``nach Ansicht der``: a nearby source noun."""
    for other in range(index + 1, min(end, index + 1 + SOURCE_WINDOW)):
        if _source(ctx, other):
            return True
        tok = ctx.tokens[other]
        if not (
            ctx.lexicon.has("determiner", tok.low)
            or tok.pos in _SOURCE_MODIFIERS
            or tok.low in _GENITIVE_PRONOUNS  # "nach deren Angaben": the tagger reads a demonstrative
            or tok.low in {"von", "vom"}
            or (tok.pos == "NE" and tok.low.endswith("s"))  # "nach Grupps Meinung"
        ):
            return False  # "nach den Fakten zu fragen": the source noun must head the phrase after "nach"
    return False


def _source(ctx: Context, index: int) -> bool:
    word = ctx.tokens[index].low
    if ctx.lexicon.has("source_noun", word):
        return True
    # Compounds: Polizeiangaben, Expertenmeinung, Zeugenaussagen.
    return ctx.tokens[index].text[:1].isupper() and any(
        word.endswith(noun) for noun in ("angaben", "meinung", "aussagen", "berichten", "informationen")
    )


#: ``Gerüchte, nach denen …``, ``ein Gutachten, laut dem …``: a relative clause opened by ``laut``/``nach``
#: and a relative pronoun reports what its antecedent says (issue 12, fourteenth session, second round).
RELATIVE_SOURCES = True
#: Relative pronouns after ``laut``/``nach`` (and before ``zufolge``).
_RELATIVES = frozenset({"dem", "der", "denen", "welchem", "welcher", "welchen"})
#: Tokens before the comma searched for the source noun a relative ``nach`` needs.
RELATIVE_SOURCE_WINDOW = 4


def _relative_source(ctx: Context, index: int, sentence: int) -> Found | None:
    """``Es gibt Gerüchte, nach denen X an Krebs litt``: the rest of the relative clause is reported, the
    relative pronoun speaks (as the annotation marks it; its antecedent is the source).  ``nach`` needs a
    source noun right before the comma (``die Täter, nach denen gesucht wird`` is no source)."""
    begin, end = ctx.sentences[sentence]
    if not RELATIVE_SOURCES or index <= begin or ctx.tokens[index - 1].low != ",":
        return None
    word = ctx.tokens[index].low
    if word in {"laut", "nach"} and index + 1 < end and ctx.tokens[index + 1].low in _RELATIVES:
        pronoun, start = index + 1, index + 2
    elif word in _RELATIVES and index + 1 < end and ctx.tokens[index + 1].low == "zufolge":
        pronoun, start = index, index + 2
    else:
        return None
    if word == "nach" and not any(
        _source(ctx, other) or ctx.lexicon.has("document_noun", ctx.tokens[other].low)
        for other in range(max(begin, index - 1 - RELATIVE_SOURCE_WINDOW), index - 1)
    ):
        return None
    stop = min(ctx.clause_end(start, end), ctx.trim_final(start, end))
    if stop - start < MIN_THEREBY_CLAUSE:
        return None
    return Found(
        mode="indirect",
        quote=[ctx.chars(start, stop)],
        rule="indirect.relative_source",
        sentence=sentence,
        cue=[ctx.chars(index, start)],
        speaker=ctx.chars(pronoun, pronoun + 1),
        medium="speech",
    )


#: The words at which ``_according_at`` or ``_relative_source`` can fire, besides the lexicon's ``according``
#: class: every other token is skipped without a call (the stage's budget of issue 12; the same statements).
_TRIGGERS = frozenset({"zufolge", "nach", "aus", "so", "laut"}) | THEREBY | _RELATIVES


def according(ctx: Context, sentence: int) -> list[Found]:
    """All verbless attributions in one sentence (outside quotations)."""
    begin, end = ctx.sentences[sentence]
    according_words = ctx.lexicon.words.get("according", frozenset())
    found = []
    for index in range(begin, end):
        low = ctx.tokens[index].low
        if ctx.quote_of[index] >= 0 or (low not in _TRIGGERS and low not in according_words):
            continue
        statement = _relative_source(ctx, index, sentence) or _according_at(ctx, index, sentence)
        if statement is not None and statement.quote:
            found.append(statement)
    return found
