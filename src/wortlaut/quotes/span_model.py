"""A learned quotation-span tagger (linear-chain CRF) beside the quotation rules.

The tagger reads one article as one token sequence (features: :mod:`wortlaut.quotes.span_features`,
the rules' own statements among them) and labels each token ``B`` (a quotation starts), ``C`` (a
further part of the previous quotation starts, after a frame that interrupts it), ``I`` (inside)
or ``O``.  :meth:`SpanTagger.merge` adds the quotations it finds that no rule found (the rules keep
their statements, cues and speakers); a new quotation takes the speech cue of its sentence when
there is one (its speaker then comes from the speaker ranker like any cue-framed statement), else
it continues the previous speaker like free indirect speech.

The model file is crfsuite's own (python-crfsuite is a core dependency).  None ships: the training
data (quotes-wikinews) is CC BY-NC-SA 4.0, so a model is trained by the user
(``python -m wortlaut.quotes.train_spans``) and named in the statements stage's options; see
``docs/quotes-span-model.md`` (its card) for the data, the scores and the licence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from wortlaut.quotes.context import Context
from wortlaut.quotes.cues import find_cues
from wortlaut.quotes.details import add_details
from wortlaut.quotes.found import Found
from wortlaut.quotes.span_features import article_features

#: Token ranges (first, one past last) of the parts of one quotation.
Parts = list[tuple[int, int]]
#: Rule names of the statements the tagger adds.
FRAMED_RULE = "model.framed"
UNFRAMED_RULE = "model.unframed"


class SpanModelError(RuntimeError):
    """The span model file is missing or unreadable."""


def decode(labels: Sequence[str]) -> list[Parts]:
    """Quotations as token-range parts from ``B``/``C``/``I``/``O`` labels (an ``I`` after ``O`` opens one;
    a ``C`` with no quotation before it does too)."""
    spans: list[Parts] = []
    for index, label in enumerate(labels):
        if label == "O":
            continue
        if label == "I" and index > 0 and labels[index - 1] != "O" and spans:
            spans[-1][-1] = (spans[-1][-1][0], index + 1)
        elif label == "C" and spans:
            spans[-1].append((index, index + 1))
        else:
            spans.append([(index, index + 1)])
    return spans


def gold_labels(ctx: Context, annotations: Sequence[Mapping[str, Any]]) -> list[str]:
    """``B``/``C``/``I``/``O`` for the context's tokens from quotes-wikinews annotations (their quote
    parts' character ranges).  Longer quotations first: a quotation nested in another is inside it."""
    labels = ["O"] * len(ctx.tokens)
    parts_of = [
        [(int(part["charBegin"]), int(part["charEnd"])) for part in item.get("quote", {}).get("spans", [])]
        for item in annotations
    ]
    parts_of.sort(key=lambda parts: -sum(end - start for start, end in parts))
    for parts in parts_of:
        for number, (start, end) in enumerate(sorted(parts)):
            inside = _tokens_in(ctx, start, end)
            for position, index in enumerate(inside):
                if labels[index] != "O":
                    continue
                labels[index] = ("B" if number == 0 else "C") if position == 0 else "I"
    return labels


def _tokens_in(ctx: Context, start: int, end: int) -> list[int]:
    """Indices of the context's tokens overlapping characters ``start:end``."""
    first = ctx.token_at(start)
    if first > 0 and ctx.tokens[first - 1].end > start:
        first -= 1
    result = []
    for index in range(first, len(ctx.tokens)):
        if ctx.tokens[index].start >= end:
            break
        result.append(index)
    return result


@dataclass(frozen=True)
class Prediction:
    """The tagger's quotations and, per token, the probability that it lies inside one."""

    spans: list[Parts]
    inside: list[float]

    def confidence(self, tokens: Iterable[int]) -> float:
        """Mean probability of being inside a quotation over ``tokens`` (1.0 for none)."""
        values = [self.inside[index] for index in tokens]
        return sum(values) / len(values) if values else 1.0


@dataclass(frozen=True)
class MergePolicy:
    """How tagged quotations join the rules' statements (values compared by cross-validation on
    quotes-wikinews/train, see the model card): a tagged quotation no rule found is added when its
    mean inside probability reaches ``add_at``; a rule statement (not a direct quotation in marks) goes
    when its tokens' mean inside probability is below ``drop_below``; with ``framed_only`` a tagged
    quotation is added only when a speech cue of its sentence frames it."""

    add_at: float = 0.0
    drop_below: float = 0.0
    framed_only: bool = False


