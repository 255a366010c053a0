"""Events scheduled in undated text (issue 20s): a day the article cannot place, told in the present."""

from __future__ import annotations

import pytest

from wortlaut.article import Article, Span
from wortlaut.events.status import HAPPENED, PLANNED, StatusOptions, event_status
from wortlaut.stages.morph import MorphStage
from wortlaut.stages.times import TimesStage
from wortlaut.stages.tokens import TokensStage


def _status(text: str, trigger: str, switch: str, *, published: str | None = None) -> str:
    article = TimesStage()(MorphStage()(TokensStage()(Article.create(text, published=published))))
    start = text.index(trigger)
    span = Span(start=start, end=start + len(trigger), text=trigger)
    sentence = Span(start=0, end=len(text), text=text)
    return event_status(article, span, sentence, options=StatusOptions(undated_schedule=switch))


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Am Mittwoch ist die Kanzlerin in Prag zu Besuch.", "Besuch", PLANNED),
        ("Beim Gipfeltreffen der Regierung am Freitag geht es um die Pensionen.", "Gipfeltreffen", PLANNED),
        ("In Linz treffen sich Fachleute von 3. bis 5. Mai zu einer Tagung.", "treffen", PLANNED),
        # a past cue anywhere in the sentence: the day lies behind
        ("Am Mittwoch war die Kanzlerin in Prag zu Besuch.", "Besuch", HAPPENED),
        ("Die Parteien haben am Montag Verhandlungen aufgenommen.", "Verhandlungen", HAPPENED),
        ("Nach dem Treffen am Samstag sagte der Minister, es gebe Fortschritte.", "Treffen", HAPPENED),
        # a day as a bound, not the event's day
        ("Seit Dienstag gilt die Vereinbarung zwischen den Ländern.", "Vereinbarung", HAPPENED),
        # no day: the present alone says nothing
        ("Die Gespräche der beiden Regierungen gelten als schwierig.", "Gespräche", HAPPENED),
    ],
)  # fmt: skip
def test_a_day_in_the_present_of_an_undated_text_is_a_schedule(text: str, trigger: str, status: str) -> None:
    assert _status(text, trigger, "sentence") == status


def test_a_dated_text_leaves_the_day_to_the_later_date_rule() -> None:
    """With a publication date the day is placed (``dated_status``); this switch stays out of it."""
    text = "Am Mittwoch ist die Kanzlerin in Prag zu Besuch."
    assert _status(text, "Besuch", "sentence", published="2024-12-18") == HAPPENED


def test_near_takes_only_a_day_close_to_the_trigger_and_off_takes_none() -> None:
    far = (
        "Am Mittwoch ist die Kanzlerin nach langen Jahren wieder in der tschechischen Hauptstadt Prag"
        " zu Besuch."
    )
    assert _status(far, "Besuch", "sentence") == PLANNED
    assert _status(far, "Besuch", "near") == HAPPENED
    assert _status("Beim Gipfel am Freitag geht es um Geld.", "Gipfel", "near") == PLANNED
    assert _status("Beim Gipfel am Freitag geht es um Geld.", "Gipfel", "") == HAPPENED
