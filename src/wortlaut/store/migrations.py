"""The store's migration scripts: one SQL script per schema version (see :mod:`wortlaut.store.schema`).

Never edit a released migration: add the next number.  Kept apart from the code that applies them so
that each file stays readable; ``MIGRATIONS[n - 1]`` brings a store from version n - 1 to n.
"""

from __future__ import annotations

_V1_CORE = """
CREATE TABLE IF NOT EXISTS sources (
    name TEXT PRIMARY KEY,
    domain TEXT,
    first_seen TEXT
);

CREATE TABLE IF NOT EXISTS articles (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    source TEXT,
    title TEXT,
    published TEXT,
    language TEXT,
    text TEXT NOT NULL,
    json TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    stem TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT,
    json TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS entity_aliases (
    entity_id TEXT NOT NULL,
    alias TEXT NOT NULL,
    norm TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'alias',
    PRIMARY KEY (entity_id, norm, kind)
);
CREATE INDEX IF NOT EXISTS entity_aliases_norm ON entity_aliases(norm);

CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT,
    kind TEXT,
    entity TEXT
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity, article_id);

CREATE TABLE IF NOT EXISTS statements (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL,
    mode TEXT,
    medium TEXT,
    channel TEXT,
    cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
    quote_start INTEGER, quote_end INTEGER, quote_text TEXT,
    speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT,
    speaker_entity TEXT,
    speaker_norm TEXT,  -- normalised name of an unresolved speaker (NULL when speaker_entity is set)
    speaker_last TEXT,  -- its last word, so "Müller" finds "Anna Müller"
    addressee_text TEXT,
    addressee_entity TEXT,
    frame_text TEXT,
    date TEXT,
    date_source TEXT,
    published TEXT,
    json TEXT NOT NULL,
    stem TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS statements_article ON statements(article_id);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements(speaker_entity, date);
CREATE INDEX IF NOT EXISTS statements_speaker_norm ON statements(speaker_norm, date);
CREATE INDEX IF NOT EXISTS statements_speaker_last ON statements(speaker_last, date);

CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    type TEXT,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
    place_text TEXT,
    place_entity TEXT,
    date TEXT,
    date_source TEXT,
    published TEXT,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);

CREATE TABLE IF NOT EXISTS event_participants (
    event_id TEXT NOT NULL,
    entity TEXT,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_participants_event ON event_participants(event_id);
CREATE INDEX IF NOT EXISTS event_participants_entity ON event_participants(entity, event_id);

CREATE TABLE IF NOT EXISTS times (
    article_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT,
    value TEXT
);
CREATE INDEX IF NOT EXISTS times_article ON times(article_id);

"""

# The cross-article tables of version 1 (also the core of the scratch databases of wortlaut.scale).
_V1_LINKS = """
-- Cross-article tables, filled by wortlaut.link.
CREATE TABLE IF NOT EXISTS statement_groups (
    id TEXT PRIMARY KEY,
    speaker_entity TEXT,
    representative_statement TEXT,
    first_seen TEXT,
    size INTEGER,
    flags TEXT
);
CREATE TABLE IF NOT EXISTS statement_group_members (
    group_id TEXT,
    statement_id TEXT PRIMARY KEY,
    similarity REAL,
    diff TEXT
);
CREATE INDEX IF NOT EXISTS statement_group_members_group ON statement_group_members(group_id);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    first_date TEXT,
    last_date TEXT,
    size INTEGER,
    digest TEXT
);
CREATE INDEX IF NOT EXISTS stories_last_date ON stories(last_date);
CREATE TABLE IF NOT EXISTS story_articles (
    story_id TEXT,
    article_id TEXT PRIMARY KEY,
    similarity REAL
);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story_id);
CREATE TABLE IF NOT EXISTS duplicates (
    article_id TEXT PRIMARY KEY,
    duplicate_of TEXT,
    kind TEXT,
    similarity REAL
);
CREATE TABLE IF NOT EXISTS embeddings (
    kind TEXT,
    item_id TEXT,
    vector BLOB,
    PRIMARY KEY (kind, item_id)
);

"""

