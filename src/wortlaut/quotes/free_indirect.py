"""Reported speech without a frame of its own: Konjunktiv clauses after a comma and free indirect runs.

Split out of :mod:`wortlaut.quotes.extract` (behaviour unchanged): these rules read the sentences the
verb-framed and direct rules left, so they run last among the statement finders.
"""

from __future__ import annotations

from bisect import bisect_left

from wortlaut.quotes.context import Context
from wortlaut.quotes.found import Found
from wortlaut.quotes.frame_clauses import negated_before
from wortlaut.quotes.speakers import phrase_before

#: Right after a statement (this many sentences) Konjunktiv II and reportive "soll" also mark free indirect
#: speech (1, 2, 3, 4 compared on quotes-wikinews train and dev: 2 is best on both).
NEAR_SENTENCES = 2
#: ``als`` / ``als ob`` + Konjunktiv compares with the unreal (``…, als existiere er nicht``, ``Als wäre es
#: nicht genug, …``): no reported speech, neither a Konjunktiv clause nor a free indirect sentence (issue 12,
#: fourteenth session).
NO_COMPARISONS = True
#: A sentence ending in a question mark outside quotation marks is the author's question, not free indirect
#: speech (issue 12, fourteenth session).
NO_QUESTIONS = True
#: Indicative modals that report someone else's claim ("Juventus soll in die 3. Liga absteigen").
_REPORTIVE = frozenset({"soll", "sollen"})


def free_indirect(ctx: Context, found: list[Found]) -> list[Found]:
    """Sentences right after someone's statement that read as reported (Konjunktiv, reportive "soll")
    and have no frame of their own: free indirect speech of the same speaker.

    A direct quotation does not keep its sentence out: only words outside quotation marks are read, and
    the annotation marks "Der Airbus sei erst „weit hinter der Aufsetzzone“ gelandet" as free indirect
    with the quotation nested (+0.7 points joint F1 on dev, +0.9 on train).
    """
    held: set[int] = set()  # sentences with a statement
    taken: set[int] = set()  # sentences with reported speech (a direct quotation may sit in free indirect)
    for statement in found:
        covered = {statement.sentence}
        for start, end in statement.quote:
            first, stop = ctx.token_at(start), min(ctx.token_at(end), len(ctx.tokens))
            if first < stop:  # sentences are contiguous token runs: the range, not every token's
                covered.update(range(ctx.sentence_of[first], ctx.sentence_of[stop - 1] + 1))
        held |= covered
        if not statement.rule.startswith("direct."):
            taken |= covered
    extra: list[Found] = []
    last: int | None = None  # the latest sentence holding a statement
    run_end = -1  # the last sentence of the latest free indirect quotation
    for sentence, (begin, end) in enumerate(ctx.sentences):
        if sentence in held:
            last = sentence
        if sentence in taken:
            continue
        if end - begin < 3:
            continue
        # Far from any statement only a Konjunktiv I verb counts (it also opens reported passages whose
        # framing statement the rules missed: +1.5 points quote recall on train for -0.2 precision).
        near = last is not None and sentence - last <= NEAR_SENTENCES
        rule = "free_indirect"
        if not _reads_as_reported(ctx, begin, end, strict=not near) and not (
            _reads_as_reported(ctx, begin, end, strict=False) and _opens_run(ctx, sentence + 1, taken)
        ):
            if not _alleged(ctx, begin, end):
                clause = _alleged_clause(ctx, begin, end) if ALLEGED_CLAUSES else None
                if clause is not None:
                    extra.append(
                        Found(
                            mode="free_indirect",
                            quote=[ctx.chars(*clause)],
                            rule="free_indirect" if near else ALLEGED_RULE,
                            sentence=sentence,
                        )
                    )
                    last = run_end = sentence
                elif SEMICOLON_PARTS and (part := _reported_part(ctx, begin, end, strict=not near)):
                    extra.append(
                        Found(
                            mode="free_indirect",
                            quote=[ctx.chars(*part)],
                            rule="free_indirect",
                            sentence=sentence,
                        )
                    )
                    last = run_end = sentence
                continue
            rule = "free_indirect" if near and NEAR_ALLEGED else ALLEGED_RULE
        if extra and run_end == sentence - 1 and last == sentence - 1 and _same_marker(ctx, sentence):
            # The annotation marks a run of reported sentences as one free indirect quotation.
            previous = extra[-1]
            previous.quote = [(previous.start, ctx.chars(begin, end)[1])]
        else:
            extra.append(
                Found(mode="free_indirect", quote=[ctx.chars(begin, end)], rule=rule, sentence=sentence)
            )
        last = run_end = sentence
    return extra


