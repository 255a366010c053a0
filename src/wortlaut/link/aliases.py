"""Aliases and handles learned from repeated co-occurrence across articles.

One article can tie a name to an entity by itself (an apposition, a
signature line ``Mark Rutte (@SecGenNATO)``); the entity stage does that.
What one article cannot tell is that ``@ZelenskyyUa``, which it only finds
*next to* Selenskyj, is his account, or that the bare ``Falk`` of one report
is the ``Leonie Falk`` of the others.  This module collects such evidence per
article and promotes an alias when the collection agrees:

* **handles**: a handle the article could not resolve (a ``local:`` entity, or
  no entity) counts for the nearest named person or organisation in its
  paragraph (or just before it); a handle a signature line resolved counts
  for that entity;
* **bare names**: a one-word name counts for the entity whose full name ends
  in it when the article links it there (``Falk`` → ``local:leonie-falk``),
  or when the article has both a one-word local entity ``Falk`` and a
  multi-word person ``… Falk``.

An alias (by its normalised form) is **learned** for an entity when at least
:data:`MIN_ARTICLES` distinct articles support it and that entity holds at
least :data:`MIN_SHARE` of the articles supporting any entity for it; an alias
that another knowledge-base entity already has is never learned.  A learned
alias is written to ``entity_aliases`` (kind ``learned`` / ``learned_handle``)
unless the entity already has it, and every article-local entity with that
name is **merged** into the entity, per article, in ``entity_merges`` (a bare
name only where the entity appears in the same article or story, a handle
everywhere).  Queries read the merges; stored articles are never rewritten.

Evidence lives in ``alias_evidence`` / ``alias_locals`` with per-alias counts
kept by triggers (schema version 3), so adding a batch re-decides only the
aliases it touched, each with a few indexed lookups; deleting an article
(or replacing it by URL) drops its evidence by trigger and marks its aliases
for re-deciding at the next :func:`refresh`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wortlaut.article import Article, Entity, Mention, Post, Span
from wortlaut.store import alias_tables as tables
from wortlaut.store import link_tables
from wortlaut.store.rows import Connection
from wortlaut.store.text import normalize

#: Distinct articles that must support an alias before it is learned.  Two: one article can be
#: wrong in a way a second, independent one rarely repeats, and news names a new account or a
#: new person's surname in several reports within days.
MIN_ARTICLES = 2
#: Share of all supporting articles (over every candidate entity) the winner needs: an alias seen
#: with two people about equally often stays unlearned (2 : 1 is not enough, 3 : 1 is).
MIN_SHARE = 0.75
#: Mention types that can own a handle (people and organisations post; places do not).
HANDLE_OWNER_TYPES = frozenset({"PER", "ORG"})
#: Types a one-word local entity may have and still be a person's surname (the tagger
#: sometimes calls a headline surname an organisation: ``Falk in Kiew``).
MERGEABLE_TYPES = frozenset({"PER", "ORG", "MISC"})
#: When a handle's paragraph names nobody, a name ending at most this many characters
#: before it still counts (a post pasted under the sentence that introduces it).
ADJACENT_CHARS = 200
LOCAL_PREFIX = "local:"
LEARNED_KINDS = tables.LEARNED_KINDS


@dataclass(frozen=True, slots=True)
class Evidence:
    """One article's vote: ``alias`` (normalised ``norm``) names ``entity``."""

    norm: str
    entity: str
    alias: str
    kind: str  # "handle" or "name"


@dataclass(frozen=True, slots=True)
class Local:
    """An article-local entity that a learned alias ``norm`` may turn out to name."""

    norm: str
    entity: str
    kind: str  # "handle" or "name"


@dataclass(frozen=True, slots=True)
class Learned:
    """A learned alias with the number of articles that support it."""

    entity: str
    name: str
    type: str | None
    alias: str
    kind: str
    articles: int


# -- per article ---------------------------------------------------------------------------------


