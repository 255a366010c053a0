"""The speaker ranker: it learns weights from labelled candidates, picks the best one above its threshold,
and round-trips through its JSON file."""

from __future__ import annotations

from pathlib import Path

import pytest

from wortlaut.quotes.speaker_model import DEFAULT_MODEL, SpeakerModel, train


def _data() -> tuple[list[list[str]], list[int]]:
    feats = [["side=before", "prefield=True"], ["side=after", "first=dem"]] * 20
    labels = [1, 0] * 20
    return feats, labels


def test_training_prefers_the_feature_seen_with_speakers() -> None:
    model = train(*_data())
    assert model.score(["side=before", "prefield=True"]) > 0.8
    assert model.score(["side=after", "first=dem"]) < 0.2


def test_best_returns_none_below_the_threshold() -> None:
    model = SpeakerModel(weights={"good": 3.0, "bad": -3.0}, threshold=0.5)
    assert model.best([["bad"], ["good"]]) == 1
    assert model.best([["bad"], ["bad"]]) is None
    assert model.best([]) is None


def test_model_file_round_trips(tmp_path: Path) -> None:
    model = train(*_data())
    model.threshold = 0.3
    model.meta = {"trained_on": ["test"]}
    path = tmp_path / "m" / "model.json"
    model.save(path)
    loaded = SpeakerModel.load(path)
    assert loaded.threshold == 0.3 and loaded.meta == {"trained_on": ["test"]}
    assert loaded.score(["side=before"]) == pytest.approx(model.score(["side=before"]), abs=1e-3)


def test_unreadable_model_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.json"):
        SpeakerModel.load(path)


def test_shipped_model_says_what_it_learned_from() -> None:
    model = SpeakerModel.load(DEFAULT_MODEL)
    assert model.meta["trained_on"] == ["quotes-parliament/train"]
    assert (DEFAULT_MODEL.parent / "MODEL_CARD.md").exists()