_V1_FTS = """
-- Full-text search over stemmed text, kept in sync by triggers.
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    stem, content='articles', content_rowid='rid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, stem) VALUES (new.rid, new.stem);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, stem) VALUES ('delete', old.rid, old.stem);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF stem ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, stem) VALUES ('delete', old.rid, old.stem);
    INSERT INTO articles_fts(rowid, stem) VALUES (new.rid, new.stem);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(
    stem, content='statements', content_rowid='rid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, stem) VALUES (new.rid, new.stem);
END;
CREATE TRIGGER IF NOT EXISTS statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, stem) VALUES ('delete', old.rid, old.stem);
END;
CREATE TRIGGER IF NOT EXISTS statements_fts_update AFTER UPDATE OF stem ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, stem) VALUES ('delete', old.rid, old.stem);
    INSERT INTO statements_fts(rowid, stem) VALUES (new.rid, new.stem);
END;
"""

_V1 = _V1_CORE + _V1_LINKS + _V1_FTS

# Version 2: per-entity statement and event counts, kept by triggers, so that a person page and
# name resolution need not count a prolific speaker's 100,000 statements on every request; the
# participants index goes back to (entity, rowid) order, which is what "latest events" reads.
_V2 = """
DROP INDEX IF EXISTS event_participants_entity;
CREATE INDEX IF NOT EXISTS event_participants_by_entity ON event_participants(entity);
CREATE TABLE IF NOT EXISTS entity_counts (
    entity TEXT PRIMARY KEY,
    statements INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0
);
INSERT INTO entity_counts (entity, statements)
    SELECT speaker_entity, COUNT(*) FROM statements WHERE speaker_entity IS NOT NULL GROUP BY speaker_entity
    ON CONFLICT(entity) DO UPDATE SET statements = excluded.statements;
INSERT INTO entity_counts (entity, events)
    SELECT entity, COUNT(*) FROM event_participants WHERE entity IS NOT NULL GROUP BY entity
    ON CONFLICT(entity) DO UPDATE SET events = excluded.events;
CREATE TRIGGER IF NOT EXISTS entity_counts_statement_insert AFTER INSERT ON statements
WHEN new.speaker_entity IS NOT NULL BEGIN
    INSERT INTO entity_counts (entity, statements) VALUES (new.speaker_entity, 1)
    ON CONFLICT(entity) DO UPDATE SET statements = statements + 1;
END;
CREATE TRIGGER IF NOT EXISTS entity_counts_statement_delete AFTER DELETE ON statements
WHEN old.speaker_entity IS NOT NULL BEGIN
    UPDATE entity_counts SET statements = statements - 1 WHERE entity = old.speaker_entity;
END;
CREATE TRIGGER IF NOT EXISTS entity_counts_statement_update AFTER UPDATE OF speaker_entity ON statements
WHEN old.speaker_entity IS NOT new.speaker_entity BEGIN
    UPDATE entity_counts SET statements = statements - 1 WHERE entity = old.speaker_entity;
    INSERT INTO entity_counts (entity, statements)
    SELECT new.speaker_entity, 1 WHERE new.speaker_entity IS NOT NULL
    ON CONFLICT(entity) DO UPDATE SET statements = statements + 1;
END;
CREATE TRIGGER IF NOT EXISTS entity_counts_event_insert AFTER INSERT ON event_participants
WHEN new.entity IS NOT NULL BEGIN
    INSERT INTO entity_counts (entity, events) VALUES (new.entity, 1)
    ON CONFLICT(entity) DO UPDATE SET events = events + 1;
END;
CREATE TRIGGER IF NOT EXISTS entity_counts_event_delete AFTER DELETE ON event_participants
WHEN old.entity IS NOT NULL BEGIN
    UPDATE entity_counts SET events = events - 1 WHERE entity = old.entity;
END;
"""

