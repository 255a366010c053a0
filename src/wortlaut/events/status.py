"""Whether an event happened: happened, planned, hypothetical, negated or cancelled.

News tells many meetings that did not take place: ``Ein Treffen ist nicht geplant``, ``Ein
Gespräch könnte … stattfinden``, ``Die Reise wurde abgesagt``.  The status comes from cues
around the trigger (``lang/de/event_status.tsv``: cancellation verbs, negation, modals and
conditionals, future and plan words), from Konjunktiv II on the clause's finite verbs (the
morphology stage's ``mood``), and from the event's date lying after the publication date.
Cue rows are tried in their file's order (cancellation, negation, hypothetical, past markers,
plans); an event without any cue happened.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from wortlaut.article import Article, Span, Token
from wortlaut.events.frames import CLAUSE_BREAK, WORD
from wortlaut.events.lexicon import load_event_lexicon
from wortlaut.events.schedule import PERFECT_AUX, scheduled_day
from wortlaut.lang.tables import read_records

HAPPENED = "happened"
PLANNED = "planned"
HYPOTHETICAL = "hypothetical"
NEGATED = "negated"
CANCELLED = "cancelled"
#: Every status, strongest first (the order in which cues are tried).
STATUSES = (CANCELLED, NEGATED, HYPOTHETICAL, PLANNED, HAPPENED)
#: Statuses of happenings that are not (yet) real: timelines and contacts leave them out by default.
UNREAL = frozenset({NEGATED, HYPOTHETICAL})
#: The event type of announcements (``lang/de/event_triggers.tsv``).
ANNOUNCEMENT = "announcement"
#: How many words before a trigger the ``before`` scope looks at (``zu keiner Einigung``,
#: ``keine weiteren Verhandlungen``): three covers a preposition plus an adjective.
BEFORE_WORDS = 3
#: A relative clause attached to the trigger noun: ``…abkommen, das … beschlossen werden soll``,
#: ``…gipfel im Herbst, bei dem … sein werde``: its comma follows the trigger within this many characters.
RELATIVE_GAP = 40
_RELATIVE_OPENER = re.compile(
    r",\s*(?:(?:bei|an|in|auf|zu|mit|nach|vor|über|für|von|unter)\s+)?(?:der|die|das|dem|den|denen|dessen|deren)\s"
)
#: Conjunctions that open a subordinate clause after a comma: such a stretch is never a list item.  (Relative
#: pronouns are left out: ``der``, ``die`` also open list items, ``…, der EU und Chinas``.)
SUBORDINATOR = re.compile(
    r"\s*(?:dass|ob|wenn|falls|weil|da|als|nachdem|damit|sodass|obwohl|während|wo|wie|bevor|sobald"
    r"|welche[rsmn]?|denen|dessen|deren)\s",
)
#: Without morphology tags: weak preterite endings and the strong past forms among the verb triggers.
PAST_ENDINGS = ("te", "ten")
PAST_FORMS = frozenset({"traf", "trafen"})


@dataclass(frozen=True, slots=True)
class StatusOptions:
    """Switches chosen by cross-validation on the tune part of ``eval/data/claims`` (see docs/quality.md)."""

    konjunktiv2: bool = False
    future_date: bool = True
    extend_lists: bool = True
    #: How an event told several times gets its status: from its ``main`` telling (cancelled by any),
    #: or the ``strongest`` status any telling has.  ``main`` since issue 20i: both tie on tune (0.866) and
    #: the eval's tie rule takes ``main``, so the test scores reported in docs/quality.md are the default's.
    cluster: str = "main"
    #: Whether an announcement (``Ankündigung``, ``kündigte … an``) is exempt from plan and cancellation cues
    #: and from a later date: the announcing is done when it is reported; ``soll``, ``abgesagt`` or a
    #: later date belong to what is announced.  Chosen on the rows annotated after the rules were frozen
    #: (docs/quality.md, issue 20 third session).
    said_acts: bool = True
    #: Whether a comma followed by a subordinating conjunction or a relative pronoun (``…, dass es keine
    #: Inserate, …``) always opens a new clause, never a list item that list extension runs over.
    list_subordinators: bool = False
    #: Whether a cue-less event noun in an undated article is planned when its clause is in the present, holds
    #: a time the article cannot place (``beim Opec-Treffen am Freitag … kommen verfrüht``) and the article
    #: reports in the past: a present among past reports is a schedule, not the news present.
    present_schedule: bool = False
    #: Whether a cue-less event in an undated article is planned when its clause holds a day the article
    #: cannot place and its sentence no past cue (:mod:`wortlaut.events.schedule`): ``sentence`` (any such
    #: day in the clause), ``near`` (a day near the trigger), or ``""`` (off).  ``sentence`` since issue 20s,
    #: chosen by document-grouped CV on the choosing rows (docs/quality.md, eighteenth session).
    undated_schedule: str = "sentence"
    #: Whether the trained classifier (``wortlaut.claims.status_model``, weights in
    #: ``models/claims-status``) decides instead of the rules.  Off by default: decided on tune before
    #: test was scored — its nested CV estimate stayed below the rules on the rows annotated after the
    #: rules were frozen (``python -m wortlaut.eval.claims_status``, 2026-12-06: 0.771 < 0.811 on 74
    #: events; retrained on 351 tune events: 0.769 < 0.776 on 246).
    model: bool = False


#: The options the stage uses: the best of all 16 combinations on the tune split of the claims set
#: (``python -m wortlaut.eval.claims``, 2026-12-06: status accuracy 0.885 there; without list extension
#: 0.875, with the main telling's status 0.846, Konjunktiv II as a cue did not help).
DEFAULT_OPTIONS = StatusOptions()


@dataclass(frozen=True, slots=True)
class StatusCue:
    """One row of ``event_status.tsv``."""

    status: str
    scope: str
    trigger: str
    pattern: re.Pattern[str]
    with_: re.Pattern[str] | None
    unless: re.Pattern[str] | None

    def fires(self, text: str) -> bool:
        """Whether the cue matches a scope's text (its companion present, its exception absent)."""
        if not self.pattern.search(text):
            return False
        if self.with_ is not None and not self.with_.search(text):
            return False
        return self.unless is None or not self.unless.search(text)


