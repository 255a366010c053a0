"""Merges the raw event mentions of one article into events.

One happening is often told several times: a caption (``Treffen von Selenskyj mit …``), the
body (``führte ein Telefongespräch``), an embedded post (``Guter Anruf``), a back reference
(``des Gesprächs``) and its result (``Die Gesprächspartner vereinbarten …``).  Rules, in order:
captions and headlines join a body event of a related type; back references and outcome
clauses join the nearest earlier related event; posts join a related body event with a
compatible date; summits and visits told twice join when date and place do not conflict.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wortlaut.article import EntityRef, Span
from wortlaut.events.frames import RawEvent

#: Types that describe the same kind of contact; a caption's "Treffen" can be the body's phone call.
INTERACTION = frozenset({"meeting", "call", "talks"})
#: Which type a merged event takes: the most specific one told.
SPECIFICITY = ("call", "summit", "visit", "meeting", "talks", "agreement", "announcement", "other")
#: Types whose repeated mentions in one article are nearly always the same happening.
SINGULAR = frozenset({"summit", "visit"})


@dataclass
class Cluster:
    """Raw mentions judged to be one event."""

    members: list[RawEvent] = field(default_factory=list)

    @property
    def types(self) -> set[str]:
        return {member.type for member in self.members if member.outcome is None}

    @property
    def date(self) -> str | None:
        for member in self.members:
            if member.time is not None and member.time.value:
                return member.time.value[:10]
        return next((m.post_date for m in self.members if m.post_date), None)

    @property
    def relative(self) -> str | None:
        """The unresolved time of the cluster (``weekday:thursday``) when no member has a date."""
        return next((m.time.relative for m in self.members if m.time is not None and m.time.relative), None)

    @property
    def place(self) -> EntityRef | None:
        return next((m.place for m in self.members if m.place is not None), None)

    @property
    def start(self) -> int:
        return min(member.trigger.start for member in self.members)

    @property
    def entities(self) -> set[str]:
        return {ref.entity or ref.text for m in self.members for ref in m.participants}

    def main(self) -> RawEvent:
        """The member whose trigger names the event: most specific type, body text first."""
        told = [m for m in self.members if m.outcome is None] or self.members
        return min(told, key=lambda m: (SPECIFICITY.index(m.type), m.region != "body", m.trigger.start))


def _related(raw: RawEvent, cluster: Cluster) -> bool:
    types = cluster.types or {cluster.members[0].type}
    if raw.type in types:
        return True
    return raw.type in INTERACTION and bool(types & INTERACTION)


def _compatible(raw: RawEvent, cluster: Cluster) -> bool:
    date = raw.time.value[:10] if raw.time and raw.time.value else raw.post_date
    if date and cluster.date and date != cluster.date:
        return False
    relative = raw.time.relative if raw.time else None
    if relative and cluster.relative and relative != cluster.relative:
        return False
    place = cluster.place
    return not (raw.place and place and (raw.place.entity or raw.place.text) != (place.entity or place.text))


def _shares_people(raw: RawEvent, cluster: Cluster) -> bool:
    own = {ref.entity or ref.text for ref in raw.participants}
    return not own or not cluster.entities or bool(own & cluster.entities)


def _fits(raw: RawEvent, cluster: Cluster) -> bool:
    if raw.outcome is not None:
        return bool(cluster.types & INTERACTION) and not raw.participants
    if not (_related(raw, cluster) and _compatible(raw, cluster)):
        return False
    if raw.region in {"caption", "headline", "post"} or raw.anaphoric:
        return _shares_people(raw, cluster)
    if raw.type in SINGULAR:
        return True
    date = raw.time.value[:10] if raw.time and raw.time.value else None
    return bool(date and date == cluster.date and _shares_people(raw, cluster))


def merge(raws: list[RawEvent]) -> list[Cluster]:
    """Cluster raw events: body mentions first in text order, then posts, captions and headlines."""
    order = {"body": 0, "post": 1, "caption": 2, "headline": 3}
    clusters: list[Cluster] = []
    for raw in sorted(raws, key=lambda r: (order[r.region], r.trigger.start)):
        earlier = [c for c in clusters if c.start < raw.trigger.start] if raw.region == "body" else clusters
        candidates = [c for c in earlier if _fits(raw, c)]
        if candidates:
            max(candidates, key=lambda c: c.start if raw.region == "body" else -c.start).members.append(raw)
        elif raw.outcome is None or not raw.anaphoric:
            clusters.append(Cluster(members=[raw]))
    return sorted(clusters, key=lambda c: c.start)


def unique_refs(refs: list[EntityRef]) -> tuple[EntityRef, ...]:
    """Participants without repeats (one per entity id, or per text for unlinked ones)."""
    seen: set[str] = set()
    result = []
    for ref in sorted(refs, key=lambda r: r.start):
        key = ref.entity or ref.text.lower()
        if key not in seen:
            seen.add(key)
            result.append(ref)
    return tuple(result)


def evidence(cluster: Cluster) -> tuple[Span, ...]:
    """The sentences that tell the event, in text order, each once."""
    spans = {(m.sentence.start, m.sentence.end): m.sentence for m in cluster.members}
    return tuple(spans[key] for key in sorted(spans))


def sentence_dates(clusters: list[Cluster]) -> dict[int, str]:
    """Sentence start -> event date, for sentences that date their event themselves or refer back to it.

    A sentence that only mentions an event with an indefinite article (``zu einem Gipfeltreffen``)
    does not pass the event's date to what is said there: the saying may precede the event.
    """
    dates: dict[int, str] = {}
    for cluster in clusters:
        date = cluster.date
        if date is None:
            continue
        for member in cluster.members:
            own = member.time is not None and member.time.value and member.time.value[:10] == date
            if own or member.anaphoric or member.outcome is not None:
                dates.setdefault(member.sentence.start, date)
    return dates