# Version 3: what the collection learns from repeated co-occurrence (wortlaut.link.aliases).
# ``alias_evidence`` holds one row per article that links an alias (a handle or a bare surname,
# by its normalised form) to an entity, ``alias_locals`` the article-local entities such an alias
# may turn out to name, ``alias_counts`` the number of supporting articles (kept by triggers),
# ``learned_aliases`` the decisions and ``entity_merges`` which article-local entity is, in which
# article, which other entity.  Deleting an article (also a replacement by URL) drops its evidence
# and merges by trigger and marks the aliases it touched in ``alias_dirty`` for re-deciding.
_V3 = """
CREATE TABLE IF NOT EXISTS alias_evidence (
    norm TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    alias TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (norm, entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS alias_evidence_article ON alias_evidence(article_id);
CREATE TABLE IF NOT EXISTS alias_locals (
    norm TEXT NOT NULL,
    article_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (norm, article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS alias_locals_article ON alias_locals(article_id);
CREATE TABLE IF NOT EXISTS alias_counts (
    norm TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (norm, entity_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS alias_dirty (norm TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS learned_aliases (
    norm TEXT PRIMARY KEY,
    entity_id TEXT NOT NULL,
    alias TEXT NOT NULL,
    kind TEXT NOT NULL,
    articles INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS learned_aliases_entity ON learned_aliases(entity_id);
CREATE TABLE IF NOT EXISTS entity_merges (
    source TEXT NOT NULL,
    article_id TEXT NOT NULL,
    target TEXT NOT NULL,
    norm TEXT NOT NULL,
    PRIMARY KEY (source, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_merges_target ON entity_merges(target, source);
CREATE INDEX IF NOT EXISTS entity_merges_norm ON entity_merges(norm);
CREATE INDEX IF NOT EXISTS entity_merges_article ON entity_merges(article_id);
CREATE TRIGGER IF NOT EXISTS alias_evidence_insert AFTER INSERT ON alias_evidence BEGIN
    INSERT INTO alias_counts (norm, entity_id, articles) VALUES (new.norm, new.entity_id, 1)
    ON CONFLICT(norm, entity_id) DO UPDATE SET articles = articles + 1;
END;
CREATE TRIGGER IF NOT EXISTS alias_evidence_delete AFTER DELETE ON alias_evidence BEGIN
    UPDATE alias_counts SET articles = articles - 1 WHERE norm = old.norm AND entity_id = old.entity_id;
    DELETE FROM alias_counts WHERE norm = old.norm AND entity_id = old.entity_id AND articles <= 0;
    INSERT OR IGNORE INTO alias_dirty (norm) VALUES (old.norm);
END;
CREATE TRIGGER IF NOT EXISTS articles_alias_delete AFTER DELETE ON articles BEGIN
    DELETE FROM alias_evidence WHERE article_id = old.id;
    DELETE FROM alias_locals WHERE article_id = old.id;
    DELETE FROM entity_merges WHERE article_id = old.id;
END;
"""

# Version 4: the link journal.  An article is stored in one transaction and linked (duplicates,
# stories, statement groups) in a later one, so a kill in between used to leave it unlinked for
# good.  ``link_pending`` holds every stored article not yet linked: the store writes the row in
# the article's own transaction and the linker deletes it in the linking transaction, so the
# journal is exact after any kill.  Existing stores may already hold such articles, so every
# stored article is marked for a check (linking skips the linked ones cheaply).
_V4 = """
CREATE TABLE IF NOT EXISTS link_pending (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO link_pending (article_id) SELECT id FROM articles;
CREATE TRIGGER IF NOT EXISTS articles_link_pending_delete AFTER DELETE ON articles BEGIN
    DELETE FROM link_pending WHERE article_id = old.id;
END;
"""