#: The policy the statements stage uses with the tagger, chosen by 3-fold document-grouped CV on
#: quotes-wikinews/train (add_at 0, 0.9, 0.97 x drop_below 0, 0.05 x framed_only): the only policy
#: that lowers neither joint nor speaker F1 of the rules (joint 0.7364 -> 0.7374, speaker 0.5840 ->
#: 0.5842, addressee 0.4681 -> 0.4648; every policy that drops rule statements loses).
DEFAULT_POLICY = MergePolicy(add_at=0.9, framed_only=True)


class SpanMerger(Protocol):
    """What the rules call to add learned quotations (:class:`SpanTagger`, or a fixed prediction)."""

    def merge(self, ctx: Context, found: list[Found]) -> list[Found]: ...


class SpanTagger:
    """The trained tagger; ``merge`` adds its quotations to the rules' statements."""

    def __init__(self, path: Path, *, policy: MergePolicy | None = None) -> None:
        import pycrfsuite

        if not path.is_file():
            raise SpanModelError(f"{path}: no quotation span model there")
        self.path = path
        self.policy = policy or MergePolicy()
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(path))
        except (OSError, ValueError) as error:
            raise SpanModelError(f"{path}: not a readable crfsuite model ({error})") from error

    def tag(self, ctx: Context, found: Sequence[Found]) -> list[str]:
        """The label of every context token."""
        if not ctx.tokens:
            return []
        return list(self._tagger.tag(article_features(ctx, found)))

    def predict(self, ctx: Context, found: Sequence[Found]) -> Prediction:
        """Tagged quotations with each token's probability of lying inside one."""
        labels = self.tag(ctx, found)
        inside = [1.0 - self._tagger.marginal("O", index) for index in range(len(labels))]
        return Prediction(decode(labels), inside)

    def merge(self, ctx: Context, found: list[Found]) -> list[Found]:
        """The rules' statements (less those the tagger does not back) plus the tagger's confident
        quotations that share no token with any of them (see :func:`merge_spans`)."""
        return merge_spans(ctx, found, self.predict(ctx, found), self.policy)


def _tokens_of(ctx: Context, statement: Found) -> set[int]:
    covered: set[int] = set()
    for start, end in statement.quote:
        covered.update(_tokens_in(ctx, start, end))
    return covered


def merge_spans(ctx: Context, found: list[Found], prediction: Prediction, policy: MergePolicy) -> list[Found]:
    """``found`` less the rule statements the tagger does not back, plus a statement for each confident
    tagged quotation that overlaps no kept one."""
    kept = [
        statement
        for statement in found
        if statement.rule.startswith("direct.")
        or prediction.confidence(_tokens_of(ctx, statement)) >= policy.drop_below
    ]
    covered = set().union(*(_tokens_of(ctx, statement) for statement in kept)) if kept else set()
    extra = []
    for parts in prediction.spans:
        tokens = [index for first, last in parts for index in range(first, last)]
        if covered.isdisjoint(tokens) and prediction.confidence(tokens) >= policy.add_at:
            statement = new_statement(ctx, parts)
            if statement.rule == FRAMED_RULE or not policy.framed_only:
                extra.append(statement)
    return kept + extra


def new_statement(ctx: Context, parts: Parts) -> Found:
    """A statement for a tagged quotation: framed by the nearest speech cue of its sentence outside it,
    else unframed (it continues the previous speaker)."""
    tokens = {index for first, last in parts for index in range(first, last)}
    first = parts[0][0]
    sentence = ctx.sentence_of[first]
    begin, end = ctx.sentences[sentence]
    quoted = all(ctx.quote_of[index] >= 0 for index in tokens)
    skip = {index for index in range(begin, end) if ctx.quote_of[index] >= 0} | tokens
    cues = find_cues(ctx.tokens, begin, end, ctx.lexicon, skip)
    quote = [ctx.chars(start, stop) for start, stop in parts]
    if not cues:
        return Found(
            mode="direct" if quoted else "free_indirect", quote=quote, rule=UNFRAMED_RULE, sentence=sentence
        )
    cue = min(cues, key=lambda item: min(abs(item.verb_index - index) for index in tokens))
    statement = Found(
        mode="direct" if quoted else "indirect",
        quote=quote,
        rule=FRAMED_RULE,
        sentence=sentence,
        cue=[ctx.chars(index, index + 1) for index in cue.parts],
        medium=cue.verb.medium,
        frames=cue.verb.frames,
    )
    speaker = ctx.speaker_of(cue, begin, end)
    statement.speaker = ctx.chars(*speaker) if speaker else None
    add_details(
        ctx, statement, addressee_verb="addr" in cue.verb.frames, dative_verb="dat" in cue.verb.frames
    )
    return statement
