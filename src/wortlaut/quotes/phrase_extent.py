"""Where a noun phrase ends: the token tests and the walk that :mod:`wortlaut.quotes.speakers` extends a
speaker or addressee phrase with (modifiers, head, names, genitive and ``von`` links, quoted names, extended
attributes, place attributes).

Kept apart from the speaker readers because it decides how far one noun phrase runs; the readers in
:mod:`~wortlaut.quotes.speakers` (inverted subject, prefield, ``laut``/``zufolge`` phrase) choose where it
starts and what joins it after a comma (an apposition).
"""

from __future__ import annotations

from wortlaut.quotes.lexicon import Lexicon
from wortlaut.quotes.text import Tok

#: Longest speaker phrase (tokens) we accept; longer runs are clause material, not a name.
MAX_PHRASE = 9
#: ``zu`` continues a phrase only with a tagged name (``Karl-Theodor zu Guttenberg``), not with a common noun
#: (``laut Polizei zu Straftaten aufgerufen``).
NAME_ONLY_ZU = True
#: Genitive and name links that continue a noun phrase ("der Leiter des Bündnisses", "Peter von Meier").
PHRASE_LINKS = frozenset(
    {"des", "der", "eines", "seines", "ihres", "von", "vom", "zu", "van", "de", "la", "dos", "al", "und"}
) | frozenset({"einer", "vieler", "mehrerer", "einiger", "zahlreicher", "anderer"})
#: In the source phrase after ``laut``/``nach``, ``von`` + an article continues it (``nach Angaben von der
#: Agentur „Interfax“``, ``laut Hauptmann X von der US-Marineinfanterie``): the source's origin, where after a
#: subject or object the ``von`` phrase is often the verb's (``sprach Merkel von der Möglichkeit``; issue 12,
#: nineteenth session).
SOURCE_VON_ARTICLES = True
_VON_ARTICLES = frozenset({"der", "dem", "den"})
#: Links that continue with any noun phrase (genitive articles); the others only with a name.
_GENITIVES = frozenset({"des", "der", "eines", "seines", "ihres"}) | frozenset(
    {"einer", "vieler", "mehrerer", "einiger", "zahlreicher", "anderer"}
)
#: After a proper name these articles open a dative ("sagte Müller der Zeitung"), not a genitive.
_DATIVE_AFTER_NAME = frozenset({"der", "dem", "einer", "einem"})
#: Longest quoted name (tokens, marks included) in a speaker phrase ("der Organisation „Ärzte ohne Grenzen“").
MAX_QUOTED_NAME = 8
#: Quotation marks that may stand inside a speaker phrase around a name.
NAME_MARKS = frozenset({"„", "“", "”", "»", "«", '"'})
#: A quoted name after a genitive or ``von`` link continues the phrase (``die Online-Ausgabe des „Spiegel“``,
#: ``Moritz Wohlrab von der „Aktion Deutschland hilft“``; see ``quoted_link``).
QUOTED_LINKS = True
#: Links that may open such a quoted name; ``von``/``vom`` also with an article between (``von der „…“``).
QUOTED_LINK_WORDS = frozenset({"des", "der", "eines", "von", "vom"})
#: A place attribute after the head (``ein Sprecher des LBM in Koblenz``, ``General X vom CDRM``) and a
#: lower-case abbreviation in brackets (``der Deutschen Presse-Agentur (dpa)``) belong to a speaker phrase
#: (on quotes-wikinews/train: speaker F1 +0.0015 and +0.0008); addressee phrases are read without them
#: (they cost 0.002 addressee F1 there): ``places=False``.
_PLACE_PREPOSITIONS = frozenset({"in", "im", "aus", "vom"})
#: An extended attribute between the article and its noun (``die in New York geborene Sängerin``, ``der für
#: die Region zuständige Minister``) belongs to the phrase: a run of at most this many tokens without a verb
#: or comma, ending in an attributive adjective or participle right before the noun.
MAX_ATTRIBUTE = 8
EXTENDED_ATTRIBUTES = True
#: Such an attribute may close before a quoted name (``der so genannten „EVAC-Ambulanz“``; issue 12zl).
ATTRIBUTE_QUOTED_NAMES = True
#: ``für`` + a bare noun continues a phrase after a common noun (see ``_office_for``).
OFFICE_FOR = True
#: Article forms that open such a phrase even when tagged as a pronoun.
_ARTICLE_FORMS = frozenset({"der", "die", "das", "dem", "den", "des"})
#: Tags that may stand inside such an attribute (prepositions, their phrases, adverbs, ``als``).
_ATTRIBUTE_TAGS = frozenset(
    {
        "APPR",
        "APPRART",
        "ART",
        "NN",
        "NE",
        "ADJA",
        "ADJD",
        "ADV",
        "CARD",
        "KOKOM",
        "KON",
        "PPOSAT",
        "PIAT",
        "FM",
        "PRF",
        "PTKNEG",
    }
)
#: Adjective endings that let a lower-case word sit inside a noun phrase ("der ukrainische Präsident").
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def is_capital(tok: Tok) -> bool:
    if tok.pos is not None:
        return tok.pos in {"NN", "NE", "FM", "CARD", "TRUNC"} or tok.text[:1] == "@"
    return tok.text[:1].isupper() or tok.text[:1] == "@" or tok.text[:1].isdigit()


