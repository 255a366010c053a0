"""Link a speaker phrase that names nobody to the person or organisation it stands for.

``sagte er``, ``das Staatsoberhaupt``, ``die neue Präsidentin``, ``seinen Angaben zufolge``,
``laut Manuskript``: the span is what the text says, but the product needs *who*.  A phrase
without an entity of its own points back: a pronoun or role description to the last person of
the same gender named before it (the previous statement's speaker first, when compatible), a
possessor (``seinen``, ``eigenen``) likewise, a bare source noun (``dem Bericht``) to the
previous statement's source.  The span stays as written; only its entity is filled in.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from pathlib import Path

from wortlaut.article import Article, Entity, EntityRef, Statement
from wortlaut.lang.tables import read_rows
from wortlaut.quotes.according import THEREBY
from wortlaut.quotes.lexicon import Lexicon

LINKS_FILE = Path(__file__).resolve().parent.parent / "lang" / "de" / "quotes_speaker_links.tsv"
FIRST_NAMES = LINKS_FILE.parent / "entities_first_names.tsv"
#: How many sentences back a speaker phrase looks for whom it stands for (3, 5 and 8 compared by
#: speaker-resolved accuracy on quotes-wikinews/train: see docs/quality.md).
MAX_SENTENCES_BACK = 5
#: Longest description (words) we link; longer phrases carry their own name or are not speakers.
MAX_DESCRIPTION_WORDS = 4


#: ``das Unternehmen``, ``die Behörde`` (``organisation`` rows of the word list) point back to the last
#: organisation named, as a role description points to a person (issue 12, fourteenth session).
ORGANISATION_DESCRIPTIONS = True
#: A pronoun or role description with a reply verb (``antwortete er``) stands for the person the statement
#: before was said to (issue 12, fourteenth session, second round; see :meth:`SpeakerLinker._replier`).
REPLIES = True
#: A ``sie`` next to a plural finite verb points to no single person (see :func:`_plural`).
PLURAL_PRONOUNS = True
_FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
#: A speaker whose entity is the tagger's "person" ``Prechts Prognose`` (a genitive name and a source noun)
#: links to the person of that surname (issue 12, sixteenth session; see :meth:`SpeakerLinker._owner`).
SOURCE_OWNERS = True
#: ``Das Unternehmen von Mark Zuckerberg`` links to the organisation named before, not to the person in its
#: complement (issue 12, sixteenth session).
OWNED_ORGANISATIONS = True
#: Words after which a description continues with its complement ("der Chef des Verbands").
_GENITIVE = frozenset({"des", "der", "von", "vom", "eines", "einer"})


@dataclass(frozen=True)
class LinkWords:
    """The word lists of ``quotes_speaker_links.tsv`` and first-name genders."""

    pronoun: dict[str, str]
    possessive: dict[str, str]
    definite: dict[str, str]
    first_names: dict[str, str]
    organisation: frozenset[str] = frozenset()


def load_link_words(path: Path = LINKS_FILE, names: Path = FIRST_NAMES) -> LinkWords:
    tables: dict[str, dict[str, str]] = {"pronoun": {}, "possessive": {}, "definite": {}, "organisation": {}}
    for row in read_rows(path, columns=3):
        category, word, gender = (cell.strip() for cell in row)
        tables[category][word] = gender
    first: dict[str, str] = {}
    for cells in read_rows(names, columns=2):
        first[cells[0].strip().casefold()] = cells[1].strip()
    organisations = frozenset(tables["organisation"]) if ORGANISATION_DESCRIPTIONS else frozenset()
    return LinkWords(tables["pronoun"], tables["possessive"], tables["definite"], first, organisations)


def classify(text: str, words: LinkWords, lexicon: Lexicon) -> tuple[str, str] | None:
    """``(kind, gender)`` of a speaker phrase that points back, or ``None`` for one that names itself.

    kind is ``pronoun``, ``possessor`` (``seinen Angaben``), ``source`` (``dem Bericht``), ``role`` or
    ``organisation`` (``das Unternehmen``).
    """
    tokens = text.split()
    if not tokens or len(tokens) > MAX_DESCRIPTION_WORDS:
        return None
    genitive = next((i for i in range(2, len(tokens)) if tokens[i].casefold() in _GENITIVE), None)
    if genitive is not None:
        tokens = tokens[:genitive]  # "der Chef des Verbands": the head is "Chef"
    first, head = tokens[0].casefold(), tokens[-1].casefold().strip(",.")
    if len(tokens) == 1 and first in words.pronoun:
        return "pronoun", words.pronoun[first]
    if len(tokens) == 1 and first in THEREBY:
        return "source", "any"  # "Demnach …": the source named or quoted before
    if first in words.possessive and _source(head, lexicon):
        return "possessor", words.possessive[first]
    if _source(head, lexicon) and (len(tokens) == 1 or first in words.definite):
        return "source", "any"
    if first in words.definite and head in words.organisation and len(tokens) <= 3:
        return "organisation", "any"
    if first in words.definite and _noun(tokens[-1]) and not _source(head, lexicon):
        if any(
            token[:1].isupper() and not _place_adjective(token) and not _truncated(token)
            for token in tokens[1:-1]
        ):
            return None  # "der Grünen-Politiker Özdemir": a name of its own
        gender = "f" if head.endswith("in") and first != "das" else words.definite[first]
        if first == "die" and not head.endswith("in"):
            return None  # "die Rechnungsprüfer", "die Regierung": plural or an organisation
        return "role", gender
    return None


def _noun(token: str) -> bool:
    """A capitalised head noun, or a nominalised age ("der 48-Jährige")."""
    return token[:1].isupper() or (token[:1].isdigit() and "-" in token)


def _truncated(token: str) -> bool:
    """``Familien-`` in ``die Familien- und Frauenministerin``: the first half of a coordinated compound."""
    return token.endswith("-") and len(token) > 1


def _place_adjective(token: str) -> bool:
    """``Stuttgarter``, ``Berliner``: a capitalised adjective inside a description, not a name."""
    return token.endswith("er") and "-" not in token


def _source(word: str, lexicon: Lexicon) -> bool:
    return lexicon.has("source_noun", word) or lexicon.has("document_noun", word)


def _plural(article: Article, speaker: EntityRef) -> bool:
    """``Haben sie Kontakt …?``, ``sie erklärten``: a ``sie`` next to a plural finite verb (``-en``, ``sind``)
    stands for a group: it links to an organisation, never to the woman named before it (the bare-pronoun
    bar of issue 12)."""
    if not PLURAL_PRONOUNS or speaker.text.casefold() != "sie":
        return False
    starts = [token.start for token in article.tokens]
    index = bisect_right(starts, speaker.start) - 1
    if index < 0 or article.tokens[index].start != speaker.start:
        return False
    sentence = article.tokens[index].sentence
    if speaker.text == "Sie" and index > 0 and article.tokens[index - 1].sentence == sentence:
        return False  # "Wie stehen Sie dazu?": the polite form, one person
    for near in (index - 1, index + 1):
        if 0 <= near < len(article.tokens):
            token = article.tokens[near]
            if token.pos in _FINITE and token.sentence == sentence:
                return token.text.casefold().endswith("en") or token.text.casefold() == "sind"
    return False


def _own_subject(
    speaker: EntityRef,
    sentence: int,
    named: list[tuple[int, str]],
    entities: dict[str, Entity],
    starts: list[int],
) -> str | None:
    """``Nach eigener Aussage hat Anna Keller …``: ``eigen`` points to the person of its own sentence,
    wherever it stands, before any earlier speaker."""
    low = starts[sentence - 1] if sentence > 0 else 0
    high = starts[sentence] if sentence < len(starts) else None
    return next(
        (
            entity_id
            for start, entity_id in named
            if low <= start
            and (high is None or start < high)
            and not speaker.start <= start < speaker.end
            and entities[entity_id].type == "PER"
        ),
        None,
    )


class SpeakerLinker:
    """Fills in the entity of speakers that point back (see the module docstring)."""

    def __init__(self, lexicon: Lexicon, words: LinkWords | None = None) -> None:
        self.lexicon = lexicon
        self.words = words or load_link_words()

    def gender(self, entity: Entity) -> str | None:
        parts = entity.name.split()
        if entity.type != "PER" or len(parts) < 2:
            return None
        return self.words.first_names.get(parts[0].split("-")[0].casefold())

    def link(self, article: Article, statements: tuple[Statement, ...]) -> tuple[Statement, ...]:
        entities = {entity.id: entity for entity in article.entities}
        named = sorted(
            (mention.start, mention.entity)
            for mention in article.mentions
            if mention.entity in entities and mention.type in {"PER", "ORG"}
        )
        starts = [sentence.start for sentence in article.sentences]
        linked: list[Statement] = []
        previous: tuple[str, int] | None = None  # (entity, sentence) of the last resolved speaker
        asked: str | None = None  # the person the previous statement was said to
        after = 0  # where the last statement ended: people named since then come first
        pronouns = {
            mention.start for mention in article.mentions if mention.text.casefold() in self.words.pronoun
        }
        for statement in statements:
            speaker = statement.speaker
            sentence = bisect_right(starts, statement.quote.start)
            statement, kind = self._relinked(statement, entities)
            speaker = statement.speaker
            if speaker is not None and speaker.entity is None:
                kind = kind or classify(speaker.text, self.words, self.lexicon)
                if kind is not None and kind[0] == "pronoun" and _plural(article, speaker):
                    kind = ("pronoun", "plural")
                if kind is not None:
                    outside = named
                    if statement.mode == "direct":  # names quoted by the speaker are not the speaker
                        quote = statement.quote
                        outside = [item for item in named if not quote.start <= item[0] < quote.end]
                    entity = (
                        _own_subject(speaker, sentence, outside, entities, starts)
                        if kind[0] == ("possessor") and speaker.text.casefold().startswith("eigen")
                        else None
                    )
                    entity = entity or self._replier(kind, statement, asked, entities)
                    entity = entity or self._named_since(
                        kind, speaker, after, [item for item in outside if item[0] not in pronouns], entities
                    )
                    entity = entity or self._antecedent(
                        kind, speaker, sentence, previous, outside, entities, starts
                    )
                    if entity is not None:
                        statement = replace(statement, speaker=replace(speaker, entity=entity))
            if statement.speaker is not None and statement.speaker.entity is not None:
                previous = (statement.speaker.entity, sentence)
            linked.append(statement)
            after = max(after, statement.quote.end)
            asked = statement.addressee.entity if statement.addressee is not None else None
        return tuple(linked)

    def _relinked(
        self, statement: Statement, entities: dict[str, Entity]
    ) -> tuple[Statement, tuple[str, str] | None]:
        """A speaker linked to the wrong entity of its phrase: the tagger's ``Prechts Prognose`` becomes the
        person of that surname; ``Das Unternehmen von X`` loses the person X and points back as an
        organisation (the kind returned for it)."""
        speaker = statement.speaker
        if speaker is None or speaker.entity is None or speaker.entity not in entities:
            return statement, None
        entity = entities[speaker.entity]
        owner = self._owner(entity, entities)
        if owner is not None:
            return replace(statement, speaker=replace(speaker, entity=owner)), None
        if self._owned_organisation(speaker.text, entity):
            return replace(statement, speaker=replace(speaker, entity=None)), ("organisation", "any")
        return statement, None

    def _owner(self, entity: Entity, entities: dict[str, Entity]) -> str | None:
        """``so Prechts Prognose``: the tagger named the source noun with its genitive possessor as a person;
        the speaker is the one person whose name holds that surname (:data:`SOURCE_OWNERS`)."""
        words = entity.name.split()
        if not SOURCE_OWNERS or len(words) != 2 or not _source(words[1].casefold(), self.lexicon):
            return None
        possessor = words[0]
        if len(possessor) < 3 or not possessor.endswith("s"):
            return None
        stem = possessor[:-1]
        owners = [
            other.id
            for other in entities.values()
            if other.id != entity.id
            and other.type == "PER"
            and any(stem in name.split() for name in (other.name, *other.aliases))
        ]
        return owners[0] if len(owners) == 1 else None

    def _owned_organisation(self, text: str, entity: Entity) -> bool:
        """``Das Unternehmen von Mark Zuckerberg``: an organisation description whose complement names a
        person speaks as the organisation, not as that person (:data:`OWNED_ORGANISATIONS`)."""
        tokens = text.split()
        return (
            OWNED_ORGANISATIONS
            and entity.type == "PER"
            and len(tokens) > 3
            and tokens[0].casefold() in self.words.definite
            and tokens[1].casefold() in self.words.organisation
            and tokens[2].casefold() in _GENITIVE
        )

    def _replier(
        self, kind: tuple[str, str], statement: Statement, asked: str | None, entities: dict[str, Entity]
    ) -> str | None:
        """``X wurde gefragt, warum … Er wolle …, antwortete der Politiker``: the speaker of a reply verb
        (``reply_cue``) is whom the statement before was said to, ahead of any name in between
        (``in der Talkshow Markus Lanz``)."""
        if not REPLIES or asked is None or asked not in entities or statement.cue is None:
            return None
        if kind[0] not in {"pronoun", "role"} or not self._fits(entities[asked], kind):
            return None
        words = statement.cue.text.casefold().split()
        return asked if any(self.lexicon.has("reply_cue", word) for word in words) else None

    def _named_since(
        self,
        kind: tuple[str, str],
        speaker: EntityRef,
        after: int,
        named: list[tuple[int, str]],
        entities: dict[str, Entity],
    ) -> str | None:
        """``„A“, erklärt Pastor Martins. Gunthild Schön blättert in einem Buch. „B“, sagt sie``: a pronoun
        or role description points to the last fitting person named since the previous statement, before
        that statement's speaker."""
        if kind[0] not in {"pronoun", "role", "organisation"} or after == 0:
            return None
        since = [
            entity_id
            for start, entity_id in named
            if after <= start < speaker.start and self._fits(entities[entity_id], kind)
        ]
        return since[-1] if since else None

    def _antecedent(
        self,
        kind: tuple[str, str],
        speaker: EntityRef,
        sentence: int,
        previous: tuple[str, int] | None,
        named: list[tuple[int, str]],
        entities: dict[str, Entity],
        starts: list[int],
    ) -> str | None:
        what = kind[0]
        if previous is not None and sentence - previous[1] <= MAX_SENTENCES_BACK:
            entity = entities[previous[0]]
            if what == "source" or self._fits(entity, kind):
                return previous[0]
        if what == "source":
            return None
        for start, entity_id in reversed(named[: bisect_right(named, (speaker.start, ""))]):
            if sentence - bisect_right(starts, start) > MAX_SENTENCES_BACK:
                break
            if self._fits(entities[entity_id], kind):
                return entity_id
        return None

    def _fits(self, entity: Entity, kind: tuple[str, str]) -> bool:
        what, gender = kind
        if gender == "plural":
            return entity.type == "ORG"  # "Haben sie Kontakt …?": a group (a party, a team), no one person
        if what == "organisation" or entity.type != "PER":
            return what == "organisation" and entity.type == "ORG"
        own = self.gender(entity)
        return gender == "any" or own is None or own == gender
