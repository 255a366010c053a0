"""Where speaker recall is lost on quotes-wikinews: every missed gold speaker token, by cause.

``python -m wortlaut.eval.quotes_speaker_errors DIR`` runs the default pipeline over a quotes-wikinews
folder, pairs predictions with gold quotations as ``wortlaut eval quotes`` does, and puts each gold speaker
token that is not matched into one class:

* ``no statement found``: the gold quotation has no paired prediction;
* ``statement found, no speaker``: paired, but the prediction names nobody;
* ``span too short: before / after / before+after``: the predicted speaker is a strict part of the gold
  span, which goes on before it (titles, a name before an apposition), after it (appositions, attributes,
  quoted names) or both;
* ``span overlaps, shifted``: they overlap, neither holds the other;
* ``wrong candidate, same sentence``: another phrase of the gold speaker's sentence was taken;
* ``wrong candidate, other sentence``: the prediction names a phrase of another sentence although the gold
  speaker stands in the quotation's own sentence;
* ``gold speaker in another sentence``: the gold speaker stands outside the quotation's sentences and
  the prediction names something else (mostly free indirect speech carried from an earlier statement).

A gold speaker that is one bare pronoun adds ``(gold pronoun)`` to its class.  A second table counts the
found quotations whose speaker is wrong in five coarse classes (:func:`category`).  Extra predicted tokens
(``span too long`` and the extra tokens of each class) cost precision, not recall, and are counted beside.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from wortlaut.eval.quotes import Annotation, TokenMap, gold_annotations, pair, predicted_annotations

#: Pronouns the annotation marks as a speaker on their own (``Er sagte``).
PRONOUNS = frozenset({"er", "sie", "es", "ich", "wir", "ihr", "man", "dieser", "diese", "jener"})


def speaker_class(
    gold: Annotation, predicted: Annotation | None, sentence_of: Mapping[int, int], words: Mapping[int, str]
) -> str | None:
    """The class of one gold quotation's speaker tokens (``None`` when the speaker is exactly right)."""
    want = gold.roles.get("speaker", frozenset())
    got = predicted.roles.get("speaker", frozenset()) if predicted is not None else frozenset()
    if predicted is None:
        return "no statement found"
    if not got:
        return "statement found, no speaker"
    if got == want:
        return None
    if got < want:
        before, after = any(t < min(got) for t in want - got), any(t > max(got) for t in want - got)
        side = "before+after" if before and after else "before" if before else "after" if after else "inside"
        return f"span too short: {side}"
    if got > want:
        return "span too long"
    if got & want:
        return "span overlaps, shifted"
    want_sentences = {sentence_of[t] for t in want if t in sentence_of}
    quote_sentences = {sentence_of[t] for t in gold.roles["quote"] | gold.roles["cue"] if t in sentence_of}
    if want_sentences & {sentence_of[t] for t in got if t in sentence_of}:
        name = "wrong candidate, same sentence"
    elif want_sentences & quote_sentences:
        name = "wrong candidate, other sentence"
    else:
        name = "gold speaker in another sentence"
    pronoun = len(want) == 1 and words.get(min(want), "").lower() in PRONOUNS
    return f"{name} (gold pronoun)" if pronoun else name


#: Single-word speakers that stand for someone else: pronouns, demonstratives, relative pronouns.
REFERRING = PRONOUNS | frozenset({"dies", "das", "der", "die", "den", "dem"})


