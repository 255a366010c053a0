"""Noun phrases around a cue: the speaker (``sagte er``, ``Laut Selenskyj``) and the addressee.

Without a parser, a speaker is the run of determiner, adjective, name and noun
tokens next to the cue.  German puts the subject either before the finite verb
(``Rutte sagte``) or right after it (``…, sagte Rutte``); the clause start
decides which.

This module chooses where a phrase starts and which phrase is the speaker; how far a phrase runs is
decided in :mod:`wortlaut.quotes.phrase_extent`.
"""

from __future__ import annotations

import re

from wortlaut.quotes.lexicon import Lexicon
from wortlaut.quotes.phrase_extent import (
    MAX_PHRASE,
    NAME_MARKS,
    PHRASE_LINKS,
    QUOTED_LINK_WORDS,
    QUOTED_LINKS,
    attribute_end,
    extend_phrase,
    is_adjective,
    is_capital,
    is_determiner,
    opens_phrase,
    quoted_link,
)
from wortlaut.quotes.phrase_extent import MAX_QUOTED_NAME as MAX_QUOTED_NAME
from wortlaut.quotes.phrase_extent import linked_name as linked_name
from wortlaut.quotes.text import Tok

#: An apposition after a comma may end before a prepositional phrase (see ``_attribute_follows``).
APPOSITION_BEFORE_PREPOSITION = True
#: Pronouns that head a partitive phrase (``Einer der Putschisten``, ``eine der Organisatorinnen``).
_ONE_OF = frozenset({"einer", "eine", "eines", "keiner", "keine", "jeder", "jede"})
#: Words between an inverted verb and its subject ("äußerte sich jedoch der Minister").
_SKIPPED = frozenset(
    {"auch", "jedoch", "aber", "zudem", "dazu", "außerdem", "nun", "sich", "dann", "daraufhin"}
)
#: Longest prefield (tokens before the verb) taken as the subject ("Ein Sprecher der Polizei in Berlin").
MAX_PREFIELD = 14
#: A bracketed aside of several words between the subject and its verb is skipped (see ``before_aside``;
#: issue 12, sixteenth session).
BRACKETED_ASIDES = True
#: One-word prefields that are objects or adverbs, not speakers ("Das sagte er", "Dies teilte … mit").
_NOT_SUBJECTS = frozenset({"das", "dies", "dieses", "dazu", "darauf", "damit", "daher", "deshalb", "so"})


def _pronoun(tok: Tok, lexicon: Lexicon) -> bool:
    return lexicon.has("subject_pronoun", tok.low) and (tok.pos is None or tok.pos.startswith("P"))


def skip_adverbs(tokens: list[Tok], index: int, end: int) -> int:
    while index < end and tokens[index].low in _SKIPPED:
        index += 1
    return index


def skip_tagged_adverbs(tokens: list[Tok], index: int, end: int) -> int:
    """Past the listed words and every tagged adverb (``gestern``, ``erneut``) after an inverted verb."""
    while index < end and (tokens[index].low in _SKIPPED or tokens[index].pos == "ADV"):
        index += 1
    return index


def _apposition(tokens: list[Tok], stop: int, end: int, lexicon: Lexicon, places: bool = True) -> int:
    """``der Direktor der IAEO, Mohammed el-Baradei,``: a name after a comma joins the phrase."""
    if stop + 1 >= end or tokens[stop].low != ",":
        return stop
    other = extend_phrase(tokens, stop + 1, end, lexicon, places)
    if other == stop + 1 or not any(is_capital(tok) for tok in tokens[stop + 1 : other]):
        return stop
    if other < end and tokens[other].low not in {",", ".", "!", "?", ")", ":"}:
        if not (places and _attribute_follows(tokens, other, end)):
            return stop
        closing = _closing_comma(tokens, other, end) if CLOSED_ATTRIBUTES else None
        return closing if closing is not None else other
    return other


#: A prepositional phrase after an apposition that a comma closes belongs to it (``Mike Brown, Professor am
#: California Institute of Technology, sagte``); without the closing comma it may be an adverbial (``sagte
#: Charles Brun, General des Einsatzes am Montag.``) and stays out.
CLOSED_ATTRIBUTES = True
#: Longest such prepositional phrase (tokens).
MAX_CLOSED_ATTRIBUTE = 8


def _closing_comma(tokens: list[Tok], index: int, end: int) -> int | None:
    """The comma that closes the prepositional phrase starting at ``index`` within a few tokens, when only
    prepositions, articles, adjectives, names and nouns stand before it; else ``None``."""
    for other in range(index + 1, min(end, index + MAX_CLOSED_ATTRIBUTE + 1)):
        tok = tokens[other]
        if tok.low == ",":
            return other
        if tok.pos not in {"APPR", "APPRART", "ART", "ADJA", "NN", "NE", "FM", "CARD", "KON"}:
            return None
    return None


