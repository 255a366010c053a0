"""Word clusters for the NER tagger: table format, features, and the k-means hierarchy on made-up vectors."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest

from wortlaut.ner.clusters import ClustersError, WordClusters
from wortlaut.ner.clusters_build import hierarchy, kmeans, write_table
from wortlaut.ner.features import FeatureExtractor


def test_listed_form_gets_its_cluster_at_each_level_case_insensitively() -> None:
    clusters = WordClusters({"büro": ("3", "40", "700"), "merkel": ("1", "2", "3")})
    assert clusters.features("Merkel") == ["c64=1", "c256=2", "c1024=3"]
    assert clusters.features("merkel") == ["c64=1", "c256=2", "c1024=3"]


def test_unlisted_capitalised_compound_gets_its_longest_listed_tail() -> None:
    clusters = WordClusters({"büro": ("3", "40", "700"), "tenbüro": ("5", "6", "7")})
    assert clusters.features("Abgeordnetenbüro") == ["tc64=5", "tc256=6", "tc1024=7"]
    assert clusters.features("abgeordnetenbüro") == ["c=none"]  # lower case: no tail guess
    assert clusters.features("Xyz") == ["c=none"]


def test_written_table_reads_back_with_the_source_of_each_form(tmp_path: Path) -> None:
    path = tmp_path / "clusters.tsv.gz"
    write_table(path, ["haus", "rutte"], np.array([[0, 1, 2], [3, 4, 5]]), frozenset({"haus"}), ["a header"])
    clusters = WordClusters.load(path)
    assert clusters.table == {"haus": ("0", "1", "2"), "rutte": ("3", "4", "5")}
    assert clusters.general == frozenset({"haus"})


def test_restricted_table_keeps_general_forms_and_the_training_side_capitalised_forms() -> None:
    clusters = WordClusters(
        {"haus": ("0", "1", "2"), "rutte": ("3", "4", "5"), "tusk": ("6", "7", "8")}, frozenset({"haus"})
    )
    kept = clusters.restricted([["Rutte", "sagte", "tusk"]])
    assert set(kept.table) == {"haus", "rutte"}  # lower-case "tusk" in training does not list Tusk
    assert kept.features("Tusk") == ["c=none"]


def test_missing_or_malformed_table_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ClustersError, match="no word-cluster table"):
        WordClusters.load(tmp_path / "absent.tsv.gz")
    bad = tmp_path / "bad.tsv.gz"
    with gzip.open(bad, "wt", encoding="utf-8") as handle:
        handle.write("# header\nhaus\tw\t1\t2\n")
    with pytest.raises(ClustersError, match=r"bad.tsv.gz:2: want form, w|g"):
        WordClusters.load(bad)


def test_kmeans_separates_two_clear_groups() -> None:
    rng = np.random.default_rng(0)
    left = np.array([1.0, 0.0, 0.0]) + 0.01 * rng.standard_normal((20, 3))
    right = np.array([0.0, 1.0, 0.0]) + 0.01 * rng.standard_normal((20, 3))
    points = np.vstack([left, right]).astype(np.float32)
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    _, assigned = kmeans(points, 2)
    assert len(set(assigned[:20])) == 1 and len(set(assigned[20:])) == 1
    assert assigned[0] != assigned[20]


def test_hierarchy_levels_nest_coarse_over_fine() -> None:
    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((200, 8)).astype(np.float32)
    ids = hierarchy(vectors, levels=(16, 4, 2))
    assert ids.shape == (200, 3)
    for column, size in zip(range(3), (2, 4, 16), strict=True):
        assert ids[:, column].max() < size
    fine_to_coarse: dict[int, set[int]] = {}
    for coarse, middle, fine in ids.tolist():
        fine_to_coarse.setdefault(fine, set()).add((coarse, middle))  # type: ignore[arg-type]
    assert all(len(parents) == 1 for parents in fine_to_coarse.values())


def test_cluster_group_adds_own_and_neighbour_features() -> None:
    clusters = WordClusters({"rutte": ("1", "2", "3"), "sagte": ("4", "5", "6")})
    extractor = FeatureExtractor(("cluster",), clusters=clusters)
    rutte, sagte = extractor.sentence(["Rutte", "sagte"])
    assert {"c64=1", "c256=2", "c1024=3"} <= set(rutte)
    assert {"1:c64=4", "1:c256=5"} <= set(rutte)
    assert "1:c1024=6" not in rutte  # neighbours carry the two coarser levels only
    assert "-1:c64=1" in sagte


def test_model_trained_with_a_table_tags_with_it(tmp_path: Path) -> None:
    from wortlaut.ner import load_tagger
    from wortlaut.ner.corpus import Sentence
    from wortlaut.ner.train import train_model

    clusters = WordClusters({"rutte": ("1", "2", "3"), "tusk": ("1", "2", "3")}, frozenset())
    sentences = [
        Sentence(("Heute", "sprach", "Rutte", "."), ("O", "O", "B-PER", "O")),
        Sentence(("Dann", "kam", "Haus", "."), ("O", "O", "O", "O")),
    ] * 3
    out = train_model(sentences, tmp_path / "c.npz", groups=("cluster",), iterations=30, clusters=clusters)
    tagger = load_tagger(out, clusters=clusters)
    assert tagger.tag(["Heute", "sprach", "Tusk", "."]) == [(2, 3, "PER")]  # only the cluster is shared


def test_centred_hierarchy_separates_groups_that_share_a_large_common_direction() -> None:
    rng = np.random.default_rng(2)
    common = np.array([10.0, 0.0, 0.0, 0.0])
    left = common + np.array([0.0, 1.0, 0.0, 0.0]) + 0.05 * rng.standard_normal((30, 4))
    right = common + np.array([0.0, -1.0, 0.0, 0.0]) + 0.05 * rng.standard_normal((30, 4))
    ids = hierarchy(np.vstack([left, right]).astype(np.float32), levels=(2, 2, 2), center=True)
    assert len(set(ids[:30, 2])) == 1 and len(set(ids[30:, 2])) == 1
    assert ids[0, 2] != ids[30, 2]
