"""The training script's corpus readers and candidate groups, on tiny hand-made documents."""

from __future__ import annotations

import json
from pathlib import Path

from wortlaut.article import Article
from wortlaut.quotes.lexicon import load_lexicon
from wortlaut.quotes.speaker_model import SpeakerModel
from wortlaut.quotes.train_speaker import (
    GoldCue,
    Group,
    accuracy,
    analysed,
    groups_of,
    parliament_documents,
)


def test_parliament_speech_is_rebuilt_with_offsets_of_its_cue_and_source(tmp_path: Path) -> None:
    speech = {
        "Sentences": [
            {"SentenceId": 0, "Tokens": ["Frau", "Präsidentin", "!"]},
            {"SentenceId": 1, "Tokens": ["Der", "Minister", "sagte", ",", "es", "sei", "gut", "."]},
        ],
        "Annotations": [{"Cue": ["1:2"], "Source": ["1:0", "1:1"], "Message": ["1:4", "1:5", "1:6"]}],
    }
    (tmp_path / "a.json").write_text(json.dumps(speech), encoding="utf-8")
    ((text, cues),) = list(parliament_documents(tmp_path))
    (cue,) = cues
    assert [text[s:e] for s, e in cue.cue] == ["sagte"]
    assert [text[s:e] for s, e in cue.speaker] == ["Der", "Minister"]


def test_groups_label_the_candidate_that_overlaps_the_annotated_speaker() -> None:
    text = "Der Minister sagte am Montag in Berlin, es sei gut."
    start = text.index("sagte")
    gold = GoldCue(cue=((start, start + 5),), speaker=((0, 12),))
    (group,) = groups_of(Article.create(text), [gold], load_lexicon(), document=0)
    assert sum(group.labels) == 1
    chosen = group.feats[group.labels.index(1)]
    assert "side=before" in chosen and "rule=same" in chosen
    assert all("prev=in" not in feats for feats in group.feats)  # "in Berlin" is no candidate


def test_accuracy_counts_no_answer_as_right_when_no_candidate_is_the_speaker() -> None:
    model = SpeakerModel(weights={"good": 5.0}, bias=-2.0, threshold=0.5)
    groups = [Group(0, [["good"], ["x"]], [1, 0]), Group(1, [["x"]], [0]), Group(2, [["x"]], [1])]
    assert accuracy(model, groups) == 2 / 3


def test_analysed_documents_are_kept_and_read_back_only_for_the_same_texts(tmp_path: Path) -> None:
    kept = tmp_path / "corpus.jsonl.gz"
    first = analysed(["Der Minister sagte, es sei gut."], kept)
    assert kept.exists() and first[0].tokens
    again = analysed(["Der Minister sagte, es sei gut."], kept)
    assert [tok.text for tok in again[0].tokens] == [tok.text for tok in first[0].tokens]
    other = analysed(["Die Ministerin sagte nichts."], kept)
    assert other[0].text == "Die Ministerin sagte nichts."
