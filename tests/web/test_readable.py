"""Statements show the resolved person with the text's words as evidence, quotes never double their
marks, sources count distinct articles and outlets, and the digest neither glues dates nor repeats
the headline."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.store.samples import rutte_article
from wortlaut.web.views import digest_items


def test_article_lists_resolved_speaker_with_the_text_s_words_as_evidence(client: TestClient) -> None:
    page = client.get(f"/ui/article/{rutte_article().id}").text
    aside = page.split('id="h-statements"')[1]
    assert '<a href="/ui/person/Mark%20Rutte">Mark Rutte</a>' in aside
    assert '<span class="evidence" tabindex="0">' in aside and "im Text: „Rutte“" in aside


def test_quotes_do_not_double_their_marks(client: TestClient) -> None:
    for url in ("/ui/person/Mark%20Rutte", f"/ui/article/{rutte_article().id}", "/ui/search?q=Rutte"):
        page = client.get(url).text
        assert '<q lang="de">„' not in page and '<q lang="de">"' not in page, url


def test_groups_count_distinct_articles_and_outlets(client: TestClient) -> None:
    page = client.get("/ui/person/Mark%20Rutte").text
    assert 'class="meta source-count">1 Artikel, 1 Medium</span>' in page


def test_digest_drops_statements_that_repeat_the_headline() -> None:
    items = [
        {"kind": "lead", "text": "Rutte warnt vor Spaltung der NATO", "date": "2025-03-03"},
        {"kind": "statement", "text": "„Wir warnen vor Spaltung der NATO.“", "speaker": "Mark Rutte"},
        {"kind": "statement", "text": "Rutte warnt vor Spaltung der NATO", "speaker": "Mark Rutte"},
        {"kind": "statement", "text": "Wir stehen zusammen.", "speaker": "Mark Rutte"},
    ]
    kept = digest_items(items, ["Rutte warnt vor Spaltung der NATO", None])
    assert [item["text"] for item in kept] == [items[0]["text"], items[1]["text"], items[3]["text"]]


def test_digest_puts_a_separator_between_date_and_text(client: TestClient) -> None:
    page = client.get("/ui/").text
    story = page.split('href="/ui/story/')[1].split('"')[0]
    body = client.get(f"/ui/story/{story}").text
    digest = body.split('id="h-digest"')[1].split("</section>")[0]
    assert "</time> – " in digest and "</time><" not in digest
