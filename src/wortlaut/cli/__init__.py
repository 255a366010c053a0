"""The ``wortlaut`` command line: a thin click shell over the library.

Commands live in their own modules and are imported only when called, so
``wortlaut --help`` stays fast and one command's heavy imports do not slow
the others.  Exit codes: 0 success, 1 some inputs failed (the rest were
processed), 2 usage error, 3 nothing could be processed.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

#: command name -> "module:attribute" of its click command.
COMMANDS: dict[str, str] = {
    "analyze": "wortlaut.cli.analyze:analyze",
    "batch": "wortlaut.cli.batch_command:batch",
    "eval": "wortlaut.cli.evaluate:evaluate",
    "export": "wortlaut.cli.export_command:export",
    "ingest": "wortlaut.cli.ingest_command:ingest",
    "kb": "wortlaut.cli.kb_command:kb",
    "link": "wortlaut.cli.link_command:link",
    "load": "wortlaut.cli.load_command:load",
    "person": "wortlaut.cli.store_commands:person",
    "positions": "wortlaut.cli.claims_command:positions",
    "relations": "wortlaut.cli.claims_command:relations",
    "said": "wortlaut.cli.store_commands:said",
    "search": "wortlaut.cli.store_commands:search",
    "serve": "wortlaut.cli.serve_command:serve",
    "similar": "wortlaut.cli.similar_command:similar",
    "stories": "wortlaut.cli.store_commands:stories",
    "story": "wortlaut.cli.store_commands:story",
    "versions": "wortlaut.cli.claims_command:versions",
    "watch": "wortlaut.cli.watch_command:watch",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def __init__(self, *args: object, lazy: dict[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module_name, attribute = self.lazy[cmd_name].split(":")
            command: click.Command = getattr(importlib.import_module(module_name), attribute)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, lazy=COMMANDS)
@click.version_option(package_name="wortlaut")
@click.option(
    "--lang",
    type=click.Choice(["de", "en"]),
    default=None,
    help="Language of human-readable output (default: setting lang / $WORTLAUT_LANG, else German).",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Settings file (TOML; default: ./wortlaut.toml if present). Keys: docs/cli.md.",
)
@click.option("-v", "--verbose", count=True, help="More log messages on stderr (-vv: debug).")
@click.option("-q", "--quiet", count=True, help="Fewer log messages on stderr (errors only).")
def main(lang: str | None, config: Path | None, verbose: int, quiet: int) -> None:
    """wortlaut: who said what, to whom, when and where, in German political news."""
    from wortlaut import i18n  # light: Babel loads its data only when text is rendered
    from wortlaut.cli import logs
    from wortlaut.settings import SettingsError, get_settings, use_config

    context = click.get_current_context()
    use_config(config)
    context.call_on_close(lambda: use_config(None))  # in-process runs (tests) start afresh
    try:
        current = get_settings()
    except SettingsError as error:
        click.echo(f"wortlaut: error: {error}", err=True)
        sys.exit(2)  # a usage error (docs/cli.md's exit codes)
    context.call_on_close(logs.configure(current.log_level, verbose - quiet))
    i18n.set_language(lang or i18n.from_environment())


__all__ = ["COMMANDS", "LazyGroup", "main"]