def _attribute_follows(tokens: list[Tok], index: int, end: int) -> bool:
    """``sagte Charles Brun, General und Kommandeur des Einsatzes, am Montag`` without the second comma:
    a prepositional phrase after the apposition, with no finite verb before the next comma, is an adverbial
    or attribute; ``sagte Müller, die Firma in Berlin sei pleite`` has a verb (a reported clause), and so
    has ``erklärte Johnson, die Rechte von Arbeitnehmern schützen zu wollen``."""
    if not APPOSITION_BEFORE_PREPOSITION or tokens[index].pos not in {"APPR", "APPRART"}:
        return False
    for tok in tokens[index:end]:
        if tok.low == ",":
            return True
        if tok.pos is None or tok.pos[:1] == "V" or tok.pos == "PTKZU":
            return False
    return True


def with_quoted_name(
    tokens: list[Tok], span: tuple[int, int] | None, end: int, media: tuple[str, ...] = ()
) -> tuple[int, int] | None:
    """``meldete die Nachrichtenagentur „Xinhua“, …``: a short quoted name right after a phrase that ended
    at the quotation mark (the clause reader stops at marks) belongs to it; after a medium's noun (a word
    ending in one of ``media``) also before a preposition (``berichtete die Musikzeitschrift „Billboard“ in
    ihrer Ausgabe``: ``sagte der Minister „Nein“ zu dem Plan`` is no name)."""
    if span is None or span[1] >= end:
        return span
    opening = span[1]
    if QUOTED_LINKS and tokens[opening].low in QUOTED_LINK_WORDS:
        linked = quoted_link(tokens, opening, end)  # die Online-Ausgabe des „Spiegel“, …
        if linked is None or (linked < end and tokens[linked].text[:1].isalnum()):
            return span
        return span[0], linked
    if tokens[opening].low not in NAME_MARKS:
        return span
    for at in range(span[1] + 1, min(end, span[1] + MAX_QUOTED_NAME)):
        if tokens[at].low in NAME_MARKS:
            inner = tokens[span[1] + 1 : at]
            if (
                inner
                and inner[0].text[:1].isupper()
                and (
                    at + 1 >= end
                    or not tokens[at + 1].text[:1].isalnum()
                    or (
                        tokens[at + 1].pos in {"APPR", "APPRART"}
                        and bool(media)
                        and tokens[opening - 1].low.endswith(media)
                    )
                )
            ):
                return span[0], at + 1
            return span
    return span


def with_apposition(
    tokens: list[Tok], span: tuple[int, int] | None, end: int, lexicon: Lexicon
) -> tuple[int, int] | None:
    """``sagte Andreas Beck, Spieler von Hoffenheim, …``: a phrase found inside its clause, extended by an
    apposition after the comma that closes the clause (``end`` is the sentence end)."""
    if span is None:
        return None
    return span[0], _apposition(tokens, span[1], end, lexicon)


def phrase_after(
    tokens: list[Tok], index: int, end: int, lexicon: Lexicon, *, places: bool = True, sources: bool = False
) -> tuple[int, int] | None:
    """The noun phrase starting at ``index`` (token range), e.g. the subject after an inverted verb
    (``sources``: a source after ``laut``/``nach``)."""
    index = skip_adverbs(tokens, index, end)
    if index >= end:
        return None
    first = tokens[index]
    if _pronoun(first, lexicon):
        return index, index + 1
    if first.low in _ONE_OF and index + 2 < end and tokens[index + 1].low in {"der", "des"}:
        stop = extend_phrase(tokens, index + 1, end, lexicon, places)  # Einer der beteiligten Feuerwehrmänner
        return index, _apposition(tokens, stop, end, lexicon, places)
    attributed = attribute_end(tokens, index, index + 1, end) is not None
    if not (
        is_capital(first) or is_determiner(first, lexicon) or is_adjective(first, lexicon) or attributed
    ) or (lexicon.has("stop", first.low) and not attributed):
        return None
    stop = extend_phrase(tokens, index, end, lexicon, places, sources)
    if not any(is_capital(tokens[position]) for position in range(index, stop)):
        return None
    return index, _apposition(tokens, stop, end, lexicon, places)