def _word_pattern(expression: str) -> re.Pattern[str] | None:
    return re.compile(rf"(?<!\w)(?:{expression})(?!\w)") if expression else None


@cache
def load_status_cues() -> tuple[StatusCue, ...]:
    """The cue rows in the file's order, which is the order they are tried in (cached: read-only data)."""
    cues = [
        StatusCue(
            status=row["status"],
            scope=row["scope"],
            trigger=row["trigger"],
            pattern=_word_pattern(row["pattern"]) or re.compile(r"(?!)"),
            with_=_word_pattern(row.get("with") or ""),
            unless=_word_pattern(row.get("unless") or ""),
        )
        for row in read_records("event_status.tsv")
    ]
    unknown = {cue.status for cue in cues} - set(STATUSES)
    if unknown:
        raise ValueError(f"event_status.tsv: unknown status {sorted(unknown)}")
    return tuple(cues)


def event_status(
    article: Article,
    trigger: Span,
    sentence: Span,
    *,
    date: str | None = None,
    options: StatusOptions = DEFAULT_OPTIONS,
    cues: tuple[StatusCue, ...] | None = None,
) -> str:
    """The status of the event a trigger names, from the cues of its sentence, clause and date.

    With ``options.model`` the trained classifier weighs the same cues with the morphology layer;
    the rules' answer is one of its features (imported late: the model's features use these rules).
    """
    status = _rule_status(article, trigger, sentence, options=options, cues=cues)
    if options.model and cues is None:
        from wortlaut.claims.status_model import model_status

        status = model_status(article, trigger, sentence, status)
    return dated_status(article, status, date, options=options)


def _rule_status(
    article: Article,
    trigger: Span,
    sentence: Span,
    *,
    options: StatusOptions,
    cues: tuple[StatusCue, ...] | None,
) -> str:
    """The first matching cue's status, else Konjunktiv II (when switched on), else happened."""
    start, end = _clause_bounds(
        article, sentence, trigger, extend=options.extend_lists, subordinators=options.list_subordinators
    )
    scopes = {
        "sentence": sentence.text,
        "clause": article.text[start:end],
        "after": article.text[trigger.start : end],
        "before": _before_text(sentence, trigger),
        "relative": _relative_text(sentence, trigger),
    }
    kind = "verb" if trigger.text[:1].islower() else "noun"
    past = kind == "verb" and _past_verb(article, trigger)
    said = options.said_acts and is_announcement(trigger.text)
    for cue in cues if cues is not None else load_status_cues():
        if ((past or said) and cue.status == PLANNED) or (said and cue.status == CANCELLED):
            continue
        if cue.scope in ("conditioned", "unnarrated", "governed") and cue.scope not in scopes:
            scopes["conditioned"] = conditioned_text(article, sentence, start, end)
            scopes["unnarrated"] = unnarrated_text(article, sentence, scopes["clause"])
            scopes["governed"] = governed_text(article, sentence, trigger, start, end)
        if cue.trigger in ("any", kind) and cue.fires(scopes[cue.scope]):
            return cue.status
    if options.undated_schedule and scheduled_day(
        article, sentence, trigger, start, end, near=options.undated_schedule == "near"
    ):
        return PLANNED
    if options.present_schedule and kind == "noun" and _scheduled_present(article, start, end):
        return PLANNED
    if options.konjunktiv2 and _has_konjunktiv2(article, sentence, trigger):
        return HYPOTHETICAL
    return HAPPENED


