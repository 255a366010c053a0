"""Generate docs/cli.md, the CLI reference, from the commands' own ``--help``.

Run ``python -m wortlaut.cli.docgen`` after changing a command;
``--check`` exits 1 when the file is out of date (tests/cli/test_docs.py
fails when a command is missing from it).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from wortlaut.cli import COMMANDS, main, settings_doc

#: Help text width, fixed so the generated file does not depend on the terminal.
HELP_WIDTH = 100
DOC_PATH = Path(__file__).resolve().parents[3] / "docs" / "cli.md"

_HEADER = """# Command-line reference

Generated from `--help` by `python -m wortlaut.cli.docgen`; do not edit by hand.

Every command accepts `--help`. Commands that read or write the store take
`--db FILE` (or `--db postgresql://…`, see docs/store.md); without it they use the setting `paths.db`
(`$WORTLAUT_DB`), else `wortlaut.sqlite` in the user data directory (on Linux `~/.local/share/wortlaut/`).

## Exit codes

| code | meaning |
| --- | --- |
| 0 | success |
| 1 | some inputs failed (each named on stderr: `wortlaut: error: <input>: <reason>`); the rest was done |
| 2 | usage error: unknown option, bad value, malformed search query |
| 3 | nothing could be processed, or what was asked for does not exist (no such store, person, story) |
| 4 | the store cannot be used: not a wortlaut store, written by a newer wortlaut, read-only, disk full |
| 130 | interrupted (Ctrl-C); an interrupted `ingest` keeps every committed batch and resumes when run again |
"""


def global_help() -> str:
    """``wortlaut --help``: the options every command takes (``--config``, ``-v``/``-q``, ``--lang``)."""
    context = click.Context(
        main, info_name="wortlaut", max_content_width=HELP_WIDTH, terminal_width=HELP_WIDTH
    )
    return main.get_help(context)


def command_help(name: str) -> str:
    """The ``--help`` text of ``wortlaut <name>`` (or why it cannot be loaded)."""
    try:
        command = main.get_command(click.Context(main), name)
    except Exception as error:  # a command module another part of the project has not written yet
        return f"(not available: {type(error).__name__}: {error})"
    if command is None:
        return "(not available)"
    parent = click.Context(
        main, info_name="wortlaut", max_content_width=HELP_WIDTH, terminal_width=HELP_WIDTH
    )
    context = click.Context(command, info_name=name, parent=parent, max_content_width=HELP_WIDTH,
                            terminal_width=HELP_WIDTH)  # fmt: skip
    text = command.get_help(context)
    if isinstance(command, click.Group):  # a group's section documents its subcommands too
        for sub_name in command.list_commands(context):
            sub = command.get_command(context, sub_name)
            if sub is not None:
                sub_context = click.Context(
                    sub, info_name=sub_name, parent=context, max_content_width=HELP_WIDTH
                )
                text += f"\n\n$ wortlaut {name} {sub_name} --help\n{sub.get_help(sub_context)}"
    return text


def render() -> str:
    """The whole reference: header, then one section per command in alphabetical order."""
    sections = [_HEADER, f"## Global options\n\n```text\n{global_help()}\n```\n", settings_doc.render()]
    for name in sorted(COMMANDS):
        sections.append(f"## wortlaut {name}\n\n```text\n{command_help(name)}\n```\n")
    return "\n".join(sections)


@click.command()
@click.option("--check", is_flag=True, help="Exit 1 when docs/cli.md is out of date instead of writing it.")
@click.option(
    "--output", type=click.Path(dir_okay=False, path_type=Path), default=DOC_PATH, show_default=True
)
def generate(check: bool, output: Path) -> None:
    """Write (or check) the CLI reference."""
    text = render()
    if check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            click.echo(f"{output} is out of date; run python -m wortlaut.cli.docgen", err=True)
            sys.exit(1)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    click.echo(f"wrote {output}", err=True)


if __name__ == "__main__":
    generate()
