"""The rule of ``wortlaut.stages``: a stage module holds only its registered stage class.

Imports and the module docstring aside, every top-level statement of a stage
module must be a class decorated with ``register_stage``; rules, constants and
helpers belong in the stage's package.  Every stage module is checked.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import wortlaut.stages

STAGES_DIR = Path(wortlaut.stages.__file__).parent


def _is_stage_class(node: ast.stmt) -> bool:
    return isinstance(node, ast.ClassDef) and any(
        "register_stage" in ast.unparse(decorator) for decorator in node.decorator_list
    )


def _extra_statements(path: Path) -> list[str]:
    """Top-level statements other than imports, the docstring and registered stage classes."""
    extra = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.Import, ast.ImportFrom)) or _is_stage_class(node):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue
        extra.append(f"line {node.lineno}: {ast.unparse(node).splitlines()[0][:60]}")
    return extra


CHECKED = sorted(path for path in STAGES_DIR.glob("*.py") if path.stem != "__init__")


def test_every_stage_module_is_checked() -> None:
    names = {path.stem for path in CHECKED}
    assert {"structure", "language", "tokens", "times", "statements", "events", "dating"} <= names


@pytest.mark.parametrize("path", CHECKED, ids=lambda path: path.stem)
def test_stage_module_holds_only_its_registered_class(path: Path) -> None:
    assert _extra_statements(path) == []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert sum(_is_stage_class(node) for node in tree.body) == 1


def test_a_helper_function_in_a_stage_module_is_found(tmp_path: Path) -> None:
    module = tmp_path / "fake.py"
    module.write_text('"""Doc."""\nimport re\n\nLIMIT = 3\n\n\ndef helper() -> None:\n    pass\n')
    assert _extra_statements(module) == ["line 4: LIMIT = 3", "line 7: def helper() -> None:"]
