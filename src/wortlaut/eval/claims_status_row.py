"""The shape of a candidate event-status row, shared by the candidate modules and their CV.

The candidate modules (``claims_status_governed``, ``…_governors``, ``…_modality``, ``…_prospect``,
``…_speech``) are imported by ``claims_status_rows``, so the type lives here rather than there.
"""

from __future__ import annotations

#: A candidate row: status, scope, trigger, pattern, with, unless (``event_status.tsv``'s columns).
Row = tuple[str, str, str, str, str, str]
