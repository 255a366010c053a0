"""Hand-built articles for relation, version and position tests: a claim, its denial, and copies."""

from __future__ import annotations

from pathlib import Path

from wortlaut.article import Article, DateInfo, Entity, EntityRef, Mention, Span, Statement
from wortlaut.link import HashingEncoder, update
from wortlaut.link.relations import update as update_relations
from wortlaut.store import Store

MERZ = Entity(id="Q_merz", name="Friedrich Merz", type="PER", aliases=("Merz",))
LINDNER = Entity(id="Q_lindner", name="Christian Lindner", type="PER", aliases=("Lindner",))


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), text=part)


def _statement(
    text: str, local_id: str, speaker: Entity, speaker_words: str, cue: str, quote: str, *,
    day: str, mode: str = "indirect", frame: str | None = None,
) -> Statement:  # fmt: skip
    words = _span(text, speaker_words)
    return Statement(
        id=local_id,
        mode=mode,
        quote=_span(text, quote),
        cue=_span(text, cue),
        speaker=EntityRef(start=words.start, end=words.end, text=words.text, entity=speaker.id),
        frame=_span(text, frame) if frame else None,
        date=DateInfo(value=day, source="published"),
    )


def _article(text: str, *, url: str, source: str, day: str, statements: tuple[Statement, ...],
             mentions: tuple[Mention, ...] = ()) -> Article:  # fmt: skip
    return Article.create(
        text, url=url, source=source, title=text.split("\n")[0], published=day, language="de",
        entities=(MERZ, LINDNER), statements=statements, mentions=mentions,
    )  # fmt: skip


def claim(
    source: str = "Blatt A", quote: str = "Wir werden die Steuern für Besserverdiener nicht erhöhen"
) -> Article:
    """Merz on taxes (2025-03-01), direct; ``quote`` lets a second outlet word it differently."""
    text = f"Steuern\nMerz sagte: „{quote}“. Die Regierung plane eine Erhöhung der Steuern, sagte Merz."
    statements = (
        _statement(text, "s1", MERZ, "Merz", "sagte", quote, day="2025-03-01", mode="direct"),
        _statement(text, "s2", MERZ, "Merz", "sagte", "Die Regierung plane eine Erhöhung der Steuern",
                   day="2025-03-01"),
    )  # fmt: skip
    url = f"https://example.org/{source.replace(' ', '')}"
    return _article(text, url=url, source=source, day="2025-03-01", statements=statements)


def denial() -> Article:
    """Lindner denies Merz's claim about tax plans the next day, naming Merz."""
    frame = "Finanzminister Lindner wies die Vorwürfe von Merz zur Erhöhung der Steuern zurück"
    text = f"Lindner widerspricht\n{frame}: Die Regierung plane keine Erhöhung der Steuern."
    statement = _statement(
        text, "s1", LINDNER, "Finanzminister Lindner", "wies",
        "Die Regierung plane keine Erhöhung der Steuern", day="2025-03-02", frame=frame,
    )  # fmt: skip
    merz = _span(text, "Merz")
    mention = Mention(start=merz.start, end=merz.end, text="Merz", type="PER", entity=MERZ.id)
    return _article(text, url="https://example.org/denial", source="Blatt C", day="2025-03-02",
                    statements=(statement,), mentions=(mention,))  # fmt: skip


def later() -> Article:
    """Merz again, after the denial (never its target), against a wealth tax."""
    text = "Vermögensteuer\nMerz sagte, er lehne eine Erhöhung der Steuern ab."
    statement = _statement(text, "s1", MERZ, "Merz", "sagte", "er lehne eine Erhöhung der Steuern ab",
                           day="2025-03-05")  # fmt: skip
    return _article(text, url="https://example.org/later", source="Blatt D", day="2025-03-05",
                    statements=(statement,))  # fmt: skip


def build_store(path: Path, articles: list[Article]) -> Path:
    """A store of the articles, linked with the hashing encoder, relations linked."""
    with Store.open(path) as store:
        store.add_many(articles, link=False)
        ids = [article.id for article in articles]
        update(store, ids, encoder=HashingEncoder())
        with store.transaction() as connection:
            update_relations(connection, ids, encoder=HashingEncoder())
    return path


def quoted_denial() -> Article:
    """Lindner denies a phrase he quotes, naming nobody: the statement holding the phrase is the target."""
    frame = "Lindner wies die Äußerung über „Steuern für Besserverdiener“ zurück"
    text = f"Dementi\n{frame}: Das sei falsch."
    statement = _statement(text, "s1", LINDNER, "Lindner", "wies", "Das sei falsch", day="2025-03-03",
                           frame=frame)  # fmt: skip
    return _article(text, url="https://example.org/quoted", source="Blatt E", day="2025-03-03",
                    statements=(statement,))  # fmt: skip


def retraction() -> Article:
    """Merz takes back his own words on taxes (a retraction answers the speaker's earlier statement)."""
    frame = "Merz ruderte bei den Steuern zurück"
    text = f"Rückzieher\n{frame}: Eine Erhöhung der Steuern sei nie geplant gewesen."
    quote = "Eine Erhöhung der Steuern sei nie geplant gewesen"
    statement = _statement(text, "s1", MERZ, "Merz", "ruderte", quote, day="2025-03-04", frame=frame)
    return _article(text, url="https://example.org/retraction", source="Blatt F", day="2025-03-04",
                    statements=(statement,))  # fmt: skip
