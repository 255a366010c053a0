"""Build the word-form lexicon of :mod:`wortlaut.morph.lexicon` from HanTa and frequent German forms.

Sources of word forms (licence-clean for a shipped data file; no non-commercial corpus):

- ``wordfreq``'s German list (``top_n_list("de", N, wordlist="large")``; its data is
  CC BY-SA 4.0), lower case, each also capitalised;
- with ``--parliament DIR``: the tokens of the GermEval 2023 parliament speeches (CC BY-SA 4.0),
  as written.

For every form, both sentence positions (HanTa is case-sensitive inside a sentence only)
give the string the tagger hands HanTa (:func:`wortlaut.morph.tagger._stand_in`); each such
string outside HanTa's own lexicon gets its ``analyze_forward`` answer, and every verb
reading of the form its HanTa lemma.  The output is deterministic (sorted, ``repr`` floats).
Usage::

    .venv/bin/python -m wortlaut.morph.build_lexicon [--words 200000] [--parliament DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from wortlaut.morph.analyse import _taggable
from wortlaut.morph.lexicon import LEXICON_PATH, Analysis, WordLexicon, read_lexicon
from wortlaut.morph.tagger import UNKNOWN, MemoTagger, _stand_in

LOG = logging.getLogger(__name__)

#: Frequent wordfreq forms taken by default.  On the first 150 10kGNAD articles (9,117 tokens
#: HanTa analyses from scratch) the share of those tokens found in the table was 0.55 / 0.71 /
#: 0.80 / 0.84 / 0.87 for 50k / 100k / 200k / 300k / 500k forms.  The stage's speed-up over the
#: code before the table (300 articles, same process, 2026-12-06) was 3.3x with 200k and 4.1x
#: with 350k forms (577,057 entries, 6.3 MB); more forms cost memory in every worker.
DEFAULT_WORDS = 350_000
#: HanTa's tagger drops tags more than this below the best (``_tag_word(cutoff=5)``).
CUTOFF = 5


def wordfreq_forms(count: int) -> list[str]:
    """The ``count`` most frequent German forms of wordfreq, each lower-case and capitalised."""
    import wordfreq

    forms: list[str] = []
    for word in wordfreq.top_n_list("de", count, wordlist="large"):
        forms.extend((word, word[:1].upper() + word[1:]))
    return forms


def parliament_forms(folder: Path) -> list[str]:
    """The tokens of the GermEval parliament speeches (``*.json`` under ``folder``), as written."""
    forms: list[str] = []
    for path in sorted(folder.rglob("*.json")):
        for sentence in json.loads(path.read_text(encoding="utf-8"))["Sentences"]:
            forms.extend(str(token) for token in sentence["Tokens"])
    return forms


def prune(analysis: Analysis, tagger: Any) -> Analysis:
    """Drop the tags that ``_tag_word(cutoff=5, conditional=True)`` drops in all three case settings.

    The cutoff compares each tag's probability plus a per-tag adjustment (case model, tag prior)
    with the best; a tag below the line in every setting can never reach the tagger, and removing
    it leaves the order of the others and the best, hence ``_tag_word``'s output, unchanged.
    """
    if len(analysis) == 1 and analysis[0][0] == UNKNOWN:
        return analysis
    settings = [(False, False), (True, False), (True, True)]
    keep = [False] * len(analysis)
    for casesensitive, upcase in settings:
        adjusted = [
            p
            if tag == UNKNOWN
            else p + (tagger.LP_case_t[tag][upcase] if casesensitive else 0) - tagger.LP_wtag[tag]
            for tag, p in analysis
        ]
        limit = max(adjusted) - CUTOFF
        keep = [kept or value >= limit for kept, value in zip(keep, adjusted, strict=True)]
    return [pair for pair, kept in zip(analysis, keep, strict=True) if kept]


def build(forms: Iterable[str], *, progress: bool = True, reuse: WordLexicon | None = None) -> list[str]:
    """The lexicon's lines for these forms (analyses first, then verb lemmas; see :func:`ordered`).

    ``reuse``: an earlier lexicon whose entries are taken instead of asking HanTa again (they are
    HanTa's answers, so the result is the same as a build from scratch, only faster).
    """
    tagger = MemoTagger(lexicon=reuse)
    hanta = tagger.tagger
    known, normalize, names = tagger._known, hanta.normalize, hanta.int2tag
    analyses: dict[str, Analysis] = {}
    lemmas: dict[str, dict[int, str]] = {}
    started = time.process_time()
    for count, form in enumerate(dict.fromkeys(_taggable(f) for f in forms if f.strip()), 1):
        tags: set[int] = set()
        for casesensitive in (True, False):
            key = normalize(_stand_in(form, casesensitive, known))
            if key in known:
                tags.update(tag for tag, _ in known[key])
                continue
            if key not in analyses:
                analyses[key] = prune(tagger.analyses(key), hanta)
            tags.update(tag for tag, _ in analyses[key])
        lower = form.lower()
        for tag in sorted(tags):
            if tag != UNKNOWN and names[tag].startswith("V") and tag not in lemmas.get(lower, {}):
                earlier = reuse.verb_lemma(lower, tag) if reuse is not None else None
                lemma = earlier if earlier is not None else str(hanta._analyze(form, tag, taglevel=1)[0])
                lemmas.setdefault(lower, {})[tag] = lemma
        if progress and count % 20_000 == 0:
            seconds = time.process_time() - started
            LOG.info(
                "%d forms, %d analyses, %d verb forms, %.0f s CPU", count, len(analyses), len(lemmas), seconds
            )
    lines = [f"a\t{key}\t" + " ".join(f"{tag} {float(p)!r}" for tag, p in analyses[key]) for key in analyses]
    lines += [
        f"l\t{key}\t" + " ".join(f"{t} {lemma}" for t, lemma in sorted(lemmas[key].items())) for key in lemmas
    ]
    return ordered([line for line in lines if _clean(line)])


def ordered(lines: list[str]) -> list[str]:
    """Analyses, then lemmas, each sorted by the form read backwards.

    Forms with the same ending have similar analyses (HanTa's guess reads the last characters),
    so this order lets gzip find the repeats: 3.8 MB instead of 7.0 MB sorted by the form.
    """
    return sorted(lines, key=lambda line: (line[0], line.split("\t", 2)[1][::-1]))


def _clean(line: str) -> bool:
    """Forms or lemmas with tabs, newlines or spaces would break the format; such forms go to HanTa."""
    kind, key, value = line.split("\t", 2) if line.count("\t") == 2 else ("", "", "")
    return bool(kind) and " " not in key and (kind == "a" or len(value.split(" ")) % 2 == 0)


def write_lexicon(path: Path, lines: list[str]) -> None:
    """gzip without a name or time in its header: the same lines give the same bytes."""
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS, help="wordfreq forms to take")
    parser.add_argument("--parliament", type=Path, help="GermEval parliament speeches folder (optional)")
    parser.add_argument("--out", type=Path, default=LEXICON_PATH)
    parser.add_argument(
        "--reuse", type=Path, help="an earlier lexicon file whose entries need no recomputing"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    forms = wordfreq_forms(args.words)
    if args.parliament:
        forms += parliament_forms(args.parliament)
    lines = build(forms, reuse=read_lexicon(args.reuse) if args.reuse else None)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_lexicon(args.out, lines)
    print(f"{args.out}: {len(lines)} entries, {args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
