"""Transparent features of an event trigger's clause for the status classifier.

Why features and not only rules: the cue rows of ``lang/de/event_status.tsv`` are tried in a fixed
order and the first one wins, which cannot weigh two cues against each other (a plan word next to a
past marker, ``wird`` governing another predicate).  The classifier
(:mod:`wortlaut.claims.status_model`) weighs them, learned from the tune part of the claims set.

Groups (each can be switched off; which ones the shipped model uses was chosen by cross-validation):

- ``rule``: the rules' own answer, one-hot (the rules' outputs as features).
- ``cues``: each cue row of ``event_status.tsv`` that fires in its scope, whatever the order.
- ``morph``: from the morphology layer: Konjunktiv I/II in the clause, a finite past or present verb,
  the trigger a finite past verb, finite ``werden`` with an infinitive (future), modal verbs by lemma.
- ``lex``: negation before the trigger and in the clause, conditional ``wenn``/``falls``, a question,
  cancellation lemmas (``absagen``, ``verschieben``, ``platzen``), ``geplant``.
- ``date``: the nearest date after / on or before the publication day, or no publication date.
- ``ctx``: the trigger's event type and word class (an ``Ankündigung`` names an act already done),
  the lemma of the word just before it (``kommende``, ``letzte``, ``angestrebte``) and the lemmas of
  the clause's full verbs (``fordern``, ``stattfinden``, ``beschließen``): the words the cue rows
  name one by one, left for the classifier to weigh.
"""

from __future__ import annotations

import re

from wortlaut.article import Article, Span, Token
from wortlaut.events.frames import WORD, nearest_time
from wortlaut.events.lexicon import load_event_lexicon
from wortlaut.events.status import (
    BEFORE_WORDS,
    StatusOptions,
    _before_text,
    _clause_bounds,
    _past_verb,
    _relative_text,
    conditioned_text,
    event_status,
    governed_text,
    load_status_cues,
    unnarrated_text,
)

GROUPS = ("rule", "cues", "morph", "lex", "date", "ctx")
#: Modal verbs by lemma: ``können`` (possibility), ``sollen``/``wollen`` (plan, report), ``müssen``.
MODALS = frozenset({"können", "müssen", "sollen", "wollen", "dürfen", "mögen"})
#: Cancellation and plan lemmas (the issue's ``absagen``, ``verschieben``, ``platzen``, ``geplant``).
CANCEL_LEMMAS = frozenset({"absagen", "verschieben", "platzen", "vertagen", "abbrechen", "streichen"})
PLAN_LEMMAS = frozenset({"planen", "vorsehen", "ansetzen", "anberaumen"})
NEGATION_BEFORE = re.compile(r"(?<!\w)(?:kein\w*|nicht|nie)(?!\w)")
NEGATION = re.compile(r"(?<!\w)(?:nicht|nie|niemals|kein\w*)(?!\w)")
CONDITION = re.compile(r"(?<!\w)(?:wenn|falls|sofern|ob)(?!\w)")
#: Options the rules run under when their answer is a feature (no model, so no recursion).
RULE_OPTIONS = StatusOptions(model=False)


def status_features(article: Article, trigger: Span, sentence: Span) -> dict[str, float]:
    """All feature groups of one trigger, names prefixed with their group (``morph:konj2``)."""
    start, end = _clause_bounds(article, sentence, trigger, extend=True)
    clause = article.text[start:end]
    tokens = [t for t in article.tokens if start <= t.start < end]
    features: dict[str, float] = {"bias": 1.0}
    features[f"rule:{event_status(article, trigger, sentence, options=RULE_OPTIONS)}"] = 1.0
    tense_scopes = {
        "conditioned": conditioned_text(article, sentence, start, end),
        "unnarrated": unnarrated_text(article, sentence, clause),
        "governed": governed_text(article, sentence, trigger, start, end),
    }
    features.update(_cue_features(trigger, sentence, clause, article.text[trigger.start : end], tense_scopes))
    features.update(_morph_features(article, trigger, tokens))
    features.update(_lex_features(trigger, sentence, clause, tokens))
    features.update(_date_features(article, trigger, sentence))
    features.update(_time_features(article, start, end, features))
    features.update(_context_features(article, trigger, tokens))
    return features


