"""The NER tagger: the shipped model, loading errors, and a tiny model trained from a fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from wortlaut.ner import NerModelError, NerTagger, load_tagger
from wortlaut.ner.corpus import outer_tag, read_germeval
from wortlaut.ner.features import GROUPS, FeatureExtractor
from wortlaut.ner.model import CrfModel
from wortlaut.ner.tagger import default_model_path
from wortlaut.ner.train import train_model

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ner" / "mini.tsv"


@pytest.fixture(scope="module")
def shipped() -> NerTagger:
    return load_tagger()


def named(words: list[str], spans: list[tuple[int, int, str]]) -> set[tuple[str, str]]:
    return {(" ".join(words[start:end]), kind) for start, end, kind in spans}


def test_shipped_model_finds_person_organisation_and_place(shipped: NerTagger) -> None:
    words = ["NATO-Generalsekretär", "Mark", "Rutte", "sagte", "am", "Montag", "in", "Brüssel", ","]
    words += ["die", "NATO", "sei", "bereit", "."]
    found = named(words, shipped.tag(words))
    assert {("Mark Rutte", "PER"), ("NATO", "ORG"), ("Brüssel", "LOC")} <= found


def test_tag_sentences_matches_tag_and_handles_empty(shipped: NerTagger) -> None:
    sentences = [["Olaf", "Scholz", "reist", "nach", "Paris", "."], [], ["Hallo"]]
    assert shipped.tag_sentences(sentences) == [shipped.tag(words) for words in sentences]
    assert shipped.tag([]) == []


def test_odd_input_gives_spans_inside_the_sentence(shipped: NerTagger) -> None:
    words = ["😀", "Пу́тин", "", "x" * 500, "@SecGenNATO", "#Ukraine", "2025"] * 30
    for start, end, kind in shipped.tag(words):
        assert 0 <= start < end <= len(words)
        assert kind in {"PER", "ORG", "LOC", "OTH"}


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NerModelError, match="not found"):
        load_tagger(tmp_path / "nothing.npz")


def test_unreadable_model_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.npz"
    broken.write_text("not a model", encoding="utf-8")
    with pytest.raises(NerModelError, match="not a readable NER model"):
        load_tagger(broken)


def test_shipped_model_file_is_small() -> None:
    assert default_model_path().stat().st_size < 20 * 1024 * 1024


def test_derived_and_part_tags_become_outside() -> None:
    assert [outer_tag(t) for t in ("B-LOCderiv", "I-ORGpart", "B-PER", "I-OTH", "O")] == [
        "O", "O", "B-PER", "I-OTH", "O",
    ]


@pytest.mark.slow
def test_tiny_model_trains_saves_and_loads(tmp_path: Path) -> None:
    sentences = read_germeval(FIXTURE)
    out = train_model(sentences, tmp_path / "tiny.npz", groups=("affix", "gazetteer"), iterations=50)
    tagger = load_tagger(out)
    assert CrfModel.load(out).groups == ("affix", "gazetteer")
    words = list(sentences[0].words)
    assert named(words, tagger.tag(words)) == {("Mark Rutte", "PER"), ("Brüssel", "LOC")}


@pytest.mark.parametrize("groups", [("affix",), GROUPS, (*GROUPS, "window3")])
def test_tagger_agrees_with_crfsuite(tmp_path: Path, groups: tuple[str, ...]) -> None:
    """The cached-score Viterbi gives crfsuite's own tags for the same weights (±1 to ±3 windows)."""
    import pycrfsuite

    sentences = read_germeval(FIXTURE)
    extractor = FeatureExtractor(groups)
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        trainer.append(extractor.sentence(sentence.words), list(sentence.tags))
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 30})
    trainer.train(str(tmp_path / "tiny.crfsuite"))
    CrfModel.from_crfsuite(tmp_path / "tiny.crfsuite", groups).save(tmp_path / "tiny.npz")
    ours = load_tagger(tmp_path / "tiny.npz")
    theirs = pycrfsuite.Tagger()
    theirs.open(str(tmp_path / "tiny.crfsuite"))
    probes = [s.words for s in sentences] + [("Herr", "Rutte", "reist", "nach", "Wien", "und", "Rom")]
    probes += [("Der", "Stromversorger", "Vattenfall"), ("NATO-Generalsekretär",), ("Ja", ".")]
    for words in probes:
        assert ours.tag_bio(words) == list(theirs.tag(extractor.sentence(words)))


def test_batched_viterbi_equals_one_by_one(shipped: NerTagger) -> None:
    sentences = [
        ["Der", "Kanzler", "traf", "Emmanuel", "Macron", "in", "Paris", "."],
        ["Ja", "."],
        [],
        ["Die", "Vereinten", "Nationen", "und", "die", "EU", "berieten", "in", "New", "York", "."],
        ["Rutte"],
    ] * 30
    assert shipped.tag_sentences(sentences) == [shipped.tag(words) for words in sentences]


def test_frequency_features_separate_common_nouns_from_rare_names() -> None:
    extractor = FeatureExtractor(("freq", "hyphen", "trigger"))
    assert "z=5" in extractor.word("Regierung").own  # a very common word
    assert "z=0" in extractor.word("Selenskyj").own  # unknown to the frequency list
    compound = extractor.word("Bundestagsabgeordnetenbüro").own
    assert any(feature.startswith("zt=") and feature != "zt=none" for feature in compound)
    hyphenated = extractor.word("NATO-Generalsekretär").own
    assert {"hh=nato", "ht=generalsekretär"} <= set(hyphenated)
    assert "orgtype" in extractor.word("Stromversorger").own
    assert "orgtype" not in extractor.word("Haus").own


def test_spans_without_letters_or_digits_are_dropped(shipped: NerTagger) -> None:
    emoji = ["😀", "🙂", "🎉", "🇩🇪", "👍👍", "🔥"] * 6
    assert shipped.tag(emoji) == []
    assert shipped.tag_sentences([emoji, ["Olaf", "Scholz", "kommt", "."]]) == [[], [(0, 2, "PER")]]


WORD_FORMS = ["NATO-Generalsekretär", "Rutte", "sagte", "Brüssel", "3:1", "-", "Abgeordnetenbüro", "ÄÖÜ"]


def test_feature_parts_are_the_word_features_without_their_prefixes(shipped: NerTagger) -> None:
    extractor = shipped.features
    for form in WORD_FORMS:
        own, context = extractor.parts(form)
        features = extractor.word(form)
        assert own == features.own
        assert all(features.at[offset] == [f"{offset}:{name}" for name in context] for offset in features.at)


def test_form_scores_equal_the_sums_over_the_prefixed_feature_names(shipped: NerTagger) -> None:
    import numpy as np

    model = CrfModel.load(default_model_path())
    rows = {name: index for index, name in enumerate(model.attributes)}
    for form in WORD_FORMS:
        features = shipped.features.word(form)
        lists = [features.own] + [features.at[offset] for offset in shipped.features.offsets]
        known = [(place, rows[name]) for place, names in enumerate(lists) for name in names if name in rows]
        expected = np.zeros((len(lists), model.weights.shape[1]), dtype=np.float32)
        np.add.at(expected, [place for place, _ in known], model.weights[[row for _, row in known]])
        assert np.array_equal(shipped._form(form), expected)