def is_adjective(tok: Tok, lexicon: Lexicon) -> bool:
    if tok.pos is not None:
        return tok.pos == "ADJA"
    return (
        tok.text[:1].islower() and tok.low.endswith(_ADJECTIVE_ENDINGS) and not lexicon.has("stop", tok.low)
    )


def is_determiner(tok: Tok, lexicon: Lexicon) -> bool:
    if tok.pos is not None:
        return tok.pos in {"ART", "PPOSAT", "PDAT", "PIAT", "CARD"}
    return lexicon.has("determiner", tok.low)


def opens_phrase(tok: Tok, lexicon: Lexicon) -> bool:
    if lexicon.has("stop", tok.low):
        return False
    return is_capital(tok) or is_determiner(tok, lexicon) or is_adjective(tok, lexicon)


def _links_to(link: Tok, following: Tok, lexicon: Lexicon, sources: bool = False) -> bool:
    """A genitive article continues with any phrase; ``von``/``und`` only with a name ("Peter von Meier"),
    in a source phrase ``von`` also with an article (:data:`SOURCE_VON_ARTICLES`)."""
    if link.low in _GENITIVES:
        return opens_phrase(following, lexicon)
    if NAME_ONLY_ZU and link.low == "zu" and following.pos is not None and following.pos != "NE":
        return False  # laut Polizei zu Straftaten: only a name continues (Karl-Theodor zu Guttenberg)
    if sources and SOURCE_VON_ARTICLES and link.low == "von" and following.low in _VON_ARTICLES:
        return True  # nach Angaben von der Agentur „Interfax“
    return is_capital(following) and not lexicon.has("stop", following.low)