#: The part after a sentence's last semicolon reads as free indirect speech on its own (``Der Mann ist frei;
#: die Anklage bleibe aber bestehen.``): the sentence reader does not split there, the annotation does
#: (issue 12, eighteenth session).
SEMICOLON_PARTS = True


def _reported_part(ctx: Context, begin: int, end: int, *, strict: bool) -> tuple[int, int] | None:
    """The tokens after the last semicolon of sentence ``begin:end`` when they read as reported."""
    after = bisect_left(ctx.semicolons, end)  # the sentence's last mark is the one before its end
    if after == 0 or ctx.semicolons[after - 1] < begin or end - ctx.semicolons[after - 1] - 1 < 3:
        return None
    first = ctx.semicolons[after - 1] + 1
    return (first, end) if _reads_as_reported(ctx, first, end, strict=strict) else None


#: A free indirect run ends where its marker changes: reportive ``sollen`` (``Er soll … haben.``) and
#: Konjunktiv (``Er habe …``) sentences are separate quotations in the annotation (issue 12, eighteenth
#: session).
SPLIT_MARKERS = True


def _same_marker(ctx: Context, sentence: int) -> bool:
    """Whether ``sentence`` reads as reported by the same marker as the one before it (see
    :data:`SPLIT_MARKERS`), so that it continues that sentence's free indirect quotation."""
    if not SPLIT_MARKERS:
        return True
    return _reportive(ctx, *ctx.sentences[sentence - 1]) == _reportive(ctx, *ctx.sentences[sentence])


def _reportive(ctx: Context, begin: int, end: int) -> bool:
    """Whether the first finite verb of sentence ``begin:end`` (outside quotations) is reportive
    ``sollen``."""
    for index in range(begin, end):
        tok = ctx.tokens[index]
        if ctx.quote_of[index] < 0 and tok.mood is not None and tok.mood != "imp":
            return tok.low in _REPORTIVE
    return False


def _opens_run(ctx: Context, sentence: int, taken: set[int]) -> bool:
    """Whether ``sentence`` is Konjunktiv I free indirect speech, so that a Konjunktiv II sentence right
    before it opens the same reported passage ("Er hätte den Jet zu spät aufgesetzt. Der Airbus sei …")."""
    if sentence >= len(ctx.sentences) or sentence in taken:
        return False
    begin, end = ctx.sentences[sentence]
    return end - begin >= 3 and _reads_as_reported(ctx, begin, end, strict=True)


def subjunctive_clauses(ctx: Context, found: list[Found]) -> list[Found]:
    """``Der Minister zeigte sich bestürzt, es gebe …``: a Konjunktiv I clause after a comma reports speech
    even when the verb before it is not in the lexicon; the sentence's subject is its speaker.  As for free
    indirect speech, a direct quotation elsewhere in the sentence does not keep the clause out."""
    taken = {statement.sentence for statement in found if not statement.rule.startswith("direct.")}
    extra = []
    for sentence, (begin, end) in enumerate(ctx.sentences):
        if sentence in taken:
            continue
        finite = _next_finite(ctx, begin, end)  # once per sentence: a scan per comma is quadratic
        for comma in range(begin + 2, end - 2):
            if ctx.tokens[comma].low != "," or ctx.quote_of[comma] >= 0:
                continue
            verb = finite[comma + 1 - begin]
            if verb is None or not ctx.is_subjunctive(verb, strict=True):
                continue
            if NO_COMPARISONS and _compares(ctx, comma, verb):
                continue  # ``…, als existiere er nicht``: an unreal comparison, not reported speech
            main = finite[0] if finite[0] is not None and finite[0] < comma else None
            if main is None or ctx.tokens[main].mood != "ind":
                continue
            if negated_before(ctx, comma, None):
                continue  # "wollte sich nicht festlegen, ob … solle": what was not said
            first = _report_begin(ctx, comma, main) if REPORT_BEGIN else comma + 1
            statement = Found(
                mode="indirect",
                quote=[ctx.chars(first, ctx.trim_final(first, end))],
                rule="indirect.konjunktiv",
                sentence=sentence,
                cue=[ctx.chars(main, main + 1)],
                medium="speech",
            )
            participle = _passive_participle(ctx, main, comma) if PASSIVE_MAINS else None
            if participle is not None:  # Zwölf Mitglieder wurden verletzt, die Verletzten seien …: a patient
                statement.cue.append(ctx.chars(participle, participle + 1))
            else:
                subject = phrase_before(ctx.tokens, begin, main, ctx.lexicon)
                statement.speaker = ctx.chars(*subject) if subject else None
            extra.append(statement)
            break
    return extra


