"""Frame, channel and addressee of a statement, read off the reporting clause around its cue."""

from __future__ import annotations

from wortlaut.quotes.addressees import marked_addressee, noun_attribute, verb_addressee
from wortlaut.quotes.context import Context
from wortlaut.quotes.found import Found
from wortlaut.quotes.frame_clauses import new_speaker_clause
from wortlaut.quotes.frame_parts import past_quoted_name
from wortlaut.quotes.object_phrases import coordinated, time_after
from wortlaut.quotes.speakers import phrase_after, phrase_before

#: Addressee markers beyond the cue's clause (:mod:`wortlaut.quotes.addressees`), each kept because it raised
#: addressee F1 on quotes-wikinews/train without lowering joint F1 (docs/quality.md, third issue-12 session).
#: Farthest a marker may stand from the cue (tokens); keeps the scan linear in run-on text.  Gold addressees
#: of quotes-wikinews/train: addressee F1 0.428 at 12, 0.439 at 20, 0.436 at 30 (whole sentence 0.439).
MAX_ADDRESSEE_DISTANCE = 20
#: The window stops at a comma that opens another speaker's main clause (``, doch der Sprecher erklärte``;
#: issue 12, seventeenth session, second round).
COORDINATED_WINDOW = True
#: An object after the verb that lies inside the statement's words is no addressee (issue 12, seventeenth
#: session, second round).
NO_CONTENT_OBJECTS = True
#: ``demand_from`` (``fordert von der Regierung``) came back in the fourteenth issue-12 session once every
#: reading of the cue word counts (``forderte`` reads as ``auffordern`` first): train addressee 0.5695 ->
#: 0.5759.
ADDRESSEE_MARKERS: tuple[str, ...] = (
    "opposite",
    "audience",
    "talk",
    "appeal",
    "passive",
    "say_to",
    "midfield",
    "demand_from",
)
#: The markers read for statements whose cue came from another rule than the verb frames
#: (:func:`add_addressees`), whose window is the sentence around the cue, not the cue's clause: ``talk``
#: is left out there (``In einem Interview mit dem Anwalt … sagte dieser, dass …``; on the two read folds
#: of quotes-wikinews/train it was right on 0 of 3; issue 12, eighteenth session).
LATE_MARKERS: tuple[str, ...] = tuple(name for name in ADDRESSEE_MARKERS if name != "talk")

#: Read a cue word as the verb whose separable particle the cue holds (``forderte … auf``: auffordern), else
#: as the verb without a particle (``forderte``: fordern), not as the lexicon's first reading.
PARTICLE_READING = True
#: A short quoted name after the cue (``sagte der „Berliner Zeitung“``) does not end the frame.
QUOTED_NAMES_IN_FRAME = True
#: Prepositions that introduce an addressee in a frame ("mit dem NATO-Vorsitzenden", "gegenüber der Presse").
_ADDRESSEE_PREPOSITIONS = frozenset({"mit", "gegenüber"})
#: Dative forms that open an addressee after verbs like "erklären" ("sagte ihm").
_DATIVE_PRONOUNS = frozenset({"ihm", "ihr", "ihnen", "mir", "uns"})
_DATIVE = (
    frozenset({"dem", "einem", "einer", "seinem", "seiner", "ihrem", "diesem", "dieser"}) | _DATIVE_PRONOUNS
)


#: Read a bare noun phrase after a dative speech verb as its addressee (see ``_bare_dative``).
BARE_DATIVE = True
#: Read ``mit X`` in the frame of a verb that takes an addressee as that addressee (``sprach mit den
#: Grünen``, ``sprach mit hoher Wahrscheinlichkeit``).  Off: on quotes-wikinews/train none of these 9
#: addressees was annotated (3-fold CV addressee F1 0.5306 -> 0.5449, joint 0.7724 -> 0.7726 with it off;
#: thirteenth issue-12 session); an interview partner (``in einem Interview mit X``) is the ``talk`` marker's.
WITH_PARTNERS = False
#: A bare dative after an inverted speaker, adverbs before the comma aside (see ``_bare_dative``).
INVERTED_BARE_DATIVE = True
#: Look for the object past adverbs and prepositional phrases after the verb (see ``_object_start``).
SKIP_ADVERBIALS = True
#: Articles that are dative only with some nouns ("der Zeitung", "den Gewerkschaften", "allen Reisenden");
#: see ``_dative_head``.
_DATIVE_AMBIGUOUS = frozenset({"der", "den", "allen"})


