"""The word-form lexicon: HanTa's own answers, read back exactly; the tagger gives the same output with it."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path
from typing import Any

import pytest

from wortlaut.morph.build_lexicon import build, ordered, prune, write_lexicon
from wortlaut.morph.lexicon import LEXICON_PATH, LexiconError, WordLexicon, read_lexicon
from wortlaut.morph.tagger import MemoTagger

needs_lexicon = pytest.mark.skipif(
    not LEXICON_PATH.is_file(), reason=f"{LEXICON_PATH} not built (python -m wortlaut.morph.build_lexicon)"
)
FORMS = [
    "Bundesverteidigungsministerin", "zurückgetreten", "hätten", "wolle", "Klimaschutzgesetzes",
    "digitalisierten", "abgeschoben", "Flüchtlingsunterkünfte", "verhandelte", "Koalitionsvertrag",
]  # fmt: skip


@pytest.fixture(scope="module")
def plain() -> MemoTagger:
    return MemoTagger(memo_forms=1_000, lexicon=None)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> WordLexicon:
    path = tmp_path_factory.mktemp("lexicon") / "small.tsv.gz"
    lines = build(FORMS, progress=False)
    path.write_bytes(gzip.compress("".join(line + "\n" for line in lines).encode("utf-8")))
    return read_lexicon(path)


def _write(path: Path, text: str) -> Path:
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    return path


def test_lexicon_reads_analyses_and_verb_lemmas(tmp_path: Path) -> None:
    lexicon = read_lexicon(
        _write(tmp_path / "l.tsv.gz", "a\tisterium\t20 -11.5 12 -13.25\nl\tsagte\t36 sagen\n")
    )
    assert lexicon.analysis("isterium") == [(20, -11.5), (12, -13.25)]
    assert lexicon.analysis("nichtda") is None
    assert lexicon.verb_lemma("sagte", 36) == "sagen"
    assert lexicon.verb_lemma("sagte", 22) is None
    assert len(lexicon) == 2


def test_malformed_lexicon_line_names_file_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.tsv.gz", "a\tok\t20 -1.0\na\tkaputt\t20\n")
    with pytest.raises(LexiconError, match=r"bad\.tsv\.gz:2"):
        read_lexicon(path)


def test_pruning_keeps_what_the_tagger_sees(plain: MemoTagger) -> None:
    """``_tag_word`` gives the same answer from a pruned analysis as from the full one."""
    hanta: Any = plain.tagger
    for word, casesensitive in itertools.product(
        ["isterium", "verhandelte", "blorpt", "Xqzv"], (True, False)
    ):
        full = plain.analyses(word.lower())
        pruned = prune(full, hanta)
        assert len(pruned) <= len(full)
        hanta.analyze_forward = lambda _w, a=full: a
        expected = hanta._tag_word(word, cutoff=5, casesensitive=casesensitive, conditional=True)
        hanta.analyze_forward = lambda _w, a=pruned: a
        got = hanta._tag_word(word, cutoff=5, casesensitive=casesensitive, conditional=True)
        hanta.analyze_forward = plain.analyses
        assert got == expected


def test_tagger_with_a_built_lexicon_tags_exactly_as_without(plain: MemoTagger, built: WordLexicon) -> None:
    assert len(built) > 0
    with_table = MemoTagger(memo_forms=1_000, lexicon=built)
    sentence = ["Die", *FORMS, "."]
    assert with_table.tag(sentence) == plain.tag(sentence)
    assert with_table.tag(FORMS[::-1]) == plain.tag(FORMS[::-1])


@needs_lexicon
def test_shipped_lexicon_holds_hantas_answers_bit_for_bit(plain: MemoTagger) -> None:
    """Every 2,000th analysis and verb lemma of the shipped table, recomputed with HanTa now."""
    hanta: Any = plain.tagger
    with gzip.open(LEXICON_PATH, "rt", encoding="utf-8") as lines:
        sample = list(itertools.islice(lines, 0, None, 2_000))
    lexicon = read_lexicon(LEXICON_PATH)
    kinds = set()
    for line in sample:
        kind, form, _ = line.rstrip("\n").split("\t")
        kinds.add(kind)
        if kind == "a":
            assert lexicon.analysis(form) == prune(plain.analyses(form), hanta), form
        else:
            for tag in range(len(hanta.int2tag)):
                lemma = lexicon.verb_lemma(form, tag)
                if lemma is not None:
                    assert lemma == hanta._analyze(form, tag, taglevel=1)[0], (form, tag)
    assert kinds == {"a", "l"}


def test_written_lexicon_is_byte_for_byte_reproducible(tmp_path: Path) -> None:
    lines = ordered(["l\tsagte\t36 sagen", "a\tisterium\t20 -11.5", "a\tkrieg\t20 -9.0"])
    assert [line.split("\t")[1] for line in lines] == ["krieg", "isterium", "sagte"]  # by reversed form
    write_lexicon(tmp_path / "one.tsv.gz", lines)
    write_lexicon(tmp_path / "two.tsv.gz", lines)
    assert (tmp_path / "one.tsv.gz").read_bytes() == (tmp_path / "two.tsv.gz").read_bytes()
    assert read_lexicon(tmp_path / "one.tsv.gz").verb_lemma("sagte", 36) == "sagen"


def test_cached_index_is_mapped_and_answers_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first read writes the index to the cache folder, the next maps it; a damaged index file is
    written again; a changed file gets its own."""
    monkeypatch.setenv("WORTLAUT_CACHE", str(tmp_path / "cache"))
    text = "a\tisterium\t20 -11.5 12 -13.25\nl\tsagte\t36 sagen\nl\tsagten\t36 sagen 38 sagen\n"
    source = _write(tmp_path / "l.tsv.gz", text)
    first = read_lexicon(source, cache=True)
    [index] = (tmp_path / "cache").iterdir()
    again = read_lexicon(source, cache=True)
    assert isinstance(first._blob, bytes) and not isinstance(again._blob, bytes)  # mapped
    for lexicon in (first, again):
        assert lexicon.analysis("isterium") == [(20, -11.5), (12, -13.25)]
        assert lexicon.analysis("sagte") is None and lexicon.analysis("isteriu") is None
        assert [lexicon.verb_lemma("sagten", tag) for tag in (36, 37, 38)] == ["sagen", None, "sagen"]
        assert len(lexicon) == 3
    index.write_bytes(index.read_bytes()[:-5])  # cut short: read as damaged, written again
    assert read_lexicon(source, cache=True).verb_lemma("sagte", 36) == "sagen"
    assert read_lexicon(source, cache=True).verb_lemma("sagte", 36) == "sagen"
    assert [path.name for path in (tmp_path / "cache").iterdir()] == [index.name]
    index.write_bytes(b"WLMORPH")  # shorter than the header
    assert read_lexicon(source, cache=True).verb_lemma("sagte", 36) == "sagen"
    assert read_lexicon(source, cache=True).analysis("isterium") == [(20, -11.5), (12, -13.25)]
    changed = read_lexicon(_write(tmp_path / "m.tsv.gz", text.replace("sagen", "sägen")), cache=True)
    assert changed.verb_lemma("sagte", 36) == "sägen"
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_lexicon_without_a_writable_cache_folder_is_built_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("WORTLAUT_CACHE", str(blocked / "cache"))
    lexicon = read_lexicon(_write(tmp_path / "l.tsv.gz", "l\tsagte\t36 sagen\n"), cache=True)
    assert isinstance(lexicon._blob, bytes) and lexicon.verb_lemma("sagte", 36) == "sagen"
