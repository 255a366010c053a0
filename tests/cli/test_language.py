"""The CLI's human-readable output speaks German by default and English with ``--lang en``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.store.samples import rutte_article, selenskyj_article
from wortlaut import i18n
from wortlaut.cli import main
from wortlaut.i18n.sources import source_count
from wortlaut.store import Store
from wortlaut.store.results import Source, StatementGroup


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "lang.sqlite"
    with Store.open(path) as store:
        store.add_many([rutte_article(), selenskyj_article()], link=False)
    return path


def _run(monkeypatch: pytest.MonkeyPatch, *args: str, env_lang: str | None = None) -> str:
    if env_lang:
        monkeypatch.setenv(i18n.ENV_VAR, env_lang)
    else:
        monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_said_is_german_by_default(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(monkeypatch, "said", "Rutte", "--db", str(db))
    assert "18. Dezember 2024  Mark Rutte" in out and "Artikel" in out


def test_lang_option_and_environment_switch_to_english(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    english = _run(monkeypatch, "--lang", "en", "said", "Rutte", "--db", str(db))
    assert "December 18, 2024  Mark Rutte" in english
    out = _run(monkeypatch, "person", "Selenskyj", "--db", str(db), env_lang="en")
    assert "Met (shared events): Mark Rutte" in out


def test_json_output_does_not_change_with_language(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ("said", "Rutte", "--format", "json", "--db", str(db))
    assert _run(monkeypatch, "--lang", "en", *args) == _run(monkeypatch, "--lang", "de", *args)


def _source(statement_id: str, article_id: str, outlet: str) -> Source:
    return Source(statement_id=statement_id, article_id=article_id, url=None, source=outlet, title=None,
                  published=None, date=None, mode="direct", cue=None, quote="Wir stehen zusammen.",
                  quote_start=None, quote_end=None, speaker_text=None)  # fmt: skip


def test_one_article_quoting_twice_counts_as_one_source() -> None:
    twice = (_source("s1", "a1", "Tagesschau"), _source("s2", "a1", "Tagesschau"))
    sources = (*twice, _source("s3", "a2", "dpa"))
    group = StatementGroup(id="g", speaker="Mark Rutte", speaker_entity=None, quote="Wir stehen zusammen.",
                           date="2025-03-03", first_seen=None, size=3, flags=None,
                           sources=sources)  # fmt: skip
    with i18n.using("en"):
        assert source_count(group) == "2 articles, 2 outlets"
    with i18n.using("de"):
        assert source_count(replace(group, sources=sources[:2], size=2)) == "1 Artikel, 1 Medium"
