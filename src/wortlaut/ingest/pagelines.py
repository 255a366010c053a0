"""A learned line classifier: is a line of a page's main text body, or service?

The rules (class markers in ``lang/de/page_markers.tsv``, line markers in
``lang/de/structure_boilerplate.tsv``) catch the service lines they were written
for, one site at a time: every new held-back split brought new wordings (press
contacts, donation boxes, ``Erstellt am:`` lines).  This model reads what such
lines share across sites instead: where the line sits in the HTML (tag, the
class and id words of its element and ancestors, link density, whether it
shares the container of the story's long paragraphs), where it sits in the
text (before the first or after the last long paragraph), and what it looks
like (length, end punctuation, digits, contact data, reader address).

It is a logistic regression in pure numpy, trained and cross-validated by
:mod:`wortlaut.eval.pages_lines` from the annotated pages (``eval/data/pages``:
lines between the gold body anchors are body, lines outside them and lines
holding a gold service anchor are not).  A body line whose probability of
being service reaches the model's threshold is handed to the structure stage
as a service hint (label ``service``).  Not used by default: by site-grouped
cross-validation on the 95 development pages it removed about as many body
anchors as service lines the rules miss (docs/quality.md, issue 16d), so no
weights ship; ``page_to_text(line_model=…)`` takes a trained one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from wortlaut.ingest.pageparts import block_text
from wortlaut.structure.data import Markers, load_markers

#: A paragraph of this many words is story text on every page annotated so far;
#: the lines before the first and after the last such paragraph are where
#: service lines gather (feature, not rule).
LONG_LINE_WORDS = 25
#: Ancestors whose class and id words count as features of a line (the element
#: itself and five levels up: enough to reach an ``author-box`` or ``footer``
#: wrapper, not so many that every line shares the page's outer layout).
ANCESTOR_LEVELS = 6
#: An element "is" the line when its text is at most this much longer; a longer
#: one is a container holding the line among others.
MAX_ELEMENT_STRETCH = 1.6
#: Elements a line of the main text can stand in (also the set :mod:`pagetail` looks up lines in).
BLOCK_TAGS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "dd", "dt", "blockquote", "figcaption"}
    | {"div", "span", "section", "a", "strong", "b", "em", "address", "header", "footer", "time"}
)
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title"})
_WORD_SPLIT = re.compile(r"[^a-zäöüß]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_END_SENTENCE = re.compile(r"[.!?…]['\"“”‘’»«)]*$")
_DATE = re.compile(
    r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|\b\d{1,2}\.\s+[A-ZÄÖÜ][a-zä]+\.?\s+\d{4}\b|\b\d{4}-\d\d-\d\d\b"
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*Uhr\b|\b\d{1,2}:\d{2}\b")
_CONTACT = re.compile(
    r"@|www\.|https?://|\b(?:tel|telefon|fax|e-mail|mail)\b\.?\s*:?|\+\d{2}\s?\d", re.IGNORECASE
)
_ADDRESS = re.compile(r"\b(?:Sie|Ihnen|Ihre?[nmrs]?|du|dich|dir|dein\w*|euch|euer\w*)\b")
_CALL = re.compile(
    r"\b(?:jetzt|hier|klicken|abonn\w*|unterstütz\w*|spende\w*|newsletter|teilen|folge\w*|download"
    r"|herunterladen|kontakt\w*|weiterlesen|bestellen|anmelden)\b",
    re.IGNORECASE,
)
_ANCESTOR_TAGS = ("article", "main", "aside", "footer", "header", "nav", "form", "figure", "blockquote", "ul")


@dataclass(frozen=True, slots=True)
class LineModel:
    """Weights over named features; ``threshold`` is the service probability that removes a line."""

    names: tuple[str, ...]
    weights: np.ndarray
    bias: float
    threshold: float

    def probabilities(self, rows: Sequence[dict[str, float]]) -> list[float]:
        """The probability that each line (its feature row) is service, not body."""
        if not rows:
            return []
        index = {name: i for i, name in enumerate(self.names)}
        matrix = np.zeros((len(rows), len(self.names)))
        for r, row in enumerate(rows):
            for name, value in row.items():
                if (i := index.get(name)) is not None:
                    matrix[r, i] = value
        scores = matrix @ self.weights + self.bias
        return [1.0 / (1.0 + math.exp(-float(s))) for s in scores]

    def to_json(self) -> dict[str, Any]:
        return {
            "names": list(self.names),
            "weights": [round(float(w), 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineModel:
        return cls(
            names=tuple(data["names"]),
            weights=np.asarray(data["weights"], dtype=float),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
        )


@cache
def _markers() -> Markers:
    return load_markers()


def norm_space(text: str) -> str:
    """Whitespace collapsed and soft hyphens dropped: how lines and element texts are compared."""
    return " ".join(text.replace("\xad", "").split())


def class_words(element: Any) -> set[str]:
    """Lower-case words of an element's class and id (``article__author-box`` -> article, author, box)."""
    raw = " ".join(str(element.get(attr) or "") for attr in ("class", "id"))
    return {word for word in _WORD_SPLIT.split(_CAMEL.sub(" ", raw).lower()) if 2 < len(word) < 20}


