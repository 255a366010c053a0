"""The events stage on hand-built articles: types, participants, place, date, merging."""

from __future__ import annotations

import re
from typing import Any

import pytest

from wortlaut.article import Article, Event, Mention, Post, Span, Statement, Structure
from wortlaut.stages.events import EventsStage
from wortlaut.stages.times import TimesStage


@pytest.fixture(scope="module")
def stages() -> tuple[TimesStage, EventsStage]:
    return TimesStage(), EventsStage()


def mentions(text: str, names: dict[str, tuple[str, str]]) -> tuple[Mention, ...]:
    """Mentions of every occurrence of each name (name -> (type, entity id)), longest names first."""
    found: list[Mention] = []
    for name, (type_, entity) in sorted(names.items(), key=lambda item: -len(item[0])):
        for m in re.finditer(re.escape(name), text):
            if all(m.end() <= other.start or m.start() >= other.end for other in found):
                found.append(Mention(start=m.start(), end=m.end(), text=m.group(), type=type_, entity=entity))
    return tuple(sorted(found, key=lambda mention: mention.start))


NAMES = {
    "Selenskyj": ("PER", "Q3881"),
    "Mark Rutte": ("PER", "Q57792"),
    "Rutte": ("PER", "Q57792"),
    "Scholz": ("PER", "Q61053"),
    "Brüssel": ("LOC", "Q239"),
    "Telegram": ("ORG", "Q15616276"),
}


def analyse(stages: tuple[TimesStage, EventsStage], article: Article) -> Article:
    times, events = stages
    return events(times(article))


def make(text: str, published: str | None = "2024-12-18", **layers: Any) -> Article:
    return Article.create(text, published=published, mentions=mentions(text, NAMES), **layers)


def entities(event: Event) -> set[str | None]:
    return {ref.entity for ref in event.participants}


def test_events_meeting_with_weekday_participants_and_group(stages: tuple[TimesStage, EventsStage]) -> None:
    text = (
        "Während eines Treffens am Mittwoch mit Selenskyj und anderen europäischen Staats- und "
        "Regierungschefs sagte Rutte, er wolle Wege erkunden."
    )
    (event,) = analyse(stages, make(text)).events
    assert event.type == "meeting"
    assert event.date is not None and event.date.value == "2024-12-18"
    assert {"Q3881", "Q57792"} <= entities(event)
    assert any(ref.entity is None and "Staats- und Regierungschefs" in ref.text for ref in event.participants)
    assert event.trigger.text == "Treffens" and event.evidence


def test_events_summit_place_and_date_forward(stages: tuple[TimesStage, EventsStage]) -> None:
    text = "Außerdem soll Selenskyj am Donnerstag in Brüssel an einem EU-Gipfel teilnehmen."
    (event,) = analyse(stages, make(text)).events
    assert (event.type, event.place and event.place.text) == ("summit", "Brüssel")
    assert event.date is not None and event.date.value == "2024-12-19"


def test_events_medium_is_no_participant(stages: tuple[TimesStage, EventsStage]) -> None:
    text = "Selenskyj gab auf Telegram bekannt, dass er Gespräche in Brüssel führen werde."
    (event,) = analyse(stages, make(text)).events
    assert event.type == "talks" and "Q15616276" not in entities(event)
    assert event.place is not None and event.place.text == "Brüssel"


def call_article(published: str | None) -> Article:
    caption = "Treffen von Selenskyj mit dem NATO-Generalsekretär"
    body = (
        "\nSelenskyj führte ein Telefongespräch mit Mark Rutte, währenddessen Sanktionen besprochen"
        " wurden. Ein Thema des Gesprächs war der Waffenstillstand."
    )
    post = "\nGuter Anruf, um heute mit Selenskyj zu sprechen."
    signature = "\n— Mark Rutte (@SecGenNATO) 21. Mai 2025"
    tail = "\nDie Gesprächspartner vereinbarten, den ständigen Kontakt aufrechtzuerhalten."
    boiler = "\nLesen Sie auch: Selenskyj hat mit Scholz telefoniert."
    text = caption + body + post + signature + tail + boiler
    post_start = text.index(post) + 1
    sig_start = text.index(signature) + 1
    boiler_start = text.index(boiler) + 1
    structure = Structure(
        captions=(Span(start=0, end=len(caption), text=caption),),
        posts=(
            Post(
                start=post_start,
                end=post_start + len(post) - 1,
                text=post[1:],
                author="Mark Rutte",
                date="2025-05-21",
                signature=Span(start=sig_start, end=sig_start + len(signature) - 1, text=signature[1:]),
            ),
        ),
        boilerplate=(Span(start=boiler_start, end=len(text), text=text[boiler_start:]),),
    )
    return make(text, published=published, structure=structure)


