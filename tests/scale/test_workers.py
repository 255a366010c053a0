"""The Analyzer actor's code without Ray: it reads its files itself and streams rows in batches."""

from __future__ import annotations

import json
from pathlib import Path

from wortlaut.scale.records import read_records
from wortlaut.scale.workers import Analyzer

TEXT = "Die Ministerin sagte am Montag in Berlin, der Haushalt sei solide."


def test_analyzer_reads_its_file_and_yields_rows_every_batch_size_articles(tmp_path: Path) -> None:
    source = tmp_path / "part.jsonl"
    lines = [json.dumps({"text": f"{TEXT} Nummer {n}.", "language": "de"}) for n in range(3)]
    source.write_text("\n".join([*lines[:2], "{not json", lines[2]]) + "\n", encoding="utf-8")
    batches = list(Analyzer(batch_size=2)({"path": [str(source)]}))
    assert [len(batch["id"]) for batch in batches] == [2, 2]
    errors = [error for batch in batches for error in batch["error"] if error]
    assert len(errors) == 1 and errors[0].startswith(f"{source}:3")
    records = [json.loads(record) for batch in batches for record in batch["record"] if record]
    assert len(records) == 3 and all(record["text"].startswith(TEXT) for record in records)


def test_analyzer_reports_a_missing_file_as_one_error_row(tmp_path: Path) -> None:
    missing = tmp_path / "gone.jsonl"
    (batch,) = Analyzer()({"path": [str(missing)]})
    assert batch["record"] == [""] and str(missing) in batch["error"][0]


def test_analyzer_writes_records_by_day_and_yields_only_ids_and_errors_in_one_block(tmp_path: Path) -> None:
    source = tmp_path / "part.jsonl"
    lines = [
        json.dumps({"text": f"{TEXT} Nummer {n}.", "language": "de", "published": f"2025-03-0{n + 1}"})
        for n in range(3)
    ]
    source.write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    analyzer = Analyzer(output=str(tmp_path / "records"), keep_records=False, batch_size=2)
    batches = list(analyzer({"path": [str(source)]}))
    assert len(batches) == 1  # the small rows of a whole call go back as one block
    assert all(set(batch) == {"id", "published_date", "error"} for batch in batches)
    assert sum(bool(error) for batch in batches for error in batch["error"]) == 1
    days = sorted(path.name for path in (tmp_path / "records").iterdir())
    assert days == [f"published_date=2025-03-0{n}" for n in (1, 2, 3)]
    first = sorted(article.id for article in read_records(tmp_path / "records"))
    list(analyzer({"path": [str(source)]}))  # a retried call rewrites its files, it adds none
    assert sorted(article.id for article in read_records(tmp_path / "records")) == first
    assert len(first) == 3
