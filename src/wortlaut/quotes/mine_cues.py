"""Count how often each speech verb of ``speech_verbs.tsv`` is a gold cue, and list frequent cues it lacks.

Run ``python -m wortlaut.quotes.mine_cues [SHARED_DATA_DIR] [--write]``: it reads the cue annotations of
quotes-wikinews/train and quotes-parliament/train (never dev or test), fills the ``wikinews`` and
``parliament`` count columns (``--write``), and prints the most frequent cue words no verb covers, which is
where new lexicon lines come from.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from wortlaut.quotes.lexicon import SPEECH_VERBS, read_speech_verbs

#: How many uncovered cue words to print for curation.
SHOW_MISSING = 40


def wikinews_cues(folder: Path) -> Iterator[list[str]]:
    """The cue words of every annotation in a quotes-wikinews split."""
    for path in sorted(folder.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        tokens = {tok["id"]: tok["text"] for tok in document["tokens"]}
        for annotation in document["annotations"]:
            yield [tokens[index] for index in annotation["cue"]["tokenIds"]]


def parliament_cues(folder: Path) -> Iterator[list[str]]:
    """The cue words of every annotation in a quotes-parliament split."""
    for path in sorted(folder.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        sentences = {sentence["SentenceId"]: sentence["Tokens"] for sentence in document["Sentences"]}
        for annotation in document["Annotations"]:
            words = []
            for ref in annotation.get("Cue", []):
                sentence, token = (int(part) for part in ref.split(":"))
                words.append(sentences[sentence][token])
            yield words


def count(
    cues: Iterator[list[str]], lemma_of: dict[str, set[tuple[str, str]]]
) -> tuple[Counter[str], Counter[str]]:
    """Per-lemma cue counts and the uncovered cue words (a particle verb counts only with its particle)."""
    per_lemma: Counter[str] = Counter()
    missing: Counter[str] = Counter()
    for words in cues:
        lower = {word.lower() for word in words}
        lemmas = {
            lemma
            for word in lower
            for lemma, particle in lemma_of.get(word, set())
            if not particle or particle in lower or word.startswith(particle)
        }
        per_lemma.update(lemmas)
        if words and not lemmas:
            missing.update(word.lower() for word in words)
    return per_lemma, missing


def main(argv: list[str]) -> int:
    shared = Path(next((arg for arg in argv if not arg.startswith("--")), "../shared/data"))
    lemma_of: dict[str, set[tuple[str, str]]] = {}
    for verb, forms in read_speech_verbs():
        for form in forms:
            lemma_of.setdefault(form.lower(), set()).add((verb.lemma, verb.particle or ""))
    news, news_missing = count(wikinews_cues(shared / "quotes-wikinews" / "train"), lemma_of)
    debates, debate_missing = count(parliament_cues(shared / "quotes-parliament" / "train"), lemma_of)
    print("uncovered cue words:", (news_missing + debate_missing).most_common(SHOW_MISSING))
    if "--write" in argv:
        lines = SPEECH_VERBS.read_text(encoding="utf-8").splitlines()
        out = []
        for line in lines:
            cells = line.split("\t")
            if line.startswith("#") or cells[0] == "lemma" or len(cells) < 7:
                out.append(line)
                continue
            cells[5], cells[6] = str(news[cells[0]]), str(debates[cells[0]])
            out.append("\t".join(cells))
        SPEECH_VERBS.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
