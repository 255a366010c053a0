"""Lead vectors handed over by ingest's workers: used by linking as given, never encoded again."""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path

import numpy as np
import pytest

from tests.store.samples import TAX_QUOTES, filler_article, rutte_article, tax_article
from wortlaut.article import Article
from wortlaut.link import duplicates, stories
from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.encoder import Encoder, HashingEncoder
from wortlaut.link.text import text_hash
from wortlaut.store import Store, loader
from wortlaut.store.embeddings import load_vectors, prefetch, text_key
from wortlaut.store.loader import Analyzer, ingest, with_lead
from wortlaut.store.rows import connection_of

#: The module (``wortlaut.link.update`` the name is the function the package exports).
link_update = importlib.import_module("wortlaut.link.update")


class CountingEncoder:
    """The hashing encoder, recording every text it is asked to encode."""

    def __init__(self) -> None:
        self.inner = HashingEncoder()
        self.name, self.family, self.dim = self.inner.name, self.inner.family, self.inner.dim
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen += texts
        return self.inner.encode(texts)


def _cache(path: str) -> dict[tuple[str, str], bytes]:
    with sqlite3.connect(path) as connection:
        return {(kind, key): blob for kind, key, blob in connection.execute("SELECT * FROM embeddings")}


def test_prefetch_caches_a_given_vector_instead_of_encoding_its_text(tmp_path: Path) -> None:
    encoder = CountingEncoder()
    marker = np.full(encoder.dim, 0.5, dtype=np.float32)  # not what the encoder would give
    with Store.open(str(tmp_path / "s.sqlite")) as store:
        connection = connection_of(store)
        count = prefetch(
            connection,
            encoder,
            [("article", "Ein Lead."), ("statement", "Ein Satz."), ("article", "Noch ein Lead.")],
            given={
                (f"{encoder.name}:article", "Ein Lead."): marker,
                ("other-encoder:article", "Noch ein Lead."): marker,
            },
        )
        found = load_vectors(connection, f"{encoder.name}:article", [text_key("Ein Lead.")])
    assert count == 3
    assert sorted(encoder.seen) == ["Ein Satz.", "Noch ein Lead."]
    assert np.array_equal(found[text_key("Ein Lead.")], marker)


def test_a_worker_encodes_the_text_that_story_clustering_reads() -> None:
    article = rutte_article()
    encoder = CountingEncoder()
    analysed = with_lead(article, encoder)
    expected = stories.article_text(stories.article_row(article, "2020-01-01"), encoder.family)
    assert analysed.lead is not None
    assert analysed.lead[0] == (f"{encoder.name}:article", expected)
    assert np.array_equal(analysed.lead[1], encoder.inner.encode([expected])[0])


def _identity() -> Analyzer:
    def analyze(article: Article) -> Article:
        return article

    return analyze


def _ingest(path: str, monkeypatch: pytest.MonkeyPatch, *, hand_over: bool) -> list[str]:
    """Ingest three articles on two forked workers; returns the texts the main process encoded."""
    main = CountingEncoder()
    workers_encoder: Encoder = HashingEncoder()
    monkeypatch.setattr(link_update, "default_encoder", lambda: main)
    monkeypatch.setattr(
        loader, "lead_encoder", lambda: loader.Leads(workers_encoder, "hashing") if hand_over else None
    )
    monkeypatch.setattr(loader, "split_linking", lambda context: nullcontext(None))
    articles = [rutte_article(), filler_article(1), filler_article(2)]
    with Store.open(path) as store:
        report = ingest(store, articles, analyzer_factory=_identity, workers=2, batch_size=2)
    assert (report.added, report.failures) == (3, [])
    return main.seen


def _sample_leads() -> set[str]:
    """The lead texts of the three sample articles the ingests read."""
    return {
        stories.article_text(stories.article_row(article, ""), "hashing")
        for article in (rutte_article(), filler_article(1), filler_article(2))
    }


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="the hand-over needs forked workers")
def test_handed_over_leads_are_not_encoded_again_and_give_the_same_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_path, without_path = str(tmp_path / "with.sqlite"), str(tmp_path / "without.sqlite")
    encoded_with = _ingest(with_path, monkeypatch, hand_over=True)
    encoded_without = _ingest(without_path, monkeypatch, hand_over=False)
    leads = _sample_leads()
    assert leads <= set(encoded_without)
    assert not leads & set(encoded_with)
    assert _cache(with_path) == _cache(without_path)
    assert any(kind.endswith(":article") for kind, _ in _cache(with_path))


def test_a_lead_cascades_workers_hand_over_its_cheap_lead_vectors(monkeypatch: pytest.MonkeyPatch) -> None:
    cascade = CascadeEncoder(cheap=HashingEncoder(), precise=HashingEncoder(), leads=(0.05, 0.05))
    monkeypatch.setattr(loader, "default_encoder", lambda: cascade)
    leads = loader.lead_encoder()
    assert leads is not None and leads.encoder is cascade.cheap and leads.family == cascade.family
    analysed = with_lead(rutte_article(), leads.encoder, leads.family)
    expected = stories.article_text(stories.article_row(rutte_article(), ""), cascade.family)
    assert analysed.lead is not None and analysed.lead[0] == (f"{cascade.cheap.name}:article", expected)


