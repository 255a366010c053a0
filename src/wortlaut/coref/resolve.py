"""Coreference for speakers: pronouns and role descriptions resolved to the article's entities.

Role descriptions (``der ukrainische Führer``, ``den Leiter des Bündnisses``,
``dem NATO-Vorsitzenden``) are resolved through the knowledge base's dated
roles on the publication day; without a date, to the one entity named in the
article that holds or held the role.  ``der frühere …`` only resolves to a
named past holder.  Personal pronouns (``er``, ``ihn``, ``ihm``; ``sie`` for a
woman with a singular verb) go to the most recent compatible person: first in
their own sentence, else in the nearest earlier sentence with one, where the
subject beats an object or prepositional mention.  A pronoun outside
quotation marks never takes an antecedent from inside a quote
(``„… der Präsident …“, sagte er``).  Whatever does not resolve keeps
``entity=None``: a gap is better than a wrong speaker.

Run by the stage ``coref.rules.v1`` (:mod:`wortlaut.stages.coref`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wortlaut.article import Article, Entity, Mention
from wortlaut.kb import KB
from wortlaut.kb.country import home_country
from wortlaut.kb.descriptions import Description, DescriptionMatcher
from wortlaut.kb.records import entity_record
from wortlaut.kb.text import Word
from wortlaut.kb.wordlists import read_words

#: How many sentences back a pronoun looks for its antecedent.  News prose names the speaker
#: again at least every few sentences; in the seed articles the longest pronoun chain spans two.
MAX_SENTENCE_DISTANCE = 3
#: How many earlier person mentions a pronoun looks at, at most: far more than any real
#: sentence window holds, and a bound for texts without sentence ends.
MAX_LOOKBACK = 64
#: Finite verbs and the copula forms that mark ``sie`` as plural when they stand next to it.
PLURAL_FORMS = frozenset({"sind", "waren", "haben", "hatten", "werden", "wurden"})
#: Role nouns whose grammatical gender says nothing about the holder's (``das Staatsoberhaupt``).
NEUTRAL_NOUNS = ("staatsoberhaupt",)
ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den", "ein", "eine", "einen", "einem", "einer"})


@dataclass(frozen=True, slots=True)
class _Seen:
    """An antecedent candidate: where it stands and whom it names."""

    word: int
    sentence: int
    entity: str
    type: str
    quoted: bool
    oblique: bool


class CorefResolver:
    """Adds description and pronoun mentions with their entities; resources load once here."""

    def __init__(self, kb: KB) -> None:
        self.kb = kb
        self.descriptions = DescriptionMatcher(self.kb)
        self.pronouns = read_words("coref_pronouns.tsv")
        self.oblique = frozenset(read_words("coref_oblique.tsv"))
        self.genders = read_words("entities_first_names.tsv")

    def resolve(
        self, article: Article, items: list[Word]
    ) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
        """All mentions (the article's and the new ones, by position) and entities; ``items`` not empty."""
        return _Run(self, article, items).resolve()

    def gender(self, entity: Entity | None) -> str | None:
        """``m``/``f`` from the KB, else from the first name of a local person."""
        if entity is None:
            return None
        known = self.kb.get(entity.id)
        if known is not None and known.gender:
            return known.gender
        first = entity.name.split()[0].casefold() if len(entity.name.split()) > 1 else ""
        return self.genders.get(first) or None


class _Run:
    """The resolution of one article (fresh per call, so the resolver stays pure)."""

    def __init__(self, resolver: CorefResolver, article: Article, items: list[Word]) -> None:
        self.resolver, self.article, self.items = resolver, article, items
        self.day: date | None = article.published_date
        self.entities = {entity.id: entity for entity in article.entities}
        self.named = {m.entity for m in article.mentions if m.entity and m.kind in ("name", "handle")}
        self.word_at = {word.start: index for index, word in enumerate(items)}
        self.owner = self._owners()
        self.genders: dict[str, str | None] = {}
        self._home: str | None = None

    @property
    def home(self) -> str:
        """The article's home country (:mod:`wortlaut.kb.country`), worked out on first use."""
        if self._home is None:
            self._home = home_country(self.article)
        return self._home

    def _owners(self) -> dict[int, str]:
        """Word index → entity of the existing mention covering it."""
        owner: dict[int, str] = {}
        for mention in self.article.mentions:
            if mention.entity is None:
                continue
            for index in self._word_range(mention.start, mention.end):
                owner.setdefault(index, mention.entity)
        return owner

    def _word_range(self, start: int, end: int) -> range:
        first = self.word_at.get(start)
        if first is None:
            return range(0)
        last = first
        while last < len(self.items) and self.items[last].end <= end:
            last += 1
        return range(first, last)

    def resolve(self) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
        events: list[tuple[int, int, object]] = []
        for mention in self.article.mentions:
            words = self._word_range(mention.start, mention.end)
            if words:
                events.append((words[0], 1, mention))
        taken = {(m.start, m.end) for m in self.article.mentions}
        for description in self.resolver.descriptions.find(self.items):
            span = (self.items[description.first].start, self.items[description.last - 1].end)
            if span not in taken and (_standalone(description) or self._headline(description)):
                events.append((description.first, 0, description))
        for index, word in enumerate(self.items):
            if word.key in self.resolver.pronouns and (word.start, word.end) not in taken:
                events.append((index, 2, word))
        history: list[_Seen] = []
        added: list[Mention] = []
        for index, _, item in sorted(events, key=lambda event: (event[0], event[1])):
            found = self._event(index, item, history)
            if found is None:
                continue
            if isinstance(item, (Description, Word)):
                added.append(found)
            if found.entity is not None and found.type == "PER":
                history.append(self._seen(index, found))
        mentions = tuple(sorted((*self.article.mentions, *added), key=lambda m: (m.start, -m.end)))
        return mentions, tuple(self.entities.values())

    def _event(self, index: int, item: object, history: list[_Seen]) -> Mention | None:
        if isinstance(item, Mention):
            return item
        if isinstance(item, Description):
            return self._description(item)
        if isinstance(item, Word):
            return self._pronoun(index, item, history)
        return None

    def _seen(self, index: int, mention: Mention) -> _Seen:
        first = index
        while first > 0 and self.owner.get(first - 1) == mention.entity:
            first -= 1
        before = self.items[first - 1].key if first > 0 else ""
        oblique = before in self.resolver.oblique or self.items[first].key in self.resolver.oblique
        word = self.items[index]
        return _Seen(index, word.sentence, mention.entity or "", mention.type, word.quoted, oblique)

    # -- descriptions ------------------------------------------------------------------------------

    def _description(self, description: Description) -> Mention:
        start = self.items[description.first].start
        end = self.items[description.last - 1].end
        entity = None
        if description.needs is None or description.needs in self.named:
            entity = self._target(description)
        if entity is not None and entity not in self.entities:
            known = self.resolver.kb.get(entity)
            if known is not None:
                self.entities[entity] = entity_record(known, on=self.day)
        return Mention(
            start=start,
            end=end,
            text=self.article.text[start:end],
            type=description.type,
            kind="description",
            entity=entity,
            source="role" if entity else "",
        )

    def _target(self, description: Description) -> str | None:
        gender = _gender_of(description)
        for target in self._home_targets(description.targets):
            kind, _, value = target.partition(":")
            if kind == "entity" and value in self.resolver.kb.entities:
                return value
            if kind == "role":
                found = self._role_holder(value, gender, former=description.time == "former")
            elif kind == "family":
                found = self._unique_named(value + ":", gender, prefix=True, current=True)
            else:
                found = None
            if found is not None:
                return found
        return None

    def _role_holder(self, role: str, gender: str | None, *, former: bool) -> str | None:
        if former:
            return self._unique_named(role, gender, current=False, past=True)
        if self.day is not None:
            holder = self.resolver.kb.holder(role, on=self.day)
            if holder is not None and _gender_fits(holder.gender, gender):
                return holder.id
        return self._unique_named(role, gender, current=self.day is not None)

    def _unique_named(
        self, role_id: str, gender: str | None, *, prefix: bool = False, current: bool, past: bool = False
    ) -> str | None:
        """The one entity named in the article holding the role (or a role under the prefix).

        ``current``: valid on the publication day; ``past``: ended before it.  Entities of the
        other gender than the description's noun (``die Präsidentin``) do not count.
        """
        found = set()
        for entity_id in self.named:
            entity = self.entities.get(entity_id)
            if entity is None or not _gender_fits(self.resolver.gender(entity), gender):
                continue
            for role in entity.roles:
                fits = role.role.startswith(role_id) if prefix else role.role == role_id
                if fits and self._valid(role.start, role.end, current=current, past=past):
                    found.add(entity_id)
        return found.pop() if len(found) == 1 else None

    def _valid(self, start: str | None, end: str | None, *, current: bool, past: bool) -> bool:
        if self.day is None:
            return not past or end is not None
        day = self.day.isoformat()
        if past:
            return end is not None and end < day
        if current:
            return (start is None or start <= day) and (end is None or day <= end)
        return True

    # -- country-aware roles -------------------------------------------------------------------------

    def _home_targets(self, targets: tuple[str, ...]) -> list[str]:
        """Targets with the ``{home}`` slot filled: ``der Bundeskanzler`` in an Austrian article."""
        if not any("{home}" in target for target in targets):
            return list(targets)
        return [target.replace("{home}", self.home) for target in targets]

    def _headline(self, description: Description) -> bool:
        """A bare singular role noun opening a line (``Kanzler sagt ...``): headlines drop the article."""
        first = description.first
        if description.article is not None or description.type != "PER":
            return False
        if first > 0 and self.items[first - 1].sentence == self.items[first].sentence:
            return False
        start = self.items[first].start
        line_start = self.article.text.rfind("\n", 0, start) + 1
        singular = not description.head.endswith(("en", "s"))
        opens_line = not self.article.text[line_start:start].strip()
        return opens_line and singular and _headline_head(description.head)

    # -- pronouns ----------------------------------------------------------------------------------

    def _pronoun(self, index: int, word: Word, history: list[_Seen]) -> Mention | None:
        gender = self.resolver.pronouns[word.key].split("\t")[0]
        if gender == "f" and self._plural_verb(index):
            entity = None
        else:
            entity = self._antecedent(word, gender, history)
        return Mention(
            start=word.start,
            end=word.end,
            text=word.text,
            type="PER",
            kind="pronoun",
            entity=entity,
            source="pronoun" if entity else "",
        )

    def _antecedent(self, word: Word, gender: str, history: list[_Seen]) -> str | None:
        """The antecedent among the people seen in the nearest sentence that has a compatible one.

        In the pronoun's own sentence the nearest person wins; in an earlier one the nearest
        subject (non-oblique) mention, else the nearest mention.  The scan runs newest first and
        stops early, so it stays linear even in a text without sentence ends.
        """
        fallback: _Seen | None = None
        for steps, seen in enumerate(reversed(history)):
            if steps > MAX_LOOKBACK or word.sentence - seen.sentence > MAX_SENTENCE_DISTANCE:
                break
            if fallback is not None and seen.sentence != fallback.sentence:
                break
            if (word.quoted or not seen.quoted) and self._agrees(seen.entity, gender):
                if seen.sentence == word.sentence or not seen.oblique:
                    return seen.entity
                fallback = fallback or seen
        return fallback.entity if fallback else None

    def _agrees(self, entity_id: str, gender: str) -> bool:
        if entity_id not in self.genders:
            self.genders[entity_id] = self.resolver.gender(self.entities.get(entity_id))
        known = self.genders[entity_id]
        return known == gender if gender == "f" else known != "f"

    def _plural_verb(self, index: int) -> bool:
        """Whether a finite verb next to ``sie`` is plural (``sie sagten``, ``sagten sie``)."""
        for near in (index + 1, index - 1):
            if not 0 <= near < len(self.items) or self.items[near].sentence != self.items[index].sentence:
                continue
            word = self.items[near]
            pos = self.article.tokens[word.token].pos
            is_verb = pos.startswith("V") if pos else word.text.islower() and word.key not in ARTICLES
            if is_verb and (word.key in PLURAL_FORMS or word.key.endswith("en")):
                return True
        return False


def _headline_head(head: str) -> bool:
    """Role nouns specific enough to stand alone in a headline (``Bundeskanzler``, ``Bundespräsidentin``)."""
    return head.startswith(("bundeskanzler", "bundesprasident", "kanzler"))


def _gender_of(description: Description) -> str | None:
    """``f`` for a feminine role noun (``Präsidentin``), ``m`` for a masculine one, else ``None``."""
    if description.type != "PER" or any(description.head.startswith(n) for n in NEUTRAL_NOUNS):
        return None
    return "f" if description.head.endswith(("in", "innen")) else "m"


def _gender_fits(known: str | None, wanted: str | None) -> bool:
    """Unknown genders fit anything; German news uses the feminine noun for women in office."""
    return known is None or wanted is None or known == wanted


def _standalone(description: Description) -> bool:
    """Whether a description can refer on its own: it has a definite article and is singular.

    Without an article (``Staats- und Regierungschefs der Tschechischen Republik``) a role noun
    is mostly plural or predicative; ``die Präsidenten``, ``den Regierungschefs`` and
    ``den Außenministern`` are plural (``den Präsidenten`` stays: it is also singular).
    """
    if description.article is None:
        return False
    if description.type != "PER":
        return True
    if description.article == "die":
        return description.head.endswith("in")
    return not (description.article == "den" and description.head.endswith(("s", "ern")))
