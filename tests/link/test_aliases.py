"""Aliases learned across articles: handles next to a person, bare surnames, merges, forgetting, export."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from wortlaut.article import Article, DateInfo, Entity, EntityRef, Mention, Statement
from wortlaut.cli import main
from wortlaut.kb import kb_files, load_kb
from wortlaut.link import HashingEncoder, forget, update
from wortlaut.link.aliases import MIN_ARTICLES, decide, rebuild, supporting_articles
from wortlaut.store import Store
from wortlaut.store.schema import MIGRATIONS, _split
from wortlaut.store.writer import add_article

SELENSKYJ = ("wolodymyr-selenskyj", "Wolodymyr Selenskyj", "PER")
RUTTE = ("mark-rutte", "Mark Rutte", "PER")
NATO = ("nato", "NATO", "ORG")
HANDLE = ("local:zelenskyyua", "@ZelenskyyUa", "PER")
LEONIE = ("local:leonie-falk", "Leonie Falk", "PER")
FALK = ("local:falk", "Falk", "ORG")  # a headline surname the tagger took for an organisation

#: Posts different enough not to be grouped as one statement.
POSTS = (
    "Die Energieversorgung hält stand.",
    "Wir brauchen Luftabwehr.",
    "Danke an alle Partner in Europa!",
    "Heute Gespräche über den Wiederaufbau in Kiew.",
)
#: (text, entity, kind, source) of a mention; the text's first occurrence at or after ``after``.
MentionSpec = tuple[str, tuple[str, str, str], str, str]


def make(
    text: str,
    *,
    published: str,
    mentions: Sequence[MentionSpec],
    speaker: tuple[str, tuple[str, str, str]] | None = None,
    quote: str | None = None,
    url: str | None = None,
) -> Article:
    """An analysed article: entities from the mentions, at most one statement (``speaker`` says ``quote``)."""
    entities: dict[str, Entity] = {}
    records, position = [], 0
    for part, (entity_id, name, type_), kind, source in mentions:
        start = text.index(part, position)
        position = start + len(part)
        if entity_id:  # "" stands for a mention the article could not link
            entities.setdefault(entity_id, Entity(id=entity_id, name=name, type=type_))
        records.append(
            Mention(
                start=start,
                end=position,
                text=part,
                type=type_,
                kind=kind,
                entity=entity_id or None,
                source=source,
            )
        )
    statements: tuple[Statement, ...] = ()
    if speaker is not None and quote is not None:
        at, q = text.rindex(speaker[0]), text.index(quote)
        span = Article.create(text).span(q, q + len(quote))
        assert span is not None
        statements = (
            Statement(
                id="s1",
                mode="direct",
                quote=span,
                speaker=EntityRef(
                    start=at, end=at + len(speaker[0]), text=speaker[0], entity=speaker[1][0] or None
                ),
                date=DateInfo(value=published, source="published"),
            ),
        )
    return Article.create(text, published=published, url=url, source="test").with_layers(
        entities=tuple(entities.values()),
        mentions=tuple(sorted(records, key=lambda m: m.start)),
        statements=statements,
    )


def handle_article(
    number: int,
    owner: tuple[str, str, str] = SELENSKYJ,
    *,
    url: str | None = None,
    handle: tuple[str, str, str] = HANDLE,
) -> Article:
    """``owner`` is named in the paragraph where an unresolved ``@ZelenskyyUa`` posts a quote."""
    quote = POSTS[number % len(POSTS)]
    text = f"{owner[1]} bat am {number}. Tag erneut um Hilfe. Auf X schrieb @ZelenskyyUa: „{quote}“"
    return make(
        text,
        published=f"2025-03-{10 + number:02d}",
        mentions=[(owner[1], owner, "name", "kb"), ("@ZelenskyyUa", handle, "handle", "local")],
        speaker=("@ZelenskyyUa", handle),
        quote=quote,
        url=url,
    )


def falk_article(day: int, quote: str) -> Article:
    """Leonie Falk named in full, then by her bare surname (which the article links to her)."""
    text = f"Außenministerin Leonie Falk reist am {day}. März nach Kiew. Falk sagte: „{quote}“"
    return make(
        text,
        published=f"2025-03-{day:02d}",
        mentions=[("Leonie Falk", LEONIE, "name", "ner"), ("Falk", LEONIE, "name", "article")],
        speaker=("Falk", LEONIE),
        quote=quote,
    )


def link(store: Store, *articles: Article) -> None:
    """Store and link articles one at a time, as a daily ingest would."""
    store.add_many(articles, link=False)
    for article in articles:
        update(store, [article.id], encoder=HashingEncoder())


def quotes(store: Store, speaker: str) -> set[str]:
    return {group.quote for group in store.said(speaker, limit=50)}


def learned_rows(store: Store) -> list[tuple[str, str, str]]:
    return store.connection.execute(
        "SELECT norm, entity_id, kind FROM learned_aliases ORDER BY norm"
    ).fetchall()


# -- handles -----------------------------------------------------------------------------------------


def test_handle_seen_next_to_the_same_person_in_two_articles_is_learned(store: Store) -> None:
    first, second = handle_article(1), handle_article(2)
    link(store, first, second)
    assert learned_rows(store) == [("zelenskyyua", "wolodymyr-selenskyj", "learned_handle")]
    assert supporting_articles(store.connection, "zelenskyyua", "wolodymyr-selenskyj") == sorted(
        [first.id, second.id]
    )
    entity = store.resolve_entity("@ZelenskyyUa")
    assert entity is not None and entity.id == "wolodymyr-selenskyj"
    assert "@ZelenskyyUa" in entity.aliases
    # The posts' speaker was the local handle entity; they now count as Selenskyj's statements.
    assert quotes(store, "Selenskyj") == {POSTS[1], POSTS[2]}
    assert {group.speaker for group in store.said("Selenskyj")} == {"Wolodymyr Selenskyj"}
    page = store.person("Selenskyj")
    assert len([item for item in page.timeline if item.kind == "statement"]) == 2


def test_unlinked_handle_speaker_is_found_by_the_learned_handle(store: Store) -> None:
    unlinked = ("", "@ZelenskyyUa", "PER")  # no entity at all: the statement keeps only the name
    link(store, handle_article(1, handle=unlinked), handle_article(2, handle=unlinked))
    assert learned_rows(store) == [("zelenskyyua", "wolodymyr-selenskyj", "learned_handle")]
    assert store.connection.execute("SELECT COUNT(*) FROM entity_merges").fetchone() == (0,)
    assert quotes(store, "Wolodymyr Selenskyj") == {POSTS[1], POSTS[2]}


def test_handle_seen_once_is_not_learned(store: Store) -> None:
    link(store, handle_article(1))
    assert learned_rows(store) == []
    entity = store.resolve_entity("@ZelenskyyUa")
    assert entity is not None and entity.id == "local:zelenskyyua"
    assert quotes(store, "Selenskyj") == set()


def test_handle_seen_with_two_different_people_is_not_learned(store: Store) -> None:
    link(store, handle_article(1, SELENSKYJ), handle_article(2, RUTTE))
    assert learned_rows(store) == []
    link(store, handle_article(3, SELENSKYJ), handle_article(4, RUTTE))  # 2 : 2 is still ambiguous
    assert learned_rows(store) == []
    link(store, handle_article(5, SELENSKYJ), handle_article(6, SELENSKYJ))  # 4 : 2 is not a clear majority
    assert learned_rows(store) == []
    link(store, handle_article(7, SELENSKYJ), handle_article(8, SELENSKYJ))  # 6 : 2 is
    assert learned_rows(store) == [("zelenskyyua", "wolodymyr-selenskyj", "learned_handle")]


def test_alias_of_another_kb_entity_is_never_learned(store: Store) -> None:
    nato = make("Die NATO tagt.", published="2025-03-01", mentions=[("NATO", NATO, "name", "kb")])
    posts = [
        make(
            f"Mark Rutte sprach in Brüssel, Tag {day}. @Nato meldete: „Einig.“",
            published=f"2025-03-0{day}",
            mentions=[
                ("Mark Rutte", RUTTE, "name", "kb"),
                ("@Nato", ("local:nato", "@Nato", "PER"), "handle", "local"),
            ],
        )
        for day in (2, 3, 4)
    ]
    link(store, nato, *posts)
    assert store.connection.execute("SELECT articles FROM alias_counts WHERE norm = 'nato'").fetchone() == (
        3,
    )
    assert learned_rows(store) == []


def test_forget_removes_evidence_and_unlearns_below_the_minimum(store: Store) -> None:
    first, second = handle_article(1), handle_article(2)
    link(store, first, second)
    assert learned_rows(store)
    forget(store, [second.id])
    assert learned_rows(store) == []
    assert store.connection.execute("SELECT COUNT(*) FROM entity_merges").fetchone() == (0,)
    kinds = store.connection.execute("SELECT kind FROM entity_aliases WHERE norm = 'zelenskyyua'").fetchall()
    assert ("learned_handle",) not in kinds
    assert quotes(store, "Selenskyj") == set()


def test_replacing_an_article_by_url_re_decides_its_aliases(store: Store) -> None:
    link(store, handle_article(1), handle_article(2, url="https://example.org/post"))
    assert learned_rows(store)
    edited = make(
        "Wolodymyr Selenskyj bat erneut um Hilfe.",
        published="2025-03-12",
        mentions=[("Wolodymyr Selenskyj", SELENSKYJ, "name", "kb")],
        url="https://example.org/post",
    )
    link(store, edited)  # the old text (with the handle) is replaced: its evidence goes by trigger
    assert store.connection.execute(
        "SELECT articles FROM alias_counts WHERE norm = 'zelenskyyua'"
    ).fetchall() == [(1,)]
    assert learned_rows(store) == []


# -- bare surnames -----------------------------------------------------------------------------------


def test_surname_local_entity_is_merged_into_the_full_name(store: Store) -> None:
    headline = "Falk in Kiew\n\nLeonie Falk besuchte Kiew. „Wir bleiben an Ihrer Seite“, sagte Falk."
    mixed = make(
        headline,
        published="2025-03-13",
        mentions=[("Falk", FALK, "name", "ner"), ("Leonie Falk", LEONIE, "name", "ner")],
        speaker=("Falk", FALK),
        quote="Wir bleiben an Ihrer Seite",
    )
    link(
        store,
        falk_article(11, "Wir helfen."),
        falk_article(12, "Die Generatoren kommen noch im Winter."),
        mixed,
    )
    assert ("falk", "local:leonie-falk", "learned") in learned_rows(store)
    assert store.connection.execute("SELECT source, article_id, target FROM entity_merges").fetchall() == [
        ("local:falk", mixed.id, "local:leonie-falk")
    ]
    assert quotes(store, "Leonie Falk") == {
        "Wir helfen.",
        "Die Generatoren kommen noch im Winter.",
        "Wir bleiben an Ihrer Seite",
    }
    link(store, unrelated_falk())
    assert "Wir bauen aus" not in quotes(store, "Leonie Falk")
    assert {"Wir bauen aus", "Wir bleiben an Ihrer Seite", "Wir helfen."} <= quotes(store, "Falk")
    page = store.person("Falk")  # the bare name no longer means the separate local entity
    assert page.entity.id == "local:leonie-falk"
    assert {item.statement.speaker for item in page.timeline if item.statement} == {"Leonie Falk"}


def unrelated_falk() -> Article:
    """A businessman called Falk, months later, in another story."""
    return make(
        "Der Unternehmer Falk eröffnet in Hamburg ein Werk. „Wir bauen aus“, sagte Falk.",
        published="2025-09-30",
        mentions=[("Falk", ("local:falk", "Falk", "PER"), "name", "ner")],
        speaker=("Falk", ("local:falk", "Falk", "PER")),
        quote="Wir bauen aus",
    )


def test_bare_surname_far_from_the_full_name_stays_separate(store: Store) -> None:
    other = unrelated_falk()
    link(
        store,
        falk_article(11, "Wir helfen."),
        falk_article(12, "Die Generatoren kommen noch im Winter."),
        other,
    )
    assert ("falk", "local:leonie-falk", "learned") in learned_rows(store)
    assert store.connection.execute("SELECT COUNT(*) FROM entity_merges").fetchone() == (0,)
    assert "Wir bauen aus" not in quotes(store, "Leonie Falk")
    assert "Wir bauen aus" in quotes(store, "Falk")  # the bare name still finds the other Falk


def test_bare_surname_in_a_story_with_the_full_name_is_merged(store: Store) -> None:
    text = "Außenministerin Falk reist am 11. März nach Kiew. Falk sagte: „Wir helfen der Ukraine.“"
    bare = make(
        text,
        published="2025-03-11",
        mentions=[("Falk", ("local:falk", "Falk", "PER"), "name", "ner")],
        speaker=("Falk", ("local:falk", "Falk", "PER")),
        quote="Wir helfen der Ukraine.",
    )
    link(store, bare)  # first only the bare name: nothing to merge it with yet
    assert store.connection.execute("SELECT COUNT(*) FROM entity_merges").fetchone() == (0,)
    link(store, falk_article(11, "Wir helfen."), falk_article(12, "Die Generatoren kommen noch im Winter."))
    stories = dict(store.connection.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    assert len(set(stories.values())) == 1, "the three reports should form one story"
    assert store.connection.execute("SELECT source, article_id FROM entity_merges").fetchall() == [
        ("local:falk", bare.id)
    ]
    assert "Wir helfen der Ukraine." in quotes(store, "Leonie Falk")


# -- rules and export --------------------------------------------------------------------------------


def test_decide_needs_enough_articles_and_a_clear_majority() -> None:
    assert MIN_ARTICLES == 2
    assert decide([("a", 1)]) is None
    assert decide([("a", 2)]) == "a"
    assert decide([("a", 2), ("b", 2)]) is None
    assert decide([("a", 3), ("b", 1)]) == "a"
    assert decide([("a", 3)], blocked={"kb-entity"}) is None
    assert decide([("a", 3)], blocked={"a"}) == "a"


def test_cli_lists_learned_aliases_as_a_kb_overlay(tmp_path: Path) -> None:
    db = tmp_path / "learned.sqlite"
    with Store.open(db) as store:
        link(store, handle_article(1), handle_article(2), falk_article(11, "Wir helfen."))
        link(store, falk_article(12, "Die Generatoren kommen noch im Winter."))
    runner = CliRunner()
    result = runner.invoke(main, ["kb", "learned", "--db", str(db)])
    assert result.exit_code == 0, result.output
    overlay = tmp_path / "learned.yaml"
    overlay.write_text(result.stdout, encoding="utf-8")
    kb = load_kb([*kb_files(""), overlay])
    assert "@ZelenskyyUa" in {handle.value for handle in kb.entities["wolodymyr-selenskyj"].handles}
    assert [entity.id for entity in kb.lookup("Leonie Falk")] == ["leonie-falk"]
    assert "Falk" in kb.entities["leonie-falk"].aliases
    tsv = runner.invoke(main, ["kb", "learned", "--db", str(db), "--format", "tsv"]).stdout.splitlines()
    assert tsv[0].split("\t") == ["entity", "name", "type", "alias", "kind", "articles"]
    assert "wolodymyr-selenskyj\tWolodymyr Selenskyj\tPER\t@ZelenskyyUa\tlearned_handle\t2" in tsv
    strict = runner.invoke(main, ["kb", "learned", "--db", str(db), "--min-articles", "3"])
    assert "ZelenskyyUa" not in strict.stdout


@pytest.mark.parametrize("fmt", ["yaml", "tsv"])
def test_cli_on_a_store_that_learned_nothing(tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "empty.sqlite"
    Store.open(db).close()
    result = CliRunner().invoke(main, ["kb", "learned", "--db", str(db), "--format", fmt])
    assert result.exit_code == 0
    if fmt == "yaml":
        overlay = tmp_path / "empty.yaml"
        overlay.write_text(result.stdout, encoding="utf-8")
        assert len(load_kb([overlay]).entities) == 0


def test_rebuild_collects_the_evidence_of_stored_articles(store: Store) -> None:
    store.add_many([handle_article(1), handle_article(2)], link=False)  # stored, never linked
    assert learned_rows(store) == []
    with store.transaction():
        assert rebuild(store.connection) == 2
    assert learned_rows(store) == [("zelenskyyua", "wolodymyr-selenskyj", "learned_handle")]


def test_queries_work_on_a_read_only_store_from_before_learning(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite"
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    for script in MIGRATIONS[:2]:
        for statement in _split(script):
            connection.execute(statement)
    connection.execute("PRAGMA user_version = 2")
    add_article(connection, handle_article(1))
    connection.execute("COMMIT")
    connection.close()
    with Store.open(path, readonly=True) as store:
        assert [group.quote for group in store.said("@ZelenskyyUa")] == [POSTS[1]]
        assert store.person("Selenskyj").entity.id == "wolodymyr-selenskyj"