def conditioned_text(article: Article, sentence: Span, start: int, end: int) -> str:
    """The sentence, unless the trigger's clause (``start``–``end``) reports in the past.

    A condition anywhere in the sentence bears on an event whose clause is not a past report (``…, sich mit
    ihnen zu treffen, wenn er zurückkehre``); in a past report (``Nach dem Treffen sagte sie, …, wenn …``) the
    event is a fact and the condition belongs to another predicate.  Without morphology tags nothing counts
    as past."""
    tokens = [t for t in article.tokens if start <= t.start < end]
    finite = [t for t in tokens if (t.pos or "").endswith("FIN")]
    preterite = any(t.tense == "past" and t.mood == "ind" for t in finite)
    perfect = any(t.pos == "VAFIN" and t.lemma in PERFECT_AUX for t in finite) and any(
        (t.pos or "").endswith("PP") for t in tokens
    )
    return "" if preterite or perfect else sentence.text


def unnarrated_text(article: Article, sentence: Span, clause: str) -> str:
    """The trigger's clause, unless its sentence narrates in the preterite.

    A finite full or auxiliary verb in the past indicative (``Das Treffen, das Frieden bringen sollte, endete
    ohne Ergebnis``) tells an event that took place; a past ``sollte`` there says what it was meant to do, not
    that it is still planned.  Without morphology tags nothing counts as narrated."""
    tokens = [t for t in article.tokens if sentence.start <= t.start < sentence.end]
    narrated = any(
        t.pos in ("VVFIN", "VAFIN") and ((t.tense == "past" and t.mood == "ind") or t.text in PAST_FORMS)
        for t in tokens
    )
    return "" if narrated else clause


def governed_text(article: Article, sentence: Span, trigger: Span, start: int, end: int) -> str:
    """The clause before the trigger's clause and its words before the trigger, when the trigger's clause
    (``start``–``end``) holds a zu-infinitive after the trigger; else nothing.

    An event named as the object of a zu-infinitive (``…, Gespräche mit dem Iran zu führen``) is as real as
    the word that governs the infinitive makes it, and that word stands before it: readiness, an attempt, a
    recommendation (``die Bereitschaft … erklärt, in direkte Gespräche … einzutreten``, ``empfahl …,
    Verhandlungen … einzuleiten``) leave it hypothetical, where a decision plans it.  The zu-infinitive
    comes from the morphology tags (``VVIZU``, or ``zu`` + infinitive); without tags nothing counts."""
    tokens = [t for t in article.tokens if trigger.end <= t.start < end]
    joined = any(t.pos == "VVIZU" for t in tokens)
    split = any(a.pos == "PTKZU" and (b.pos or "").endswith("INF") for a, b in itertools.pairwise(tokens))
    if not (joined or split):
        return ""
    local = start - sentence.start
    before = max((m.end() for m in CLAUSE_BREAK.finditer(sentence.text, 0, max(local - 1, 0))), default=0)
    return sentence.text[before : trigger.start - sentence.start]


#: An article "reports in the past" when at least this share of its finite verbs are past forms (preterite,
#: or the finite ``haben``/``sein`` of a perfect): a plain majority, fixed beforehand, not tuned.
REPORTING_PAST = 0.5


def _scheduled_present(article: Article, start: int, end: int) -> bool:
    """An undated article's present-tense clause with an unplaced time, the article reporting in the past."""
    if article.published is not None:
        return False
    if not any(start <= t.start < end and t.value is None and t.relative for t in article.times):
        return False
    finite = [t for t in article.tokens if (t.pos or "").endswith("FIN")]
    clause = [t for t in finite if start <= t.start < end]
    participles = any(start <= t.start < end and (t.pos or "").endswith("PP") for t in article.tokens)
    if not clause or any(_past_like(t) for t in clause) or (participles and _has_aux(clause)):
        return False
    return sum(_past_like(t) for t in finite) >= REPORTING_PAST * len(finite)


def _past_like(token: Token) -> bool:
    return token.tense == "past" or (token.pos == "VAFIN" and token.lemma in PERFECT_AUX)


def _has_aux(tokens: list[Token]) -> bool:
    return any(t.lemma in PERFECT_AUX for t in tokens)


