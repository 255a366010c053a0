"""The learned type lexicon: file format, features, and its generator on tiny made-up data."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest

from wortlaut.ner import load_tagger
from wortlaut.ner.corpus import Sentence
from wortlaut.ner.features import FeatureExtractor
from wortlaut.ner.lexicon import (
    LexiconError,
    TypeLexicon,
    bucket,
    parse_lines,
)
from wortlaut.ner.lexicon_build import (
    CLASSES,
    cross_fit,
    embed,
    fit_softmax,
    fold_of,
    frequent_words,
    label_counts,
    name_and_type,
    softmax,
    vocabulary,
    write_lexicon,
)


def write_gz(path: Path, text: str) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(text)
    return path


def test_features_name_the_buckets_and_the_best_type() -> None:
    lexicon = TypeLexicon(
        {"Rutte": (90, 82, 5, 3, 1), "Jordan": (40, 40, 2, 45, 13), "Haus": (10, 5, 3, 2, 1)}
    )
    assert lexicon.features("Rutte") == ["en=hi", "e=PER:hi", "e=PER"]
    assert lexicon.features("Jordan") == ["en=mid", "e=PER:mid", "e=LOC:mid", "e=LOC"]
    assert lexicon.features("Haus") == []  # listed, but nothing reaches a bucket
    assert lexicon.features("Unbekannt") == []
    assert [bucket(p) for p in (100, 60, 59, 35, 15, 14, 0)] == ["hi", "hi", "mid", "mid", "lo", None, None]


def test_load_reads_gzipped_file_and_skips_comments(tmp_path: Path) -> None:
    path = write_gz(tmp_path / "lex.tsv.gz", "# header\nRutte\t90\t82\t5\t3\t1\n\nBrüssel\t95\t2\t3\t90\t0\n")
    lexicon = TypeLexicon.load(path)
    assert lexicon.entries == {"Rutte": (90, 82, 5, 3, 1), "Brüssel": (95, 2, 3, 90, 0)}


@pytest.mark.parametrize("line", ["Rutte\t90\t82\t5\n", "Rutte\t90\tviel\t5\t3\t1\n"])
def test_malformed_lines_are_clear_errors(line: str) -> None:
    with pytest.raises(LexiconError, match="<lexicon>:1"):
        list(parse_lines([line]))


def test_missing_or_broken_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="not found"):
        TypeLexicon.load(tmp_path / "missing.tsv.gz")
    broken = tmp_path / "broken.tsv.gz"
    broken.write_bytes(b"not gzip")
    with pytest.raises(LexiconError, match="not readable"):
        TypeLexicon.load(broken)


def test_shipped_model_does_not_need_the_lexicon() -> None:
    assert "etype" not in load_tagger().features.groups


def test_etype_group_without_a_built_lexicon_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="lexicon_build"):
        TypeLexicon.load(tmp_path / "type_lexicon.tsv.gz")


def test_etype_group_adds_lexicon_features_for_the_token_and_its_neighbours() -> None:
    lexicon = TypeLexicon({"Rutte": (90, 82, 5, 3, 1)})
    extractor = FeatureExtractor(("etype",), lexicon=lexicon)
    rows = extractor.sentence(["Herr", "Rutte", "sagte"])
    assert "e=PER:hi" in rows[1]
    assert "1:e=PER" in rows[0] and "-1:e=PER" in rows[2]
    assert not any(feature.startswith("e=") for feature in rows[0])


def test_label_counts_use_the_outer_type_of_b_and_i_tags() -> None:
    sentences = [
        Sentence(("Mark", "Rutte", "in", "Brüssel"), ("B-PER", "I-PER", "O", "B-LOC")),
        Sentence(("Rutte", "sagt"), ("B-PER", "O")),
    ]
    counts = label_counts(sentences)
    assert counts["Rutte"].tolist() == [0, 2, 0, 0, 0]
    assert counts["Brüssel"][CLASSES.index("LOC")] == 1
    assert counts["in"][CLASSES.index("O")] == 1


def test_folds_are_stable_and_shared_by_case_variants() -> None:
    assert fold_of("NATO") == fold_of("Nato") == fold_of("nato")
    assert len({fold_of(f"Wort{i}") for i in range(50)}) == 5


def test_softmax_classifier_learns_separable_classes() -> None:
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(5, 16)).astype(np.float32) * 3
    labels = np.repeat(np.arange(5), 40)
    inputs = (centres[labels] + rng.normal(size=(200, 16))).astype(np.float32)
    targets = np.eye(5, dtype=np.float32)[labels]
    coef, bias = fit_softmax(inputs, targets, np.ones(200, dtype=np.float32), steps=200)
    assert (softmax(inputs @ coef + bias).argmax(axis=1) == labels).mean() > 0.95


def test_cross_fit_gives_every_form_a_distribution_from_models_that_did_not_see_it() -> None:
    rng = np.random.default_rng(1)
    forms = [f"Name{i}" for i in range(60)] + [f"wort{i}" for i in range(60)] + ["Neu", "neu"]
    names = rng.normal(size=8) * 3
    inputs = np.stack([names if f[0].isupper() else -names for f in forms]) + rng.normal(size=(122, 8))
    person, outside = np.array([0.0, 3, 0, 0, 0]), np.array([5.0, 0, 0, 0, 0])
    counts = {f: person if f[0].isupper() else outside for f in forms[:-2]}
    found = cross_fit(forms, inputs.astype(np.float32), counts)
    assert np.allclose(found.sum(axis=1), 1.0, atol=1e-4)
    assert found[forms.index("Neu"), CLASSES.index("PER")] > 0.5  # unseen, like the names
    assert found[forms.index("neu"), CLASSES.index("O")] > 0.5
    assert (found[:60, CLASSES.index("PER")] > 0.5).mean() > 0.9  # out of fold, still right


def test_name_and_type_separate_name_likelihood_from_type() -> None:
    rng = np.random.default_rng(2)
    kinds = ["PER"] * 40 + ["LOC"] * 40 + ["O"] * 80
    forms = [f"Form{i}" for i in range(len(kinds))]
    centres = {kind: rng.normal(size=8) * 3 for kind in ("PER", "LOC", "O")}
    inputs = np.stack([centres[kind] + rng.normal(size=8) for kind in kinds]).astype(np.float32)
    counts = {form: np.eye(5)[CLASSES.index(kind)] * 2 for form, kind in zip(forms, kinds, strict=True)}
    name, types = name_and_type(forms, inputs, counts)
    assert types.shape == (len(forms), 4)
    per, loc = CLASSES.index("PER") - 1, CLASSES.index("LOC") - 1
    assert (types[:40, per] > 0.5).mean() > 0.9 and (types[40:80, loc] > 0.5).mean() > 0.9
    assert (name[:80] > 0.5).mean() > 0.9 and (name[80:] < 0.5).mean() > 0.9


def test_embed_uses_the_cache_and_write_lexicon_round_trips(tmp_path: Path) -> None:
    cache = tmp_path / "cache.npz"
    np.savez(cache, forms=np.array(["Rutte", "und"]), vectors=np.eye(2, 384, dtype=np.float16))
    vectors = embed(["und", "Rutte"], cache)  # both cached: the embedding model is not needed
    assert vectors.shape == (2, 384) and vectors[0, 1] == 1.0
    name = np.array([0.9, 0.05], dtype=np.float32)
    types = np.array([[0.8, 0.1, 0.1, 0.0], [0.25, 0.25, 0.25, 0.25]], dtype=np.float32)
    out = tmp_path / "lex.tsv.gz"
    assert write_lexicon(out, ["Rutte", "und"], name, types, ["test"]) == 1
    assert TypeLexicon.load(out).entries == {"Rutte": (90, 80, 10, 10, 0)}


def test_vocabulary_is_wordfreq_title_cased_and_nothing_else() -> None:
    words = vocabulary(300)
    assert words == sorted(words) and {"Und", "Die"} <= set(words)
    assert all(word[:1].isupper() for word in words)
    assert set(words) == set(frequent_words(300))
    assert vocabulary(0) == []
