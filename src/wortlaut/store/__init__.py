"""The wortlaut store: one SQLite file (or a PostgreSQL database) that grows with every ingested article.

``wortlaut.open(path)`` returns a :class:`Store`; its query methods
(``said``, ``person``, ``stories``, ``story``, ``search``, ``article``)
return the typed records of :mod:`wortlaut.store.results`.  The schema,
shared with :mod:`wortlaut.link`, is in :mod:`wortlaut.store.schema`.  All SQL
of the project lives in this package; every read goes through one
:class:`~wortlaut.store.reader.Reader` (time limit, rows by column name).
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from wortlaut.settings import get_settings
from wortlaut.store.core import Store, open_store
from wortlaut.store.errors import NotFoundError, QueryError, QueryTimeoutError, ReadOnlyError, StoreError
from wortlaut.store.postgres import is_url
from wortlaut.store.results import (
    AddResult,
    ArticleInfo,
    Contact,
    EntityInfo,
    EventItem,
    Person,
    SearchHit,
    SearchResult,
    Source,
    StatementGroup,
    StoryInfo,
    TimelineItem,
    to_data,
)
from wortlaut.store.schema import SCHEMA_VERSION
from wortlaut.store.semantic import SemanticHit

#: Environment variable naming the default store file.
DB_ENV = "WORTLAUT_DB"


def default_db_path() -> Path | str:
    """Setting ``paths.db`` (``$WORTLAUT_DB``), else ``wortlaut.sqlite`` in the user's data directory.

    A ``postgresql://`` URL is returned as it is (a ``Path`` would fold its ``//``).
    """
    configured = get_settings().paths.db
    if configured:
        return configured if is_url(configured) else Path(configured)
    return Path(platformdirs.user_data_dir("wortlaut", appauthor=False)) / "wortlaut.sqlite"


__all__ = [
    "DB_ENV",
    "SCHEMA_VERSION",
    "AddResult",
    "ArticleInfo",
    "Contact",
    "EntityInfo",
    "EventItem",
    "NotFoundError",
    "Person",
    "QueryError",
    "QueryTimeoutError",
    "ReadOnlyError",
    "SearchHit",
    "SearchResult",
    "SemanticHit",
    "Source",
    "StatementGroup",
    "Store",
    "StoreError",
    "StoryInfo",
    "TimelineItem",
    "default_db_path",
    "open_store",
    "to_data",
]
