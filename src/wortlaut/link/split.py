"""An encoder that runs half of each large call in a forked helper process (ingest's main process).

During ``wortlaut ingest --workers N`` the main process is the only writer and
links every batch itself; the e5 texts linking needs (statements a speaker's
groups must compare, a cascade's undecided leads) are encoded there, on one
core, while the analysis workers may already be done (docs/performance.md,
"Lead work in the workers (issue 17x)": the main process was the bound of the
cascade's cold ingest, and e5 most of its time).  :class:`SplitEncoder` sends
the second half of every call of at least :data:`MIN_SPLIT` texts to a helper
process forked from the main one and encodes the first half itself meanwhile,
so the call takes about half the time on a free core.

Same vectors: e5 gives a text the same bits alone, first or second in a batch
(docs/performance.md, "Fewer e5 statements"), and the helper runs the same
engine on the same model (forked, so its pages are shared).  Any failure of
the helper (it died, the pipe broke) makes the main process encode that half
itself and stop using the helper: slower, never different.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext, suppress
from typing import Any

import numpy as np

from wortlaut.link.cascade import CascadeEncoder
from wortlaut.link.encoder import E5Encoder, Encoder, default_encoder

logger = logging.getLogger(__name__)

#: Smallest call split in two.  One e5 call for many texts shares the per-call weight unpacking
#: (13.4 against 26.1 CPU ms per sentence, benchmarks/bench_encoder.py), so a few texts stay in
#: one call; ingest's batches ask for 30-80 texts at once, which split into halves of 15-40.
MIN_SPLIT = 8


def _serve(encoder: Encoder, connection: Any) -> None:
    """The helper's loop: texts in, vectors out, until the main process closes the pipe or sends None."""
    while True:
        try:
            texts = connection.recv()
        except EOFError:
            return
        if texts is None:
            return
        try:
            connection.send(encoder.encode(texts))
        except Exception as error:  # reported to the main process, which encodes them itself
            connection.send(f"{type(error).__name__}: {error}")


class SplitEncoder:
    """``inner`` with half of each call of :data:`MIN_SPLIT` texts or more encoded in a helper process.

    Same ``name``, ``family`` and ``dim`` as ``inner`` (and so the same cache).
    Use as a context manager, or call :meth:`close`, to end the helper.
    """

    def __init__(self, inner: Encoder, context: Any) -> None:
        self.inner = inner
        self.name, self.family, self.dim = inner.name, inner.family, inner.dim
        self._connection: Any = None
        self._process: Any = None
        ours, theirs = context.Pipe()
        gc.collect()
        gc.freeze()  # the helper does not write to the inherited objects' headers (shared pages stay shared)
        try:
            process = context.Process(target=_serve, args=(inner, theirs), daemon=True)
            process.start()
        finally:
            gc.unfreeze()
        theirs.close()
        self._connection, self._process = ours, process

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) < MIN_SPLIT or self._connection is None:
            return self.inner.encode(texts)
        half = split_point(texts)
        try:
            self._connection.send(list(texts[half:]))
        except (OSError, ValueError) as error:
            self._give_up(error)
            return self.inner.encode(texts)
        first = self.inner.encode(texts[:half])
        return np.concatenate([first, self._receive(texts[half:])])

    def _receive(self, texts: Sequence[str]) -> np.ndarray:
        """The helper's vectors for ``texts``, or the same texts encoded here when it failed."""
        try:
            answer = self._connection.recv()
        except (OSError, EOFError) as error:
            self._give_up(error)
            return self.inner.encode(texts)
        if isinstance(answer, str):
            logger.warning("the encoder helper failed (%s); encoding in the main process", answer)
            return self.inner.encode(texts)
        return np.asarray(answer, dtype=np.float32)

    def _give_up(self, error: BaseException) -> None:
        logger.warning("the encoder helper is gone (%s); encoding in the main process", error)
        self.close()

    def close(self) -> None:
        """End the helper (idempotent)."""
        connection, process, self._connection, self._process = self._connection, self._process, None, None
        if connection is not None:
            with suppress(OSError, ValueError):
                connection.send(None)
            connection.close()
        if process is not None:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()

    def __enter__(self) -> SplitEncoder:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def split_point(texts: Sequence[str]) -> int:
    """Where to cut ``texts`` (two or more) so that both parts have about the same length in characters.

    e5's cost grows with the tokens, not the texts, and a batch's call lists its longer article
    leads first: halves by count left the main process the longer half while the helper waited.
    """
    total, running = sum(map(len, texts)), 0
    for index, text in enumerate(texts):
        before, running = running, running + len(text)
        if 2 * running >= total:  # this text crosses the middle: it goes where the cut is nearer
            cut = index + 1 if 2 * running - total <= total - 2 * before else index
            return min(max(cut, 1), len(texts) - 1)
    return len(texts) // 2


def one_thread_e5(encoder: Encoder) -> bool:
    """Whether ``encoder`` is e5 on one OpenMP thread (no thread pool a fork could leave broken)."""
    return isinstance(encoder, E5Encoder) and encoder.threads == 1


def split_linking(context: Any) -> AbstractContextManager[Encoder | None]:
    """The encoder the main process links with while forked workers analyse, as a context.

    The default encoder with its one-thread e5 part wrapped in a
    :class:`~wortlaut.link.split.SplitEncoder` (half of each large call in a
    helper process forked now, before the pipeline is built, so it holds
    only the imports and the encoder); ``None`` (the default, unchanged)
    for other encoders.
    """
    try:
        encoder = default_encoder()
    except Exception:  # linking reports it per batch
        return nullcontext(None)
    precise = encoder.precise if isinstance(encoder, CascadeEncoder) else encoder
    if not one_thread_e5(precise):
        return nullcontext(None)
    split = SplitEncoder(precise, context)
    if isinstance(encoder, CascadeEncoder):
        return _Closing(
            CascadeEncoder(cheap=encoder.cheap, precise=split, band=encoder.band, leads=encoder.leads), split
        )
    return _Closing(split, split)


class _Closing(AbstractContextManager[Encoder | None]):
    """Gives ``encoder`` and closes ``split`` on exit."""

    def __init__(self, encoder: Encoder, split: SplitEncoder) -> None:
        self.encoder, self.split = encoder, split

    def __enter__(self) -> Encoder | None:
        return self.encoder

    def __exit__(self, *_: object) -> None:
        self.split.close()