@pytest.mark.parametrize("published", ["2025-05-21", None])
def test_events_one_call_from_caption_body_post_and_outcome(
    stages: tuple[TimesStage, EventsStage], published: str | None
) -> None:
    article = analyse(stages, call_article(published))
    (event,) = article.events
    assert event.type == "call" and event.trigger.text == "Telefongespräch"
    assert {"Q3881", "Q57792"} <= entities(event)
    assert event.date is not None and event.date.value == "2025-05-21"
    assert event.outcome is not None and event.outcome.text.startswith("vereinbarten, den ständigen Kontakt")
    assert {span.text for span in event.topics} >= {"Sanktionen", "Waffenstillstand"}
    assert len(event.evidence) >= 3
    assert all(article.text[s.start : s.end] == s.text for s in event.evidence)


def test_events_none_from_boilerplate_or_hypothetical(stages: tuple[TimesStage, EventsStage]) -> None:
    text = "Rutte sprach über künftige Verhandlungen und die Vorbereitung zukünftiger Treffen."
    assert analyse(stages, make(text)).events == ()
    article = analyse(stages, call_article("2025-05-21"))
    assert all("Scholz" not in ref.text for event in article.events for ref in event.participants)


def test_events_bad_input_gives_no_events(stages: tuple[TimesStage, EventsStage]) -> None:
    for text in ["", "1:0", "Am 31. Februar 3.5 Prozent.", "Treffen"]:
        article = analyse(stages, Article.create(text))
        assert all(e.date is None for e in article.events)
    assert analyse(stages, Article.create("1:0 und 3.5 Prozent")).events == ()


def statement(article: Article, quote: str, cue: str) -> Statement:
    start, cue_start = article.text.index(quote), article.text.index(cue)
    return Statement(
        id="s1",
        mode="indirect",
        quote=Span(start=start, end=start + len(quote), text=quote),
        cue=Span(start=cue_start, end=cue_start + len(cue), text=cue),
    )


def test_events_stage_leaves_statements_to_the_dating_stage(stages: tuple[TimesStage, EventsStage]) -> None:
    text = "Während eines Treffens am Dienstag mit Selenskyj sagte Rutte, er wolle Wege erkunden."
    article = make(text)
    article = article.with_layers(statements=(statement(article, "er wolle Wege erkunden", "sagte"),))
    analysed = analyse(stages, article)
    assert analysed.events and analysed.statements == article.statements


def test_events_topic_after_ueber(stages: tuple[TimesStage, EventsStage]) -> None:
    text = "Selenskyj führte in Brüssel Gespräche über den Grenzschutz und neue Sanktionen."
    (event,) = analyse(stages, make(text)).events
    assert [span.text for span in event.topics] == ["Grenzschutz", "Sanktionen"]


@pytest.mark.parametrize(
    "text",
    [
        "Der ORF hat die Entscheidung getroffen, das Format zu ändern.",
        "Nach dem Ausgleich traf der Stürmer in der 48. Minute erneut.",
        "Das trifft oft auf drei Parteien zu.",
        "Nach dem Eintreffen der Polizei wurde es ruhig.",
        "Rutte sagte im Gespräch mit der Zeitung, er sei zufrieden.",
    ],
)
def test_events_trigger_words_in_other_senses_give_none(
    stages: tuple[TimesStage, EventsStage], text: str
) -> None:
    assert analyse(stages, make(text)).events == ()


def test_events_meeting_verb_with_sich(stages: tuple[TimesStage, EventsStage]) -> None:
    text = "Am Dienstag traf sich Scholz in Brüssel mit Selenskyj."
    (event,) = analyse(stages, make(text)).events
    assert event.type == "meeting" and {"Q61053", "Q3881"} <= entities(event)
    assert event.date is not None and event.date.value == "2024-12-17"


def test_events_without_publication_date_keep_relative_time_and_no_date(
    stages: tuple[TimesStage, EventsStage],
) -> None:
    text = "Außerdem soll Selenskyj am Donnerstag in Brüssel an einem EU-Gipfel teilnehmen."
    (event,) = analyse(stages, make(text, published=None)).events
    assert event.date is None
    assert event.time is not None and (event.time.value, event.time.relative) == (None, "weekday:thursday")