#: A passive main clause before the Konjunktiv clause (``Zwölf Mitglieder der Gruppe wurden verletzt, die
#: Verletzten seien …``) has a patient for its subject, no speaker: the statement gets none from it (its
#: participle joins the cue, so the ranker leaves it too; issue 12, nineteenth session).
PASSIVE_MAINS = True


def _passive_participle(ctx: Context, main: int, comma: int) -> int | None:
    """The past participle after a finite passive auxiliary ``main`` before ``comma``, else ``None``."""
    if not ctx.lexicon.has("passive_aux", ctx.tokens[main].low):
        return None
    return next(
        (
            index
            for index in range(main + 1, comma)
            if ctx.tokens[index].pos == "VVPP" and ctx.quote_of[index] < 0
        ),
        None,
    )


#: The reported clause of a Konjunktiv I clause after a comma begins at an earlier ``dass``/``ob`` clause
#: or Konjunktiv clause it continues (``…, dass es keine Beweise gäbe, dass sie … habe``; relative clauses
#: between are passed), not at the comma before the Konjunktiv I verb (issue 12, fifteenth session).
REPORT_BEGIN = True


def _report_begin(ctx: Context, comma: int, main: int) -> int:
    """The first token of the reported clause that ends with the clause after ``comma``: earlier clauses after
    the main verb ``main`` are taken while they open with a complementizer (which ends the walk), hold a
    Konjunktiv verb, or are relative clauses followed by such a clause."""
    start = probe = comma + 1
    index = comma - 1
    while index > main:
        if ctx.tokens[index].low != "," or ctx.quote_of[index] >= 0:
            index -= 1
            continue
        clause = ctx.tokens[index + 1 : probe - 1]
        if not clause:
            return start
        opener = clause[1] if clause[0].pos in {"APPR", "APPRART"} and len(clause) > 1 else clause[0]
        if ctx.lexicon.has("complementizer", clause[0].low) and clause[0].low in {"dass", "ob"}:
            return index + 1
        if opener.pos in {"PRELS", "PRELAT"}:
            probe = index + 1
        elif any(
            (tok.pos or "").endswith("FIN") and ctx.is_subjunctive(other, strict=False)
            for other, tok in enumerate(clause, start=index + 1)
        ):
            start = probe = index + 1
        else:
            return start
        index -= 1
    first = ctx.tokens[main + 1 : probe - 1]
    if first and first[0].low in {"dass", "ob"}:
        return main + 1
    return start


def _compares(ctx: Context, comma: int, verb: int) -> bool:
    """``…, als existiere er nicht``, ``…, als ob er nichts wüsste``: ``als`` with the verb right after it,
    or ``als ob`` / ``als wenn``, opens an unreal comparison; so does ``als`` right before the verb after
    other words (``…, grafisch umgesetzt, als schaue man …``)."""
    if ctx.tokens[verb - 1].low == "als" and verb - 1 > comma:
        return True
    if ctx.tokens[comma + 1].low != "als":
        return False
    return verb == comma + 2 or ctx.tokens[comma + 2].low in {"ob", "wenn"}


