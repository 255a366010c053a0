"""The cascade sends only undecided statement batches to its precise encoder, and not under the lock."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.link.test_update_lock import _articles, _ProbingEncoder
from wortlaut.link import HashingEncoder, add_and_link
from wortlaut.link.cascade import CascadeEncoder
from wortlaut.store import Store


def _link(path: Path, band: tuple[float, float]) -> tuple[_ProbingEncoder, object]:
    precise = _ProbingEncoder(path)
    precise.name = "probing-precise"  # its own cache kind, as e5's differs from the static encoder's
    cascade = CascadeEncoder(cheap=HashingEncoder(), precise=precise, band=band, leads=None)
    with Store.open(path) as store:
        outcome = add_and_link(store, _articles(), encoder=cascade)
    return precise, outcome


def test_a_batch_inside_the_band_goes_to_the_precise_encoder_with_the_lock_free(tmp_path: Path) -> None:
    precise, outcome = _link(tmp_path / "wide.sqlite", (10.0, 10.0))
    assert precise.probes and set(precise.probes) == {"free"}
    assert outcome.link is not None and outcome.link.groups_created == outcome.link.statements_grouped - 1  # type: ignore[attr-defined]


def test_clear_static_margins_send_only_the_article_leads_to_the_precise_encoder(tmp_path: Path) -> None:
    precise, outcome = _link(tmp_path / "none.sqlite", (-1.0, -1.0))
    assert precise.probes == ["free"] and precise.texts == 4  # one call: the four leads
    assert outcome.link is not None and outcome.link.groups_created == outcome.link.statements_grouped - 1  # type: ignore[attr-defined]


def test_the_band_holds_the_margins_from_below_to_above_the_threshold() -> None:
    cascade = CascadeEncoder(cheap=HashingEncoder(), precise=HashingEncoder(), band=(0.2, 0.1))
    margin = np.array([[0.5, -0.15, 0.05, -0.25, 0.1]])
    assert cascade.in_band(margin).tolist() == [[False, True, True, False, True]]
    assert cascade.family == "hashing" and cascade.name == HashingEncoder().name  # the precise one's


def _link_leads(path: Path, leads: tuple[float, float]) -> tuple[_ProbingEncoder, object]:
    precise = _ProbingEncoder(path)
    precise.name = "probing-precise"
    cascade = CascadeEncoder(cheap=HashingEncoder(), precise=precise, band=(-1.0, -1.0), leads=leads)
    with Store.open(path) as store:
        outcome = add_and_link(store, _articles(), encoder=cascade)
    return precise, outcome


def test_a_lead_cascade_with_clear_story_scores_reads_no_lead_with_the_precise_encoder(
    tmp_path: Path,
) -> None:
    precise, outcome = _link_leads(tmp_path / "clear.sqlite", (-9.0, -9.0))
    assert precise.texts == 0 and outcome.link is not None  # statements clear too: nothing for it


def test_undecided_leads_go_to_the_precise_encoder_before_the_lock(tmp_path: Path) -> None:
    precise, outcome = _link_leads(tmp_path / "wide.sqlite", (9.0, 9.0))
    # every lead after the first has an active story to be scored against, all inside the band
    assert precise.texts == 3 and set(precise.probes) == {"free"}
    assert outcome.link is not None and outcome.link.stories_created >= 1  # type: ignore[attr-defined]


def test_a_lead_cascade_keeps_its_story_sums_apart_from_the_precise_encoders() -> None:
    cascade = CascadeEncoder(cheap=HashingEncoder(), precise=HashingEncoder(), leads=(0.05, 0.05))
    assert cascade.name == HashingEncoder().name and cascade.family == "hashing"
    assert cascade.story_name != cascade.name
    assert cascade.lead_undecided(0.72, 0.7) and not cascade.lead_undecided(0.8, 0.7)


class _E5Family(HashingEncoder):
    """A stand-in precise encoder with e5's thresholds (same-language 1.00), which allow pruning."""

    family = "e5"
    name = "e5-family-stand-in"


class _StaticFamily(HashingEncoder):
    """A stand-in cheap encoder with the static encoder's thresholds (same-language 1.05)."""

    family = "static"
    name = "static-family-stand-in"


def test_the_precise_encoder_reads_no_statement_its_thresholds_set_apart(tmp_path: Path) -> None:
    from wortlaut.link.statements import SpeakerBatch, StatementRow, precise_texts

    def row(ident: str, text: str) -> StatementRow:
        return StatementRow(ident, "a1", "direct", text, "Q1", "2025-02-10", "de")

    shared = "Die Sicherheit Litauens ist unsere Sicherheit"
    batch = SpeakerBatch(
        "Q1",
        (row("s1", shared), row("s2", "Wir senken die Steuern für Familien")),
        (("g:1", "m1", f"{shared} und bleibt es", "de"), ("g:2", "m2", "Der Haushalt wächst kräftig", "de")),
    )
    cascade = CascadeEncoder(cheap=_StaticFamily(), precise=_E5Family(), band=(10.0, 10.0), leads=None)
    with Store.open(tmp_path / "s.sqlite") as store:
        texts = [text for _, text in precise_texts(store.connection, cascade, [batch])]
    # the pair sharing stems is read; the new statement and the stored group with no shared stem are not
    # (both thresholds are at least 1: such pairs stay below 0 under either encoder)
    assert texts == [shared, f"{shared} und bleibt es"]



def test_the_choice_per_speaker_batch_is_made_once_per_linking_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wortlaut.link import pairs
    from wortlaut.link.statements import Decided, SpeakerBatch, StatementRow, choice_for_batch

    checks: list[int] = []
    margins = pairs.margins
    monkeypatch.setattr(pairs, "margins", lambda *args: checks.append(1) or margins(*args))
    rows = tuple(
        StatementRow(f"s{index}", "a1", "direct", text, "Q1", "2025-02-10", "de")
        for index, text in enumerate(["Wir senken die Steuern", "Wir senken die Steuern bald"])
    )
    for band, mixed in (((10.0, 10.0), True), ((-1.0, -1.0), False)):
        checks.clear()
        cascade = CascadeEncoder(cheap=HashingEncoder(), precise=_E5Family(), band=band, leads=None)
        decided: Decided = {}
        with Store.open(tmp_path / f"{mixed}.sqlite") as store:
            first = choice_for_batch(store.connection, cascade, SpeakerBatch("Q1", rows, ()), decided)
            again = choice_for_batch(store.connection, cascade, SpeakerBatch("Q1", rows, ()), decided)
            assert len(checks) == 1  # an equal batch (the plan read again under the lock): not checked again
            choice_for_batch(store.connection, cascade, SpeakerBatch("Q1", rows[:1], ()), decided)
            plain = choice_for_batch(store.connection, cascade, SpeakerBatch("Q1", rows, ()))
        assert first is again and plain.encoder is first.encoder
        assert first.encoder is (cascade if mixed else cascade.cheap)
        assert first.precise_items() == ([0, 1] if mixed else [])
        assert len(decided) == 2 and len(checks) == 3
