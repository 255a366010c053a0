"""The CLI reference (docs/cli.md) documents every command and every option."""

from __future__ import annotations

import click
import pytest

from wortlaut.cli import COMMANDS, main
from wortlaut.cli.docgen import DOC_PATH, render


def _sections() -> dict[str, str]:
    text = DOC_PATH.read_text(encoding="utf-8")
    parts = text.split("\n## wortlaut ")[1:]
    return {part.split("\n", 1)[0].strip(): part for part in parts}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_section(name: str) -> None:
    assert name in _sections(), f"wortlaut {name} is undocumented: run python -m wortlaut.cli.docgen"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_is_documented(name: str) -> None:
    try:
        command = main.get_command(click.Context(main), name)
    except ImportError:
        pytest.skip(f"wortlaut {name} is not written yet")
    assert command is not None
    section = _sections().get(name, "")
    for parameter in command.params:
        if isinstance(parameter, click.Option):
            for flag in parameter.opts:
                assert flag in section, (
                    f"{flag} of wortlaut {name} is undocumented: run python -m wortlaut.cli.docgen"
                )


def test_reference_documents_exit_codes() -> None:
    text = render()
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 3 |"):
        assert code in text
