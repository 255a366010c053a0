"""A person's topics: capitalised non-initial words, stemmed, counted once per statement group."""

from __future__ import annotations

from fastapi.testclient import TestClient

from wortlaut.store import Source, StatementGroup
from wortlaut.web.topics import nouns, top_topics


def _group(key: str, quote: str, copies: int = 1) -> StatementGroup:
    source = Source(
        statement_id=key, article_id="a", url=None, source=None, title=None, published=None, date=None,
        mode="direct", cue=None, quote=quote, quote_start=None, quote_end=None, speaker_text=None,
    )  # fmt: skip
    return StatementGroup(
        id=key, speaker="Mark Rutte", speaker_entity="Q1", quote=quote, date=None, first_seen=None,
        size=copies, flags=None, sources=(source,) * copies,
    )  # fmt: skip


def test_nouns_skip_sentence_and_quote_openers() -> None:
    assert nouns("Wir brauchen Frieden. Die Ukraine muss „Sicherheit“ haben.") == ["Frieden", "Ukraine"]


def test_topics_merge_inflections_and_count_each_statement_once() -> None:
    groups = [
        _group("1", "Wir verhängen neue Sanktionen gegen Russland, Sanktionen wirken.", copies=5),
        _group("2", "Die Sanktion gegen Russland bleibt."),
        _group("3", "Es geht um die Ukraine."),
    ]
    found = top_topics(groups)
    assert [(t.term, t.statements) for t in found] == [("Russland", 2), ("Sanktionen", 2)]


def test_topics_leave_out_the_person_s_own_names_and_one_off_words() -> None:
    groups = [_group("1", "Ich und Rutte wollen Frieden."), _group("2", "Auch Rutte will Frieden.")]
    assert [t.term for t in top_topics(groups, names=["Mark Rutte", "Rutte"])] == ["Frieden"]


def test_person_page_shows_topics_linking_to_the_topic_filter(client: TestClient) -> None:
    page = client.get("/ui/person/Mark Rutte", params={"lang": "de"}).text
    assert '<h2 id="h-topics">Themen</h2>' in page
    assert 'topic=Ukraine">Ukraine</a> <span class="count">2 Aussagen</span>' in page
    english = client.get("/ui/person/Mark Rutte", params={"lang": "en"}).text
    assert '<h2 id="h-topics">Topics</h2>' in english and "2 statements" in english