def _cue_tokens(ctx: Context, found: Found) -> list[int]:
    return [ctx.token_at(start) for start, _ in found.cue if ctx.token_at(start) < len(ctx.tokens)]


def _frame(ctx: Context, found: Found, cue: list[int]) -> tuple[int, int]:
    begin, end = ctx.sentences[ctx.sentence_of[cue[0]]]
    first = ctx.clause_begin(cue[0], begin)
    last = ctx.clause_end(cue[-1], end)
    while (
        QUOTED_NAMES_IN_FRAME
        and last < end
        and ctx.quote_of[last] >= 0
        and not found.covers(ctx.tokens[last].start, ctx.tokens[last].end)
    ):
        past = past_quoted_name(ctx, last)  # sagte der „Berliner Zeitung“, …: a name, the frame goes on
        if past is None:
            break
        last = ctx.clause_end(past, end)
    if found.speaker is not None:
        speaker_first = ctx.token_at(found.speaker[0])
        speaker_last = ctx.token_at(found.speaker[1])
        if begin <= speaker_first < first:
            first = speaker_first
        if speaker_last > last and speaker_last <= end:
            last = speaker_last
    return first, max(last, cue[-1] + 1)


#: An object filling the prefield of a verb that takes an addressee is that addressee (``Den Flüchtlingen
#: sicherte Präsident Gusmão zu``, ``Ihren Widersacher forderte May auf``); a verb whose addressee is only a
#: dative needs a dative form (issue 12, fifteenth session).
PREFIELD_OBJECTS = True
_DATIVE_OPENERS = (
    frozenset({"dem", "einem", "diesem", "seinem", "ihrem", "unserem", "keinem"}) | _DATIVE_PRONOUNS
)


def _prefield_object(ctx: Context, cue: list[int], *, dative_only: bool) -> tuple[int, int] | None:
    """The noun phrase filling the prefield before the finite cue verb when it opens with an object word."""
    verb = cue[0]
    begin = ctx.sentences[ctx.sentence_of[verb]][0]
    start = ctx.clause_begin(verb, begin)
    if start >= verb or not ctx.lexicon.has("object_opener", ctx.tokens[start].low):
        return None
    if dative_only and ctx.tokens[start].low not in _DATIVE_OPENERS:
        return None
    phrase = phrase_before(ctx.tokens, start, verb, ctx.lexicon)
    if phrase is None and verb - start == 1 and ctx.tokens[start].low in _DATIVE_PRONOUNS:
        return start, verb
    return phrase if phrase is not None and phrase[0] == start else None


def _speaker_or_none(found: Found) -> tuple[int, int] | None:
    """The statement's speaker (character range), or ``(0, 0)`` when it has none (a ``gegenüber`` after any
    common noun is then that noun's attribute)."""
    return found.speaker if found.speaker is not None else (0, 0)


def _channel(ctx: Context, first: int, last: int) -> str | None:
    """The most specific channel noun of the frame: the last one ("Mitteilung in den sozialen Netzwerken")."""
    for index in range(last - 1, first - 1, -1):
        tok = ctx.tokens[index]
        if ctx.lexicon.has("channel", tok.low) and (tok.text[:1].isupper()):
            previous = ctx.tokens[index - 1] if index > first else None
            if (
                previous is not None
                and previous.text[:1].islower()
                and previous.low.endswith(("en", "e", "er"))
                and not ctx.lexicon.has("determiner", previous.low)
                and not ctx.lexicon.has("stop", previous.low)
            ):
                return ctx.text[previous.start : tok.end]
            return tok.text
    return None