def extend_phrase(
    tokens: list[Tok], index: int, end: int, lexicon: Lexicon, places: bool = True, sources: bool = False
) -> int:
    """One past the last token of the noun phrase starting at ``index``: modifiers, head, names, genitives
    (``sources``: the phrase after ``laut``/``nach``, see :data:`SOURCE_VON_ARTICLES`)."""
    other = index
    seen_head = False
    budget = index  # the phrase's length is counted from here (an extended attribute does not count)
    part = index  # where the phrase's last noun phrase (after a genitive link) begins
    if attribute_end(tokens, index, index + 1, end) is not None:
        other = index + 1  # the article before an extended attribute, whatever its tag
    while other < end and other - budget < MAX_PHRASE:
        tok = tokens[other]
        if tok.low in NAME_MARKS and other > index and tokens[index].low in NAME_MARKS:
            other += 1  # the mark closing a quoted name the phrase opened with: laut „Welt“
            break
        if tok.low in NAME_MARKS and other > index:
            closing = next(
                (
                    at
                    for at in range(other + 1, min(end, other + MAX_QUOTED_NAME))
                    if tokens[at].low in NAME_MARKS
                ),
                None,
            )
            if closing is None or (QUOTED_CLAUSES and _quoted_clause(tokens[other + 1 : closing])):
                break
            if SOURCE_NOUN_QUOTES and lexicon.has("source_noun", tokens[other - 1].low):
                break  # laut Zeugenaussagen „…“: what the witnesses said, not a name
            other = closing + 1  # a quoted name inside the phrase: Die Zeitung „Yemen Observer“
            seen_head = True
            continue
        if seen_head:
            quoted = quoted_link(tokens, other, end) if QUOTED_LINKS else None
            if quoted is not None:
                other = quoted  # die Online-Ausgabe des „Spiegel“, Moritz Wohlrab von der „Aktion …“
                continue
            if tok.low in _DATIVE_AFTER_NAME and tokens[other - 1].pos == "NE":
                break  # "sagte Müller der Zeitung": a dative addressee, not a genitive of the name
            if (
                tok.low in PHRASE_LINKS
                and other + 1 < end
                and _links_to(tok, tokens[other + 1], lexicon, sources)
            ):
                other += 1
                part = other - 1 if tok.low in _GENITIVES else other
                seen_head = False
                continue
            if OFFICE_FOR and _office_for(tokens, other, end):
                other += 1  # der Kommissar für Erweiterung, die Bundesagentur für Arbeit
                seen_head = False
                continue
            if tok.low in _GENITIVES and attribute_end(tokens, other, other + 1, end) is not None:
                part = other  # der in der IAEA zusammengeschlossenen Länder: the article opens the attribute
                other += 1
                seen_head = False
                continue
            if (
                places
                and tok.low in _PLACE_PREPOSITIONS
                and other + 1 < end
                and tokens[other + 1].pos == "NE"
                and (
                    other + 2 >= end
                    or tokens[other + 2].pos not in {"NN", "NE"}
                    or _two_word_place(tokens, other, end)
                )
                and not (
                    PERSON_PLACES and tok.low in {"in", "im"} and _full_name_before(tokens, other, index)
                )
            ):
                other += 3 if _two_word_place(tokens, other, end) else 2
                continue
            if _bare_genitive(tokens, other, end):
                other += 1
                seen_head = False
                continue
            if (
                tok.low == "("
                and other + 2 < end
                and tokens[other + 2].low == ")"
                and (is_capital(tokens[other + 1]) or (places and tokens[other + 1].text[:1].isalnum()))
            ):
                other += 3
                continue
            following = tokens[other + 1] if other + 1 < end else None
            if (
                not is_capital(tok)
                or lexicon.has("stop", tok.low)
                or _new_phrase(tokens[other - 1], tok, following)
            ):
                break
        elif COORDINATED_ADJECTIVES and _adjective_pair(tokens, other, end):
            other += 1  # die afghanischen und ausländischen Soldaten: the adjectives share the noun
            continue
        elif not opens_phrase(tok, lexicon):
            attribute = attribute_end(tokens, part, other, end)
            if attribute is None:
                break
            budget += attribute - other
            other = attribute
            continue
        seen_head = seen_head or is_capital(tok)
        other += 1
    return other


#: ``und``/``oder`` between two attributive adjectives before the head stays in the phrase (see
#: ``_adjective_pair``).
COORDINATED_ADJECTIVES = True


def _adjective_pair(tokens: list[Tok], index: int, end: int) -> bool:
    """``die afghanischen und ausländischen Soldaten``: a conjunction between an attributive adjective and
    another one that goes on to a noun joins the two, the phrase does not end there."""
    return (
        tokens[index].low in {"und", "oder", "sowie"}
        and index > 0
        and index + 2 < end
        and tokens[index - 1].pos == "ADJA"
        and tokens[index + 1].pos == "ADJA"
        and tokens[index + 2].pos in {"NN", "NE", "ADJA"}
    )


