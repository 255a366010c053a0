"""``wortlaut.eval`` scores the other packages and is used by the CLI; nothing else may import it.

Otherwise a change to a scorer could change what the system does, and the
packages could not be installed or read without their evaluation code.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "wortlaut"
#: Packages allowed to import wortlaut.eval: eval itself and the command-line shell over it.
ALLOWED = ("eval", "cli")


def _package_of(path: Path) -> tuple[str, ...]:
    return path.relative_to(SRC.parent).with_suffix("").parts[:-1]


def _imported(path: Path, source: str | None = None) -> set[str]:
    """Absolute names of every module imported anywhere in ``path`` (also inside functions)."""
    text = path.read_text(encoding="utf-8") if source is None else source
    names: set[str] = set()
    for node in ast.walk(ast.parse(text, str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            package = _package_of(path)
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _is_eval(name: str) -> bool:
    return name == "wortlaut.eval" or name.startswith("wortlaut.eval.")


def _library_modules() -> list[Path]:
    return [path for path in sorted(SRC.rglob("*.py")) if path.relative_to(SRC).parts[0] not in ALLOWED]


def test_no_module_outside_eval_and_cli_imports_eval() -> None:
    offenders = {
        str(path.relative_to(SRC)): sorted(name for name in _imported(path) if _is_eval(name))
        for path in _library_modules()
    }
    assert {path: names for path, names in offenders.items() if names} == {}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import wortlaut.eval.spans", True),
        ("from wortlaut import eval", True),
        ("from wortlaut.eval.spans import bio_spans", True),
        ("from ..eval import spans", True),
        ("from wortlaut.ner.spans import bio_spans", False),
        ("from . import evaluation_helpers", False),
    ],
)
def test_boundary_check_sees_every_import_form(source: str, expected: bool) -> None:
    names = _imported(SRC / "ner" / "probe.py", source)
    assert any(_is_eval(name) for name in names) is expected