def _addressee(
    ctx: Context,
    cue: list[int],
    first: int,
    last: int,
    *,
    addressee_verb: bool,
    speaker: tuple[int, int] | None = None,
) -> tuple[int, int] | None:
    """``gegenüber der Presse``; ``mit dem NATO-Chef`` only for verbs of talking with someone (sprach mit)."""
    directed = _directed_to(ctx, first, last)
    if directed is not None:
        return directed
    for index in range(first, last):
        word = ctx.tokens[index].low
        partner = word == "mit" and addressee_verb and WITH_PARTNERS
        if word == "gegenüber" and speaker is not None and noun_attribute(ctx, speaker, index):
            continue  # Deren Haltung gegenüber der PKK: an attribute of the noun
        if word in _ADDRESSEE_PREPOSITIONS and index not in cue and (word != "mit" or partner):
            phrase = phrase_after(ctx.tokens, index + 1, last, ctx.lexicon)
            if phrase is not None and ctx.tokens[phrase[0]].low not in {"er", "sie", "es"}:
                return phrase
    return None


def _not_content(ctx: Context, found: Found, phrase: tuple[int, int] | None) -> tuple[int, int] | None:
    """The object phrase unless it lies in the statement's own words: ``wurden Anwohner aufgefordert Türen
    und Fenster geschlossen zu halten`` (no comma before the infinitive) has its object inside the report,
    and the addressee is the passive subject (:data:`NO_CONTENT_OBJECTS`); only a report that opens after
    the verb counts."""
    if phrase is None or not NO_CONTENT_OBJECTS:
        return phrase
    start, end = ctx.tokens[phrase[0]].start, ctx.tokens[phrase[1] - 1].end
    after_verb = [part for part in found.quote if part[0] >= found.cue[-1][1]]
    inside = any(begin <= start and end <= stop for begin, stop in after_verb)
    return None if inside else phrase  # a whole-sentence report (``reported.object``) holds its cue


def _directed_to(ctx: Context, first: int, last: int) -> tuple[int, int] | None:
    """``ein an die Regierung gerichteter Brief``: the phrase between ``an`` and ``gerichtet…``."""
    for index in range(first, last - 2):
        if ctx.tokens[index].low != "an":
            continue
        phrase = phrase_after(ctx.tokens, index + 1, last, ctx.lexicon)
        if phrase is not None and phrase[1] < last and ctx.tokens[phrase[1]].low.startswith("gerichtet"):
            return phrase
    return None


def add_details(
    ctx: Context, found: Found, *, addressee_verb: bool = False, dative_verb: bool = False
) -> None:
    """Fill frame, channel and addressee of a cue-framed statement in place."""
    if not found.cue:
        return
    cue = _cue_tokens(ctx, found)
    if not cue:
        return
    first, last = _frame(ctx, found, cue)
    if found.frame is None:
        found.frame = ctx.chars(first, last)
    if found.channel is None:
        found.channel = _channel(ctx, first, last)
    if found.addressee is None:
        speaker = _speaker_or_none(found)
        phrase = _addressee(ctx, cue, first, last, addressee_verb=addressee_verb, speaker=speaker)
        if phrase is None and (addressee_verb or dative_verb):
            phrase = _not_content(
                ctx, found, _object_addressee(ctx, found, cue, last, dative_only=not addressee_verb)
            )
        if phrase is None and (addressee_verb or dative_verb) and PREFIELD_OBJECTS:
            phrase = _prefield_object(ctx, cue, dative_only=not addressee_verb)
        if phrase is None and ADDRESSEE_MARKERS:
            phrase = more_addressees(ctx, found, cue)
        if phrase is not None:
            found.addressee = ctx.chars(*phrase)
            if found.speaker == found.addressee:
                found.speaker = None


