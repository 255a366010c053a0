"""The sentence corpus a static encoder learns to imitate e5 on (model2vec's "tokenlearn" idea).

The first static table (:mod:`wortlaut.link.distil`) holds e5's vector of each
word *alone*; a text's vector is their weighted mean.  That mean is not what e5
makes of the sentence.  Tokenlearn instead encodes whole sentences and leads
with e5 and fits the word vectors so that a text's weighted mean regresses onto
e5's vector of that text (:mod:`wortlaut.link.fit_static`).  This module builds
the corpus and its e5 vectors, resumable and shardable like ``distil``::

    python -m wortlaut.link.tokenlearn encode --work /tmp/tokenlearn --shard 0/2   # and 1/2
    python -m wortlaut.link.tokenlearn encode --work /tmp/tokenlearn --limit 200  # time it first

Only licence-clean text from ``../shared/data`` goes in, read at build time:
the WikiNews TRAIN article text (CC BY 2.5; the dev split and the NC
annotations are not used; leads as linking reads them: title and first 30
words, plus sentences), the GermEval 2014 NER sentences (CC BY 4.0), the
GermEval 2023 parliament speeches, train split (CC BY-SA 4.0), and the UD
German GSD dev/test sentences (CC BY-SA 4.0).  Not 10kGNAD (non-commercial),
not the story collection (the evaluation), not quotes-wikinews/dev.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)
SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"
#: Words after the title in a lead, as linking reads an article for e5 (stories.ARTICLE_WORDS).
LEAD_WORDS = 30
#: Sentences shorter than this (in words) say too little to be worth an e5 call; longer ones than
#: :data:`MAX_WORDS` are cut by e5 anyway and are rare among statements.
MIN_WORDS, MAX_WORDS = 4, 60
#: Share of documents held out (by a hash of the document name) to choose dimensions and regularisation.
HELD_OUT = 0.1
_NAME = re.compile(r"^\d+\s*-\s*(.*?)\s*\(\d{4}-\d{2}-\d{2}\)$")
_SPACE_BEFORE = re.compile(r" ([,.;:!?)\]»“])")
_SPACE_AFTER = re.compile(r"([(\[„«]) ")


def detokenise(tokens: Sequence[str]) -> str:
    """Tokens joined as running text (no space before punctuation or after an opening quote)."""
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", " ".join(tokens)))


def _fits(text: str) -> bool:
    return MIN_WORDS <= len(text.split()) <= MAX_WORDS


def wikinews(folder: Path) -> Iterator[tuple[str, str, str]]:
    """(source, document, text): each article's lead (title + 30 words), a later lead window, sentences."""
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found = _NAME.match(data["documentName"])
        title = found.group(1) if found else ""
        words = data["originalText"].split()
        document = f"wikinews:{path.stem}"
        yield "wikinews-lead", document, f"{title}. {' '.join(words[:LEAD_WORDS])}"
        if len(words) > 2 * LEAD_WORDS:
            yield "wikinews-lead", document, f"{title}. {' '.join(words[LEAD_WORDS : 2 * LEAD_WORDS])}"
        for sentence in data["sentences"]:
            text = " ".join(sentence["text"].split())
            if _fits(text):
                yield "wikinews", document, text


def germeval(folder: Path) -> Iterator[tuple[str, str, str]]:
    """GermEval 2014 sentences (token column of the TSV files)."""
    for path in sorted(folder.glob("*.tsv")):
        tokens: list[str] = []
        number = 0
        for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
            fields = line.split("\t")
            if len(fields) > 2 and fields[0].isdigit():
                tokens.append(fields[1])
            elif tokens:
                number += 1
                text = detokenise(tokens)
                tokens = []
                if _fits(text):
                    yield "germeval", f"germeval:{path.stem}:{number // 20}", text


def parliament(folder: Path) -> Iterator[tuple[str, str, str]]:
    """Sentences of the train split's Bundestag speeches."""
    for path in sorted(folder.glob("*.json")):
        for sentence in json.loads(path.read_text(encoding="utf-8"))["Sentences"]:
            text = detokenise(sentence["Tokens"])
            if _fits(text):
                yield "parliament", f"parliament:{path.stem}", text


