"""No SQL outside ``wortlaut/store/``: every read and write of the store goes through its modules.

The check reads each module's syntax tree and flags ``execute``/``executemany``/
``executescript`` calls, ``sqlite3`` imports and string literals that hold SQL
statements (uppercase keywords, as the project writes SQL; docstrings are
prose and are skipped).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "wortlaut"
_EXECUTE = {"execute", "executemany", "executescript"}
_SQL = re.compile(
    r"\bSELECT\b.+\bFROM\b|\bINSERT\s+(OR\s+[A-Z]+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\b(CREATE|DROP)\s+(TABLE|INDEX|VIEW|TRIGGER|VIRTUAL\s+TABLE)\b|\bPRAGMA\s+\w+|\bBEGIN\s+IMMEDIATE\b",
    re.DOTALL,
)


def _docstrings(tree: ast.Module) -> set[int]:
    """Ids of the docstring nodes (module, classes, functions): prose about SQL is allowed."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _is_sql(node: ast.AST, prose: set[int]) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in prose
        and _SQL.search(node.value) is not None
    )


def sql_in(source: str) -> list[str]:
    """``line: what`` for each piece of SQL in a module's source."""
    tree = ast.parse(source)
    prose = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _EXECUTE:
            found.append(f"{node.lineno}: .{node.func.attr}() call")
        elif isinstance(node, ast.Import) and any(alias.name == "sqlite3" for alias in node.names):
            found.append(f"{node.lineno}: import sqlite3")
        elif isinstance(node, ast.ImportFrom) and node.module == "sqlite3":
            found.append(f"{node.lineno}: from sqlite3 import")
        elif _is_sql(node, prose):
            found.append(f"{node.lineno}: SQL string {node.value[:50]!r}")
    return found


def _modules() -> dict[str, list[str]]:
    """SQL found in each module outside ``store/`` (relative path -> findings), modules without left out."""
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if relative.startswith("store/"):
            continue
        hits = sql_in(path.read_text(encoding="utf-8"))
        if hits:
            found[relative] = hits
    return found


def test_no_sql_outside_the_store() -> None:
    offenders = _modules()
    assert not offenders, "SQL outside wortlaut/store/ (move it into a store module):\n" + "\n".join(
        f"{name}:{hit}" for name, hits in offenders.items() for hit in hits
    )


@pytest.mark.parametrize(
    "source",
    [
        "connection.execute('x')",
        "cursor.executemany(q, rows)",
        "import sqlite3",
        "from sqlite3 import Row",
        "QUERY = 'SELECT id FROM articles WHERE id = ?'",
        "q = f\"INSERT OR IGNORE INTO watches (kind) VALUES ({marks})\"",
        "q = 'DELETE FROM watches'",
        "q = 'PRAGMA user_version'",
        "q = ('UPDATE statements' ' SET date = ?')",
    ],
)
def test_checker_finds_sql(source: str) -> None:
    assert sql_in(source), source


@pytest.mark.parametrize(
    "source",
    [
        'def f():\n    """Reads SELECT id FROM articles through the store."""',
        "label = 'Select the articles from one source'",
        "store.search('Regierung')",
    ],
)
def test_checker_leaves_prose_and_store_calls_alone(source: str) -> None:
    assert sql_in(source) == [], source
