"""The times stage: German time expressions normalised to TIMEX3, relative ones against the right anchor."""

from __future__ import annotations

import pytest

from wortlaut.article import Article, Entry, Post, Span, Structure, TimeExpr
from wortlaut.stages.times import TimesStage


@pytest.fixture(scope="module")
def stage() -> TimesStage:
    return TimesStage()


def times_of(stage: TimesStage, text: str, published: str | None = None) -> list[TimeExpr]:
    return list(stage(Article.create(text, published=published)).times)


def value_of(stage: TimesStage, text: str, expression: str, published: str | None) -> TimeExpr:
    start = text.index(expression)
    hits = [
        t for t in times_of(stage, text, published) if t.start < start + len(expression) and start < t.end
    ]
    assert hits, f"no time found for {expression!r} in {text!r}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "expression", "published", "type_", "value"),
    [
        ("Das Telefonat fand am 21. Mai 2025 statt.", "21. Mai 2025", None, "DATE", "2025-05-21"),
        ("Es wurde am 21.05.2025 unterzeichnet.", "21.05.2025", None, "DATE", "2025-05-21"),
        ("Im Mai 2025 trafen sie sich.", "Mai 2025", None, "DATE", "2025-05"),
        ("Die Wahl ist für 2025 geplant.", "2025", None, "DATE", "2025"),
        (
            "Während eines Treffens am Mittwoch sagte Rutte, er wolle Wege erkunden.",
            "Mittwoch",
            "2024-12-18",
            "DATE",
            "2024-12-18",
        ),
        (
            "Außerdem soll er am Donnerstag an einem EU-Gipfel teilnehmen.",
            "Donnerstag",
            "2024-12-18",
            "DATE",
            "2024-12-19",
        ),
        (
            "Am Montag hatte der Kanzler die Vertrauensfrage gestellt.",
            "Montag",
            "2024-12-18",
            "DATE",
            "2024-12-16",
        ),
        ("Es ist gut, heute und morgen zu sprechen.", "heute", "2024-12-18", "DATE", "2024-12-18"),
        ("Es ist gut, heute und morgen zu sprechen.", "morgen", "2024-12-18", "DATE", "2024-12-19"),
        ("Gestern hatte der Bundestag debattiert.", "Gestern", "2024-12-18", "DATE", "2024-12-17"),
        ("Vorgestern war er in Warschau.", "Vorgestern", "2024-12-18", "DATE", "2024-12-16"),
        ("Übermorgen beginnt der Gipfel.", "Übermorgen", "2024-12-18", "DATE", "2024-12-20"),
        (
            "Vergangene Woche hatte die Regierung beschlossen.",
            "Vergangene Woche",
            "2024-12-18",
            "DATE",
            "2024-W50",
        ),
        ("Im nächsten Monat gehen die Gespräche weiter.", "nächsten Monat", "2025-05-21", "DATE", "2025-06"),
        ("Anfang Mai hatte er eine Waffenruhe vorgeschlagen.", "Anfang Mai", "2025-05-21", "DATE", "2025-05"),
        ("Bis Ende des Jahres soll das Gesetz gelten.", "Ende des Jahres", "2025-05-21", "DATE", "2025"),
        (
            "In der Nacht zu Donnerstag soll abgestimmt werden.",
            "Nacht zu Donnerstag",
            "2024-12-18",
            "TIME",
            "2024-12-19TNI",
        ),
        (
            "Der Kanzler äußerte sich am Mittwochabend.",
            "Mittwochabend",
            "2024-12-18",
            "TIME",
            "2024-12-18TEV",
        ),
        ("Die Sitzung beginnt um 14.30 Uhr.", "14.30 Uhr", "2025-05-21", "TIME", "2025-05-21T14:30"),
        ("Seit drei Jahren führt Russland Krieg.", "drei Jahren", "2025-05-21", "DURATION", "P3Y"),
        ("Die Verhandlungen dauerten zwei Wochen.", "zwei Wochen", None, "DURATION", "P2W"),
        ("Die Abgeordneten tagen jeden Montag.", "jeden Montag", None, "SET", "XXXX-WXX-1"),
        ("Die Lage wird täglich bewertet.", "täglich", None, "SET", "P1D"),
        ("Derzeit gibt es keine Pläne.", "Derzeit", None, "DATE", "PRESENT_REF"),
        ("Jetzt müsse Europa handeln.", "Jetzt", None, "DATE", "PRESENT_REF"),
        ("Früher hatte die Partei andere Positionen.", "Früher", None, "DATE", "PAST_REF"),
        ("Einst galt die Stadt als Hochburg.", "Einst", None, "DATE", "PAST_REF"),
        ("Im 20. Jahrhundert gab es zwei Weltkriege.", "20. Jahrhundert", None, "DATE", "19"),
        ("In den 90er Jahren wuchs die NATO.", "90er Jahren", None, "DATE", "199"),
        ("Im Sommer soll das Gesetz kommen.", "Sommer", "2025-05-21", "DATE", "2025-SU"),
        ("Im ersten Quartal 2025 sank die Zahl.", "ersten Quartal 2025", None, "DATE", "2025-Q1"),
        ("Im Jänner hatte der Landtag beschlossen.", "Jänner", "2025-05-21", "DATE", "2025-01"),
    ],
)
def test_times_normalise_expression(
    stage: TimesStage, text: str, expression: str, published: str | None, type_: str, value: str
) -> None:
    found = value_of(stage, text, expression, published)
    assert (found.type, found.value) == (type_, value)


