"""The one reader of the ``lang`` tables: comments, header, column counts and errors that name the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from wortlaut.lang.tables import LANG_ROOT, TableError, read_column, read_records, read_rows, table_path

TABLE = "# a comment\nname\tvalue\n\nJanuar\t1\n# another\nFebruar\t2\n"


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "months.tsv"
    path.write_text(TABLE, encoding="utf-8")
    return path


def test_rows_skip_comments_and_blank_lines(table: Path) -> None:
    assert read_rows(table) == [["name", "value"], ["Januar", "1"], ["Februar", "2"]]


def test_rows_with_header_drop_the_first_row(table: Path) -> None:
    assert read_rows(table, header=True, columns=2) == [["Januar", "1"], ["Februar", "2"]]


def test_records_are_keyed_by_the_header(table: Path) -> None:
    assert read_records(table) == [{"name": "Januar", "value": "1"}, {"name": "Februar", "value": "2"}]


def test_column_gives_the_stripped_first_cells(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("# words\n laut \nleise\n", encoding="utf-8")
    assert read_column(path, columns=1) == ["laut", "leise"]


@pytest.mark.parametrize(("columns", "wanted"), [(3, "3"), ((3, 4), "3 to 4")])
def test_a_row_of_the_wrong_width_names_file_and_line(
    table: Path, columns: int | tuple[int, int], wanted: str
) -> None:
    message = rf"months\.tsv: line 2: expected {wanted} tab-separated columns, found 2"
    with pytest.raises(TableError, match=message):
        read_rows(table, columns=columns)


def test_a_record_wider_than_its_header_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("word\tvalue\n# fine so far\nheute\t0\textra\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"bad\.tsv: line 3: expected 2 tab-separated columns, found 3"):
        read_records(path)


def test_an_empty_table_has_no_records(tmp_path: Path) -> None:
    path = tmp_path / "empty.tsv"
    path.write_text("# only a comment\n", encoding="utf-8")
    assert read_records(path) == []


def test_a_bare_name_is_a_table_of_the_language_folder() -> None:
    assert table_path("time_months.tsv") == LANG_ROOT / "de" / "time_months.tsv"
    assert table_path("role_labels.tsv", lang="en") == LANG_ROOT / "en" / "role_labels.tsv"
    assert read_records("time_months.tsv")[0].keys() >= {"name", "month"}


@pytest.mark.parametrize("path", sorted(LANG_ROOT.glob("*/*.tsv")), ids=lambda path: path.name)
def test_every_shipped_table_has_rows_of_one_or_two_widths(path: Path) -> None:
    widths = {len(row) for row in read_rows(path)}
    assert widths and len(widths) <= 2 and all(width >= 1 for width in widths)
