"""Document-grouped CV of the time rule families: folds, the choice on training folds, pooled counts."""

from __future__ import annotations

from datetime import date

from tests.conftest import shared_path
from wortlaut.article import Article
from wortlaut.eval import timex_cv
from wortlaut.eval.timex_cv import Counts
from wortlaut.pipeline import build_pipeline
from wortlaut.timex import finder as finder_module
from wortlaut.timex.timeml import GoldTimex, TimeMLDocument

STRUCTURE, TOKENS = "wortlaut.stages.structure", "wortlaut.stages.tokens"

DAY = date(2015, 11, 18)


def test_folds_keep_each_document_whole_and_are_fixed_by_the_names() -> None:
    names = [f"doc{index}.tml" for index in range(23)]
    fold = timex_cv.folds(names, 5)
    assert set(fold) == set(names) and set(fold.values()) == set(range(5))
    assert sorted(list(fold.values()).count(number) for number in range(5)) == [4, 4, 5, 5, 5]
    assert timex_cv.folds(list(reversed(names)), 5) == fold


def test_counts_add_up_to_value_f1() -> None:
    assert (Counts(3, 4, 4) + Counts(1, 2, 2)).f1 == 4 / 6
    assert Counts().f1 == 0.0


def test_a_family_is_switched_off_only_when_the_training_documents_score_better_without_it() -> None:
    table = {
        "all": {"a": Counts(8, 10, 10), "b": Counts(5, 10, 10)},
        "kind helps": {"a": Counts(6, 10, 10), "b": Counts(5, 10, 10)},
        "kind hurts": {"a": Counts(9, 10, 10), "b": Counts(5, 10, 10)},
        "kind hurts elsewhere": {"a": Counts(8, 10, 10), "b": Counts(9, 10, 10)},
    }
    assert timex_cv.chosen_off(table, {"a"}) == {"kind hurts"}
    assert timex_cv.chosen_off(table, {"a", "b"}) == {"kind hurts", "kind hurts elsewhere"}


def test_a_finder_without_families_lacks_their_finds_and_rules_come_back() -> None:
    text = "1989 fiel die Mauer, am Montag tagte der Rat."
    kept = finder_module.ORIGIN_BEFORE
    with timex_cv.finder_without(["kind year", "origin von/vom"]) as finder:
        assert [t.text for t in finder.find(text, anchor=lambda _o: DAY)] == ["Montag"]
        assert finder_module.ORIGIN_BEFORE is not kept
    assert finder_module.ORIGIN_BEFORE is kept


def test_cross_validation_pools_the_held_out_folds() -> None:
    docs = [
        TimeMLDocument(
            name=f"d{index}",
            dct="2015-11-18",
            text=f"Im Jahr {1990 + index} begann es.",
            timexes=(
                GoldTimex(start=8, end=12, text=str(1990 + index), type="DATE", value=str(1990 + index)),
            ),
        )
        for index in range(4)
    ]
    pooled, lines, table = timex_cv.cross_validate(docs, 2)
    assert pooled == Counts(4, 4, 4) and len(lines) == 2
    assert timex_cv.total(table["kind year"], ["d0", "d1"]).correct < 2


def test_with_layers_the_folds_read_a_page_as_the_times_stage_does() -> None:
    text = "Neue Radwege in Kassel\n\n10.11.2021\n\nDer Stadtrat hat am Dienstag neue Regeln beschlossen.\n"
    gold = (
        GoldTimex(start=24, end=34, text="10.11.2021", type="DATE", value="2021-11-10"),
        GoldTimex(start=56, end=64, text="Dienstag", type="DATE", value="2021-11-09"),
    )
    docs = [TimeMLDocument(name=f"p{index}", dct="2021-11-10", text=text, timexes=gold) for index in range(2)]
    layers = build_pipeline((("structure.rules.v1", STRUCTURE), ("tokens.spacy.v1", TOKENS)))
    pooled, _, _ = timex_cv.cross_validate(docs, 2, layers)
    assert pooled == Counts(4, 4, 4)  # the dateline stamp lies outside the sentences; the finder reads it
    cached = timex_cv.cached_layers()
    assert cached(Article.create(text)) is cached(Article.create(text))


def test_bootstrap_interval_is_ordered_and_repeatable() -> None:
    counts = {f"d{index}": Counts(index % 3, 3, 3) for index in range(12)}
    low, high = timex_cv.bootstrap(counts, rounds=200)
    assert 0.0 <= low <= high <= 1.0
    assert timex_cv.bootstrap(counts, rounds=200) == (low, high)


def test_with_own_the_development_sets_join_the_tune_half_and_no_held_back_set_does() -> None:
    shared_path("data", "time-krauts")
    tune = timex_cv.development_documents()
    both = timex_cv.development_documents(with_own=True)
    names = [doc.name for doc in both]
    assert len(tune) == 50 and names[:50] == [doc.name for doc in tune]
    assert len(names) == len(set(names)) == 50 + 25 + 15 + 13 + 12 + 10 + 10 + 13 + 8 + 14
    development = {"own", "own-b", "own-d", "own-f", "own-h", "own-i", "own-j", "own-k", "own-l"}
    assert set(timex_cv.OWN_DEVELOPMENT) == development