def _next_finite(ctx: Context, begin: int, end: int) -> list[int | None]:
    """For each token of ``begin:end`` (and ``end``), the first finite verb outside quotes from it on."""
    following: list[int | None] = [None] * (end - begin + 1)
    for index in range(end - 1, begin - 1, -1):
        tok = ctx.tokens[index]
        finite = ctx.quote_of[index] < 0 and tok.pos is not None and tok.pos.endswith("FIN")
        if finite and CAPITALISED_CLAUSE_VERBS and _capitalised_inside(ctx, index, begin):
            finite = False  # "…, die bei der Raumfähre als Hitzeschild fungieren": a noun, whatever its tag
        following[index - begin] = index if finite else following[index - begin + 1]
    return following


#: Reportive ``sollen`` with a perfect infinitive (``soll … beteiligt gewesen sein``, ``sollen … gestürmt
#: haben``) is someone's claim wherever it stands, not only right after a statement: the modal's other
#: readings (a plan, an order) take no perfect infinitive (issue 12, fifteenth session).
PERFECT_REPORTIVE = True
#: Auxiliaries of a perfect infinitive.
_PERFECT_AUX = frozenset({"haben", "sein"})
#: The morphology's past participle tags (full, auxiliary, modal verbs).
_PARTICIPLES = frozenset({"VVPP", "VAPP", "VMPP"})


#: The rule of such a sentence far from any statement: no speaker is carried to it (the statement before
#: is too far to be its source; carrying one lowered speaker F1 on quotes-wikinews/train).
ALLEGED_RULE = "free_indirect.alleged"
#: Such a sentence within ``NEAR_SENTENCES`` of a statement is free indirect speech of that statement's
#: speaker, as an alleged clause there already is (``Der Landrat teilte mit, dass … . Während des Brandes
#: sollen Gasflaschen explodiert sein.``: the prepositional ``Während`` hid the modal from the Konjunktiv
#: reader, and the sentence got no speaker; issue 12, nineteenth session).
NEAR_ALLEGED = True


def _alleged(ctx: Context, begin: int, end: int) -> bool:
    """Whether the first finite verb outside quotation marks is ``soll``/``sollen`` with a perfect
    infinitive after it (:data:`PERFECT_REPORTIVE`), in a statement, not a question."""
    if not PERFECT_REPORTIVE or (ctx.tokens[end - 1].low == "?" and ctx.quote_of[end - 1] < 0):
        return False
    verb = next(
        (
            index
            for index in range(begin, end)
            if ctx.quote_of[index] < 0 and (ctx.tokens[index].pos or "").endswith("FIN")
        ),
        None,
    )
    return verb is not None and ctx.tokens[verb].low in _REPORTIVE and _perfect_infinitive(ctx, verb, end)


#: ``soll`` with a perfect infinitive in a clause after a comma is an allegation of its own, when the
#: sentence's first finite verb is an indicative (``…, welcher dann das Kühlwasser entzündet haben soll``,
#: ``…, er soll den Ausbrechern geholfen haben``, ``Bei einem Schusswechsel, der dann stattfand, soll er
#: getötet worden sein``): the clause is reported, the rest of the sentence the author's (issue 12,
#: seventeenth session, third round).
ALLEGED_CLAUSES = True


def _alleged_clause(ctx: Context, begin: int, end: int) -> tuple[int, int] | None:
    """Token range of the comma-bounded clause of sentence ``begin:end`` whose finite verb is ``soll`` /
    ``sollen`` with a perfect infinitive in the same clause (see :data:`ALLEGED_CLAUSES`)."""
    tokens = ctx.tokens[begin:end]
    if not any(tok.low in _REPORTIVE for tok in tokens) or (
        tokens[-1].low == "?" and ctx.quote_of[end - 1] < 0
    ):
        return None  # most sentences hold no "soll": one cheap scan
    start = begin
    for index in range(begin, end + 1):
        if index < end and (ctx.tokens[index].low != "," or ctx.quote_of[index] >= 0):
            continue
        stop = ctx.trim_final(start, index)
        verbs = [
            verb
            for verb in range(start, stop)
            if ctx.quote_of[verb] < 0 and ctx.tokens[verb].low in _REPORTIVE
        ]
        if start > begin and verbs and _perfect_infinitive_before(ctx, start, verbs[0], stop):
            return start, stop
        start = index + 1
    return None


