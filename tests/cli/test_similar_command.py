"""``wortlaut similar`` and ``wortlaut search --semantic`` on a small hand-built store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.store.samples import rutte_article, selenskyj_article
from wortlaut.cli import main
from wortlaut.store import Store


@pytest.fixture(autouse=True)
def hashing_encoder(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The model-free encoder as the process default, so the tests load no model."""
    monkeypatch.setenv("WORTLAUT_ENCODER", "hashing")
    yield


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "similar.sqlite"
    with Store.open(path) as store:
        store.add_many(
            [rutte_article(), rutte_article(url="https://example.org/b", quote="Wir müssen noch mehr tun."),
             selenskyj_article()],
            link=False,
        )  # fmt: skip
    return path


def _statement(db: Path, quote: str) -> str:
    with Store.open(db, readonly=True) as store:
        row = store.connection.execute("SELECT id FROM statements WHERE quote_text = ?", (quote,)).fetchone()
    return str(row[0])


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_similar_lists_the_paraphrase_first_in_german(db: Path) -> None:
    code, out, _ = run("similar", _statement(db, "Wir müssen mehr tun."), "--db", str(db))
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith(" 1. 18. Dezember 2024  Mark Rutte: „Wir müssen noch mehr tun.“")
    assert "Ähnlichkeit" in out


def test_similar_query_json_carries_both_ranks(db: Path) -> None:
    code, out, _ = run("similar", "--query", "mehr tun", "--format", "json", "--db", str(db))
    assert code == 0
    hits = json.loads(out)
    assert hits[0]["semantic_rank"] and hits[0]["text_rank"] and "mehr tun" in hits[0]["quote"]


def test_search_semantic_renders_the_same_hits(db: Path) -> None:
    code, out, _ = run(
        "search", "mehr tun", "--semantic", "--format", "jsonl", "--limit", "2", "--db", str(db)
    )
    assert code == 0 and len(out.splitlines()) == 2


def test_similar_needs_exactly_one_of_id_and_query(db: Path) -> None:
    code, _, err = run("similar", "--db", str(db))
    assert code == 2 and "STATEMENT_ID or --query" in err


def test_similar_unknown_statement_is_a_clean_error(db: Path) -> None:
    code, _, err = run("similar", "nope", "--db", str(db))
    assert code != 0 and "no statement with id" in err and "Traceback" not in err
