"""``wortlaut eval mood``: Konjunktiv detection measured on Universal Dependencies (Mood=Sub).

The morphology analyser (the one stage ``morph.hanta.v1`` runs) tags each gold
sentence on the gold tokenisation (the UD word forms, joined by spaces), so the
score isolates mood detection from tokenisation.  A finite verb is a word whose gold features carry ``Mood``
(GSD also marks ``VerbForm=Fin``; PUD marks only ``Mood``).  Positive class:
``Mood=Sub`` (Konjunktiv I or II); a prediction of ``sub1`` or ``sub2`` on any
word counts, so a Konjunktiv predicted on a non-verb is a false positive.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import click

from wortlaut.article import Token
from wortlaut.eval.conllu import UDToken, read_conllu
from wortlaut.morph import MorphAnalyser

DEFAULT_FILES = (Path("../shared/data/ud-german-gsd/de_gsd-ud-dev.conllu"),)
SUBJUNCTIVE = frozenset({"sub1", "sub2"})


@dataclass(frozen=True, slots=True)
class MoodScore:
    """Counts and scores for the Konjunktiv class on one file."""

    name: str
    finite: int
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def gold_tokens(sentence: list[UDToken]) -> list[Token]:
    """Tokens for the gold word forms, as if the text were the forms joined by spaces."""
    tokens, position = [], 0
    for word in sentence:
        tokens.append(Token(start=position, end=position + len(word.form), text=word.form))
        position += len(word.form) + 1
    return tokens


def score_file(path: Path, analyser: MorphAnalyser) -> MoodScore:
    """Tag every sentence of a CoNLL-U file and count Konjunktiv hits and misses."""
    finite = tp = fp = fn = 0
    for sentence in read_conllu(path):
        predicted = analyser.analyse_sentence(gold_tokens(sentence))
        for word, token in zip(sentence, predicted, strict=True):
            gold = word.feats.get("Mood") == "Sub"
            guess = token.mood in SUBJUNCTIVE
            finite += "Mood" in word.feats
            tp += gold and guess
            fp += guess and not gold
            fn += gold and not guess
    return MoodScore(path.name, finite, tp, fp, fn)


def evaluate(paths: Iterable[Path], analyser: MorphAnalyser | None = None) -> list[MoodScore]:
    """Scores per file; builds the morphology analyser once when none is given."""
    analyser = analyser or MorphAnalyser()
    return [score_file(path, analyser) for path in paths]


@click.command(name="mood")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
def command(files: tuple[Path, ...]) -> None:
    """Konjunktiv (Mood=Sub) precision/recall/F1 on CoNLL-U FILES (gold tokenisation).

    Default: ../shared/data/ud-german-gsd/de_gsd-ud-dev.conllu.
    """
    paths = files or DEFAULT_FILES
    for path in paths:
        if not path.is_file():
            raise click.ClickException(f"{path}: no such CoNLL-U file")
    try:
        scores = evaluate(paths)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{'file':<28} {'finite':>6} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for s in scores:
        click.echo(f"{s.name:<28} {s.finite:>6} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
                   f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
    click.echo("gold tokenisation (UD word forms); positive class: Mood=Sub (Konjunktiv I and II)")