def _perfect_infinitive_before(ctx: Context, start: int, verb: int, stop: int) -> bool:
    """A participle + ``haben``/``sein`` in ``start:stop``: right before a clause-final ``verb`` or after a
    verb-second one (the clause's own perfect infinitive)."""
    if verb == stop - 1:  # verb-final: "…, welcher … entzündet haben soll"
        return (
            verb - 2 >= start
            and ctx.tokens[verb - 2].pos in _PARTICIPLES
            and (ctx.tokens[verb - 1].low in _PERFECT_AUX)
        )
    return _perfect_infinitive(ctx, verb, stop + 1) if stop < len(ctx.tokens) else False


def _perfect_infinitive(ctx: Context, verb: int, end: int) -> bool:
    """Whether a participle followed by ``haben``/``sein`` (``worden sein``) stands after ``verb`` in its
    sentence, outside quotation marks."""
    for index in range(verb + 1, end - 1):
        following = ctx.tokens[index + 1]
        if ctx.tokens[index].pos in _PARTICIPLES and following.low in _PERFECT_AUX:
            return ctx.quote_of[index + 1] < 0
    return False


#: Konjunktiv II (or ``soll``) in a sentence with a condition (``falls``, ``sofern`` or a verb-first
#: clause: ``Hätte er nur Bier getrunken, so müsste er …``) is the author's hypothesis, no free indirect
#: speech; Konjunktiv I still reports (issue 12, seventeenth session, third round). ``wenn`` is left out: its
#: Konjunktiv II clauses are reported speech on train as often (``Die Behörden hätten … erteilt, wenn …``).
NO_CONDITIONALS = True
_CONDITIONS = frozenset({"falls", "sofern"})


def _conditional(ctx: Context, begin: int, end: int) -> bool:
    """Whether sentence ``begin:end`` holds a conditional clause outside quotation marks (see
    :data:`NO_CONDITIONALS`)."""
    if not NO_CONDITIONALS:
        return False
    if (ctx.tokens[begin].pos or "").endswith("FIN") and ctx.tokens[begin].mood == "sub2":
        return True  # verb-first: "Hätte er …, so …"
    return any(
        ctx.tokens[index].low in _CONDITIONS and ctx.quote_of[index] < 0 for index in range(begin, end)
    )


#: An indicative verb inside a relative or subordinate clause in the prefield (``Die Straßen, die … genutzt
#: werden sollten, müssten …``, ``Nachdem er sie verfolgt hat, habe er …``) does not decide whether the
#: sentence reads as reported: the main clause's verb does (issue 12, eighteenth session).
DEPENDENT_INDICATIVES = True
#: A capitalised word inside a sentence is no finite verb even when the tagger reads one in it (``Die
#: Raumfähre bringt …`` tagged ``Raumfähre`` as a Konjunktiv I verb; issue 12, eighteenth session).
CAPITALISED_NOUNS = True


#: ... nor for the Konjunktiv clause after a comma (``subjunctive_clauses``; issue 12, eighteenth session).
CAPITALISED_CLAUSE_VERBS = True


def _capitalised_inside(ctx: Context, index: int, begin: int) -> bool:
    """Whether token ``index`` is capitalised and not the first word of its sentence or of a part after a
    colon (German writes finite verbs in lower case elsewhere)."""
    return index > begin and ctx.tokens[index].text[:1].isupper() and ctx.tokens[index - 1].low != ":"


#: Relative pronouns and subordinating conjunctions that open a dependent clause.
_DEPENDENT_OPENERS = frozenset({"PRELS", "PRELAT", "KOUS"})


#: ... nor does Konjunktiv II or ``sollen`` there (``Dass er brechen würde, hatte sich angekündigt``,
#: ``Wann es stattfinden soll, haben sie nicht gesagt``); a Konjunktiv I does (issue 12, eighteenth session).
DEPENDENT_WEAK_MARKERS = True