def quoted_link(tokens: list[Tok], index: int, end: int) -> int | None:
    """One past a quoted name that a link at ``index`` attaches to the phrase (``des „Spiegel“``, ``von
    „con energy“``, ``von der „Aktion Deutschland hilft“``), else ``None``: the name is short, opens with a
    capital or a letter and closes inside the clause; a ``der`` after a name stays a dative (``sagte Müller
    der „Zeitung“``)."""
    link = tokens[index].low
    if link not in QUOTED_LINK_WORDS:
        return None
    at = index + 1
    if link in {"von"} and at < end and tokens[at].low in {"der", "dem", "den"}:
        at += 1
    if at + 2 >= end or tokens[at].low not in NAME_MARKS:
        return None
    if link in _DATIVE_AFTER_NAME and tokens[index - 1].pos == "NE":
        return None
    for close in range(at + 2, min(end, at + MAX_QUOTED_NAME)):
        if tokens[close].low in NAME_MARKS:
            return close + 1 if tokens[at + 1].text[:1].isalpha() else None
    return None


def linked_name(tokens: list[Tok], opening: int) -> bool:
    """Whether the quotation mark at ``opening`` opens a name linked to a noun before it (``des „Spiegel“``,
    ``von der „Aktion …“``), so a subject reader looking back may go past it."""
    if not QUOTED_LINKS:
        return False
    link = opening - 1
    if link > 0 and tokens[link].low in {"der", "dem", "den"} and tokens[link - 1].low == "von":
        link -= 1
    return (
        link > 0
        and tokens[link].low in QUOTED_LINK_WORDS
        and tokens[link - 1].pos in {"NN", "NE"}
        and quoted_link(tokens, link, len(tokens)) is not None
    )


def _office_for(tokens: list[Tok], index: int, end: int) -> bool:
    """``für`` + a bare noun after a common noun names an office or body's remit (``Koordinator für
    Naturkatastrophen``, ``Behörde für Zivilluftfahrt``); with an article it is an adverbial (``dankte der
    Minister für die Hilfe``)."""
    if tokens[index].low != "für" or index + 1 >= end or tokens[index - 1].pos != "NN":
        return False
    following = tokens[index + 1]
    if following.pos in {"NN", "NE"}:
        return True
    return following.pos == "ADJA" and index + 2 < end and tokens[index + 2].pos == "NN"


def attribute_end(tokens: list[Tok], index: int, other: int, end: int) -> int | None:
    """The adjective that closes an extended attribute starting at ``other`` (``in New York geborene``),
    when only determiners stand before it in the phrase ``index:other``; else ``None``."""
    if not EXTENDED_ATTRIBUTES or other == index or not all(_article(tok) for tok in tokens[index:other]):
        return None
    for at in range(other, min(end - 1, other + MAX_ATTRIBUTE + 1)):
        tok = tokens[at]
        if (
            tok.pos == "ADJA"
            and at > other
            and (
                tokens[at + 1].pos in {"NN", "NE", "ADJA"}
                or (ATTRIBUTE_QUOTED_NAMES and tokens[at + 1].low in NAME_MARKS)
            )
            and _closes(tokens[at - 1])
        ):
            return at
        if tok.pos not in _ATTRIBUTE_TAGS and tok.low not in NAME_MARKS:
            return None
    return None


def _article(tok: Tok) -> bool:
    """A determiner, or an article form the tagger read as a pronoun because no noun follows it at once
    (``das/PDS zur Universität gehörende Institut``)."""
    return tok.pos in {"ART", "PDAT", "PPOSAT", "PIAT"} or (
        tok.pos in {"PDS", "PRELS"} and tok.low in _ARTICLE_FORMS
    )


def _closes(previous: Tok) -> bool:
    """Whether an adjective after ``previous`` closes an extended attribute (``City geborene``, ``gemäßigt
    geltende``) rather than opening the noun phrase inside it (``zur kalifornischen``)."""
    return previous.pos in {"NN", "NE", "ADJD", "ADV", "CARD", "FM"} or previous.low in NAME_MARKS


