"""Logging for the command line: the library logs, the CLI decides what reaches stderr.

The library only calls ``logging.getLogger(__name__)``; the ``wortlaut``
command installs one handler on the ``wortlaut`` logger at the level of the
setting ``log_level`` moved by ``-v``/``-q``.  The handler looks up
``sys.stderr`` at every message, so a replaced stderr (click's test runner,
a pager) is always the one written to.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TextIO

from wortlaut.settings import LOG_LEVELS

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}


class StderrHandler(logging.StreamHandler):
    """A stream handler writing to whatever ``sys.stderr`` is when a message is emitted."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        """Ignored: the stream is always the current stderr."""


class _Formatter(logging.Formatter):
    """``wortlaut: warning: message``, the shape of the CLI's own error lines."""

    def format(self, record: logging.LogRecord) -> str:
        return f"wortlaut: {record.levelname.lower()}: {record.getMessage()}" + (
            "\n" + self.formatException(record.exc_info) if record.exc_info else ""
        )


def level_for(setting: str, shift: int) -> int:
    """The ``logging`` level ``shift`` steps more verbose than ``setting`` (``-v`` +1, ``-q`` -1)."""
    index = LOG_LEVELS.index(setting) - shift
    return _LEVELS[LOG_LEVELS[max(0, min(len(LOG_LEVELS) - 1, index))]]


def configure(setting: str, shift: int = 0) -> Callable[[], None]:
    """Send the ``wortlaut`` loggers' messages at or above the chosen level to stderr.

    Returns the function that undoes it, which the CLI calls when a command ends
    (a no-op for a process that ends anyway; it keeps in-process runs, such as
    tests, from leaking one command's level into the next).
    """
    logger = logging.getLogger("wortlaut")
    previous = logger.level
    handler = StderrHandler()
    handler.setFormatter(_Formatter())
    logger.addHandler(handler)
    logger.setLevel(level_for(setting, shift))

    def restore() -> None:
        logger.removeHandler(handler)
        logger.setLevel(previous)

    return restore


__all__ = ["StderrHandler", "configure", "level_for"]
