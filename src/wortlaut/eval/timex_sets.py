"""The time-expression sets of issue 15: the KRAUTS dolomiten-100 halves and the project's own TIMEX3 set.

The halves are fixed in ``eval/data/krauts_dolomiten_split.tsv`` (file names sorted by SHA-1, first 50
``tune``, the rest ``untouched``), so the rules can be tuned on one half and judged on the other. The own
sets (``eval/data/timex-own/`` to ``timex-own-m/``) store no article
text: 10kGNAD rows give offsets into the article, news-html rows give which occurrence of the expression
in the text wortlaut's HTML reader extracts.
Both are read into :class:`~wortlaut.timex.timeml.TimeMLDocument` so one scorer serves all sets.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from wortlaut.timex.timeml import GoldTimex, TimeMLDocument, TimeMLError

DATA = Path(__file__).resolve().parent / "data"
SPLIT_FILE = DATA / "krauts_dolomiten_split.tsv"
OWN_DIR = DATA / "timex-own"
#: The second own set (issue 15, second session), held back: scored once at the end of a session.
OWN_B_DIR = DATA / "timex-own-b"
#: The third own set (issue 15, third session), held back like B: scored once at the end of a session.
OWN_C_DIR = DATA / "timex-own-c"
#: The fourth own set (issue 15, fourth session), held back like B and C.
OWN_D_DIR = DATA / "timex-own-d"
#: The fifth own set (issue 15, fifth session), held back like B, C and D.
OWN_E_DIR = DATA / "timex-own-e"
#: The sixth session's long, dense narrative texts: F for development, G held back (scored once).
OWN_F_DIR = DATA / "timex-own-f"
OWN_G_DIR = DATA / "timex-own-g"
#: The eighth session's sets dense in clock times, parts of the day, recurrences and durations (the kinds
#: the tune half barely tests): H for development, I held back (two looks) and a development set since 15j.
OWN_H_DIR = DATA / "timex-own-h"
OWN_I_DIR = DATA / "timex-own-i"
#: The ninth session's sets in the untouched half's genre (regional, court, police, sport and culture news):
#: J for development, K held back (one look) and a development set since 15j.
OWN_J_DIR = DATA / "timex-own-j"
OWN_K_DIR = DATA / "timex-own-k"
#: The tenth session's set of fresh text chosen for what the untouched half holds (weekdays, bare years, past
#: dates, holidays): held back for one look (15j), a development set since 15k.
OWN_L_DIR = DATA / "timex-own-l"
#: The eleventh session's held-back set of fresh regional text (police, court, local events, sport: weekdays
#: without dates, parts of the day, clock times, seasons), scored once.
OWN_M_DIR = DATA / "timex-own-m"
#: ``--set`` name -> folder of an own set.
OWN_SETS = {
    "own": OWN_DIR,
    "own-b": OWN_B_DIR,
    "own-c": OWN_C_DIR,
    "own-d": OWN_D_DIR,
    "own-e": OWN_E_DIR,
    "own-f": OWN_F_DIR,
    "own-g": OWN_G_DIR,
    "own-h": OWN_H_DIR,
    "own-i": OWN_I_DIR,
    "own-j": OWN_J_DIR,
    "own-k": OWN_K_DIR,
    "own-l": OWN_L_DIR,
    "own-m": OWN_M_DIR,
}
SHARED_DATA = Path("../shared/data")
HALVES = ("tune", "untouched")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def split_names(half: str) -> list[str]:
    """The dolomiten-100 file names of one half (``tune`` or ``untouched``)."""
    if half not in HALVES:
        raise ValueError(f"unknown half {half!r} (use {' or '.join(HALVES)})")
    return [row["file"] for row in _rows(SPLIT_FILE) if row["half"] == half]


def compute_split(names: list[str]) -> dict[str, str]:
    """The split rule itself: sort by SHA-1 of the name, first half ``tune`` (for checking the file)."""
    ranked = sorted(names, key=lambda name: hashlib.sha1(name.encode()).hexdigest())
    half = len(ranked) // 2
    return {name: "tune" if index < half else "untouched" for index, name in enumerate(ranked)}


def gnad_texts(path: Path) -> list[str]:
    """Article texts of 10kGNAD's ``articles.csv`` (``category;'text'``), in file order."""
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        _, _, quoted = line.partition(";")
        text = quoted[1:-1] if len(quoted) >= 2 and quoted[0] == quoted[-1] == "'" else quoted
        texts.append(text.replace("''", "'"))
    return texts


def _gold(text: str, start: int, row: dict[str, str], where: str) -> GoldTimex:
    end = start + len(row["text"])
    if text[start:end] != row["text"]:
        raise TimeMLError(f"{where}: {row['text']!r} not found at its place in the text")
    return GoldTimex(start=start, end=end, text=row["text"], type=row["type"], value=row["value"])


def own_gnad(shared: Path = SHARED_DATA, folder: Path = OWN_DIR) -> list[TimeMLDocument]:
    """The annotated 10kGNAD articles of one own set."""
    texts = gnad_texts(shared / "news-10kgnad" / "articles.csv")
    docs: dict[str, tuple[str, list[GoldTimex]]] = {}
    for row in _rows(folder / "gnad.tsv"):
        text = texts[int(row["doc"])]
        _, golds = docs.setdefault(row["doc"], (row["dct"], []))
        golds.append(_gold(text, int(row["start"]), row, f"gnad {row['doc']}"))
    return [
        TimeMLDocument(name=f"gnad-{doc}", dct=dct, text=texts[int(doc)], timexes=tuple(golds))
        for doc, (dct, golds) in docs.items()
    ]


def own_html(shared: Path = SHARED_DATA, folder: Path = OWN_DIR) -> list[TimeMLDocument]:
    """The annotated news-html pages of one own set, text as :func:`page_to_text` extracts it."""
    from wortlaut.ingest.htmltext import page_to_text

    grouped: dict[str, list[dict[str, str]]] = {}
    for row in _rows(folder / "news_html.tsv"):
        grouped.setdefault(row["file"], []).append(row)
    docs = []
    for name, rows in grouped.items():
        text = page_to_text((shared / "news-html" / "pages" / name).read_bytes()).text
        golds = [_gold(text, _occurrence(text, row), row, name) for row in rows]
        golds.sort(key=lambda gold: gold.start)
        docs.append(TimeMLDocument(name=name, dct=rows[0]["dct"], text=text, timexes=tuple(golds)))
    return docs


def _occurrence(text: str, row: dict[str, str]) -> int:
    position = -1
    for _ in range(int(row["occurrence"])):
        position = text.find(row["text"], position + 1)
        if position < 0:
            break
    return position


def own_documents(shared: Path = SHARED_DATA, *, name: str = "own") -> list[TimeMLDocument]:
    """All documents of an own set (``own``: 25, ``own-b``: 15, ``own-c``: 12, ``own-d``: 13,
    ``own-e``: 13, ``own-f``: 12, ``own-g``: 10, ``own-h``: 10, ``own-i``: 10, ``own-j``: 13,
    ``own-k``: 8, ``own-l``: 14, ``own-m``: 20).

    A clear error without ``../shared``."""
    if name not in OWN_SETS:
        raise ValueError(f"unknown own set {name!r} (use {' or '.join(OWN_SETS)})")
    if not (shared / "news-10kgnad").is_dir():
        raise TimeMLError(f"{shared}: shared data not found (the own set needs 10kGNAD and news-html)")
    return own_gnad(shared, OWN_SETS[name]) + own_html(shared, OWN_SETS[name])