def page_elements(tree: Any) -> list[tuple[Any, str]]:
    """Block-ish elements with their normalised text, in document order."""
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag not in BLOCK_TAGS:
            continue
        if any(isinstance(a.tag, str) and a.tag in _SKIP for a in element.iterancestors()):
            continue
        text = norm_space(block_text(element))
        if text:
            found.append((element, text))
    return found


def element_for(line: str, elements: list[tuple[Any, str]]) -> tuple[Any, bool] | None:
    """The smallest element holding the line, and whether it is (nearly) the line itself."""
    best: tuple[Any, str] | None = None
    for element, text in elements:
        if line in text and (best is None or len(text) < len(best[1])):
            best = (element, text)
            if len(text) == len(line):
                break
    if best is None:
        return None
    return best[0], len(best[1]) <= MAX_ELEMENT_STRETCH * len(line) + 20


def _text_features(line: str) -> dict[str, float]:
    words = line.split()
    letters = [c for c in line if c.isalpha()]
    upper = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
    digits = sum(c.isdigit() for c in line) / max(len(line), 1)
    n = len(words)
    return {
        "t:log_words": math.log1p(n),
        "t:words<=3": float(n <= 3),
        "t:words<=8": float(n <= 8),
        "t:words>=25": float(n >= LONG_LINE_WORDS),
        "t:ends_sentence": float(bool(_END_SENTENCE.search(line))),
        "t:ends_colon": float(line.endswith(":")),
        "t:upper>0.5": float(upper > 0.5),
        "t:digits": min(digits * 5, 1.0),
        "t:date": float(bool(_DATE.search(line))),
        "t:time": float(bool(_TIME.search(line))),
        "t:contact": float(bool(_CONTACT.search(line))),
        "t:address": min(len(_ADDRESS.findall(line)) / 3, 1.0),
        "t:call": float(bool(_CALL.search(line))),
        "t:separators": float(bool(re.search(r"\s[|•·»]\s", line))),
        "t:quote": float(line[:1] in "„\"“»«‚'"),
        "t:marker": float(_marker_hit(line)),
    }


def _marker_hit(line: str) -> bool:
    markers = _markers()
    return markers.is_list_header(line) or markers.is_boilerplate_line(line) or markers.is_box_header(line)


def _html_features(element: Any, tight: bool, container: Any) -> dict[str, float]:
    row: dict[str, float] = {"h:tight": float(tight)}
    tag = element.tag
    group = (
        "heading"
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6")
        else tag
        if tag in ("p", "li", "td", "a")
        else ("inline" if tag in ("span", "strong", "b", "em", "time") else "block")
    )
    row[f"h:tag={group}"] = 1.0
    text = block_text(element)
    linked = sum(len(block_text(a)) for a in element.iter("a"))
    row["h:link_density"] = min(linked / max(len(text), 1), 1.0)
    ancestors = [element, *element.iterancestors()]
    names = {a.tag for a in ancestors if isinstance(a.tag, str)}
    for name in _ANCESTOR_TAGS:
        row[f"h:in_{name}"] = float(name in names)
    row["h:in_container"] = float(container is not None and any(a is container for a in ancestors))
    for a in ancestors[:ANCESTOR_LEVELS]:
        for word in class_words(a):
            row[f"c:{word}"] = 1.0
    return row


def line_features(tree: Any, lines: Sequence[str]) -> list[dict[str, float]]:
    """One feature row per body line (text, position, and HTML features where the line is found)."""
    lines = [norm_space(line) for line in lines]
    elements = page_elements(tree) if tree is not None else []
    found = [element_for(line, elements) if line else None for line in lines]
    longest = max(range(len(lines)), key=lambda i: len(lines[i]), default=None)
    container = None
    if longest is not None and (main := found[longest]) is not None:
        container = main[0].getparent()
    long_at = [i for i, line in enumerate(lines) if len(line.split()) >= LONG_LINE_WORDS]
    rows = []
    for i, line in enumerate(lines):
        row = _text_features(line)
        row["p:relative"] = i / max(len(lines) - 1, 1)
        row["p:before_long"] = float(bool(long_at) and i < long_at[0])
        row["p:after_long"] = float(bool(long_at) and i > long_at[-1])
        row["p:no_long"] = float(not long_at)
        if (hit := found[i]) is not None:
            row.update(_html_features(hit[0], hit[1], container))
        else:
            row["h:not_found"] = 1.0
        rows.append(row)
    return rows


def service_lines(tree: Any, lines: Sequence[str], model: LineModel | None) -> list[str]:
    """The body lines the model takes for service (empty without a model)."""
    if model is None or not lines:
        return []
    probabilities = model.probabilities(line_features(tree, lines))
    return [line for line, p in zip(lines, probabilities, strict=True) if p >= model.threshold]