def article_evidence(article: Article) -> tuple[list[Evidence], list[Local], set[str]]:
    """The article's votes, its mergeable local entities, and the surnames it names in full.

    The surnames are returned so that adding an article with ``Leonie Falk``
    re-checks the bare ``Falk`` entities of its story even when it has no
    vote of its own.
    """
    names = {entity.id: entity for entity in article.entities}
    evidence: list[Evidence] = []
    locals_: list[Local] = []
    surnames: dict[str, set[str]] = {}  # surname norm -> multi-word people with it
    for entity in article.entities:
        norm = normalize(entity.name)
        if entity.type == "PER" and " " in norm:
            surnames.setdefault(norm.rpartition(" ")[2], set()).add(entity.id)
    for entity in article.entities:
        norm = normalize(entity.name)
        one_word = bool(norm) and " " not in norm and not entity.name.startswith("@")
        if _is_local(entity.id) and one_word and entity.type in MERGEABLE_TYPES:
            locals_.append(Local(norm, entity.id, "name"))
            evidence += [Evidence(norm, owner, entity.name, "name") for owner in surnames.get(norm, ())]
    for mention in article.mentions:
        if mention.kind == "handle":
            evidence += _handle_evidence(article, mention, names, locals_)
        elif mention.kind == "name" and mention.entity and mention.type == "PER":
            named = names.get(mention.entity)
            norm = normalize(mention.text)
            if named is not None and _is_local(named.id) and norm and " " not in norm:
                full = normalize(named.name)
                if " " in full and full.rpartition(" ")[2] == norm:
                    evidence.append(Evidence(norm, named.id, mention.text, "name"))
    return list(dict.fromkeys(evidence)), list(dict.fromkeys(locals_)), set(surnames)


def _is_local(entity_id: str | None) -> bool:
    return bool(entity_id) and str(entity_id).startswith(LOCAL_PREFIX)


def _handle_evidence(
    article: Article, mention: Mention, names: dict[str, Entity], locals_: list[Local]
) -> list[Evidence]:
    norm = normalize(mention.text)
    if not norm:
        return []
    entity = names.get(mention.entity or "")
    owner_name = entity.name if entity is not None else ""
    unresolved = mention.entity is None or (_is_local(mention.entity) and owner_name.startswith("@"))
    if not unresolved:
        # Resolved in the article: a signature line names the owner; a KB handle needs no learning.
        if mention.source == "kb" or (not _is_local(mention.entity) and mention.source != "signature"):
            return []
        return [Evidence(norm, str(mention.entity), mention.text, "handle")]
    if mention.entity:
        locals_.append(Local(norm, mention.entity, "handle"))
    owner = _nearest_owner(article, mention)
    return [Evidence(norm, owner, mention.text, "handle")] if owner else []


def _nearest_owner(article: Article, handle: Mention) -> str | None:
    """The entity of the named person/organisation closest to the handle in its paragraph."""
    start, end = _block(article, handle.start, handle.end)
    handles = {m.entity for m in article.mentions if m.kind == "handle" and _is_local(m.entity)}
    candidates = [
        m
        for m in article.mentions
        if m.kind == "name"
        and m.entity
        and m.type in HANDLE_OWNER_TYPES
        and m.entity != handle.entity
        and m.entity not in handles
    ]
    inside = [m for m in candidates if m.start >= start and m.end <= end]
    if not inside:
        inside = [m for m in candidates if handle.start - ADJACENT_CHARS <= m.end <= handle.start]
    if not inside:
        return None
    best = min(inside, key=lambda m: (max(m.start - handle.end, handle.start - m.end, 0), m.start))
    return best.entity


def _block(article: Article, start: int, end: int) -> tuple[int, int]:
    """The smallest paragraph, post, caption or headline holding ``[start, end)``, else its line."""
    structure = article.structure
    spans: list[Span | Post] = []
    if structure is not None:
        spans = [*structure.paragraphs, *structure.posts, *structure.captions]
        if structure.headline is not None:
            spans.append(structure.headline)
    holding = [(s.start, s.end) for s in spans if s.start <= start and end <= s.end]
    if holding:
        return min(holding, key=lambda span: span[1] - span[0])
    text = article.text
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


# -- in the store --------------------------------------------------------------------------------