def test_times_month_granularity_kept_and_mod_recorded(stage: TimesStage) -> None:
    found = value_of(stage, "Anfang Mai hatte er gesprochen.", "Anfang Mai", "2025-05-21")
    assert found.value == "2025-05" and found.mod == "START"


@pytest.mark.parametrize(
    ("text", "expression", "relative"),
    [
        ("Am Mittwoch sagte Rutte, er wolle reden.", "Mittwoch", "weekday:wednesday"),
        ("Der Gipfel beginnt morgen.", "morgen", "day:+1"),
        ("Vergangene Woche hatte er gesprochen.", "Vergangene Woche", "week:-1"),
        ("Im nächsten Monat geht es weiter.", "nächsten Monat", "month:+1"),
    ],
)
def test_times_without_publication_date_stay_relative(
    stage: TimesStage, text: str, expression: str, relative: str
) -> None:
    found = value_of(stage, text, expression, None)
    assert found.value is None and found.relative == relative


def test_times_inside_post_resolve_against_post_date(stage: TimesStage) -> None:
    body = "Am Montag sprach er. "
    post = "Guter Anruf, um heute zu reden."
    text = body + post
    structure = Structure(posts=(Post(start=len(body), end=len(text), text=post, date="2025-05-21"),))
    article = stage(Article.create(text, published="2025-06-02", structure=structure))
    heute = next(t for t in article.times if t.text == "heute")
    assert heute.value == "2025-05-21" and heute.anchor == "2025-05-21"


def test_times_skip_boilerplate(stage: TimesStage) -> None:
    text = "Heute sprach er. Lesen Sie auch: Gestern war es kalt."
    start = text.index("Lesen")
    structure = Structure(boilerplate=(Span(start=start, end=len(text), text=text[start:]),))
    article = stage(Article.create(text, published="2025-05-21", structure=structure))
    assert [t.text for t in article.times] == ["Heute"]


@pytest.mark.parametrize(
    "text",
    [
        "Am 31. Februar soll abgestimmt werden.",
        "Bayern gewann das Spiel 1:0.",
        "Die Partei erreichte 3.5 Prozent der Stimmen.",
        "Die Inflation lag bei 2,2 Prozent.",
        "Rund 2500 Soldaten und 1500 Panzer sind dort.",
        "Das Paket umfasst 800 Milliarden Euro.",
        "Die Mitglieder stimmten zu, die Koalition fortzusetzen.",
        "Am 45.13.2025 war nichts.",
        "",
    ],
)
def test_times_no_false_times_on_numbers_and_impossible_dates(stage: TimesStage, text: str) -> None:
    assert [t for t in times_of(stage, text, "2025-05-21") if t.value is not None] == []


def test_times_far_years_and_garbage_do_not_crash(stage: TimesStage) -> None:
    text = "Im Jahr 9999 und am 1. Januar 0001 und um 99 Uhr, 12.13.14. ›‹ \x00 Mai Mai Mai"
    article = stage(Article.create(text, published="not a date"))
    assert all(article.text[t.start : t.end] == t.text for t in article.times)
    assert all(t.value is None or not t.value.startswith("9999") for t in article.times)


def test_times_offsets_match_text(stage: TimesStage) -> None:
    text = "Am Donnerstag, 22. Mai, um 10 Uhr beginnt das Treffen; seit zwei Wochen wird verhandelt."
    article = stage(Article.create(text, published="2025-05-21"))
    assert article.times
    assert all(article.text[t.start : t.end] == t.text for t in article.times)


def test_times_live_blog_entries_anchor_to_their_own_stamp(stage: TimesStage) -> None:
    first = "20.05.2025, 08:15\nDie Abstimmung ist heute.\n"
    second = "2025-05-21T14:30\nGestern hatte der Rat getagt."
    text = first + second
    entries = (
        Entry(start=0, end=len(first), text=first, time="20.05.2025, 08:15"),
        Entry(start=len(first), end=len(text), text=second, time="2025-05-21T14:30"),
    )
    article = Article.create(text, published="2025-05-19", structure=Structure(entries=entries))
    found = {t.text: t for t in stage(article).times}
    assert found["heute"].value == "2025-05-20" and found["heute"].anchor == "2025-05-20"
    assert found["Gestern"].value == "2025-05-20"


def test_times_clock_only_entry_stamp_anchors_to_publication(stage: TimesStage) -> None:
    text = "14:30\nGestern hatte der Rat getagt."
    entry = Entry(start=0, end=len(text), text=text, time="14:30")
    article = Article.create(text, published="2025-05-19", structure=Structure(entries=(entry,)))
    assert {t.text: t.value for t in stage(article).times}["Gestern"] == "2025-05-18"


def test_times_without_entry_stamps_anchor_to_publication(stage: TimesStage) -> None:
    article = stage(Article.create("Gestern tagte der Rat.", published="2025-05-19"))
    assert article.times[0].value == "2025-05-18"
