"""The tagger with a dense window scorer: one table for the CRF's and the scorer's rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ner.test_dense import _scorer
from wortlaut.ner.corpus import read_germeval
from wortlaut.ner.features import GROUPS, FeatureExtractor
from wortlaut.ner.model import CrfModel
from wortlaut.ner.tagger import NerTagger
from wortlaut.ner.teacher.densecrf import items

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ner" / "mini.tsv"
PROBES = [
    ("Herr", "Rutte", "reist", "nach", "Wien", "und", "Rom"),
    ("Der", "Stromversorger", "Vattenfall"),
    ("NATO-Generalsekretär",),
    ("Ja", "."),
]


#: The scorers tried: one window layer (the shipped kind), and a second window over it (opt-in).
SECOND_UNITS = (0, 2)


@pytest.fixture(scope="module", params=SECOND_UNITS)
def trained(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[tuple[str, ...]], int]:
    """A tiny crfsuite model with the lexical and the dense features, the probe sentences and
    the scorer's second-layer units."""
    import pycrfsuite

    folder = tmp_path_factory.mktemp("dense")
    sentences = read_germeval(FIXTURE)
    extractor, scorer = FeatureExtractor(GROUPS), _scorer(3, request.param)
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        found = items(extractor, sentence.words, scorer.probabilities(sentence.words))
        trainer.append(found, list(sentence.tags))
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 30})
    trainer.train(str(folder / "tiny.crfsuite"))
    return folder / "tiny.crfsuite", [tuple(s.words) for s in sentences] + PROBES, request.param


def _ours(path: Path, second_units: int) -> NerTagger:
    model = CrfModel.from_crfsuite(path, tuple(sorted((*GROUPS, "dense"))))
    return NerTagger(model, scorer=_scorer(3, second_units))


def test_tagger_with_dense_scorer_agrees_with_crfsuite(
    trained: tuple[Path, list[tuple[str, ...]], int],
) -> None:
    import pycrfsuite

    path, probes, units = trained
    ours, extractor, scorer = _ours(path, units), FeatureExtractor(GROUPS), _scorer(3, units)
    theirs = pycrfsuite.Tagger()
    theirs.open(str(path))
    for words in probes:
        assert ours.tag_bio(words) == list(theirs.tag(items(extractor, words, scorer.probabilities(words))))


def test_dense_batches_equal_single_sentences_across_cache_clearing(
    trained: tuple[Path, list[tuple[str, ...]], int], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, probes, units = trained
    alone = [_ours(path, units).tag(words) for words in probes]
    monkeypatch.setattr("wortlaut.ner.tagger.FORM_CACHE_BYTES", 1)  # one form: every batch clears it
    small = _ours(path, units)
    assert small.tag_sentences(probes * 3) == alone * 3  # one batch: its forms all stay
    small.tag(["Ganz", "neue", "Wörter"])  # new forms: the full table is emptied first
    assert set(small._cache) == {"Ganz", "neue", "Wörter"}
    assert [small.tag(words) for words in probes] == alone


def test_the_shipped_default_is_the_dense_model_and_the_sparse_one_loads_beside_it() -> None:
    """The default model has the dense group and its scorer ships; the opt-in sparse model has none."""
    from wortlaut.ner.tagger import default_model_path, load_tagger, sparse_model_path

    assert "dense" in CrfModel.load(default_model_path()).groups
    assert "dense" not in CrfModel.load(sparse_model_path()).groups
    for tagger in (load_tagger(), load_tagger(sparse_model_path())):
        spans = tagger.tag(["Angela", "Merkel", "besuchte", "Paris", "."])
        assert (0, 2, "PER") in [tuple(span) for span in spans]
