"""The typed knowledge base: canonical entities, their names, handles and dated roles.

The records here are what :mod:`wortlaut.kb.loader` builds from the YAML files;
:class:`KB` indexes them for the three questions the entity and coreference
stages ask: *which entity has this name?*, *whose handle is this?* and *who
held this role on that day?*
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from wortlaut.kb.normalize import handle_key, key, name_keys

#: Ending a genitive adds to a name (``Selenskyjs``, ``Russlands``); tried when the plain key is unknown.
GENITIVE_ENDINGS = ("s", "'s", "'")


@dataclass(frozen=True, slots=True)
class Dated:
    """A value valid from ``start`` to ``end`` (ISO days, both inclusive, open ends ``None``)."""

    value: str
    start: date | None = None
    end: date | None = None

    def valid_on(self, day: date | None) -> bool:
        """Whether the value holds on ``day`` (always, when the day is unknown)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Metonym:
    """A name that stands for an entity (``Moskau`` → Russia) with its own mention type.

    ``literal`` is the entity the name means after a locative preposition (``in Moskau``).
    """

    alias: str
    type: str
    literal: str | None = None


@dataclass(frozen=True, slots=True)
class KBEntity:
    """A canonical entity: stable ``id``, German canonical ``name``, type PER/ORG/LOC/MISC.

    ``weak`` names (``X``) are too common as plain words to match alone; they match only right
    after one of the ``weak_after`` words (``auf X``, ``Plattform X``). ``country``: the country id
    a body or party belongs to, which decides a name several such entities share (``Nationalrat``
    in Austria and Switzerland) by the article's home country.
    """

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    handles: tuple[Dated, ...] = ()
    roles: tuple[Dated, ...] = ()
    gender: str | None = None
    adjectives: tuple[str, ...] = ()
    metonyms: tuple[Metonym, ...] = ()
    weak: tuple[str, ...] = ()
    weak_after: tuple[str, ...] = ()
    country: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """One way of writing a name, as key words, and what it links to.

    ``after``: for a weak name (``X``), the words one of which must stand right before it.
    """

    keys: tuple[str, ...]
    entity: str
    type: str
    literal: str | None = None
    surface: str = ""
    metonym: bool = False
    after: frozenset[str] = frozenset()


class KB:
    """Read-only indexes over the entities; build with :func:`wortlaut.kb.load_kb`."""

    def __init__(self, entities: Iterable[KBEntity]) -> None:
        self.entities: Mapping[str, KBEntity] = {entity.id: entity for entity in entities}
        self._aliases: dict[tuple[str, ...], list[AliasEntry]] = {}
        self._handles: dict[str, list[tuple[Dated, str]]] = {}
        self._roles: dict[str, list[tuple[Dated, str]]] = {}
        self._adjectives: dict[str, str] = {}
        for entity in self.entities.values():
            self._index(entity)
        self.by_first_key: Mapping[str, tuple[AliasEntry, ...]] = self._first_key_index()
        self.max_alias_words = max((len(keys) for keys in self._aliases), default=1)

    def _index(self, entity: KBEntity) -> None:
        weak = {name_keys(name) for name in entity.weak}
        after = frozenset(key(word) for word in entity.weak_after)
        for name in entity.names:
            keys = name_keys(name)
            needs = after if keys in weak else frozenset()
            self._add_alias(AliasEntry(keys, entity.id, entity.type, surface=_first_word(name), after=needs))
        for metonym in entity.metonyms:
            literal, alias = metonym.literal, metonym.alias
            self._add_alias(
                AliasEntry(name_keys(alias), entity.id, metonym.type, literal, _first_word(alias), True)
            )
        for handle in entity.handles:
            self._handles.setdefault(handle_key(handle.value), []).append((handle, entity.id))
        for role in entity.roles:
            self._roles.setdefault(role.value, []).append((role, entity.id))
        for adjective in entity.adjectives:
            self._adjectives[key(adjective)] = entity.id

    def _add_alias(self, entry: AliasEntry) -> None:
        if not entry.keys:
            return
        entries = self._aliases.setdefault(entry.keys, [])
        if all(old.entity != entry.entity for old in entries):
            entries.append(entry)

    def _first_key_index(self) -> dict[str, tuple[AliasEntry, ...]]:
        index: dict[str, list[AliasEntry]] = {}
        for entries in self._aliases.values():
            for entry in entries:
                index.setdefault(entry.keys[0], []).append(entry)
        # Longest aliases first, so the first full match is the longest one.
        return {k: tuple(sorted(v, key=lambda e: -len(e.keys))) for k, v in index.items()}

    def get(self, entity_id: str | None) -> KBEntity | None:
        """The entity with this id, if the KB has it."""
        return self.entities.get(entity_id) if entity_id else None

    def lookup(self, name: str) -> tuple[KBEntity, ...]:
        """Entities with this name or alias (case, diacritics and a genitive ``-s`` ignored)."""
        keys = name_keys(name)
        entries = self._aliases.get(keys)
        if not entries and keys:
            entries = self._aliases.get(strip_genitive(keys))
        return tuple(self.entities[entry.entity] for entry in entries or ())

    def by_handle(self, handle: str, *, on: date | None = None) -> KBEntity | None:
        """The entity using this handle (on the day, for office handles like ``@SecGenNATO``)."""
        holders = [
            (dated, eid) for dated, eid in self._handles.get(handle_key(handle), ()) if dated.valid_on(on)
        ]
        return self.entities[_newest(holders)] if holders else None

    def holders(self, role: str, *, on: date | None = None) -> tuple[KBEntity, ...]:
        """Everyone who held ``role`` (on the day, when given), newest first."""
        found = sorted(
            ((dated, eid) for dated, eid in self._roles.get(role, ()) if dated.valid_on(on)),
            key=lambda item: item[0].start or date.min,
            reverse=True,
        )
        return tuple(self.entities[eid] for _, eid in found)

    def holder(self, role: str, *, on: date) -> KBEntity | None:
        """Who held ``role`` on the day; on a handover day (both dates inclusive) the newer holder."""
        found = self.holders(role, on=on)
        return found[0] if found else None

    def country_of_adjective(self, adjective_key: str) -> str | None:
        """The entity id for an adjective key stem (``ukrainisch`` → ``ukraine``)."""
        return self._adjectives.get(adjective_key)

    @property
    def adjective_keys(self) -> Mapping[str, str]:
        """Adjective key stem → entity id, for the description patterns."""
        return self._adjectives


def strip_genitive(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The keys with a genitive ending cut off the last word (``("russlands",)`` → ``("russland",)``)."""
    last = keys[-1]
    for ending in GENITIVE_ENDINGS:
        if last.endswith(ending) and len(last) > len(ending) + 2:
            return (*keys[:-1], last[: -len(ending)])
    return keys


def _first_word(name: str) -> str:
    return name.split()[0].split("-")[0] if name.split() else name


def _newest(items: list[tuple[Dated, str]]) -> str:
    return max(items, key=lambda item: item[0].start or date.min)[1]
