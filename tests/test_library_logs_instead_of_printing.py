"""Library code reports through ``logging``; only command output is printed.

A ``print`` in a library function writes into whatever program embeds
wortlaut (a web server, a notebook, a batch worker) and cannot be silenced or
routed; ``logging.getLogger(__name__)`` can.  Printing stays allowed for the
output of commands: the ``cli`` package, a module's ``main`` function and its
``if __name__ == "__main__":`` block (scripts run with ``python -m``).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "wortlaut"


def _is_main_block(node: ast.AST) -> bool:
    if not isinstance(node, ast.If):
        return False
    test = ast.unparse(node.test)
    return "__name__" in test and "__main__" in test


def _prints(tree: ast.AST) -> list[int]:
    """Line numbers of ``print(...)`` calls outside ``main`` functions and ``__main__`` blocks."""
    found: list[int] = []

    def visit(node: ast.AST) -> None:
        if _is_main_block(node) or (isinstance(node, ast.FunctionDef) and node.name == "main"):
            return
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def test_library_modules_outside_cli_do_not_print() -> None:
    offenders = {}
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if name.startswith("cli/"):
            continue
        lines = _prints(ast.parse(path.read_text(encoding="utf-8"), name))
        if lines:
            offenders[name] = lines
    assert offenders == {}


def test_print_check_allows_command_output_only() -> None:
    source = (
        "def helper():\n    print('x')\n"
        "def main():\n    print('result')\n"
        "if __name__ == '__main__':\n    print('done')\n"
    )
    assert _prints(ast.parse(source)) == [2]
