"""Language of an article's parts, and which parts are foreign when it mixes languages.

German news often embeds English posts or quotes; later stages (German
speech verbs, German morphology) should know which parts are not German.
lingua's detector is built once per process for a small set of languages
(``lang/de/structure_languages.tsv``), in low-accuracy mode (trigram models
only), and only a prefix of each part is examined: that keeps the stage
around a millisecond per article while a paragraph still gets a clear answer.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from wortlaut.article import LanguageSpan, Span, Structure
from wortlaut.lang.tables import read_rows

#: Characters of each part given to the detector.  ~100 characters (15
#: words) already separate German from English with confidence > 0.99 in
#: low-accuracy mode; the cost grows linearly with the prefix.
PART_PREFIX_CHARS = 100
#: Parts shorter than this (bylines, "Foto: dpa", one-word captions) are not
#: classified: trigram statistics over a few words are noise.
MIN_PART_CHARS = 40
#: At most this many parts are examined per article (posts first, then the
#: headline and body in order); the rest count for the article's language.
MAX_PARTS = 32
#: A part is labelled with a language only above this confidence, so a
#: German paragraph full of names is not called Dutch.
MIN_CONFIDENCE = 0.9
#: The article's language is judged on at least this many characters in
#: all (a one-paragraph article gets a longer prefix): 100 characters of
#: "Andrew Lloyd Webbers Musical: Regisseur … Vincent Paterson" read as
#: English, the first 400 read as German (10kGNAD, 1 of 1,028 articles).
MIN_ARTICLE_SAMPLE_CHARS = 400
#: A part whose language differs from the article's is re-read on this many
#: characters and kept as foreign only above FOREIGN_CONFIDENCE and
#: FOREIGN_MIN_CHARS: on the 700 WikiNews train articles the short-prefix
#: check flagged football results and paragraphs opening with English names.
FOREIGN_SAMPLE_CHARS = 500
FOREIGN_CONFIDENCE = 0.99
FOREIGN_MIN_CHARS = 60


@cache
def detector(languages: tuple[str, ...]) -> LanguageDetector:
    """The lingua detector for these languages; built once per process (it is slow to build)."""
    chosen = [getattr(Language, name) for name in languages]
    built = LanguageDetectorBuilder.from_languages(*chosen).with_low_accuracy_mode().build()
    built.detect_language_of("Warm-up: lädt die Sprachmodelle.")  # models load lazily; load them now
    return built


def load_languages(name: str = "structure_languages.tsv") -> dict[str, str]:
    """lingua language name -> ISO 639-1 code, from the data file."""
    return {row[1].strip(): row[0].strip() for row in read_rows(name, columns=2)}


@dataclass(frozen=True, slots=True)
class Detected:
    """The majority language of the parts (by characters), and the part languages when they mix."""

    majority: str | None
    parts: tuple[LanguageSpan, ...]


class PartLanguages:
    """Labels parts with ISO codes; the majority decides the article, a longer sample confirms a minority."""

    def __init__(self, codes: dict[str, str]) -> None:
        self.codes = codes
        self.detector = detector(tuple(codes))

    def detect(self, parts: list[Span]) -> Detected:
        """Languages of the first :data:`MAX_PARTS` parts; ``parts`` is empty unless two languages remain."""
        parts = parts[:MAX_PARTS]
        prefix = max(PART_PREFIX_CHARS, MIN_ARTICLE_SAMPLE_CHARS // max(1, len(parts)))
        labelled = [(part, self._detect(part.text, prefix)) for part in parts]
        votes: Counter[str] = Counter()
        for part, code in labelled:
            if code is not None:
                votes[code] += part.end - part.start
        majority = votes.most_common(1)[0][0] if votes else None
        if len(votes) < 2:
            return Detected(majority=majority, parts=())
        labelled = [(part, self._confirm(part.text, code, majority)) for part, code in labelled]
        if len({code for _, code in labelled if code}) < 2:
            return Detected(majority=majority, parts=())
        found = [LanguageSpan(start=p.start, end=p.end, language=code) for p, code in labelled if code]
        return Detected(majority=majority, parts=tuple(sorted(found, key=lambda item: item.start)))

    def _detect(self, text: str, limit: int, *, min_confidence: float = MIN_CONFIDENCE) -> str | None:
        if len(text) < MIN_PART_CHARS:
            return None
        sample = text[:limit].rsplit(" ", 1)[0] if len(text) > limit else text
        values = self.detector.compute_language_confidence_values(sample)
        if not values or values[0].value < min_confidence:
            return None
        return self.codes.get(values[0].language.name)

    def _confirm(self, text: str, code: str | None, majority: str | None) -> str | None:
        """Keep a minority language only when a longer sample confirms it with high confidence."""
        if code is None or code == majority:
            return code
        if len(text) < FOREIGN_MIN_CHARS:
            return None
        return self._detect(text, FOREIGN_SAMPLE_CHARS, min_confidence=FOREIGN_CONFIDENCE)


def parts_of(text: str, structure: Structure | None) -> list[Span]:
    """The non-boilerplate parts to classify: posts first, then headline, captions, body; else the text."""
    if structure is None:
        return [Span(start=0, end=len(text), text=text)]
    posts = [Span(start=post.start, end=post.end, text=post.text) for post in structure.posts if post.text]
    headline = [structure.headline] if structure.headline is not None else []
    return [*posts, *headline, *structure.captions, *structure.paragraphs]
