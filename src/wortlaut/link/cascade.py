"""The cascade: e5 for article leads, the static encoder first for statements, e5 only where it is unsure.

Stories keep e5: on the dev half of the story collection plus 250 unrelated
10kGNAD articles, static vectors could not keep unrelated articles apart and the
collection's stories together at any threshold (best dev BCubed F1 0.91 with
158 of 250 distractors in shared stories, against e5's 1.00 with 5; see
docs/quality.md).  Statement grouping is where most of the texts are, and most
pairs are clear: every statement of a speaker's batch is first encoded by
:class:`~wortlaut.link.static.StaticEncoder` (a table lookup) and compared with
the static thresholds; when any pair's static margin falls within
:data:`BAND_BELOW` under or :data:`BAND_ABOVE` over the static threshold,
that speaker's statements are encoded by e5 and grouped with e5's thresholds
instead.  The article leads and the undecided statements of a batch go to e5
in one call, before the write lock is taken (:mod:`wortlaut.link.update`).

The cascade reports its precise encoder's name, family and vectors: stories,
their thresholds and the cached lead vectors are e5's.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from wortlaut.link.encoder import Encoder, encoder_for
from wortlaut.link.static import StaticEncoder

#: A speaker's statements go to e5 when a static margin lies in [-BAND_BELOW, BAND_ABOVE] around the
#: static threshold.  Chosen by a grid on the dev half of the story collection
#: (benchmarks/tune_static.py band, 2026-12-06; docs/quality.md): the smallest band whose dev group
#: scores are within 0.01 of e5's.  Narrower bands lose recall (below 0.5: pairwise F1 0.911 against
#: e5's 0.946) because static margins of paraphrases and translations lie far under the threshold;
#: at 0.6 every dev statement that is compared goes to e5, so on dev the cascade saves no e5 call.
BAND_BELOW = 0.6
#: Static margins above the threshold are trusted (static precision is 1.0 there on dev): 0.0.
BAND_ABOVE = 0.0
#: Leads: ``None`` keeps e5 for every lead.  A pair (below, above) makes the cascade score each lead's
#: story choice with the cheap encoder's vector first (a trained table imitates e5 in e5's own space,
#: :mod:`wortlaut.link.fit_static`) and read e5 only for the leads whose best story score lies in
#: [threshold - below, threshold + above]; the story sums then mix e5 and imitated vectors, so they
#: are stored under the cascade's own name.
LEAD_BAND: tuple[float, float] | None = None


class CascadeEncoder:
    """``precise`` (e5) for leads and undecided statements, ``cheap`` (static) for the clear ones."""

    def __init__(
        self,
        *,
        cheap: Encoder | None = None,
        precise: str | Encoder = "e5",
        band: tuple[float, float] = (BAND_BELOW, BAND_ABOVE),
        leads: tuple[float, float] | None = LEAD_BAND,
    ) -> None:
        self.cheap = cheap or StaticEncoder()
        self.precise = encoder_for(precise) if isinstance(precise, str) else precise
        self.band = band
        self.leads = leads
        self.dim = self.precise.dim
        self.name = self.precise.name if leads is None else f"{self.precise.name}+{self.cheap.name}"
        self.family = self.precise.family
        if leads is not None and self.cheap.dim != self.dim:
            raise ValueError(
                f"a lead cascade needs the cheap encoder in the precise one's space ({self.cheap.name}:"
                f" {self.cheap.dim} dimensions, {self.precise.name}: {self.dim})"
            )

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.precise.encode(texts)

    def lead_undecided(self, best: float, threshold: float) -> bool:
        """Whether a lead whose best cheap story score is ``best`` must be read by the precise encoder."""
        if self.leads is None:
            return True
        below, above = self.leads
        return threshold - below <= best <= threshold + above

    def undecided(self, margin: np.ndarray, considered: np.ndarray) -> bool:
        """Whether any considered static margin lies inside the band around the threshold."""
        below, above = self.band
        return bool(np.any(considered & (margin >= -below) & (margin <= above)))