def _weak_marker(ctx: Context, index: int) -> bool:
    """A finite verb that reads as reported only near a statement (Konjunktiv II, reportive ``sollen``), not
    a Konjunktiv I, and not an unreal comparison after ``als``."""
    tok = ctx.tokens[index]
    if tok.mood is None or (tok.mood in {"imp", "ind"} and tok.low not in _REPORTIVE):
        return False
    return not ctx.is_subjunctive(index, strict=True) and ctx.tokens[index - 1].low != "als"


def _opens_dependent(ctx: Context, index: int, begin: int) -> bool:
    """Whether token ``index`` opens a dependent clause: a relative pronoun or subordinating conjunction at
    the sentence start or after a comma (a preposition may stand between: ``, von denen``)."""
    if ctx.tokens[index].pos not in _DEPENDENT_OPENERS:
        return False
    before = index - 1
    if before >= begin and ctx.tokens[before].pos in {"APPR", "APPRART"}:
        before -= 1
    return before < begin or ctx.tokens[before].low == ","


#: Near a statement, an indicative first verb does not keep a sentence out when a Konjunktiv I verb joined by
#: ``und`` follows (``Die Polizei brachte Anwohner in Sicherheit und habe den Bereich abgesperrt``; issue 12,
#: eighteenth session).
COORDINATED_KONJUNKTIV = True


def _coordinated_konjunktiv(ctx: Context, verb: int, end: int) -> bool:
    """Whether ``und`` + a Konjunktiv I finite verb follows the finite ``verb`` in its sentence."""
    return any(
        ctx.tokens[index].low == "und"
        and ctx.quote_of[index] < 0
        and ctx.is_subjunctive(index + 1, strict=True)
        for index in range(verb + 1, end - 1)
    )


def _reads_as_reported(ctx: Context, begin: int, end: int, *, strict: bool) -> bool:
    """Konjunktiv on the sentence's first finite verb (Konjunktiv II only right after a statement)."""
    if NO_QUESTIONS and ctx.tokens[end - 1].low == "?" and ctx.quote_of[end - 1] < 0:
        return False  # "Was aber würde Trochowski dazu sagen?": the author asks
    dependent = False  # inside a relative or subordinate clause in the prefield
    verb_seen = False  # a verb of the main clause stood before: later clauses are not in the prefield
    for index in range(begin, end):
        tok = ctx.tokens[index]
        if ctx.quote_of[index] >= 0:
            continue
        if DEPENDENT_INDICATIVES:
            if tok.low == ",":
                dependent = False
            elif not verb_seen and _opens_dependent(ctx, index, begin):
                dependent = True
            if dependent and tok.mood == "ind":
                continue  # "Die Straßen, die genutzt werden sollten, müssten …": the main verb decides
            if DEPENDENT_WEAK_MARKERS and dependent and _weak_marker(ctx, index):
                continue  # "Wann er kommen soll, hat sie nicht gesagt.": only a Konjunktiv I reports there
            verb_seen = verb_seen or (not dependent and (tok.pos or "").startswith("V"))
        if CAPITALISED_NOUNS and _capitalised_inside(ctx, index, begin):
            continue  # "Die Raumfähre bringt …": a noun, whatever its tag
        if tok.mood is not None and tok.mood != "imp":
            if NO_COMPARISONS and index > begin and ctx.tokens[index - 1].low == "als":
                return False  # "Als wäre es nicht genug, …", "Ganz so, als könnten sie …": unreal comparison
            if ctx.lexicon.has("wish_modal", tok.low):
                return False  # "Vor allem möchte das Ehepaar …": a wish in the indicative's sense
            if not strict and _conditional(ctx, begin, end) and not ctx.is_subjunctive(index, strict=True):
                return False  # "Hätte er nur Bier getrunken, so müsste er …": the author's hypothesis
            if ctx.is_subjunctive(index, strict=strict) or (not strict and tok.low in _REPORTIVE):
                return True
            return COORDINATED_KONJUNKTIV and not strict and _coordinated_konjunktiv(ctx, index, end)
        if tok.mood is None and tok.pos is None and ctx.is_subjunctive(index, strict=strict):
            return True
    return False
