"""The morphology analyser without the stage: mood rules from form and lemma, bounded word memos."""

from __future__ import annotations

import pytest

from wortlaut.morph import MorphAnalyser, rule_mood
from wortlaut.morph.tagger import MEMO_FORMS, MemoTagger


@pytest.fixture(scope="module")
def analyser() -> MorphAnalyser:
    return MorphAnalyser()


@pytest.mark.parametrize(
    ("form", "lemma", "expected"),
    [
        ("gebe", "geben", ("amb1", "pres")),
        ("verändere", "verändern", ("amb1", "pres")),
        ("sagte", "sagen", ("ind", "past")),
        ("dachte", "denken", ("ind", "past")),
        ("dächte", "denken", ("sub2", "past")),
        ("ginge", "gehen", ("sub2", "past")),
        ("kämen", "kommen", ("sub2", "past")),
        ("gingen", "gehen", ("ind", None)),
    ],
)
def test_rule_mood_from_form_and_lemma(form: str, lemma: str, expected: tuple[str, str | None]) -> None:
    assert rule_mood(form, lemma) == expected


def test_word_memos_stay_bounded_and_keep_results(analyser: MorphAnalyser) -> None:
    """A long-running worker sees ever new forms; each memo keeps at most its cap and evicts
    the least recently used, without changing any tag or lemma."""
    small = MemoTagger(memo_forms=8)
    sentences = [
        ["Die", "Ministerin", "sagte", ",", "sie", "wolle", "helfen", "."],
        ["Der", "Kanzler", "Brandner", "telefonierte", "mit", "Zieliński", "."],
        ["Beide", "hätten", "vereinbart", ",", "enger", "zusammenzuarbeiten", "."],
        [f"Xenofirma{i}" for i in range(30)] + ["."],
    ]
    for words in sentences * 2:
        assert small.tag(words) == analyser.tagger.tag(words)
        assert all(size <= 8 for size in small.memo_sizes().values()), small.memo_sizes()
    assert small.memo_sizes()["word_probs"] == 8
    assert all(0 < size <= MEMO_FORMS for size in analyser.tagger.memo_sizes().values())
    assert analyser.tagger.word_probs.cache_info().maxsize == MEMO_FORMS


def test_taggers_share_hantas_tables_but_not_their_instance(analyser: MorphAnalyser) -> None:
    """HanTa's model loads once per process (the NER features read it too); each tagger shadows
    ``analyze_forward`` on its own shallow copy, so a second tagger (no table, small memo) neither
    replaces the first one's nor changes what the shared model answers."""
    from wortlaut.morph.tagger import hanta_model
    from wortlaut.ner.features import _pos_lookup

    model = hanta_model()
    other = MemoTagger(memo_forms=8, lexicon=None)
    assert other.tagger is not model and analyser.tagger.tagger is not model
    assert other.tagger.LP_trans is model.LP_trans is analyser.tagger.tagger.LP_trans
    assert analyser.tagger.tagger.analyze_forward is analyser.tagger.analyses
    assert other.tagger.analyze_forward is other.analyses
    assert "analyze_forward" not in vars(model)
    words = ["Die", "Ministerin", "sagte", ",", "sie", "wolle", "helfen", "."]
    assert other.tag(words) == analyser.tagger.tag(words)
    assert _pos_lookup()("Ministerin") == ["t=NN"]
