"""The larger organisation list as NER features (the optional ``orglist`` group, issue 14zd)."""

from __future__ import annotations

from pathlib import Path

from wortlaut.ner.corpus import read_germeval
from wortlaut.ner.features import GROUPS, FeatureExtractor
from wortlaut.ner.model import CrfModel
from wortlaut.ner.orglist import OrgList
from wortlaut.ner.tagger import NerTagger
from wortlaut.ner.teacher.densecrf import items, train_dense_crf

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ner" / "mini.tsv"


def test_words_of_names_get_position_flags() -> None:
    names = OrgList.from_names(["Deutsche Bank", "Bundesbank", "Die Zeit", "Bund für Umwelt"])
    assert names.flags("Deutsche") == ["ol:b"]
    assert names.flags("Bank") == ["ol:e"]
    assert names.flags("Bundesbank") == ["ol"]
    assert names.flags("Bundesbanks") == ["ol"]  # genitive
    assert names.flags("Die") == []  # a capitalised article inside a name is not flagged
    assert names.flags("Zeit") == ["ol:e"]
    assert names.flags("für") == []
    assert names.flags("Umwelt") == ["ol:e"]


def test_shipped_list_keeps_multi_word_names_and_leaves_out_common_nouns() -> None:
    names = OrgList.load()
    assert names.flags("Deutsche") == ["ol:b"] and "ol:e" in names.flags("Metall")
    assert names.flags("Polizei") == [] and names.flags("Otto") == []


def test_orglist_group_flags_the_word_and_its_neighbours() -> None:
    rows = FeatureExtractor(("orglist",)).sentence(["Die", "Deutsche", "Bank", "klagt"])
    assert "ol:b" in rows[1] and "1:ol:e" in rows[1]
    assert "-1:ol:e" in rows[3]


def test_a_model_trained_with_the_group_names_it() -> None:
    sentences = read_germeval(FIXTURE)
    groups = (*GROUPS, "orglist")
    model = train_dense_crf(sentences, [None] * len(sentences), c1=0.01, iterations=5, groups=groups)
    assert "orglist" in model.groups and "dense" not in model.groups


def test_the_runtime_tagger_with_the_group_tags_as_crfsuite(tmp_path: Path) -> None:
    """The tagger rebuilds the group's features from the model's groups, so its tags are crfsuite's."""
    import pycrfsuite

    groups = tuple(sorted((*GROUPS, "orglist")))
    extractor = FeatureExtractor(groups)
    trainer = pycrfsuite.Trainer(verbose=False)
    sentences = read_germeval(FIXTURE)
    for sentence in sentences:
        trainer.append(items(extractor, sentence.words, None), list(sentence.tags))
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 30})
    trainer.train(str(tmp_path / "tiny.crfsuite"))
    ours = NerTagger(CrfModel.from_crfsuite(tmp_path / "tiny.crfsuite", groups))
    theirs = pycrfsuite.Tagger()
    theirs.open(str(tmp_path / "tiny.crfsuite"))
    probe = ("Die", "Deutsche", "Bank", "und", "IG", "Metall", "streiten")
    probes = [tuple(s.words) for s in sentences] + [probe]
    for words in probes:
        assert ours.tag_bio(words) == list(theirs.tag(items(extractor, words, None)))