def record(connection: Connection, articles: Iterable[Article]) -> set[str]:
    """Store the evidence of newly linked articles; returns the alias norms to re-decide."""
    touched: set[str] = set()
    for article in articles:
        evidence, locals_, surnames = article_evidence(article)
        tables.add_evidence(
            connection,
            article.id,
            [(e.norm, e.entity, e.alias, e.kind) for e in evidence],
            [(item.norm, item.entity, item.kind) for item in locals_],
        )
        touched.update(e.norm for e in evidence)
        touched.update(item.norm for item in locals_)
        touched.update(surnames)
    return touched


def refresh(connection: Connection, norms: Iterable[str], article_ids: Sequence[str] = ()) -> None:
    """Re-decide the given aliases and those marked dirty by deletions; merge new local entities.

    ``article_ids`` are the articles just added: for an alias whose decision
    did not change, only their local entities (and those of their stories)
    are checked for merging.
    """
    dirty = tables.take_dirty(connection)
    mates = _story_mates(connection, article_ids)
    for norm in sorted({*norms, *dirty}):
        _refresh(connection, norm, mates)


def forget(connection: Connection, article_ids: Sequence[str]) -> None:
    """Drop the evidence and merges of removed articles and re-decide what they supported."""
    tables.drop_articles(connection, article_ids)
    refresh(connection, ())


def rebuild(connection: Connection) -> int:
    """Collect the evidence of every stored article again (a store upgraded from schema 2).

    Returns the number of articles read.  Runs in the caller's transaction.
    """
    count = 0
    touched: set[str] = set()
    for article_json in link_tables.all_article_json(connection):
        touched |= record(connection, [Article.from_json(json.loads(article_json))])
        count += 1
    for norm in tables.learned_norms(connection):
        tables.unlearn(connection, norm)
    tables.clear_dirty(connection)
    for norm in sorted(touched):
        _refresh(connection, norm, None)
    return count


def _story_mates(connection: Connection, article_ids: Sequence[str]) -> set[str]:
    """The given articles and every article that shares a story with one of them."""
    return set(article_ids) | link_tables.story_mates(connection, article_ids)


def decide(counts: Sequence[tuple[str, int]], blocked: Iterable[str] = ()) -> str | None:
    """The entity an alias is learned for, from ``(entity, supporting articles)``, or ``None``.

    ``blocked`` are knowledge-base entities that already own the alias: the
    alias is then never learned for anyone else.
    """
    if not counts:
        return None
    entity, support = min(counts, key=lambda row: (-row[1], row[0]))
    total = sum(count for _, count in counts)
    if support < MIN_ARTICLES or support < MIN_SHARE * total or set(blocked) - {entity}:
        return None
    return entity


def _refresh(connection: Connection, norm: str, mates: set[str] | None) -> None:
    counts = tables.support_counts(connection, norm)
    owners = {entity for entity in tables.owners(connection, norm) if not _is_local(entity)}
    winner = decide(counts, owners)
    old = tables.learned_for(connection, norm)
    if winner is None:
        if old is not None:
            tables.unlearn(connection, norm)
        return
    support = dict(counts)[winner]
    if old is None or old != winner:
        tables.unlearn(connection, norm)
        tables.learn(connection, norm, winner, support)
        mates = None
    else:
        tables.set_support(connection, norm, support)
    _merge(connection, norm, winner, mates)


def _merge(connection: Connection, norm: str, winner: str, mates: set[str] | None) -> None:
    """Merge the local entities named ``norm`` into ``winner`` (all, or those of ``mates``)."""
    for row in tables.local_entities(connection, norm):
        article_id, local = row["article_id"], row["entity_id"]
        if local == winner or (mates is not None and article_id not in mates):
            continue
        if row["kind"] == "handle" or tables.named_in_context(connection, winner, article_id):
            tables.add_merge(connection, local, article_id, winner, norm)


# -- reading -------------------------------------------------------------------------------------


def learned(connection: Connection, *, min_articles: int = MIN_ARTICLES) -> list[Learned]:
    """Every learned alias supported by at least ``min_articles`` articles, by entity then alias."""
    return [
        Learned(row["entity_id"], row["name"], row["type"], row["alias"], row["kind"], row["articles"])
        for row in tables.learned_rows(connection, min_articles)
    ]


def supporting_articles(connection: Connection, norm: str, entity: str) -> list[str]:
    """The ids of the articles whose evidence supports ``norm`` → ``entity``."""
    return tables.supporting_articles(connection, norm, entity)
