"""Rules about which names belong together in one article, for entity linking.

A known name that is only part of a longer one (``München`` in ``FC Bayern
München``, ``Habeck`` in ``Janine Habeck``) is not a mention of its own; a
bare surname joins the person the article names in full; a tagged name with a
legal form or industry word (``AG``, ``Holding``) is an organisation.  Kept
apart from :mod:`wortlaut.kb.linking` so that module stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from wortlaut.kb import KB, AliasEntry
from wortlaut.kb.model import strip_genitive
from wortlaut.kb.normalize import name_keys
from wortlaut.kb.records import EntityRegistry
from wortlaut.kb.text import Word

#: Tagged names that may hold a known place or person as a part (``FC Bayern München``).
INSTITUTION_TYPES = frozenset({"ORG", "MISC"})
#: Known names that can be such a part: places and people (an organisation inside one stays a mention).
PART_TYPES = frozenset({"LOC", "PER"})


@dataclass(frozen=True, slots=True)
class Found:
    """A mention in the making: character offsets, word range (``-1`` for handles) and link."""

    start: int
    end: int
    type: str
    entity: str | None
    source: str
    kind: str = "name"
    first: int = -1
    last: int = -1


def org_by_form(
    tagged: list[tuple[int, int, str, str]], items: list[Word], forms: dict[str, str]
) -> list[tuple[int, int, str, str]]:
    """Tagged names with a legal form or industry word are organisations (``Signa Holding``, ``... AG``).

    A legal form right after a tagged name joins it (``Signa Development Selection`` + ``AG``).
    """
    result = []
    for first, last, type_, source in tagged:
        if (
            last < len(items)
            and forms.get(items[last].key) == "form"
            and items[last].sentence == items[first].sentence
        ):
            last += 1
        words = [items[i] for i in range(first + 1, last) if items[i].key in forms]
        if any(forms[word.key] == "form" or word.text[:1].isupper() for word in words):
            type_ = "ORG"
        result.append((first, last, type_, source))
    return result


def join_surnames(items: list[Word], found: list[Found], registry: EntityRegistry) -> list[Found]:
    """A bare surname the KB knows joins the other person the article names in full with it.

    ``Habeck`` in an article about Janine Habeck is her, not the KB's Robert Habeck, unless the
    article names him in full too (then the surname stays with the KB person).
    """
    owners = registry.local_surnames()
    full = {f.entity for f in found if f.kind == "name" and f.type == "PER" and f.last - f.first > 1}
    result, moved = [], set()
    for item in found:
        word = items[item.first].key if item.last - item.first == 1 else ""
        owner = owners.get(word) or owners.get(strip_genitive((word,))[0]) if word else None
        if (
            item.source == "kb"
            and item.type == "PER"
            and owner
            and owner != item.entity
            and item.entity not in full
        ):
            moved.add(item.entity)
            item = replace(item, entity=owner, source="article")
        result.append(item)
    for entity in moved - {f.entity for f in result}:
        if entity is not None:
            registry.drop(entity)
    return result


def inside_longer_names(tagged: list[tuple[int, int, str, str]], count: int) -> list[int | None]:
    """For each word, the tagger span of an institution that holds it (else ``None``).

    A known place or person inside a longer organisation or title name the
    tagger found (``FC Bayern München``, ``Goethe-Institut``, ``Universität
    Wien``) is part of that name, not a mention of its own.
    """
    inside: list[int | None] = [None] * count
    for number, (first, last, type_, _) in enumerate(tagged):
        if type_ in INSTITUTION_TYPES and last - first > 1:
            inside[first:last] = [number] * (last - first)
    return inside


def part_of_longer_name(
    tagged: list[tuple[int, int, str, str]],
    inside: list[int | None],
    first: int,
    last: int,
    entries: tuple[AliasEntry, ...],
) -> bool:
    """Whether a known place or person (words ``first:last``) lies strictly inside a tagged institution."""
    holder = inside[first]
    if holder is None or inside[last - 1] != holder:
        return False
    span_first, span_last = tagged[holder][:2]
    return span_last - span_first > last - first and all(e.type in PART_TYPES for e in entries)


#: Person cues that are forms of address, not offices: ``Frau Schulze`` may be anyone.
ADDRESS_CUES = frozenset({"herr", "herrn", "frau", "dr", "dr.", "prof", "prof."})


def office_surnames(kb: KB) -> dict[str, tuple[str, ...]]:
    """Surname key -> KB people with that surname who hold or held an office (``schulze``)."""
    index: dict[str, list[str]] = {}
    for entity in kb.entities.values():
        keys = name_keys(entity.name)
        if entity.type == "PER" and entity.roles and len(keys) > 1:
            index.setdefault(keys[-1], []).append(entity.id)
    return {surname: tuple(ids) for surname, ids in index.items()}


def titled_surnames(
    items: list[Word],
    found: list[Found],
    registry: EntityRegistry,
    surnames: dict[str, tuple[str, ...]],
    cues: frozenset[str],
) -> list[Found]:
    """``Ministerin Schulze``: a bare surname after an office word is the one KB person in office then.

    Only an article-local one-word person is re-linked (all its mentions), and only when exactly one
    KB person with that surname holds an office on the publication day (any office, day unknown).
    """
    relink: dict[str, str] = {}
    for item in found:
        word = items[item.first] if item.last - item.first == 1 else None
        title = items[item.first - 1].key if word is not None and item.first > 0 else ""
        local = item.entity is not None and item.entity.startswith("local:")
        if word is not None and local and title in cues and title not in ADDRESS_CUES:
            holders = [e for e in surnames.get(word.key, ()) if _in_office(registry, e)]
            if len(holders) == 1 and item.entity is not None:
                relink[item.entity] = holders[0]
    if not relink:
        return found
    for local_id, kb_id in relink.items():
        registry.add_kb(kb_id)
        registry.drop(local_id)
    return [
        replace(f, entity=relink[f.entity], source="kb") if f.entity in relink else f for f in found
    ]


def _in_office(registry: EntityRegistry, entity_id: str) -> bool:
    roles = registry.kb.entities[entity_id].roles
    return any(role.valid_on(registry.day) for role in roles)