def _bare_genitive(tokens: list[Tok], index: int, end: int) -> bool:
    """``Angaben libanesischer Sicherheitskreise``: a genitive plural without article opens with a strong
    adjective in -er right before its noun."""
    tok = tokens[index]
    return (
        tok.pos == "ADJA"
        and tok.low.endswith("er")
        and index + 1 < end
        and tokens[index + 1].pos in {"NN", "NE"}
    )


def _new_phrase(previous: Tok, tok: Tok, following: Tok | None = None) -> bool:
    """After a head noun, a number starts a new phrase ("Behördenangaben 7.000 Menschen"); after a name only
    a number word, or a number that counts the noun after it (``laut Reuters 900 Menschen``; ``Apollo 11``
    stays a name: :data:`COUNTED_NOUNS`)."""
    if tok.pos is None or previous.pos is None or tok.pos != "CARD":
        return False
    if previous.pos == "NN" or (previous.pos == "NE" and tok.text.isalpha()):
        return True
    return (
        COUNTED_NOUNS
        and previous.pos == "NE"
        and following is not None
        and following.pos in {"NN", "ADJA"}
        and following.text[:1].isupper() == (following.pos == "NN")
    )


#: After a name, a number followed by a noun or adjective starts the next phrase (``laut einem Artikel der
#: Agentur Reuters 900 Menschen``, ``nach Angaben des Piratenchefs Mohamed Said 300.000 US-Dollar``): a name's
#: own number (``Apollo 11``, ``Windows 7``) has no noun after it (issue 12, nineteenth session).
COUNTED_NOUNS = True
#: Quoted words after a phrase's head are a name only when they do not read as a clause: words opening in
#: lower case with a verb among them (``laut Gall „auch in Zukunft bestehen“``) are the quoted part of the
#: statement (issue 12, nineteenth session).
QUOTED_CLAUSES = True
#: ``in`` + a place right after a person's full name (two name tokens: ``bestätigte Ali al-Omair in Wien``,
#: ``gab Manfred Stolpe in Berlin bekannt``) is where the person spoke, an adverbial; after a body's name or
#: noun (``ein Sprecher des LBM in Koblenz``) it stays an attribute (issue 12, nineteenth session).
PERSON_PLACES = True


#: A place of two name tokens after the place preposition (``in New Mexico``, ``in Den Haag``) belongs to the
#: phrase as a one-word place does, when no noun or name follows it (issue 12zl).
TWO_WORD_PLACES = True


def _two_word_place(tokens: list[Tok], preposition: int, end: int) -> bool:
    """Whether two name tokens follow the place preposition at ``preposition``, then no noun or name."""
    return (
        TWO_WORD_PLACES
        and preposition + 2 < end
        and tokens[preposition + 1].pos == "NE"
        and tokens[preposition + 2].pos == "NE"
        and (preposition + 3 >= end or tokens[preposition + 3].pos not in {"NN", "NE"})
    )


def _full_name_before(tokens: list[Tok], preposition: int, index: int) -> bool:
    """Whether the two tokens before ``preposition`` (inside the phrase from ``index``) are both names."""
    return (
        preposition - 2 >= index
        and tokens[preposition - 1].pos == "NE"
        and tokens[preposition - 2].pos == "NE"
    )


#: Quoted words right after a ``source_noun`` head (``laut Zeugenaussagen „Britain First“``) are what the
#: source said, never its name: a name follows a medium's or body's noun or a link (``der Zeitung „…“``,
#: ``des „…“``; issue 12, nineteenth session).
SOURCE_NOUN_QUOTES = True


def _quoted_clause(inner: list[Tok]) -> bool:
    """Whether the quoted tokens ``inner`` open in lower case and hold a verb (see :data:`QUOTED_CLAUSES`)."""
    return (
        bool(inner)
        and inner[0].text[:1].islower()
        and any(tok.pos is not None and tok.pos[:1] == "V" for tok in inner)
    )