def select(features: dict[str, float], groups: frozenset[str]) -> dict[str, float]:
    """The features of the chosen groups (and the bias)."""
    return {name: value for name, value in features.items() if name == "bias" or name.split(":")[0] in groups}


def _cue_features(
    trigger: Span, sentence: Span, clause: str, after: str, tense_scopes: dict[str, str]
) -> dict[str, float]:
    scopes = {
        **tense_scopes,
        "sentence": sentence.text,
        "clause": clause,
        "after": after,
        "before": _before_text(sentence, trigger),
        "relative": _relative_text(sentence, trigger),
    }
    kind = "verb" if trigger.text[:1].islower() else "noun"
    return {
        f"cues:{index}:{cue.status}": 1.0
        for index, cue in enumerate(load_status_cues())
        if cue.trigger in ("any", kind) and cue.fires(scopes[cue.scope])
    }


def _morph_features(article: Article, trigger: Span, tokens: list[Token]) -> dict[str, float]:
    moods = {t.mood for t in tokens if t.mood}
    tenses = {t.tense for t in tokens if t.mood in ("ind", "sub1", "sub2") and t.tense}
    lemmas = {(t.lemma or t.text).lower() for t in tokens}
    features = {f"morph:mood_{mood}": 1.0 for mood in moods}
    features.update({f"morph:tense_{tense}": 1.0 for tense in tenses})
    features.update({f"morph:modal_{lemma}": 1.0 for lemma in lemmas & MODALS})
    infinitive = any((t.pos or "").endswith("INF") for t in tokens)
    if "werden" in lemmas and infinitive and not any((t.pos or "") == "VAPP" for t in tokens):
        features["morph:werden_inf"] = 1.0
    if trigger.text[:1].islower():
        features["morph:verb_trigger"] = 1.0
        if _past_verb(article, trigger):
            features["morph:past_trigger"] = 1.0
    return features


def _lex_features(trigger: Span, sentence: Span, clause: str, tokens: list[Token]) -> dict[str, float]:
    before = " ".join(WORD.findall(sentence.text[: trigger.start - sentence.start])[-BEFORE_WORDS:])
    lemmas = {(t.lemma or t.text).lower() for t in tokens}
    flags = {
        "lex:negation_before": bool(NEGATION_BEFORE.search(before)),
        "lex:negation_clause": bool(NEGATION.search(clause)),
        "lex:condition": bool(CONDITION.search(clause)),
        "lex:question": sentence.text.rstrip().endswith("?"),
        "lex:cancel": bool(lemmas & CANCEL_LEMMAS),
        "lex:plan": bool(lemmas & PLAN_LEMMAS) or "geplant" in clause,
    }
    return {name: 1.0 for name, on in flags.items() if on}


def _context_features(article: Article, trigger: Span, tokens: list[Token]) -> dict[str, float]:
    found = load_event_lexicon().trigger(trigger.text)
    kind = "verb" if trigger.text[:1].islower() else "noun"
    features = {f"ctx:type_{found.type if found else 'other'}": 1.0, f"ctx:{kind}": 1.0}
    previous = [t for t in article.tokens if t.end <= trigger.start][-1:]
    if previous and previous[0].start >= trigger.start - 40:
        features[f"ctx:prev_{(previous[0].lemma or previous[0].text).lower()}"] = 1.0
    for token in tokens:
        if (token.pos or "").startswith("VV") and token.start != trigger.start:
            features[f"ctx:verb_{(token.lemma or token.text).lower()}"] = 1.0
    return features


def _time_features(article: Article, start: int, end: int, features: dict[str, float]) -> dict[str, float]:
    """A time expression in the clause, and one with only present-tense verbs (German's scheduled future:
    ``Das Treffen findet am Donnerstag statt``) — the only dating signal in articles without a date."""
    if not any(start <= t.start < end for t in article.times):
        return {}
    result = {"date:time_clause": 1.0}
    if "morph:tense_pres" in features and "morph:tense_past" not in features:
        result["date:time_present"] = 1.0
    return result


def _date_features(article: Article, trigger: Span, sentence: Span) -> dict[str, float]:
    published = article.published_date
    if published is None:
        return {"date:unpublished": 1.0}
    time = nearest_time(article.times, sentence, trigger.start)
    value = time.value if time is not None and time.value else ""
    if len(value) < 10:
        return {}
    return {"date:after" if value[:10] > published.isoformat() else "date:not_after": 1.0}
