"""Hand-built analysed articles for store, CLI and API tests (no pipeline stage needed)."""

from __future__ import annotations

from wortlaut.article import Article, DateInfo, Entity, EntityRef, Event, Mention, Role, Span, Statement

RUTTE = Entity(
    id="Q57792",
    name="Mark Rutte",
    type="PER",
    aliases=("Rutte",),
    roles=(Role(role="NATO-Generalsekretär", start="2024-10-01"),),
)
SELENSKYJ = Entity(id="Q3881739", name="Wolodymyr Selenskyj", type="PER", aliases=("Selenskyj", "Zelensky"))


def _span(text: str, part: str, start_at: int = 0) -> Span:
    start = text.index(part, start_at)
    return Span(start=start, end=start + len(part), text=part)


def _ref(text: str, part: str, entity: str | None) -> EntityRef:
    span = _span(text, part)
    return EntityRef(start=span.start, end=span.end, text=part, entity=entity)


def _statement(
    text: str,
    local_id: str,
    speaker: str,
    entity: str | None,
    cue: str,
    quote: str,
    mode: str = "indirect",
    date: str | None = None,
) -> Statement:
    return Statement(
        id=local_id,
        mode=mode,
        quote=_span(text, quote),
        cue=_span(text, cue),
        speaker=_ref(text, speaker, entity),
        date=DateInfo(value=date, source="published") if date else None,
    )


def rutte_article(
    *, url: str = "https://example.org/nato-rutte", quote: str = "Wir müssen mehr tun."
) -> Article:
    """Like seed 000: Rutte on peace talks, a meeting with Selenskyj."""
    text = (
        "NATO-Generalsekretär Mark Rutte sagte, er wolle die Ukraine für künftige "
        "Friedensgespräche stärken.\n"
        f"Bei einem Treffen mit Wolodymyr Selenskyj in Brüssel sagte Rutte: „{quote}“\n"
        "Selenskyj schrieb auf Telegram, Europa brauche eine geeinte Position."
    )
    published = "2024-12-18"
    statements = (
        _statement(
            text,
            "s1",
            "Mark Rutte",
            RUTTE.id,
            "sagte",
            "er wolle die Ukraine für künftige Friedensgespräche stärken",
            date=published,
        ),
        _statement(text, "s2", "Rutte", RUTTE.id, "sagte", quote, mode="direct", date=published),
        _statement(
            text,
            "s3",
            "Selenskyj",
            SELENSKYJ.id,
            "schrieb",
            "Europa brauche eine geeinte Position",
            date=published,
        ),
    )
    meeting = Event(
        id="e1",
        type="meeting",
        trigger=_span(text, "Treffen"),
        participants=(_ref(text, "Wolodymyr Selenskyj", SELENSKYJ.id), _ref(text, "Rutte", RUTTE.id)),
        place=_ref(text, "Brüssel", None),
        date=DateInfo(value=published, source="published"),
    )
    mentions = (
        Mention(
            start=text.index("Mark Rutte"),
            end=text.index("Mark Rutte") + 10,
            text="Mark Rutte",
            type="PER",
            entity=RUTTE.id,
        ),
    )
    return Article.create(
        text,
        url=url,
        source="example.org",
        title="Rutte will Ukraine stärken",
        published=published,
        language="de",
        entities=(RUTTE, SELENSKYJ),
        statements=statements,
        events=(meeting,),
        mentions=mentions,
    )


def selenskyj_article() -> Article:
    """Like seed 004: Selenskyj months earlier, in another story."""
    text = (
        "Der ukrainische Präsident Wolodymyr Selenskyj erklärte, "
        "die Friedensgesprächen müssten bald beginnen.\n"
        "Rutte sagte, die NATO stehe fest an der Seite der Ukraine."
    )
    published = "2024-05-02"
    statements = (
        _statement(
            text,
            "s1",
            "Wolodymyr Selenskyj",
            SELENSKYJ.id,
            "erklärte",
            "die Friedensgesprächen müssten bald beginnen",
            date=published,
        ),
        _statement(
            text,
            "s2",
            "Rutte",
            RUTTE.id,
            "sagte",
            "die NATO stehe fest an der Seite der Ukraine",
            date=published,
        ),
    )
    return Article.create(
        text,
        url="https://example.org/selenskyj",
        source="example.org",
        title="Selenskyj drängt",
        published=published,
        language="de",
        entities=(RUTTE, SELENSKYJ),
        statements=statements,
    )


def filler_article(number: int) -> Article:
    """A small article with one statement by an unresolved speaker."""
    text = f"Ministerin Anna Beispiel{number} sagte, Nummer {number} sei wichtig."
    statement = _statement(
        text, "s1", f"Anna Beispiel{number}", None, "sagte", f"Nummer {number} sei wichtig"
    )
    return Article.create(
        text, url=f"https://example.org/filler/{number}", published="2024-01-01", statements=(statement,)
    )


#: The quotes of :func:`tax_article`.
TAX_QUOTES = (
    "Wir senken die Steuern für Familien im kommenden Jahr",
    "Wir senken die Steuern für alle Familien im Jahr",
    "Die Renten steigen im kommenden Jahr deutlich",
    "Der Haushalt bleibt ausgeglichen",
    "Die Steuern für Familien sinken im kommenden Jahr",
    "Niemand zahlt mehr Steuern",
)


def _tax_statement(text: str, local_id: str, quote: str, entity: str | None, date: str | None) -> Statement:
    start = text.index(quote)
    return Statement(
        id=local_id,
        mode="indirect",
        quote=Span(start=start, end=start + len(quote), text=quote),
        speaker=EntityRef(start=0, end=6, text="Scholz", entity=entity),
        date=DateInfo(value=date, source="text") if date else None,
    )


def tax_article(*, language: str | None = "de", published: str | None = "2024-12-18") -> Article:
    """Six statements: four of Q1 (one dated months earlier), one of Q2, one without speaker entity."""
    text = "Scholz sagte: " + ". ".join(TAX_QUOTES) + "."
    owners = (
        ("Q1", None),
        ("Q1", "2024-12-17"),
        ("Q2", None),
        (None, None),
        ("Q1", None),
        ("Q1", "2024-03-01"),
    )
    found = tuple(
        _tax_statement(text, f"s{index}", quote, entity, date)
        for index, (quote, (entity, date)) in enumerate(zip(TAX_QUOTES, owners, strict=True))
    )
    entities = (
        Entity(id="Q1", name="Olaf Scholz", type="PER"),
        Entity(id="Q2", name="Anna Muster", type="PER"),
    )
    return Article.create(
        text, title="Steuern", published=published, language=language, entities=entities, statements=found
    )
