"""Quote drift flags on constructed variants of real quotations (WikiNews direct quotations).

Each gold direct quotation of WikiNews train and dev yields the variants its words allow, each made
by one edit of a known kind, and two harmless controls:

- ``negation_dropped``: the first negation word inside the quotation removed;
- ``number_changed``: the first number (digits) replaced by its value plus one;
- ``name_changed``: the first name of the annotated speaker found inside the quotation replaced by
  another speaker's name of the corpus (names given to :func:`compare` as the caller would);
- ``paraphrased``: the same words reported as indirect speech (mode ``indirect``);
- ``shortened``: the last 40 % of the words cut;
- controls: quotation marks and the first letter's case changed; one filler word (``auch``,
  ``ja``, ``doch``, ``so``, ``eben``) removed — no flag expected.

For each kind: how often its flag is raised (*detected*) and how often another flag is raised
too (*extra*).  The texts are read from ``../shared/data`` at run time; nothing is stored.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from wortlaut.claims.drift import Version, compare, lexicon

#: Filler words whose loss changes nothing (the "filler removed" control).
FILLERS = ("auch", "ja", "doch", "so", "eben")
#: Share of the words cut for the ``shortened`` variant.
CUT_SHARE = 0.4
_NUMBER = re.compile(r"\b\d+\b")


def quotations(data_dir: Path) -> Iterator[tuple[str, str]]:
    """(quotation, speaker) of every gold direct quotation with at least six words."""
    for path in sorted((data_dir / "quotes-wikinews").glob("*/*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        for annotation in document["annotations"]:
            quote = (annotation.get("quote") or {}).get("text") or ""
            if annotation.get("type") == "Direct" and len(quote.split()) >= 6:
                yield quote.strip(' „“"»«'), (annotation.get("speaker") or {}).get("text") or ""


def variants(quote: str, speaker: str, other_name: str) -> Iterator[tuple[str, Version]]:
    """(kind, variant) pairs that this quotation allows."""
    words = quote.split()
    negations = lexicon()[0]
    for index, word in enumerate(words):
        if word.strip(",.;:!?").casefold() in negations:
            yield "negation_dropped", Version(" ".join(words[:index] + words[index + 1 :]))
            break
    number = _NUMBER.search(quote)
    if number:
        changed = quote[: number.start()] + str(int(number.group()) + 1) + quote[number.end() :]
        yield "number_changed", Version(changed)
    parts = [part for part in speaker.split() if len(part) > 2 and part[0].isupper()]
    name = next((part for part in parts if part in words), None)
    if name and other_name and other_name != name:
        names = frozenset({name, other_name})
        yield "name_changed", Version(quote.replace(name, other_name, 1), names=names)
    yield "paraphrased", Version(quote, mode="indirect")
    yield "shortened", Version(" ".join(words[: max(1, round(len(words) * (1 - CUT_SHARE)))]))
    yield "control_marks_case", Version(f"„{quote[:1].swapcase()}{quote[1:]}“")
    filler = next((i for i, w in enumerate(words) if w.casefold() in FILLERS), None)
    if filler is not None:
        yield "control_filler", Version(" ".join(words[:filler] + words[filler + 1 :]))


def report(data_dir: Path) -> dict[str, Any]:
    """Detected and extra flags per kind of constructed edit."""
    found = list(quotations(data_dir))
    surnames = [speaker.split()[-1] for _, speaker in found if speaker and speaker.split()[-1][:1].isupper()]
    totals: Counter[str] = Counter()
    detected: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    for number, (quote, speaker) in enumerate(found):
        other = surnames[(number * 7919) % len(surnames)] if surnames else ""
        for kind, variant in variants(quote, speaker, other):
            flags = compare(Version(quote, names=variant.names), variant).flags
            totals[kind] += 1
            if kind.startswith("control"):
                detected[kind] += not flags
            else:
                detected[kind] += kind in flags
                extra[kind] += any(flag != kind for flag in flags)
    return {
        "quotations": len(found),
        "per_kind": {
            kind: {"variants": totals[kind], "detected" if not kind.startswith("control") else "no_flag":
                   round(detected[kind] / totals[kind], 3), "with_other_flags": extra[kind]}
            for kind in sorted(totals)
        },
    }  # fmt: skip


@click.command()
@click.argument("data_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
def command(data_dir: Path | None) -> None:
    """Drift flags on constructed variants of WikiNews direct quotations (JSON)."""
    scores = report(data_dir or Path.cwd().parent / "shared" / "data")
    click.echo(json.dumps(scores, indent=1, ensure_ascii=False))


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m wortlaut.eval.claims_drift [DATA_DIR]``."""
    command.main(args=list(sys.argv[1:] if argv is None else argv), standalone_mode=True)


if __name__ == "__main__":
    main()
