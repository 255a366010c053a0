"""The tokenlearn corpus: readers of the licence-clean sources, detokenising, a stable held-out split."""

from __future__ import annotations

import json
from pathlib import Path

from wortlaut.link.tokenlearn import LEAD_WORDS, corpus, detokenise, germeval, held_out, wikinews


def test_detokenise_closes_punctuation_and_quotes() -> None:
    assert detokenise(["Er", "sagte", ",", "„", "nein", "“", "."]) == "Er sagte, „nein“."


def test_wikinews_gives_the_lead_as_linking_reads_it_and_the_sentences(tmp_path: Path) -> None:
    words = " ".join(f"wort{number}" for number in range(80))
    record = {
        "documentName": "123 - Ein Titel (2005-08-05)",
        "originalText": words,
        "sentences": [{"text": "Das ist ein ganzer Satz."}, {"text": "Zu kurz."}],
    }
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    items = list(wikinews(tmp_path))
    lead = " ".join(f"wort{number}" for number in range(LEAD_WORDS))
    assert items[0] == ("wikinews-lead", "wikinews:a", f"Ein Titel. {lead}")
    assert items[1][0] == "wikinews-lead" and items[1][2].startswith(f"Ein Titel. wort{LEAD_WORDS} ")
    assert items[2] == ("wikinews", "wikinews:a", "Das ist ein ganzer Satz.")
    assert len(items) == 3  # the two-word sentence is left out


def test_germeval_sentences_are_read_from_the_token_column(tmp_path: Path) -> None:
    lines = ["#\tsource", "1\tDie\tO\tO", "2\tRegierung\tB-ORG\tO", "3\ttagt\tO\tO", "4\theute\tO\tO",
             "5\t.\tO\tO", ""]  # fmt: skip
    (tmp_path / "NER-de-dev.tsv").write_text("\n".join(lines), encoding="utf-8")
    assert [text for _, _, text in germeval(tmp_path)] == ["Die Regierung tagt heute."]


def test_held_out_is_stable_and_about_a_tenth() -> None:
    documents = [f"doc{number}" for number in range(2000)]
    chosen = [held_out(document) for document in documents]
    assert chosen == [held_out(document) for document in documents]
    assert 0.06 < sum(chosen) / len(chosen) < 0.14


def test_an_absent_shared_folder_gives_an_empty_corpus(tmp_path: Path) -> None:
    assert corpus(tmp_path) == []
