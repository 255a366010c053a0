"""The event finder: raw event mentions per sentence, merged into one event per happening.

Each trigger yields a raw event with participants, place, time, topics, outcome and
status (:mod:`wortlaut.events.frames`, :mod:`wortlaut.events.status`); raw events telling
the same happening are merged (:mod:`wortlaut.events.merge`).  Boilerplate never yields
events.  Statement dating asks :meth:`EventFinder.clusters` for the same merged mentions.
"""

from __future__ import annotations

from wortlaut.article import Article, DateInfo, Event, Span
from wortlaut.events.frames import (
    RawEvent,
    find_triggers,
    load_places,
    nearest_time,
    outcome_of,
    participants_in,
    place_in,
    pronoun_subject,
    region_of,
    topics_in,
)
from wortlaut.events.lexicon import EventLexicon, load_event_lexicon
from wortlaut.events.merge import Cluster, evidence, merge, unique_refs
from wortlaut.events.status import DEFAULT_OPTIONS, StatusOptions, cluster_status, dated_status, event_status
from wortlaut.sentences import split_sentences


def event_sentences(article: Article) -> list[Span]:
    """The sentences events are looked for in: the token stage's, else a plain split of the text."""
    return list(article.sentences) or split_sentences(article.text)


class EventFinder:
    """Finds an article's events with the trigger lexicon and place list, loaded once."""

    def __init__(self, options: StatusOptions = DEFAULT_OPTIONS) -> None:
        self.lexicon: EventLexicon = load_event_lexicon()
        self.places = load_places()
        self.options = options

    def events(self, article: Article) -> tuple[Event, ...]:
        """The article's events, one per happening, numbered in text order."""
        clusters = self.clusters(article, event_sentences(article))
        return tuple(self._event(article, index, cluster) for index, cluster in enumerate(clusters, 1))

    def clusters(self, article: Article, sentences: list[Span]) -> list[Cluster]:
        """The article's raw event mentions, merged into one cluster per happening, in text order."""
        raws = [
            raw
            for index, sentence in enumerate(sentences)
            for raw in self._raw_events(article, sentence, sentences[index - 1] if index else None)
        ]
        return merge(raws)

    def _raw_events(self, article: Article, sentence: Span, previous: Span | None) -> list[RawEvent]:
        if article.is_boilerplate(sentence.start):
            return []
        raws = []
        subject = pronoun_subject(article, sentence, previous)
        for trigger, trig, anaphoric in find_triggers(article, sentence, self.lexicon):
            region, post_date = region_of(article, trigger.start)
            start, end = sentence.start, sentence.end
            if region == "post":
                start, end = self._post_bounds(article, trigger.start, start, end)
            raws.append(
                RawEvent(
                    type=trig.type,
                    trigger=trigger,
                    sentence=sentence,
                    region=region,
                    anaphoric=anaphoric,
                    participants=participants_in(article, start, end, self.lexicon)
                    + ([subject] if subject else []),
                    place=place_in(article, sentence, self.places),
                    time=nearest_time(article.times, sentence, trigger.start),
                    post_date=post_date,
                    topics=topics_in(article, sentence, self.lexicon),
                    outcome=outcome_of(article, trigger, sentence, self.lexicon),
                    status=event_status(article, trigger, sentence, options=self.options),
                )
            )
        return raws

    def _status(self, article: Article, cluster: Cluster, main: RawEvent, date: DateInfo | None) -> str:
        status = cluster_status([m.status for m in cluster.members], main.status, options=self.options)
        return dated_status(
            article, status, date.value if date else None, options=self.options, event_type=main.type
        )

    @staticmethod
    def _post_bounds(article: Article, offset: int, start: int, end: int) -> tuple[int, int]:
        """A post event's participants come from the whole post and its signature (its author)."""
        for post in article.structure.posts if article.structure else ():
            if post.start <= offset < post.end:
                last = post.signature.end if post.signature else post.end
                return min(start, post.start), max(end, last)
        return start, end

    def _event(self, article: Article, index: int, cluster: Cluster) -> Event:
        main = cluster.main()
        times = [m.time for m in cluster.members if m.time is not None]
        time = next((t for t in times if t.value), times[0] if times else None)
        date = None
        if time is not None and time.value:
            date = DateInfo(value=time.value[:10], source="time")
        elif cluster.date:
            date = DateInfo(value=cluster.date, source="post")
        topics = {(s.start, s.end): s for m in cluster.members for s in m.topics}
        outcome = next((m.outcome for m in cluster.members if m.outcome is not None), None)
        return Event(
            id=f"{article.id}:e{index}",
            type=main.type,
            trigger=main.trigger,
            participants=unique_refs([ref for m in cluster.members for ref in m.participants]),
            place=cluster.place,
            time=time,
            date=date,
            topics=tuple(topics[key] for key in sorted(topics)),
            outcome=outcome,
            evidence=evidence(cluster),
            status=self._status(article, cluster, main, date),
        )
