"""The quotation metric on tiny hand-made gold/prediction pairs, and a quality gate on a dev slice."""

from __future__ import annotations

import json
from collections.abc import Set as AbstractSet
from pathlib import Path

import pytest
from click.testing import CliRunner

from wortlaut.article import Span, Statement
from wortlaut.eval.quotes import Annotation, Scores, TokenMap, command, error_lines, evaluate, pair, prf

#: Scores measured on the first GATE_DOCS dev documents (see docs/quality.md), pinned a little lower
#: so that noise does not fail CI but a real regression does.
GATE_DOCS = 40
#: 2026-12-06 (issue 12): joint 0.712 / detection 0.755 measured; lower than before because a quotation
#: nested in an indirect statement is no longer emitted as a second statement (the corpus annotates some).
GATE = {"joint": 0.69, "detection": 0.74}


def _ann(
    quote: AbstractSet[int],
    cue: AbstractSet[int] = frozenset(),
    speaker: AbstractSet[int] = frozenset(),
    kind: str = "Direct",
    medium: str | None = None,
) -> Annotation:
    roles = {
        "quote": frozenset(quote),
        "cue": frozenset(cue),
        "speaker": frozenset(speaker),
        "addressee": frozenset(),
    }
    return Annotation(roles=roles, kind=kind, medium=medium)


def test_prf_handles_empty_counts() -> None:
    assert prf(0, 0, 0) == {"p": 0.0, "r": 0.0, "f1": 0.0}
    assert prf(1, 2, 4)["f1"] == pytest.approx(0.3333, abs=1e-4)


def test_pairing_is_one_to_one_by_largest_overlap() -> None:
    gold = [_ann({1, 2, 3, 4}), _ann({5, 6})]
    predicted = [_ann({1, 2, 3, 4, 5, 6})]
    assert pair(gold, predicted) == [(0, 0)]


def test_perfect_prediction_scores_one() -> None:
    gold = [_ann({1, 2, 3}, cue={4}, speaker={5}, medium="Speech")]
    scores = Scores()
    scores.add(gold, [_ann({1, 2, 3}, cue={4}, speaker={5}, kind="direct", medium="speech")])
    report = scores.report()
    assert report["joint"]["f1"] == 1.0
    assert report["detection"]["f1"] == 1.0
    assert report["medium_accuracy"] == 1.0


def test_unpaired_prediction_costs_precision_and_missed_gold_costs_recall() -> None:
    scores = Scores()
    scores.add([_ann({1, 2}, speaker={9})], [_ann({1, 2}), _ann({7, 8})])
    report = scores.report()
    assert report["quote"] == {"p": 0.5, "r": 1.0, "f1": pytest.approx(0.6667, abs=1e-4)}
    assert report["speaker"]["r"] == 0.0
    assert report["detection"]["p"] == 0.5
    assert report["gold_types"]["Direct"] == {"gold": 1, "found": 1, "recall": 1.0}


def test_token_map_uses_every_part_of_a_discontinuous_span() -> None:
    tokens = TokenMap([{"id": i, "charBegin": i * 4, "charEnd": i * 4 + 3} for i in range(5)])
    span = Span(start=0, end=19, text="x" * 19, spans=((0, 3), (16, 19)))
    assert tokens.span_ids(span) == frozenset({0, 4})
    assert tokens.ids_in(5, 6) == {1}


def test_medium_sw_accepts_speech_or_writing() -> None:
    scores = Scores()
    scores.add([_ann({1}, medium="SW")], [_ann({1}, medium="writing")])
    assert scores.report()["medium_accuracy"] == 1.0


def _document(text: str, quote: tuple[int, int], cue: tuple[int, int]) -> dict[str, object]:
    words = []
    position = 0
    for number, word in enumerate(text.split(" ")):
        words.append({"id": number, "charBegin": position, "charEnd": position + len(word), "text": word})
        position += len(word) + 1
    ids = lambda bounds: [w["id"] for w in words if bounds[0] <= w["charBegin"] < bounds[1]]  # noqa: E731
    annotation = {
        "type": "Indirect",
        "medium": "Speech",
        "quote": {"tokenIds": ids(quote)},
        "cue": {"tokenIds": ids(cue)},
        "speaker": {"tokenIds": [0, 1]},
        "addressee": {"tokenIds": []},
    }
    return {"originalText": text, "tokens": words, "annotations": [annotation]}


def test_command_scores_a_folder(tmp_path: Path) -> None:
    text = "Der Minister sagte , die Lage sei ernst ."
    (tmp_path / "a.json").write_text(json.dumps(_document(text, (21, 38), (13, 18))), encoding="utf-8")
    result = CliRunner().invoke(command, [str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{") :])
    assert report["detection"]["r"] == 1.0
    assert report["cue"]["f1"] == 1.0


def test_error_listing_names_misses_false_finds_and_role_differences() -> None:
    words = dict(enumerate("abcdefgh"))
    gold = [_ann({0, 1}, cue={2}), _ann({6})]
    predicted = [_ann({0, 1}, cue={3}, kind="indirect"), _ann({4, 5}, kind="direct")]
    lines = error_lines("doc.json", gold, predicted, words)
    assert lines[0] == "=== doc.json"
    assert any(line.startswith("MISS [Direct] quote: g") for line in lines)
    assert any(line.startswith("FALSE [direct/] quote: e f") for line in lines)
    assert any(line.startswith("DIFF cue") and line.endswith("-c +d") for line in lines)


def test_command_writes_the_error_listing(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    text = "Der Minister sagte , die Lage sei ernst ."
    (folder / "a.json").write_text(json.dumps(_document(text, (21, 38), (13, 18))), encoding="utf-8")
    listing = tmp_path / "errors.txt"
    result = CliRunner().invoke(command, [str(folder), "--errors", str(listing)])
    assert result.exit_code == 0, result.output
    assert listing.read_text(encoding="utf-8").startswith("=== a.json")


def test_command_rejects_a_folder_of_bad_documents(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(command, [str(tmp_path)])
    assert result.exit_code != 0
    assert "bad.json" in result.output and "Traceback" not in result.output


def test_statement_without_gold_tokens_is_not_counted() -> None:
    from wortlaut.eval.quotes import predicted_annotations

    tokens = TokenMap([{"id": 0, "charBegin": 0, "charEnd": 3}])
    statement = Statement(id="x:s1", mode="direct", quote=Span(start=10, end=12, text="ab"))
    assert predicted_annotations([statement], tokens) == []


@pytest.mark.slow
def test_quality_gate_on_dev_slice() -> None:
    from tests.conftest import shared_path

    report = evaluate(shared_path("data", "quotes-wikinews", "dev"), limit=GATE_DOCS, progress=False).report()
    for name, floor in GATE.items():
        assert report[name]["f1"] >= floor, (name, report[name])