# Version 5 (issue 21): saved watchlists.  A watch follows a person (an entity id) or a search
# query; ``watch_seen`` remembers which statements a watch already reported, so ``wortlaut watch
# run`` reports each match once.  Deleting a watch or an article removes its rows.
_V5 = """
CREATE TABLE IF NOT EXISTS watches (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'query')),
    value TEXT NOT NULL,
    label TEXT NOT NULL,
    created TEXT NOT NULL,
    UNIQUE (kind, value)
);
CREATE TABLE IF NOT EXISTS watch_seen (
    watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
    statement_id TEXT NOT NULL,
    PRIMARY KEY (watch_id, statement_id)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS watches_delete AFTER DELETE ON watches BEGIN
    DELETE FROM watch_seen WHERE watch_id = old.id;
END;
"""

# Version 6 (issue 18): the linker's own index tables, until now created by wortlaut.link on first
# use outside the versioned migrations.  ``link_lsh`` holds the MinHash LSH bands (and, as band -1,
# the normalised text hash) of every linked article, ``link_story_entities`` the entity counts of
# every story; the two indexes speed up a speaker's recent groups and the copies of an article.
# Stores that a linker already touched have them all: ``IF NOT EXISTS`` keeps their rows.
_V6 = """
CREATE INDEX IF NOT EXISTS link_statement_groups_speaker ON statement_groups(speaker_entity, first_seen);
CREATE INDEX IF NOT EXISTS link_duplicates_of ON duplicates(duplicate_of);
CREATE TABLE IF NOT EXISTS link_lsh (band INTEGER NOT NULL, bucket TEXT NOT NULL, article_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS link_lsh_bucket ON link_lsh(band, bucket);
CREATE INDEX IF NOT EXISTS link_lsh_article ON link_lsh(article_id);
CREATE TABLE IF NOT EXISTS link_story_entities (
    story_id TEXT NOT NULL, entity TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (story_id, entity));
CREATE INDEX IF NOT EXISTS link_story_entities_entity ON link_story_entities(entity);
"""

# Version 7 (issue 20): a statement that denies, confirms, corrects or retracts an earlier one, linked
# to it by wortlaut.link.relations (``type``: denies, confirms, corrects, retracts; ``score``: the topic
# similarity; ``evidence``: why the target was chosen, e.g. ``named:<entity>`` or ``quoted``).
_V7 = """
CREATE TABLE IF NOT EXISTS statement_relations (
    statement_id TEXT NOT NULL,
    target_id TEXT NOT NULL,
    type TEXT NOT NULL,
    score REAL NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (statement_id, target_id)
);
CREATE INDEX IF NOT EXISTS statement_relations_target ON statement_relations(target_id);
"""

# Version 8 (issue 20e): answer acts — a sentence that denies, confirms, corrects or retracts something,
# whether or not the quotation stage made a statement of it ("X wies die Vorwürfe zurück"), with the
# proposition it answers when the sentence states it (``claim_text``: the wonach/dass clause) and the
# earlier statement it answers when wortlaut.claims.answer_targets finds one (``target_id``).
_V8 = """
CREATE TABLE IF NOT EXISTS claim_answers (
    article_id TEXT NOT NULL,
    cue_start INTEGER NOT NULL,
    cue_end INTEGER NOT NULL,
    type TEXT NOT NULL,
    reference TEXT NOT NULL,
    sentence TEXT NOT NULL,
    claim_text TEXT,
    statement_id TEXT,
    target_id TEXT,
    score REAL,
    evidence TEXT,
    PRIMARY KEY (article_id, cue_start)
);
CREATE INDEX IF NOT EXISTS claim_answers_target ON claim_answers(target_id);
"""

#: Migration scripts; ``MIGRATIONS[n - 1]`` brings a store from version n - 1 to n.
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8)

#: The tables of the cross-article linker alone (what :mod:`wortlaut.scale.links` computes on
#: scratch databases): the cross-article tables of version 1 with the linker's index tables.
LINK_TABLES_SQL = _V1_LINKS + _V6