def readdress(ctx: Context, found: Found) -> None:
    """Read the addressee of a verb-framed statement again once its speaker has changed (in place): the
    rules read the object with the speaker they had (``… und rief die Armee auf``: ``die Armee`` as the
    subject), and a phrase that was the speaker then is the verb's object now."""
    cue = _cue_tokens(ctx, found)
    if found.addressee is not None or not cue:
        return
    frames = {frame for verb in ctx.lexicon.lemmas.get(_lemma(ctx, cue) or "", ()) for frame in verb.frames}
    add_details(ctx, found, addressee_verb="addr" in frames, dative_verb="dat" in frames)


def add_addressees(ctx: Context, found: list[Found]) -> None:
    """Addressees for statements whose cue came from another rule than the verb frames (``so X gegenüber
    der BBC``, a Konjunktiv clause after ``sagte … gegenüber …``)."""
    if not ADDRESSEE_MARKERS:
        return
    for item in found:
        if item.addressee is not None or not item.cue:
            continue
        cue = _cue_tokens(ctx, item)
        if not cue:
            continue
        phrase = more_addressees(ctx, item, cue, markers=LATE_MARKERS)
        if phrase is not None:
            item.addressee = ctx.chars(*phrase)
            if item.speaker == item.addressee:
                item.speaker = None


def _lemma(ctx: Context, cue: list[int]) -> str | None:
    """The speech verb's lemma, looked up from the cue's word forms."""
    words = {ctx.tokens[index].low for index in cue}
    for index in cue:
        entries = ctx.lexicon.verbs.get(ctx.tokens[index].low)
        if entries:
            if not PARTICLE_READING:
                return entries[0].lemma
            with_particle = [
                entry for entry in entries if entry.particle is not None and entry.particle in words
            ]
            plain = [entry for entry in entries if entry.particle is None]
            return (with_particle or plain or entries)[0].lemma
    return None


def more_addressees(
    ctx: Context, found: Found, cue: list[int], markers: tuple[str, ...] | None = None
) -> tuple[int, int] | None:
    """Preposition markers near the cue, then the addressees that hang on the verb (``markers``: those
    on, :data:`ADDRESSEE_MARKERS` by default)."""
    markers = ADDRESSEE_MARKERS if markers is None else markers
    begin, end = ctx.sentences[ctx.sentence_of[cue[0]]]
    window = _own_clauses(
        ctx, cue, max(begin, cue[0] - MAX_ADDRESSEE_DISTANCE), min(end, cue[-1] + MAX_ADDRESSEE_DISTANCE)
    )
    phrase = marked_addressee(ctx, found, *window, markers=markers)
    lemma = _lemma(ctx, cue)
    if phrase is None:
        phrase = verb_addressee(ctx, found, cue, lemma, end, markers=markers)
    return phrase


def _own_clauses(ctx: Context, cue: list[int], start: int, stop: int) -> tuple[int, int]:
    """The window ``start:stop`` cut at the commas that open another speaker's main clause (``sagte vor der
    Presse, …, doch der Sprecher erklärte, …``): ``vor der Presse`` is the first speaker's audience only."""
    if not COORDINATED_WINDOW:
        return start, stop
    for index in range(start, cue[0]):
        if new_speaker_clause(ctx, index):
            start = index + 1
    for index in range(cue[-1] + 1, stop):
        if new_speaker_clause(ctx, index):
            return start, index
    return start, stop


def _dative_head(ctx: Context, opener: str, phrase: tuple[int, int]) -> bool:
    """``der Zeitung`` (feminine) and ``den Gewerkschaften`` (plural, ends in -n) are datives; ``den Vorfall``
    is not."""
    head = ctx.tokens[phrase[1] - 1].low
    return opener == "der" or head.endswith("n")


