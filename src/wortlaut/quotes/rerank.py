"""Let the trained speaker ranker choose the speaker of every cue the rules found.

The rules find statements and their cues; which phrase of the cue's sentence is the speaker is the
ranker's call (:mod:`wortlaut.quotes.speaker_model`).  Statements without a cue keep what the rules
gave them (the previous speaker, filled in later).
"""

from __future__ import annotations

from collections.abc import Sequence

from wortlaut.article import Mention
from wortlaut.quotes.context import Context
from wortlaut.quotes.details import readdress
from wortlaut.quotes.found import Found
from wortlaut.quotes.frame_parts import addressee_passive
from wortlaut.quotes.lexicon import Lexicon
from wortlaut.quotes.speaker_features import candidates, features, rule_choice
from wortlaut.quotes.speaker_model import SpeakerModel
from wortlaut.quotes.speakers import phrase_after, phrase_before, skip_adverbs, with_apposition
from wortlaut.quotes.text import Tok

#: Rules the ranker leaves alone: headlines and posts (their cue is not in a sentence of their own) and
#: verbless attribution, where grammar fixes the speaker (``laut X``, ``X zufolge``, ``…, so X``) and the
#: parliament-trained ranker, which rarely saw these cues, picked the sentence subject instead.
#: ``…, wonach X`` takes the phrase before ``wonach``; ``Demnach …`` / ``Danach …`` the previous statement's
#: speaker (the subject of their sentence is what is reported, not who reports it).  A speech noun's clause
#: (``indirect.noun``) keeps the subject of the nearest finite verb (train 3-fold CV, thirteenth issue-12
#: session: speaker F1 0.6581 -> 0.6585; the ranker's choice scored 0.736 against the rule's 0.759 there).
_SKIPPED_RULES = (
    *("headline.", "post.", "reported.laut", "reported.zufolge", "reported.nach", "indirect.so"),
    *("indirect.wonach", "indirect.demnach", "indirect.danach", "indirect.noun"),
)


#: Take a nominative-only pronoun right after the finite cue verb as the speaker (see ``_inverted_pronoun``).
INVERTED_PRONOUN = True

#: Take a person-naming phrase right after the finite cue verb when the prefield is a thing
#: (see ``_inverted_name``).
INVERTED_NAME = True

#: A finite cue verb right after ``und`` (``… nannte die Sanktionen … und rief die Armee auf, …``) opens a
#: conjunct without a prefield: it shares the subject of the first verb, and a phrase after it is its object
#: (see ``_shared_subject``).
SHARED_SUBJECTS = True

#: The object after such a conjunct's verb, which the rules had read as its subject, is read again as the
#: verb's addressee once the shared subject is the speaker (``… und rief die Armee auf``; issue 12,
#: nineteenth session).
SHARED_SUBJECT_OBJECTS = True

#: A candidate opening with an accusative or dative article or pronoun (``den Vorwurf``, ``ihm``) is no
#: subject, unless the rules chose it (a passive's ``von den Behörden``).
NO_OBJECT_CANDIDATES = True
#: A candidate inside the reported clause of an indirect or direct statement is no speaker unless the rules
#: chose it (train 3-fold CV, thirteenth issue-12 session: speaker F1 0.66058 -> 0.66065, joint 0.77304 ->
#: 0.77306).  Not for reported statements, whose content is the whole sentence with its subject (with them:
#: 0.66072, but the ranker's subject after an object prefield was lost, ``bezifferte die Feuerwehr``).
NOT_IN_CONTENT = True

#: A candidate that opens inside parentheses (``mit Schimon Peres (Awoda, dt. etwa Arbeiterpartei)
#: bekräftigt``) is an insertion, no constituent of the clause, so no subject: no speaker unless the rules
#: chose it.  Off: on train 3-fold CV (issue 14ze) it cost fold 1 a partly right speaker (``(UDD)`` inside
#: a long subject phrase, speaker 0.7234 -> 0.7219) with the shipped tagger; with 14zd's tagger it kept the
#: subject where the tagger read an organisation in the parenthesis (``Arbeiterpartei``).
NOT_IN_PARENTHESES = False