def phrase_before(
    tokens: list[Tok], begin: int, index: int, lexicon: Lexicon, *, places: bool = True
) -> tuple[int, int] | None:
    """The subject filling the prefield ``begin:index`` before a finite verb (German verb-second order)."""
    index = before_aside(tokens, begin, index)
    if begin >= index or index - begin > MAX_PREFIELD:
        return None
    span = phrase_after(tokens, begin, index, lexicon, places=places)
    if span is None or span[0] != skip_adverbs(tokens, begin, index):
        return None
    if span[1] - span[0] == 1 and tokens[begin].low in _NOT_SUBJECTS:
        return None
    if any(
        (tok.pos is not None and tok.pos[:1] == "V") or tok.low in {",", "“", "„"}
        for tok in tokens[span[1] : index]
    ):
        return None
    stop = index
    while stop > span[1] and (
        lexicon.has("stop", tokens[stop - 1].low) or tokens[stop - 1].pos in {"ADV", "ADJD"}
    ):
        stop -= 1
    return span[0], stop


def before_aside(tokens: list[Tok], begin: int, index: int) -> int:
    """``Peter Korig (»Jungle World« 35/2023) befürchtet``: a bracketed aside of more than one word right
    before the verb is no part of the subject, which ends at its opening bracket (a one-word bracket,
    ``Klaus Wowereit (SPD)``, stays in the phrase; :data:`BRACKETED_ASIDES`)."""
    if not BRACKETED_ASIDES or index - 1 <= begin or tokens[index - 1].low != ")":
        return index
    opening = next((other for other in range(index - 2, begin, -1) if tokens[other].low == "("), None)
    if opening is None or index - 1 - opening <= 2:
        return index
    return opening


def _leading_adjective(tok: Tok) -> bool:
    """``ersten Angaben zufolge``, ``offiziellen chinesischen Angaben zufolge``: an attributive adjective
    (tagged, so a verb or adverb is not taken) opens the phrase without an article."""
    return tok.pos == "ADJA"


#: Reading back from ``zufolge`` or a postposed ``nach``, a phrase opens at an article that cannot be a
#: genitive (``dem``, ``den``, ``die``, ``das``, ``ein`` …) unless ``von``/``vom``/``zu`` stands before it,
#: and at a determiner right after another one: ``Sarkozy dem „Figaro“ zufolge`` (the subject before the
#: dative), ``Die seiner Ansicht nach fragwürdige Rolle`` (the article of the noun after it); issue 12,
#: nineteenth session.
OPENING_ARTICLES = True
#: Article forms that are never genitive.
_NON_GENITIVE = frozenset({"dem", "den", "die", "das", "ein", "einem", "einen", "eine"})


def _opens_here(tokens: list[Tok], start: int) -> bool:
    """Whether the phrase read backwards opens at ``start`` (see :data:`OPENING_ARTICLES`)."""
    first, before = tokens[start], tokens[start - 1]
    if first.pos not in {"ART", "PPOSAT", "PDAT", "PIAT"}:
        return False
    if first.low in _NON_GENITIVE and before.low not in {"von", "vom", "zu"}:
        return True
    return before.pos in {"ART", "PPOSAT", "PDAT", "PIAT"}


def phrase_ending(tokens: list[Tok], begin: int, index: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The noun phrase ending just before ``index`` ("Dem Bericht zufolge", "wie der Sprecher mitteilte")."""
    start = index
    while (
        start > begin
        and index - start < MAX_PHRASE
        and (opens_phrase(tokens[start - 1], lexicon) or tokens[start - 1].low in PHRASE_LINKS)
        and not (OPENING_ARTICLES and start < index and _opens_here(tokens, start))
    ):
        start -= 1
    while start < index and not (
        is_capital(tokens[start])
        or is_determiner(tokens[start], lexicon)
        or _leading_adjective(tokens[start])
    ):
        start += 1
    if start >= index or not any(is_capital(tokens[position]) for position in range(start, index)):
        if start < index and lexicon.has("subject_pronoun", tokens[index - 1].low):
            return index - 1, index
        return None
    return start, index


#: A web address as one token (``t-online.de``, ``bildblog.de``): a source's name whatever its tag.
WEB_ADDRESS = re.compile(r"^[\w-]+(\.[\w-]+)*\.(de|com|org|net|at|ch|eu|info)$")


def name_at(tokens: list[Tok], index: int, end: int) -> tuple[int, int] | None:
    """The web address or short quoted name (marks included) at ``index`` (token range), else ``None``."""
    if index >= end:
        return None
    if WEB_ADDRESS.match(tokens[index].low):
        return index, index + 1
    if tokens[index].low not in NAME_MARKS or index + 1 >= end or not tokens[index + 1].text[:1].isalnum():
        return None
    closing = next(
        (at for at in range(index + 2, min(end, index + MAX_QUOTED_NAME)) if tokens[at].low in NAME_MARKS),
        None,
    )
    return (index, closing + 1) if closing is not None else None