def category(
    gold: Annotation, predicted: Annotation | None, sentence_of: Mapping[int, int], words: Mapping[int, str]
) -> str | None:
    """The coarse class of one found quotation's speaker error (``None``: right, or not found at all):
    (a) span boundary, (b) a pronoun on one side, (c) another phrase of the same / another sentence,
    (d) no speaker, (e) a speaker where the annotation has none."""
    if predicted is None:
        return None
    want = gold.roles.get("speaker", frozenset())
    got = predicted.roles.get("speaker", frozenset())
    if not want:
        return "(e) speaker where gold has none" if got else None
    name = speaker_class(gold, predicted, sentence_of, words)
    if name is None:
        return None
    if name.startswith("statement found"):
        return "(d) no speaker"
    if name.startswith("span"):
        return "(a) span boundary"
    if any(len(side) == 1 and words.get(min(side), "").lower() in REFERRING for side in (want, got)):
        return "(b) pronoun or demonstrative"
    return "(c) other phrase, same sentence" if "same sentence" in name else "(c) other sentence"


def categories(
    gold: list[Annotation], predicted: list[Annotation], tokens: list[Mapping[str, object]]
) -> tuple[Counter[str], Counter[str]]:
    """Found quotations and their gold speaker tokens, by :func:`category`, for one document."""
    sentence_of = {int(str(tok["id"])): int(str(tok["sentence"])) for tok in tokens}
    words = {int(str(tok["id"])): str(tok.get("text", "")) for tok in tokens}
    partner = dict(pair(gold, predicted))
    quotations: Counter[str] = Counter()
    speaker_tokens: Counter[str] = Counter()
    for index, annotation in enumerate(gold):
        guess = predicted[partner[index]] if index in partner else None
        name = category(annotation, guess, sentence_of, words)
        if name is not None:
            quotations[name] += 1
            speaker_tokens[name] += len(annotation.roles.get("speaker", frozenset()))
    return quotations, speaker_tokens


def classify(
    gold: list[Annotation], predicted: list[Annotation], tokens: list[Mapping[str, object]]
) -> tuple[Counter[str], Counter[str]]:
    """Missed gold speaker tokens and extra predicted ones, by class, for one document."""
    sentence_of = {int(str(tok["id"])): int(str(tok["sentence"])) for tok in tokens}
    words = {int(str(tok["id"])): str(tok.get("text", "")) for tok in tokens}
    partner = dict(pair(gold, predicted))
    missed: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    for index, annotation in enumerate(gold):
        want = annotation.roles.get("speaker", frozenset())
        if not want:
            continue
        guess = predicted[partner[index]] if index in partner else None
        name = speaker_class(annotation, guess, sentence_of, words)
        if name is None:
            continue
        got = guess.roles.get("speaker", frozenset()) if guess is not None else frozenset()
        missed[name] += len(want - got)
        extra[name] += len(got - want)
    paired = set(partner.values())
    extra["unpaired prediction"] += sum(
        len(item.roles.get("speaker", frozenset())) for i, item in enumerate(predicted) if i not in paired
    )
    return missed, extra


def main(directory: Path) -> None:
    """Print the classes over a quotes-wikinews folder (missed tokens, share, extra tokens)."""
    from wortlaut.article import Article
    from wortlaut.pipeline import default_pipeline

    pipeline = default_pipeline()
    missed: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    quotations: Counter[str] = Counter()
    speaker_tokens: Counter[str] = Counter()
    for path in sorted(directory.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        article = pipeline(Article.create(document["originalText"]))
        predicted = predicted_annotations(article.statements, TokenMap(document["tokens"]), article.text)
        gold = gold_annotations(document)
        one_missed, one_extra = classify(gold, predicted, document["tokens"])
        missed.update(one_missed)
        extra.update(one_extra)
        one_quotations, one_tokens = categories(gold, predicted, document["tokens"])
        quotations.update(one_quotations)
        speaker_tokens.update(one_tokens)
    total = sum(missed.values())
    for name in sorted(set(missed) | set(extra), key=lambda item: -missed[item]):
        print(f"{missed[name]:6d}  {missed[name] / max(total, 1):.3f}  extra {extra[name]:5d}  {name}")
    print("found quotations with a wrong speaker, by class: quotations, their gold speaker tokens")
    for name in sorted(quotations):
        print(f"{quotations[name]:6d}  {speaker_tokens[name]:6d}  {name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
