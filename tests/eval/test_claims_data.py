"""The Europeana loader of the claims set (issue 20l): sentences cut from a token stream without breaks."""

from __future__ import annotations

from pathlib import Path

from wortlaut.eval import claims_data


def _write_bio(root: Path, name: str, lines: list[str]) -> Path:
    folder = root / "ner-extra" / "europeana-de"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_europeana_sentences_end_at_stops_not_after_ordinals_or_glued_abbreviations(tmp_path: Path) -> None:
    tokens = ["Am", "1", ".", "Mai", "traf", "Dr.", "Luther", "ein", ".", "Das", "Treffen", "war", "kurz."]
    root = _write_bio(tmp_path, "enp_DE.lft.bio", [f"{token} O" for token in tokens])
    claims_data.europeana_sentences.cache_clear()
    sentences = claims_data.europeana_sentences(root, "lft")
    assert [text for text, _ in sentences] == ["Am 1 . Mai traf Dr. Luther ein .", "Das Treffen war kurz."]
    assert all(published is None for _, published in sentences)


def test_europeana_sentences_take_the_issue_date_of_the_page_and_start_a_new_sentence(tmp_path: Path) -> None:
    lines = [
        "# file:\t\tF_SBB_00001_18800101_009_001_0_003",
        "Besuch O",
        "bei O",
        "Grevy B-PER",
        "# file:\t\tF_SBB_00002_19140118_009_001_0_003",
        "Neue O",
        "Verhandlungen O",
        ". O",
    ]
    root = _write_bio(tmp_path, "enp_DE.sbb.bio", lines)
    claims_data.europeana_sentences.cache_clear()
    sentences = claims_data.europeana_sentences(root, "sbb")
    assert sentences == (("Besuch bei Grevy", "1880-01-01"), ("Neue Verhandlungen .", "1914-01-18"))
    claims_data.europeana_sentences.cache_clear()


def test_released_event_parts_are_chosen_on_and_the_others_are_held_back() -> None:
    assert {"test-e", "test-g", "test-h", "test-j"} <= claims_data.RELEASED_EVENTS
    assert {"tune", "test-e", "test-g", "test-h", "test-j"} <= claims_data.TUNE_SPLITS
    assert not {"test", "test-d", "test-f"} & claims_data.TUNE_SPLITS


def test_a_europeana_source_may_name_a_run_of_sentences_for_relation_rows(tmp_path: Path) -> None:
    lines = [
        "# file:\t\tF_SBB_00001_18800101_009_001_0_003",
        *[f"{token} O" for token in ["Der", "Temps", "meldet", "es", "."]],
        *[f"{token} O" for token in ["Paris", "dementiert", "das", "."]],
        *[f"{token} O" for token in ["Schluss", "."]],
    ]
    root = _write_bio(tmp_path, "enp_DE.sbb.bio", lines)
    claims_data.europeana_sentences.cache_clear()
    run = claims_data.europeana_text(root, "sbb", "0-1")
    assert run == ("Der Temps meldet es . Paris dementiert das .", "1880-01-01")
    assert claims_data.europeana_text(root, "sbb", "2") == ("Schluss .", "1880-01-01")
    article = claims_data.source_article(root, "europeana/sbb/1-2")
    assert article.text == "Paris dementiert das . Schluss ."
    claims_data.europeana_sentences.cache_clear()


def test_the_relation_part_of_issue_20p_is_held_back_and_each_occurrence_has_one_row() -> None:
    from wortlaut.eval import claims_relations

    assert "test-i" in claims_relations.HELD_BACK
    assert "test-i" not in claims_relations.RELEASED
    rows = claims_relations.gold_relations()
    assert len({(row.source, row.offset) for row in rows}) == len(rows)
    assert sum(row.split == "test-i" for row in rows) == 55