def _object_addressee(
    ctx: Context, found: Found, cue: list[int], last: int, *, dative_only: bool
) -> tuple[int, int] | None:
    """``informierte den Leiter des Bündnisses`` / ``erklärte einem Angestellten``: the object after the verb
    (after an inverted subject); verbs that take the addressee in the dative need a dative form."""
    verb = cue[0] if len(cue) == 1 else cue[1] if ctx.lexicon.has("aux", ctx.tokens[cue[0]].low) else cue[0]
    start = _object_start(ctx, found, verb + 1, last)
    if start >= last:
        return None
    opener = ctx.tokens[start].low
    if dative_only and opener not in _DATIVE and opener not in _DATIVE_AMBIGUOUS:
        return _bare_dative(ctx, found, cue, start, last) if BARE_DATIVE else None
    phrase = phrase_after(ctx.tokens, start, last, ctx.lexicon)
    ambiguous = dative_only and opener in _DATIVE_AMBIGUOUS
    if ambiguous and (phrase is None or not _dative_head(ctx, opener, phrase)):
        return None
    if phrase is None and ctx.tokens[start].low in _DATIVE_PRONOUNS:
        phrase = (start, start + 1)
    if phrase is None or (found.speaker is not None and ctx.chars(*phrase) == found.speaker):
        return None
    phrase = coordinated(ctx, phrase, last)
    if (
        ctx.lexicon.has("subject_pronoun", ctx.tokens[phrase[0]].low)
        and phrase[1] - phrase[0] == 1
        and ctx.tokens[phrase[0]].low not in _DATIVE_PRONOUNS
    ):
        return None
    return phrase


def _object_start(ctx: Context, found: Found, start: int, last: int) -> int:
    """Where the object after the verb starts: past an inverted speaker and, with ``SKIP_ADVERBIALS``, past
    adverbs and prepositional phrases (``sagte in Juba der Presse``, ``erklärte er Reportern``,
    ``empfahl in einer Warnung am 3. Januar US-Bürgern``).  Only when the speaker is known: with none, the
    phrase after the adverbials is the inverted subject (``kündigte heute der Präsident an``)."""
    speaker = (
        (ctx.token_at(found.speaker[0]), ctx.token_at(found.speaker[1]))
        if found.speaker is not None
        else None
    )
    first = start
    skip = SKIP_ADVERBIALS and speaker is not None and (speaker[1] <= first or speaker[0] >= first)
    while start < last:
        tok = ctx.tokens[start]
        if speaker is not None and speaker[0] == start:
            start = speaker[1]
        elif skip and tok.pos in {"ADV", "PAV"} and ctx.quote_of[start] < 0:
            start += 1
        elif skip and tok.pos in {"APPR", "APPRART"} and tok.low not in _ADDRESSEE_PREPOSITIONS:
            inner = time_after(ctx, start + 1, last) or phrase_after(
                ctx.tokens, start + 1, last, ctx.lexicon, places=False
            )
            if inner is None:
                break
            start = inner[1]
        else:
            break
        if not skip and start != first:
            break
    return start


def _bare_dative(ctx: Context, found: Found, cue: list[int], start: int, last: int) -> tuple[int, int] | None:
    """``Der Sprecher sagte Reportern, …`` / ``sagte SPIEGEL ONLINE, …``: the content of a dative speech verb
    is the clause after the comma, and its subject stands before the verb, so a bare noun phrase filling
    the rest of the verb's clause is the dative addressee (a common noun only in the dative plural, -n)."""
    if found.speaker is None or start >= len(ctx.tokens):
        return None
    if found.speaker[1] > ctx.tokens[cue[0]].start and not (
        INVERTED_BARE_DATIVE and found.speaker[1] <= ctx.tokens[start].start
    ):
        return None  # erklärte er Reportern, …: an inverted speaker before the phrase will do
    if last >= len(ctx.tokens) or ctx.tokens[last].low != "," or ctx.tokens[start].pos not in {"NN", "NE"}:
        return None
    stop = last
    while INVERTED_BARE_DATIVE and stop > start + 1 and ctx.tokens[stop - 1].pos == "ADV":
        stop -= 1  # erklärte er Reportern dann, …
    phrase = phrase_after(ctx.tokens, start, stop, ctx.lexicon, places=False)
    if phrase is None or phrase != (start, stop):
        return None
    head = ctx.tokens[stop - 1]
    if head.pos == "NN" and not head.low.endswith("n"):
        return None
    return phrase
