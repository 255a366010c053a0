"""What statement grouping writes: a new group, a member joining one, and the group's refreshed flags.

Every write goes through :mod:`wortlaut.store.statement_groups` (all SQL stays in
``store/``); a joining member keeps its word-level diff against the group's
representative, and a group whose direct quotes differ in wording is flagged
``quote_changed``.  Split from :mod:`wortlaut.link.statements`, which decides
what goes where.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from wortlaut.link.text import same_wording, word_diff
from wortlaut.store import statement_groups as tables
from wortlaut.store.rows import Connection

if TYPE_CHECKING:
    from wortlaut.link.statements import StatementRow


def _create(connection: Connection, row: StatementRow) -> str:
    group_id = f"g:{row.id}"
    tables.create_group(connection, group_id, speaker=row.speaker, statement_id=row.id, day=row.date)
    return group_id


def _join(connection: Connection, group_id: str, row: StatementRow, similarity: float) -> None:
    reference = tables.representative_text(connection, group_id)
    diff = {"edits": word_diff(reference, row.text), "same_wording": same_wording([reference, row.text])}
    tables.add_member(
        connection, group_id, row.id, round(similarity, 4), json.dumps(diff, ensure_ascii=False)
    )
    _refresh(connection, group_id, row.date)


def _refresh(connection: Connection, group_id: str, day: str) -> None:
    """Size, first sighting and the ``quote_changed`` flag after a member joined."""
    members = tables.group_members(connection, group_id)
    direct = [member["quote_text"] for member in members if member["mode"] == "direct"]
    flags = {
        "quote_changed": len(direct) >= 2 and not same_wording(direct),
        "sources": len({member["source"] for member in members if member["source"]}),
    }
    tables.update_group(connection, group_id, size=len(members), flags=json.dumps(flags), day=day)