def _ingest_cascade(path: str, monkeypatch: pytest.MonkeyPatch, *, hand_over: bool) -> set[str]:
    """Ingest three articles with a lead cascade on two forked workers; the texts its cheap encoder read."""
    cheap, precise = CountingEncoder(), CountingEncoder()
    precise.name = "precise-hashing"
    cascade = CascadeEncoder(cheap=cheap, precise=precise, band=(-1.0, -1.0), leads=(0.05, 0.05))
    leads = loader.Leads(HashingEncoder(), cascade.family) if hand_over else None
    monkeypatch.setattr(link_update, "default_encoder", lambda: cascade)
    monkeypatch.setattr(loader, "lead_encoder", lambda: leads)
    monkeypatch.setattr(loader, "split_linking", lambda context: nullcontext(None))
    with Store.open(path) as store:
        articles = [rutte_article(), filler_article(1), filler_article(2)]
        ingest(store, articles, analyzer_factory=_identity, workers=2, batch_size=2)
    return set(cheap.seen)


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="the hand-over needs forked workers")
def test_handed_over_cheap_leads_give_a_lead_cascade_the_same_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_path, without_path = str(tmp_path / "with.sqlite"), str(tmp_path / "without.sqlite")
    seen_with = _ingest_cascade(with_path, monkeypatch, hand_over=True)
    seen_without = _ingest_cascade(without_path, monkeypatch, hand_over=False)
    leads = _sample_leads()
    assert _cache(with_path) == _cache(without_path)
    assert leads <= seen_without and not leads & seen_with


def test_a_worker_hands_over_the_signature_the_duplicate_search_reads() -> None:
    article = rutte_article()
    analysed = loader.with_signature(with_lead(article, HashingEncoder()))
    text = stories.article_row(article, "2020-01-01").text
    assert analysed.signature is not None and analysed.signature[0] == (duplicates.SIGNATURE_KIND, text)
    assert np.array_equal(analysed.signature[1], duplicates.signature(text))
    assert analysed.exact is not None and analysed.exact[0] == (duplicates.HASH_KIND, text)
    assert duplicates.unpack_hash(analysed.exact[1]) == text_hash(text)


def _ingest_statements(path: str, monkeypatch: pytest.MonkeyPatch, *, hand_over: bool) -> list[str]:
    """Ingest the tax article and two others with a lead cascade whose band sends three of its
    statements to the precise encoder; returns the texts the main process's precise encoder read."""
    cheap, precise = CountingEncoder(), CountingEncoder()
    precise.name = "precise-hashing"
    cascade = CascadeEncoder(cheap=cheap, precise=precise, band=(0.0, 0.4), leads=(0.05, 0.05))
    theirs = HashingEncoder()
    theirs.name = precise.name  # the workers' own copy of the same precise encoder
    ahead = CascadeEncoder(cheap=HashingEncoder(), precise=theirs, band=cascade.band, leads=cascade.leads)
    leads = loader.Leads(HashingEncoder(), cascade.family, ahead if hand_over else None)
    monkeypatch.setattr(link_update, "default_encoder", lambda: cascade)
    monkeypatch.setattr(loader, "lead_encoder", lambda: leads)
    monkeypatch.setattr(loader, "split_linking", lambda context: nullcontext(None))
    with Store.open(path) as store:
        articles = [tax_article(), filler_article(1), filler_article(2)]
        report = ingest(store, articles, analyzer_factory=_identity, workers=2, batch_size=2)
    assert (report.added, report.failures) == (3, [])
    return precise.seen


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="the hand-over needs forked workers")
def test_handed_over_statement_vectors_are_not_encoded_again_and_give_the_same_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_path, without_path = str(tmp_path / "with.sqlite"), str(tmp_path / "without.sqlite")
    read_with = _ingest_statements(with_path, monkeypatch, hand_over=True)
    read_without = _ingest_statements(without_path, monkeypatch, hand_over=False)
    ahead = {TAX_QUOTES[0], TAX_QUOTES[1], TAX_QUOTES[4]}
    assert ahead <= set(read_without)
    assert not ahead & set(read_with)
    assert _cache(with_path) == _cache(without_path)
    assert any(kind == "precise-hashing:statement" for kind, _ in _cache(with_path))
    assert _groups(with_path) == _groups(without_path)


def _groups(path: str) -> list[tuple[str, ...]]:
    with sqlite3.connect(path) as connection:
        return sorted(connection.execute("SELECT * FROM statement_group_members"))


def test_a_lead_cascade_with_one_thread_e5_hands_its_workers_the_statement_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cascade = CascadeEncoder(cheap=HashingEncoder(), precise=HashingEncoder(), leads=(0.05, 0.05))
    monkeypatch.setattr(loader, "default_encoder", lambda: cascade)
    monkeypatch.setattr(loader, "one_thread_e5", lambda encoder: encoder is cascade.precise)
    leads = loader.lead_encoder()
    assert leads is not None and leads.statements is cascade
    monkeypatch.setattr(loader, "one_thread_e5", lambda encoder: False)
    leads = loader.lead_encoder()
    assert leads is not None and leads.statements is None
