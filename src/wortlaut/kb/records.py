"""The article's entity records: KB entities as :class:`~wortlaut.article.Entity`, plus local ones.

While the entity stage reads an article it collects, per entity, the names
seen, the handles and roles learned from the text (signature lines,
appositions); :class:`EntityRegistry` turns that into the ``entities`` layer.
Names the knowledge base does not know get an article-local id
``local:<slug of the name>``; a later bare surname of a local person links to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from wortlaut.article import Entity, Role
from wortlaut.kb.model import KB, KBEntity, strip_genitive
from wortlaut.kb.normalize import key, name_keys, slug

LOCAL_PREFIX = "local:"


def entity_record(entity: KBEntity, *, on: date | None = None) -> Entity:
    """The ``entities`` record of a KB entity: every role with its dates, the handles used ``on`` the day."""
    return Entity(
        id=entity.id,
        name=entity.name,
        type=entity.type,
        roles=tuple(_role(role.value, role.start, role.end) for role in entity.roles),
        handles=tuple(dict.fromkeys(handle.value for handle in entity.handles if handle.valid_on(on))),
    )


def _role(name: str, start: object, end: object) -> Role:
    return Role(role=name, start=str(start) if start else None, end=str(end) if end else None)


@dataclass
class _Draft:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)


class EntityRegistry:
    """Collects the entities of one article (made fresh for every article)."""

    def __init__(self, kb: KB, *, on: date | None = None) -> None:
        self.kb = kb
        self.day = on
        self._drafts: dict[str, _Draft] = {}
        self._surnames: dict[str, str] = {}
        self._ambiguous: set[str] = set()

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._drafts

    def type_of(self, entity_id: str) -> str | None:
        draft = self._drafts.get(entity_id)
        return draft.type if draft else None

    def add_kb(self, entity_id: str, *, full: bool = False) -> str:
        """Register a KB entity (idempotent) and return its id.

        ``full``: the article wrote the person's full name here, so a bare surname elsewhere may join it.
        """
        if entity_id not in self._drafts:
            known = entity_record(self.kb.entities[entity_id], on=self.day)
            self._drafts[entity_id] = _Draft(
                known.name, known.type, [], list(known.roles), list(known.handles)
            )
        keys = name_keys(self._drafts[entity_id].name)
        if full and self._drafts[entity_id].type == "PER" and len(keys) > 1:
            self._claim_surnames(keys, entity_id)
        return entity_id

    def _claim_surnames(self, keys: tuple[str, ...], entity_id: str) -> None:
        """Claim a full name's last word and, for ``Eva Welskop-Deffaa``, its whole double surname."""
        self._claim_surname(keys[-1], entity_id)
        double = double_surname(keys)
        if double is not None and not is_bare_surname(keys):
            self._claim_surname(double, entity_id)

    def _claim_surname(self, surname: str, entity_id: str) -> None:
        """Let a bare surname find this person; two people with one surname leave it ambiguous."""
        owner = self._surnames.setdefault(surname, entity_id)
        if owner != entity_id:
            self._ambiguous.add(surname)

    def drop(self, entity_id: str) -> None:
        """Forget an entity no mention links to any more (a surname re-linked to a local person)."""
        self._drafts.pop(entity_id, None)

    def add_local(self, name: str, type_: str) -> str:
        """The local entity for an unknown name: an earlier person with this surname, or a new one."""
        keys = name_keys(name)
        owner = self.surname_owner(name) or self._fuller_name_of(keys) if type_ == "PER" else None
        if owner is not None:
            return owner
        entity_id = LOCAL_PREFIX + slug(name)
        draft = self._drafts.setdefault(entity_id, _Draft(name, type_))
        if type_ == "PER" and len(keys) > 1:
            self._claim_surnames(keys, entity_id)
            if len(name) > len(draft.name):
                draft.name = name
        return entity_id

    def merge_genitives(self) -> dict[str, str]:
        """Fold local entities named once with a genitive ``-s`` into the plain one.

        ``Irans`` and ``Iran``, ``Jürg Christandls`` and ``Jürg Christandl`` are one entity; the
        returned map (old id → kept id) lets the caller relink its mentions.
        """
        moved: dict[str, str] = {}
        for entity_id in list(self._drafts):
            if not entity_id.startswith(LOCAL_PREFIX) or not entity_id.endswith("s"):
                continue
            plain = entity_id[:-1]
            if plain in self._drafts and self._drafts[plain].type == self._drafts[entity_id].type:
                draft = self._drafts.pop(entity_id)
                target = self._drafts[plain]
                target.aliases.extend(alias for alias in draft.aliases if alias not in target.aliases)
                target.handles.extend(handle for handle in draft.handles if handle not in target.handles)
                moved[entity_id] = plain
        return moved

    def _fuller_name_of(self, keys: tuple[str, ...]) -> str | None:
        """The local person already named with the same first name and surname, if one.

        ``Eva M. Welskop-Deffaa`` after ``Eva Welskop-Deffaa`` (an initial or middle name more or
        less) is the same person; ``Paul Berger`` after ``Anna Berger`` is not.
        """
        first = _first_word(keys)
        if len(first) == len(keys):
            return None
        owner = self.local_surnames().get(double_surname(keys) or keys[-1])
        draft = self._drafts.get(owner) if owner and owner.startswith(LOCAL_PREFIX) else None
        if draft is None or _first_word(name_keys(draft.name)) != first:
            return None
        return owner

    def surname_owner(self, name: str) -> str | None:
        """The person named in full whose surname ``name`` is (``Habeck``, ``Welskop-Deffaas``), if one.

        Only a bare surname asks: one word, or words joined by hyphens; a genitive ``-s`` may follow.
        """
        keys = name_keys(name)
        if len(keys) == 1:
            candidates = [keys[0], strip_genitive(keys)[0]]
        elif is_bare_surname(keys):
            candidates = ["-".join(keys[::2]), "-".join(strip_genitive(keys)[::2])]
        else:
            return None
        owners = self.local_surnames()
        return next((owners[c] for c in candidates if c in owners), None)

    def local_surnames(self) -> dict[str, str]:
        """Surname key → person named in full (local or KB), for bare surnames; ambiguous ones left out."""
        return {k: v for k, v in self._surnames.items() if k not in self._ambiguous}

    def see_name(self, entity_id: str, text: str) -> None:
        """Record a surface form the article used for the entity."""
        draft = self._drafts[entity_id]
        if text not in draft.aliases:
            draft.aliases.append(text)

    def learn_handle(self, entity_id: str, handle: str) -> None:
        draft = self._drafts[entity_id]
        if key(handle) not in {key(old) for old in draft.handles}:
            draft.handles.append(handle)

    def learn_role(self, entity_id: str, role: str) -> None:
        """A role the text gives the entity (apposition); KB entities keep their dated KB roles."""
        draft = self._drafts[entity_id]
        if all(old.role != role for old in draft.roles):
            draft.roles.append(Role(role=role))

    def records(self) -> tuple[Entity, ...]:
        return tuple(
            Entity(
                id=entity_id,
                name=draft.name,
                type=draft.type,
                aliases=tuple(draft.aliases),
                roles=tuple(draft.roles),
                handles=tuple(draft.handles),
            )
            for entity_id, draft in self._drafts.items()
        )


def double_surname(keys: tuple[str, ...]) -> str | None:
    """The hyphenated surname a name's keys end with (``welskop-deffaa``), else ``None``.

    Only the words glued by hyphens to the last one count: ``Hans-Peter Müller`` has none.
    """
    if len(keys) < 3 or keys[-2] != "-":
        return None
    first = len(keys) - 3
    while first >= 2 and keys[first - 1] == "-":
        first -= 2
    return "-".join(keys[first::2])


def is_bare_surname(keys: tuple[str, ...]) -> bool:
    """Whether the keys are one hyphenated word and nothing else (``("welskop", "-", "deffaa")``)."""
    words, joints = keys[::2], keys[1::2]
    return len(keys) >= 3 and len(keys) % 2 == 1 and all(k == "-" for k in joints) and "-" not in words


def _first_word(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of a name's first word with the parts glued to it (``("hans", "-", "peter")``)."""
    end = 1
    while end + 1 < len(keys) and keys[end] == "-":
        end += 2
    return keys[:end]