#: ``_inverted_name`` takes a phrase as naming a person only when a person mention ends where one of its words
#: ends: in ``die Huthi-Rebellen`` the name is a compound's modifier, and the phrase names rebels (a plural,
#: which a singular cue verb does not agree with).
WHOLE_WORD_NAMES = True

#: ``heißt es`` / ``hieß es``: no subject can speak; the rules' source after ``aus``/``von`` (or none) stays.
_IMPERSONAL = frozenset({"es", "heißt", "hieß", "hießen", "heißen", "hieße"})


def _token_range(ctx: Context, chars: tuple[int, int]) -> tuple[int, int] | None:
    first, last = ctx.token_at(chars[0]), ctx.token_at(chars[1])
    return (first, last) if first < last <= len(ctx.tokens) else None


#: Articles that open an accusative or dative noun phrase: a prefield starting with one is an object
#: (``Den Vorschlag lehnte der Minister ab``), so the subject may follow the verb.
_OBJECT_ARTICLES = frozenset({"den", "dem", "einen", "einem", "diesen", "diesem", "ihm", "ihn", "ihnen"})


def _prefield_subject(ctx: Context, rule: tuple[int, int] | None, cue: list[int], sentence: int) -> bool:
    """Whether the rules' speaker is a subject filling the prefield right before the finite cue verb
    (``Milinkewitsch kritisierte die Handlungsweise …``): then a phrase after the verb in its clause is an
    object and cannot be the speaker."""
    begin = ctx.sentences[sentence][0]
    start = ctx.clause_begin(cue[0], begin)
    if ctx.tokens[start].low in _OBJECT_ARTICLES or ctx.in_time(start):
        return False  # "Ende Januar 2006 verkündete der DFB": a time fills the prefield, the subject follows
    subject = phrase_before(ctx.tokens, start, cue[0], ctx.lexicon)
    if subject is None and start == cue[0]:
        subject = ctx.subject_through_commas(cue[0], begin)  # Der NDR, der …, begründete die Einblendungen
        start = begin
        if subject is not None and not _nominative_start(ctx.tokens[begin], ctx.lexicon):
            return False  # Die Zahl der Menschen, die …, bezifferte die Agentur: an object may come first
    return (
        subject is not None and subject[0] == start and (rule is None or rule == subject or rule[0] > cue[-1])
    )


def _nominative_start(tok: Tok, lexicon: Lexicon) -> bool:
    """Whether a sentence-initial phrase opens with a word that makes it the subject: a nominative
    determiner (``Der NDR``, ``Ein Sprecher``) or a name (``die``, ``das``, ``eine`` are accusative too)."""
    return lexicon.has("nominative_determiner", tok.low) or tok.pos == "NE"


def _inverted_pronoun(ctx: Context, cue: list[int], sentence: int) -> tuple[int, int] | None:
    """``Der Politik schlug er vor``, ``2008 erklärte er``: a pronoun with no form but the nominative right
    after the finite cue verb is its subject, whatever fills the prefield (an object, a time, an adverb).
    Not for ``zitieren``, whose object is the one quoted (``zitierte man Yolanda Alvarez``)."""
    verb = ctx.tokens[cue[0]]
    if verb.pos is None or not verb.pos.endswith("FIN"):
        return None
    lemmas = {ctx.tokens[index].lemma or "" for index in cue} | {
        known.lemma for index in cue for known in ctx.lexicon.verbs.get(ctx.tokens[index].low, ())
    }
    if any(ctx.lexicon.has("object_speaker_verb", lemma) for lemma in lemmas):
        return None
    end = ctx.sentences[sentence][1]
    index = skip_adverbs(ctx.tokens, cue[0] + 1, end)
    if index >= end or ctx.quote_of[index] >= 0:
        return None
    return (index, index + 1) if ctx.lexicon.has("nominative_pronoun", ctx.tokens[index].low) else None