def dated_status(
    article: Article,
    status: str,
    date: str | None,
    *,
    options: StatusOptions = DEFAULT_OPTIONS,
    event_type: str | None = None,
) -> str:
    """A cue-less (happened) event dated after its article's publication day is planned.

    Not an announcement (with :attr:`StatusOptions.said_acts`): its later date is what it announces.
    """
    if options.said_acts and event_type == ANNOUNCEMENT:
        return status
    if status == HAPPENED and options.future_date and _after_publication(article, date):
        return PLANNED
    return status


def is_announcement(word: str) -> bool:
    """Whether a trigger word names an announcement (its lexicon type), the act of saying something."""
    found = load_event_lexicon().trigger(word)
    return found is not None and found.type == ANNOUNCEMENT


def cluster_status(statuses: list[str], main: str, *, options: StatusOptions = DEFAULT_OPTIONS) -> str:
    """The status of one event told several times (see :attr:`StatusOptions.cluster`)."""
    if options.cluster == "strongest":
        return min(statuses, key=STATUSES.index)
    return CANCELLED if CANCELLED in statuses else main


def _before_text(sentence: Span, trigger: Span) -> str:
    local = trigger.start - sentence.start
    words = WORD.findall(sentence.text[:local])
    return " ".join(words[-BEFORE_WORDS:])


def _relative_text(sentence: Span, trigger: Span) -> str:
    """The relative clause describing the trigger noun (empty when none follows it): what it says of the
    event (``…, das Ende des Jahres beschlossen werden soll``) is the event's own tense and mood."""
    local = trigger.end - sentence.start
    text = sentence.text
    first = CLAUSE_BREAK.search(text, local)
    opener = _RELATIVE_OPENER.match(text, first.start()) if first else None
    if first is None or opener is None or first.start() - local > RELATIVE_GAP:
        return ""
    following = CLAUSE_BREAK.search(text, opener.end())
    return text[first.start() : following.start() if following else len(text)]


def _clause_bounds(
    article: Article, sentence: Span, trigger: Span, *, extend: bool, subordinators: bool = False
) -> tuple[int, int]:
    """The trigger's comma clause; with ``extend``, also the comma-separated list items after it.

    ``An diesen Gesprächen werden die Außenminister der USA, Frankreichs, …, Russlands und
    Deutschlands teilnehmen``: commas followed by a stretch without a verb (morphology tags)
    separate list items, and the clause runs on to the stretch that closes the list with its
    verb.  A comma followed at once by a stretch with a verb starts a new clause; with
    ``subordinators``, so does a comma followed by a subordinator (``dass``, ``ob``, ``der``, …).
    """
    local = trigger.start - sentence.start
    text = sentence.text
    left = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, local)), default=0)
    right_match = CLAUSE_BREAK.search(text, local)
    right = right_match.start() if right_match else len(text)
    verbs = _verb_offsets(article, sentence) if extend else None
    if verbs is None:
        return sentence.start + left, sentence.start + right
    in_list = not any(left <= offset < right for offset in verbs)
    while right < len(text) and text[right] == ",":
        if subordinators and SUBORDINATOR.match(text, right + 1):
            break
        following = CLAUSE_BREAK.search(text, right + 1)
        end = following.start() if following else len(text)
        if any(right < offset < end for offset in verbs):
            if in_list:
                right = end  # the verb group closing the list belongs to the trigger's clause
            break
        in_list, right = True, end
    return sentence.start + left, sentence.start + right


def _past_verb(article: Article, trigger: Span) -> bool:
    """Whether a verb trigger is a finite past form (morphology tags, else its ending)."""
    token = next((t for t in article.tokens if t.start == trigger.start), None)
    if token is not None and token.pos is not None:
        # the tagger leaves some strong past forms without tense (``traf``): the known forms count too
        return (token.tense == "past" and token.mood == "ind") or trigger.text in PAST_FORMS
    return trigger.text.endswith(PAST_ENDINGS) or trigger.text in PAST_FORMS


def _verb_offsets(article: Article, sentence: Span) -> list[int] | None:
    """Local offsets of the sentence's verbs, or ``None`` without part-of-speech tags."""
    tokens = [t for t in article.tokens if sentence.start <= t.start < sentence.end]
    if not tokens or all(t.pos is None for t in tokens):
        return None
    return [t.start - sentence.start for t in tokens if (t.pos or "").startswith("V")]


def _has_konjunktiv2(article: Article, sentence: Span, trigger: Span) -> bool:
    start, end = _clause_bounds(article, sentence, trigger, extend=False)
    return any(t.mood == "sub2" for t in article.tokens if start <= t.start < end)


def _after_publication(article: Article, date: str | None) -> bool:
    """An event dated after the day its article was published had not happened yet."""
    published = article.published_date
    if published is None or not date or len(date) < 10:
        return False
    return date[:10] > published.isoformat()