def gsd(folder: Path) -> Iterator[tuple[str, str, str]]:
    """UD German GSD dev/test sentences (their ``# text`` lines)."""
    for path in sorted(folder.glob("*.conllu")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.startswith("# text = ") and _fits(line[9:]):
                yield "gsd", f"gsd:{path.stem}:{number // 400}", line[9:].strip()


def corpus(shared: Path = SHARED) -> list[tuple[str, str, str]]:
    """Every (source, document, text) of the corpus, duplicates dropped, in a fixed shuffled order."""
    items: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for source in (
        wikinews(shared / "quotes-wikinews" / "train"),
        germeval(shared / "ner-germeval2014"),
        parliament(shared / "quotes-parliament" / "train"),
        gsd(shared / "ud-german-gsd"),
    ):
        for item in source:
            if item[2] not in seen:
                seen.add(item[2])
                items.append(item)
    order = np.random.default_rng(17).permutation(len(items))
    return [items[index] for index in order]


def held_out(document: str) -> bool:
    """Whether a document belongs to the held-out part (a stable hash, not Python's salted one)."""
    digest = hashlib.sha1(document.encode("utf-8")).digest()
    return digest[0] < 256 * HELD_OUT


def _shard(text: str) -> tuple[int, int]:
    index, total = (int(part) for part in text.split("/"))
    if not 0 <= index < total:
        raise argparse.ArgumentTypeError(f"--shard {text!r}: expected i/n with 0 <= i < n")
    return index, total


def encode(work: Path, shard: tuple[int, int], limit: int | None = None, chunk: int = 500) -> None:
    """Encode this shard's texts with e5 as linking does, in chunks saved as they finish (resumable)."""
    from wortlaut.link.encoder import E5Encoder

    work.mkdir(parents=True, exist_ok=True)
    items = corpus()[:limit]
    (work / "corpus.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    model = E5Encoder(threads=1)
    for start in range(chunk * shard[0], len(items), chunk * shard[1]):
        target = work / f"chunk-{start:06d}.npy"
        if target.exists():
            continue
        vectors = model.encode([text for _, _, text in items[start : start + chunk]])
        np.save(work / f"chunk-{start:06d}.tmp.npy", vectors.astype(np.float32))
        (work / f"chunk-{start:06d}.tmp.npy").rename(target)
        logger.info("%d / %d", min(start + chunk, len(items)), len(items))


def load(work: Path) -> tuple[list[tuple[str, str, str]], np.ndarray]:
    """The corpus and its e5 vectors, as far as the encoded chunks reach (in order, no gaps)."""
    items = [tuple(item) for item in json.loads((work / "corpus.json").read_text(encoding="utf-8"))]
    blocks: list[np.ndarray] = []
    start = 0
    while (work / f"chunk-{start:06d}.npy").exists():
        blocks.append(np.load(work / f"chunk-{start:06d}.npy"))
        start += len(blocks[-1])
    vectors = np.concatenate(blocks) if blocks else np.zeros((0, 384), dtype=np.float32)
    return [(str(a), str(b), str(c)) for a, b, c in items[: len(vectors)]], vectors


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("step", choices=("encode", "count"))
    parser.add_argument("--work", type=Path, required=True, help="folder for the corpus and its vectors")
    parser.add_argument("--shard", type=_shard, default=(0, 1), help="i/n: encode every n-th chunk from i")
    parser.add_argument("--limit", type=int, default=None, help="encode only the first N texts")
    parser.add_argument("--chunk", type=int, default=500, help="texts per saved chunk")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.step == "count":
        items = corpus()
        sources: dict[str, int] = {}
        for source, _, _ in items:
            sources[source] = sources.get(source, 0) + 1
        print(json.dumps({"texts": len(items), **sources}))
    else:
        encode(args.work, args.shard, args.limit, args.chunk)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
