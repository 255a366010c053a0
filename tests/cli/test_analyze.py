"""``wortlaut analyze``: output formats, the seed acceptance checks, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from tests.ingest.helpers import FIXTURES, SAMPLES
from wortlaut.article import Article
from wortlaut.cli import main

SEED_004 = "004_59b2b7f2cabc885f.txt"
SEED_000 = "000_a58d68ada00d5e72.txt"


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["analyze", *args], input=stdin)


def records(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_seed_004_jsonl_reports_headline_caption_post_and_boilerplate(seeds_dir: Path) -> None:
    result = run(str(seeds_dir / SEED_004), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (record,) = records(result)
    assert record["schema"] == "wortlaut/1"
    structure = Article.from_json(record).structure
    assert structure is not None and structure.headline is not None
    assert structure.headline.text.startswith("Ohne Druck auf Moskau")
    assert [caption.text for caption in structure.captions] == [
        "Treffen von Selenskyj mit dem NATO-Generalsekretär"
    ]
    (post,) = structure.posts
    assert (post.handle, post.date, post.author) == ("@SecGenNATO", "2025-05-21", "Mark Rutte")
    (block,) = structure.boilerplate
    assert block.text.startswith("Lesen Sie auch")


def test_seed_000_has_no_boilerplate_and_keeps_every_line(seeds_dir: Path) -> None:
    path = seeds_dir / SEED_000
    result = run(str(path), "--format", "jsonl", "--published", "2024-12-18")
    assert result.exit_code == 0, result.output
    (record,) = records(result)
    article = Article.from_json(record)
    assert article.published == "2024-12-18"
    assert article.text == path.read_text(encoding="utf-8")
    assert article.structure is not None and article.structure.boilerplate == ()
    kept = [article.structure.headline] if article.structure.headline else []
    kept += list(article.structure.paragraphs)
    assert len(kept) == 11


def test_text_format_summarises_the_sample_article() -> None:
    result = run(str(SAMPLES / "2025-03-05_haushalt.txt"), "--published", "2025-03-05")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "== Koalition ringt um den Haushalt: Albers will keine neuen Schulden =="
    caption = "Bildunterschrift: Finanzministerin Katrin Albers vor der Sitzung des Koalitionsausschusses"
    assert caption in lines
    assert any(
        line.startswith("Beitrag (Katrin Albers, @KatrinAlbersMdB, 2025-03-05): Solide") for line in lines
    )
    assert any(line.startswith("Seitenbausteine (list): Lesen Sie auch") for line in lines)


def test_published_overrides_a_date_the_input_has() -> None:
    result = run(str(SAMPLES / "agenturmeldungen.jsonl"), "--format", "jsonl", "--published", "2020-01-01")
    assert [record["published"] for record in records(result)] == ["2020-01-01"] * 3


def test_some_bad_inputs_exit_1_and_report_one_line_each(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\xff" * 500)
    result = run(str(empty), str(FIXTURES / "article.txt"), str(binary), "--format", "jsonl")
    assert result.exit_code == 1
    assert len(records(result)) == 1
    assert result.stderr.splitlines() == [
        f"wortlaut: error: {empty}: empty file",
        f"wortlaut: error: {binary}: binary file, not text",
    ]
    assert "Traceback" not in result.output


def test_nothing_processed_exits_3(tmp_path: Path) -> None:
    result = run(str(FIXTURES / "not_a_feed.xml"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 3
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 2
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    result = run(str(empty_dir))
    assert result.exit_code == 3
    assert "no articles found" in result.stderr


def test_output_file_and_stdin(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    text = b"Der Rat hat am Montag getagt. Die Ministerin sagte, sie sei zufrieden."
    result = run("-", "--format", "jsonl", "--output", str(out), stdin=text)
    assert result.exit_code == 0, result.output
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["text"] == text.decode()


def test_bad_published_date_is_a_usage_error() -> None:
    result = run(str(FIXTURES / "article.txt"), "--published", "18.12.2024")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_whole_sample_directory() -> None:
    result = run(str(SAMPLES), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert len(records(result)) == 10