def _inverted_name(
    ctx: Context, cue: list[int], sentence: int, mentions: Sequence[Mention]
) -> tuple[int, int] | None:
    """``Eine Verschiebung des Wahltermins bezeichnete Conze als fatal``: when the prefield names no person
    or organisation and does not open like a subject (``Der``, ``Ein``, a name), a phrase naming a person
    right after the finite cue verb is its subject (German puts the subject first in the midfield).
    Returns a character range."""
    verb = ctx.tokens[cue[0]]
    if (
        verb.pos is None
        or not verb.pos.endswith("FIN")
        or ctx.lexicon.has("object_speaker_verb", verb.lemma or "")
    ):
        return None
    if verb.low.endswith("en"):
        return None  # Kritiker werfen Obama vor: a plural verb agrees with the prefield, not with one name
    begin, end = ctx.sentences[sentence]
    start = ctx.clause_begin(cue[0], begin)
    if start != begin or start >= cue[0] or _nominative_start(ctx.tokens[start], ctx.lexicon):
        return None
    lower, upper = ctx.tokens[start].start, ctx.tokens[cue[0]].start
    if any(m.type in {"PER", "ORG"} and m.start < upper and lower < m.end for m in mentions):
        return None
    index = skip_adverbs(ctx.tokens, cue[0] + 1, end)
    if index >= end or ctx.quote_of[index] >= 0:
        return None
    if ctx.tokens[index].low in _OBJECT_ARTICLES:
        return None
    phrase = phrase_after(ctx.tokens, index, ctx.clause_end(index, end), ctx.lexicon)
    phrase = with_apposition(ctx.tokens, phrase, end, ctx.lexicon)
    if phrase is None or phrase[0] != index:
        return None
    lower, upper = ctx.chars(*phrase)
    person = next(
        (m for m in mentions if m.type == "PER" and lower <= m.start < upper and _ends_word(ctx, m.end)), None
    )
    return (lower, max(upper, person.end)) if person is not None else None  # the tagger may cut a name


def _ends_word(ctx: Context, offset: int) -> bool:
    """Whether a mention ending at character ``offset`` ends where its last word ends (not a compound's
    modifier, ``Huthi`` in ``Huthi-Rebellen``); always true without :data:`WHOLE_WORD_NAMES`."""
    index = ctx.token_at(offset) - 1
    return not WHOLE_WORD_NAMES or (0 <= index < len(ctx.tokens) and ctx.tokens[index].end == offset)


def _in_parentheses(ctx: Context, first: int, begin: int) -> bool:
    """Whether token ``first`` stands inside parentheses opened after the sentence's start ``begin``."""
    depth = 0
    for tok in ctx.tokens[begin:first]:
        depth += (tok.text == "(") - (tok.text == ")" and depth > 0)
    return depth > 0


def _shared_subject(ctx: Context, cue: list[int], sentence: int) -> tuple[int, int] | None:
    """``Der Vertreter Libyens nannte … und rief die Armee auf, …``: a finite cue verb right after ``und``
    has no subject of its own (German coordination leaves out the shared subject); the noun phrase filling
    the whole prefield of the sentence's first finite verb is its speaker (token range)."""
    verb = ctx.tokens[cue[0]]
    begin = ctx.sentences[sentence][0]
    if verb.pos is None or not verb.pos.endswith("FIN") or cue[0] - 1 <= begin:
        return None
    if ctx.tokens[cue[0] - 1].low != "und" or ctx.quote_of[cue[0] - 1] >= 0:
        return None
    first = next(
        (
            index
            for index in range(begin + 1, cue[0] - 1)
            if (ctx.tokens[index].pos or "").endswith("FIN") and ctx.quote_of[index] < 0
        ),
        None,
    )
    if first is None or ctx.clause_begin(first, begin) != begin:
        return None
    subject = phrase_before(ctx.tokens, begin, first, ctx.lexicon)
    if subject is None or subject != (begin, first) or ctx.tokens[begin].low in _OBJECT_ARTICLES:
        return None
    return subject


def _object_prefield(ctx: Context, cue: list[int], sentence: int) -> tuple[int, int] | None:
    """``Der Politik schlug er vor``, ``Die Mitglieder forderte er auf``: with the subject after the verb,
    a noun phrase filling the prefield of a verb that takes an addressee (``addr``, ``dat``) is that
    addressee (character range); a number or an adverb there is not."""
    frames = {
        frame
        for index in cue
        for verb in ctx.lexicon.verbs.get(ctx.tokens[index].low, ())
        for frame in verb.frames
    }
    if not frames & {"addr", "dat"}:
        return None
    start = ctx.clause_begin(cue[0], ctx.sentences[sentence][0])
    phrase = phrase_before(ctx.tokens, start, cue[0], ctx.lexicon, places=False)
    if phrase is None or phrase != (start, cue[0]) or ctx.tokens[start].pos in {"CARD", "ADV"}:
        return None
    return ctx.chars(*phrase)


