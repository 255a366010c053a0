"""The event status classifier: its features, its training, its saved weights and the rules it keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from wortlaut.article import Article, Span
from wortlaut.claims import status_model
from wortlaut.claims.status_features import GROUPS, select, status_features
from wortlaut.events.status import (
    CANCELLED,
    HAPPENED,
    HYPOTHETICAL,
    NEGATED,
    PLANNED,
    StatusOptions,
    event_status,
)


def _trigger(text: str, word: str, published: str | None = "2024-12-18") -> tuple[Article, Span, Span]:
    article = Article.create(text, published=published)
    start = text.index(word)
    sentence = Span(start=0, end=len(text), text=text)
    return article, Span(start=start, end=start + len(word), text=word), sentence


def test_features_hold_the_rules_answer_and_the_cues_that_fire() -> None:
    features = status_features(*_trigger("Ein Gespräch könnte nächste Woche stattfinden.", "Gespräch"))
    assert features["rule:hypothetical"] == 1.0
    assert any(name.startswith("cues:") and name.endswith(":hypothetical") for name in features)
    assert {name.split(":")[0] for name in features} <= {"bias", *GROUPS}


def test_features_see_negation_before_the_trigger_and_a_question() -> None:
    features = status_features(*_trigger("Gibt es kein Treffen?", "Treffen"))
    assert features["lex:negation_before"] == 1.0 and features["lex:question"] == 1.0


def test_features_without_publication_date_say_so() -> None:
    features = status_features(*_trigger("Das Treffen fand statt.", "Treffen", published=None))
    assert features["date:unpublished"] == 1.0


def test_select_keeps_the_chosen_groups_and_the_bias() -> None:
    features = {"bias": 1.0, "rule:planned": 1.0, "lex:question": 1.0}
    assert select(features, frozenset({"lex"})) == {"bias": 1.0, "lex:question": 1.0}


def _toy() -> tuple[list[dict[str, float]], list[str]]:
    rows = [{"bias": 1.0, "lex:plan": 1.0}, {"bias": 1.0}, {"bias": 1.0, "lex:condition": 1.0}] * 4
    return rows, [PLANNED, HAPPENED, HYPOTHETICAL] * 4


def test_training_separates_labels_its_features_tell_apart() -> None:
    rows, gold = _toy()
    model = status_model.train(rows, gold, groups=frozenset({"lex"}), keep=frozenset(), l2=0.01)
    assert [model.predict(row, HAPPENED) for row in rows[:3]] == gold[:3]


def test_a_kept_rule_status_wins_over_the_model() -> None:
    rows, gold = _toy()
    model = status_model.train(rows, gold, groups=frozenset({"lex"}), keep=frozenset({CANCELLED}), l2=0.01)
    assert model.predict(rows[0], CANCELLED) == CANCELLED
    assert model.predict(rows[0], NEGATED) == PLANNED


def test_saved_weights_load_back_with_the_same_predictions(tmp_path: Path) -> None:
    rows, gold = _toy()
    model = status_model.train(rows, gold, groups=frozenset({"lex"}), keep=frozenset({CANCELLED}), l2=0.01)
    status_model.save(model, tmp_path)
    loaded = status_model.load_model(tmp_path)
    assert loaded is not None and loaded.labels == model.labels and loaded.keep == model.keep
    assert [loaded.predict(row, HAPPENED) for row in rows] == [model.predict(row, HAPPENED) for row in rows]


def test_no_weights_file_means_no_model(tmp_path: Path) -> None:
    assert status_model.load_model(tmp_path) is None


def test_shipped_model_loads_and_keeps_cancellation_to_the_rules() -> None:
    model = status_model.load_model()
    if model is None:
        pytest.skip("no shipped status model (models/claims-status/weights.json)")
    assert CANCELLED in model.keep and HAPPENED in model.labels
    assert model.weights.shape == (len(model.features), len(model.labels))


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Der Besuch wurde aus Sicherheitsgründen abgesagt.", "Besuch", CANCELLED),
        ("Das Treffen hat am Montag stattgefunden.", "Treffen", HAPPENED),
        ("Am Donnerstag ist ein Treffen in Wien geplant.", "Treffen", PLANNED),
    ],
)
def test_shipped_model_gives_plain_sentences_their_status(text: str, trigger: str, status: str) -> None:
    assert event_status(*_trigger(text, trigger), options=StatusOptions(model=True)) == status