def _opens_in_time(ctx: Context, first: int, times: Sequence[tuple[int, int]]) -> bool:
    """Whether the phrase starting at token ``first`` starts inside a time expression (``Ende Januar 2006
    verkündete der DFB``): a time is never the speaker, nor the subject that keeps the ranker off objects."""
    start = ctx.tokens[first].start
    return any(begin <= start < end for begin, end in times)


def rerank_speakers(
    ctx: Context,
    found: Sequence[Found],
    model: SpeakerModel,
    mentions: Sequence[Mention],
    times: Sequence[tuple[int, int]] = (),
) -> None:
    """Replace the speaker of each cue-framed statement by the ranker's choice (in place); ``times`` are
    the character ranges of the article's time expressions."""
    ordered = sorted(mentions, key=lambda mention: mention.start)
    starts = [mention.start for mention in ordered]
    for statement in found:
        if not statement.cue or statement.rule.startswith(_SKIPPED_RULES):
            continue
        cue = sorted({ctx.token_at(start) for start, _ in statement.cue})
        cue = [index for index in cue if index < len(ctx.tokens)]
        if not cue or ctx.tokens[cue[0]].low in _IMPERSONAL or addressee_passive(ctx, cue):
            continue  # a passive addressee verb: its subject is addressed, only its agent (rules) speaks
        sentence = ctx.sentence_of[cue[0]]
        if INVERTED_PRONOUN and (pronoun := _inverted_pronoun(ctx, cue, sentence)) is not None:
            statement.speaker = ctx.chars(*pronoun)
            if statement.addressee is None:
                statement.addressee = _object_prefield(ctx, cue, sentence)
            continue
        if SHARED_SUBJECTS and (shared := _shared_subject(ctx, cue, sentence)) is not None:
            statement.speaker = ctx.chars(*shared)
            if SHARED_SUBJECT_OBJECTS:
                readdress(ctx, statement)
            continue
        if INVERTED_NAME and (named := _inverted_name(ctx, cue, sentence, ordered)) is not None:
            statement.speaker = named
            continue
        rule = _token_range(ctx, statement.speaker) if statement.speaker else rule_choice(ctx, sentence, cue)
        addressee = _token_range(ctx, statement.addressee) if statement.addressee else None
        options = [
            option
            for option in candidates(ctx, sentence, cue, rule)
            if addressee is None or option.last <= addressee[0] or option.first >= addressee[1]
        ]  # whom it was said to does not say it
        options = [option for option in options if not _opens_in_time(ctx, option.first, times)]
        if NOT_IN_CONTENT and statement.mode != "reported":
            options = [
                option
                for option in options
                if (option.first, option.last) == rule
                or not statement.covers(ctx.tokens[option.first].start, ctx.tokens[option.last - 1].end)
            ]
        if NOT_IN_PARENTHESES:
            begin = ctx.sentences[sentence][0]
            options = [
                option
                for option in options
                if (option.first, option.last) == rule or not _in_parentheses(ctx, option.first, begin)
            ]
        if NO_OBJECT_CANDIDATES:
            options = [
                option
                for option in options
                if (option.first, option.last) == rule or ctx.tokens[option.first].low not in _OBJECT_ARTICLES
            ]
        if not options:
            statement.speaker = None
            continue
        if _prefield_subject(ctx, rule, cue, sentence) and not (
            rule is not None and _opens_in_time(ctx, rule[0], times)
        ):
            objects = range(cue[-1] + 1, ctx.clause_end(cue[-1], ctx.sentences[sentence][1]))
            options = [option for option in options if option.first not in objects] or options
        chosen = model.best(
            [features(ctx, option, cue, sentence, ordered, starts, rule) for option in options]
        )
        if chosen is None:
            statement.speaker = None
            continue
        first, last = options[chosen].first, options[chosen].last
        if rule is not None and rule[0] <= first and last <= rule[1]:
            first, last = rule  # the rules' phrase holds the choice with its apposition: keep the whole
        statement.speaker = ctx.chars(first, last)
