"""Structure from the text alone: headline, caption, posts, boilerplate, body paragraphs."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wortlaut.article import Article
from wortlaut.stages.structure import StructureStage
from wortlaut.structure.data import load_agencies, load_months, parse_signature
from wortlaut.structure.lines import split_lines

SEED_004 = "004_59b2b7f2cabc885f.txt"
SEED_000 = "000_a58d68ada00d5e72.txt"


@pytest.fixture(scope="module")
def stage() -> StructureStage:
    return StructureStage()


def structure_of(stage: StructureStage, text: str) -> Article:
    article = stage(Article.create(text))
    assert article.structure is not None
    for span in [*article.structure.paragraphs, *article.structure.boilerplate, *article.structure.captions]:
        assert article.text[span.start : span.end] == span.text
    return article


def test_seed_004_headline_caption_post_and_link_list(stage: StructureStage, seeds_dir: Path) -> None:
    text = (seeds_dir / SEED_004).read_text(encoding="utf-8")
    structure = structure_of(stage, text).structure
    assert structure is not None and structure.headline is not None
    assert structure.headline.text.startswith("Ohne Druck auf Moskau wird es keinen Frieden")
    assert [caption.text for caption in structure.captions] == [
        "Treffen von Selenskyj mit dem NATO-Generalsekretär"
    ]
    (post,) = structure.posts
    assert (post.author, post.handle, post.date) == ("Mark Rutte", "@SecGenNATO", "2025-05-21")
    assert post.text.startswith("Guter Anruf, um heute mit @ZelenskyyUa")
    assert post.signature is not None and post.signature.text == "— Mark Rutte (@SecGenNATO) 21. Mai 2025"
    (block,) = structure.boilerplate
    assert block.text.startswith("Lesen Sie auch")
    assert block.text.endswith("Sanktionen gegen die Russische Föderation")
    body = " ".join(paragraph.text for paragraph in structure.paragraphs)
    assert "Guter Anruf" not in body and "Lesen Sie auch" not in body and "Makarov" not in body
    assert (
        structure.paragraphs[-1].text
        == "Die Gesprächspartner vereinbarten, den ständigen Kontakt aufrechtzuerhalten."
    )


def test_seed_000_keeps_all_eleven_lines_and_no_boilerplate(stage: StructureStage, seeds_dir: Path) -> None:
    text = (seeds_dir / SEED_000).read_text(encoding="utf-8")
    structure = structure_of(stage, text).structure
    assert structure is not None
    assert structure.boilerplate == ()
    assert structure.posts == ()
    lines = [line for line in text.split("\n") if line.strip()]
    assert len(lines) == 11
    kept = [structure.headline.text] if structure.headline else []
    kept += [paragraph.text for paragraph in structure.paragraphs]
    assert kept == lines


def test_short_first_line_before_blank_is_headline_and_caption_follows(stage: StructureStage) -> None:
    text = (
        "Kanzler reist nach Paris\n\nTreffen im Élysée-Palast\nDer Kanzler ist am Montag nach Paris gereist."
    )
    structure = structure_of(stage, text).structure
    assert structure is not None and structure.headline is not None
    assert structure.headline.text == "Kanzler reist nach Paris"
    assert [caption.text for caption in structure.captions] == ["Treffen im Élysée-Palast"]
    assert [paragraph.text for paragraph in structure.paragraphs] == [
        "Der Kanzler ist am Montag nach Paris gereist."
    ]


def test_blank_separated_prose_has_no_headline(stage: StructureStage) -> None:
    text = "Der Rat hat am Montag getagt.\n\nEr will am Freitag erneut tagen.\n\nDas sagte ein Sprecher."
    structure = structure_of(stage, text).structure
    assert structure is not None
    assert structure.headline is None
    assert len(structure.paragraphs) == 3


def test_hard_wrapped_lines_form_one_paragraph(stage: StructureStage) -> None:
    text = (
        "Der Bundestag hat am Montag über das\ngeänderte Gesetz beraten,\nDebatte inklusive.\n\nDann Pause."
    )
    structure = structure_of(stage, text).structure
    assert structure is not None
    assert structure.headline is None
    assert [paragraph.text for paragraph in structure.paragraphs] == [
        "Der Bundestag hat am Montag über das\ngeänderte Gesetz beraten,\nDebatte inklusive.",
        "Dann Pause.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Foto: Beispielagentur/Max Muster",
        "Melden Sie sich jetzt für unseren Newsletter an und bleiben Sie informiert",
        "Diese Website verwendet Cookies, um Ihnen ein besseres Erlebnis zu bieten.",
        "© 2025 Beispielverlag. Alle Rechte vorbehalten.",
        "Lesen Sie auch: Koalition streitet über den Haushalt",
        "Von Anna Beispiel",
        "(dpa)",
        "(AFP/dpa/jW)",
        "(APA)",
    ],
)
def test_single_boilerplate_lines(stage: StructureStage, line: str) -> None:
    text = f"Der Rat hat am Montag lange getagt und viel beraten.\n{line}\nEr will am Freitag erneut tagen."
    structure = structure_of(stage, text).structure
    assert structure is not None
    assert [block.text for block in structure.boilerplate] == [line]
    assert len(structure.paragraphs) == 2


@pytest.mark.parametrize("header", ["Mehr zum Thema", "Das könnte Sie auch interessieren:", "Read more"])
def test_link_list_without_bullets_ends_at_blank_line(stage: StructureStage, header: str) -> None:
    text = (
        "Der Rat hat am Montag getagt.\n"
        f"{header}\nKoalition streitet über Haushalt\nKanzler reist nach Paris\n\n"
        "Am Abend sagte der Sprecher, man sei zufrieden."
    )
    structure = structure_of(stage, text).structure
    assert structure is not None
    (block,) = structure.boilerplate
    assert block.text.endswith("Kanzler reist nach Paris")
    assert structure.paragraphs[-1].text == "Am Abend sagte der Sprecher, man sei zufrieden."


def test_body_sentence_mentioning_cookies_is_not_boilerplate(stage: StructureStage) -> None:
    long_line = (
        " ".join(["Die Verbraucherzentrale kritisierte, dass viele Websites Cookies setzen"] * 6) + "."
    )
    structure = structure_of(stage, f"Der Rat hat getagt.\n{long_line}").structure
    assert structure is not None and structure.boilerplate == ()


def test_english_signature_with_inline_post_text(stage: StructureStage) -> None:
    text = (
        "Der Kanzler hat am Montag mit dem Präsidenten telefoniert.\n"
        "Great call with the Chancellor today. pic.twitter.com/AbC123— Jane Doe (@janedoe) May 21, 2025\n"
        "Weitere Gespräche sollen folgen."
    )
    article = structure_of(stage, text)
    assert article.structure is not None
    (post,) = article.structure.posts
    assert post.text == "Great call with the Chancellor today. pic.twitter.com/AbC123"
    assert (post.author, post.handle, post.date) == ("Jane Doe", "@janedoe", "2025-05-21")
    assert article.text[post.start : post.end] == post.text


def test_link_line_before_signature_joins_the_post(stage: StructureStage) -> None:
    text = (
        "Die Ministerin meldete sich am Abend.\nWir bleiben dran.\npic.twitter.com/xyz\n"
        "— Katrin Albers (@KatrinAlbersMdB) 05.03.2025\nMehr folgt."
    )
    structure = structure_of(stage, text).structure
    assert structure is not None
    (post,) = structure.posts
    assert post.text == "Wir bleiben dran.\npic.twitter.com/xyz"
    assert post.date == "2025-03-05"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("— Mark Rutte (@SecGenNATO) 21. Mai 2025", ("Mark Rutte", "@SecGenNATO", "2025-05-21")),
        ("— Name (@handle) May 21, 2025", ("Name", "@handle", "2025-05-21")),
        (
            "- Olaf Beispiel (@olaf@social.example) 2025-01-02",
            ("Olaf Beispiel", "@olaf@social.example", "2025-01-02"),
        ),
        ("— Jane Doe (@jane) 3 March 2025", ("Jane Doe", "@jane", "2025-03-03")),
        ("— Jane Doe (@jane)", ("Jane Doe", "@jane", None)),
    ],
)
def test_signature_forms(line: str, expected: tuple[str, str, str | None]) -> None:
    signature = parse_signature(line, load_months())
    assert signature is not None
    assert (signature.author, signature.handle, signature.date) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Die NATO-Chefin (@nato) sagte etwas.",
        "— Jemand (@x) 31. Februar 2025",
        "Er sagte - Mark (@x) dann etwas.",
    ],
)
def test_not_signatures(line: str) -> None:
    assert parse_signature(line, load_months()) is None


def test_split_lines_offsets_point_into_text() -> None:
    text = "  Erste Zeile \r\n\n\nZweite\n"
    lines = split_lines(text)
    assert [(line.text, line.blank_before) for line in lines] == [("Erste Zeile", 0), ("Zweite", 2)]
    assert all(text[line.start : line.end] == line.text for line in lines)


def test_empty_text_has_empty_structure(stage: StructureStage) -> None:
    structure = structure_of(stage, "").structure
    assert structure is not None and structure.headline is None and structure.paragraphs == ()


def test_signature_opened_by_a_phrase(stage: StructureStage) -> None:
    text = (
        "Der Kanzler meldete sich am Abend auf Instagram.\nEin schöner Tag in Paris.\n"
        "Ein Beitrag geteilt von Olaf Beispiel (@olafbeispiel)\nDanach reiste er ab."
    )
    structure = structure_of(stage, text).structure
    assert structure is not None
    (post,) = structure.posts
    assert (post.text, post.author, post.handle) == (
        "Ein schöner Tag in Paris.",
        "Olaf Beispiel",
        "@olafbeispiel",
    )


def test_structure_matches_expected_json(stage: StructureStage, seeds_dir: Path) -> None:
    expected = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    checked = 0
    for entry in expected["articles"]:
        if "structure" not in entry:
            continue
        want = entry["structure"]
        structure = structure_of(stage, (seeds_dir / entry["file"]).read_text(encoding="utf-8")).structure
        assert structure is not None and structure.headline is not None
        assert structure.headline.text == want["headline"]
        assert [caption.text for caption in structure.captions] == [want["caption"]]
        post = want["embedded_post"]
        assert [(p.author, p.handle, p.date) for p in structure.posts] == [
            (post["author"], post["handle"], post["date"])
        ]
        (block,) = structure.boilerplate
        assert block.text.startswith(want["boilerplate_starts_at"])
        checked += 1
    assert checked >= 1


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "",
                "Kanzler reist nach Paris",
                "Der Rat hat am Montag getagt.",
                "Lesen Sie auch",
                "- Andere Geschichte",
                "— Mark Rutte (@SecGenNATO) 21. Mai 2025",
                "Foto: dpa",
                "pic.twitter.com/abc",
                "weiter im Satz, ohne Ende",
                "  ",
            ]
        )
        | st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
        max_size=12,
    )
)
def test_spans_always_point_into_the_text_and_do_not_overlap(lines: list[str]) -> None:
    article = StructureStage()(Article.create("\n".join(lines)))
    structure = article.structure
    assert structure is not None
    spans = [*structure.captions, *structure.paragraphs, *structure.boilerplate]
    spans += [structure.headline] if structure.headline else []
    spans += [post.signature for post in structure.posts if post.signature is not None]
    parts = [(span.start, span.end, span.text) for span in spans]
    parts += [(post.start, post.end, post.text) for post in structure.posts]
    for start, end, text in parts:
        assert article.text[start:end] == text
    ordered = sorted((start, end) for start, end, _ in parts if end > start)
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(ordered))


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("Berlin/Warschau (AND) – Bundeskanzler Brandner telefonierte.", ["(AND)"]),
        ("Kiew (AND) – Außenministerin Falk ist eingetroffen.", ["(AND)"]),
        ("Frankfurt/Main, 11. März (dpa/lhe) - Die Börse schloss fester.", ["(dpa/lhe)"]),
        ("WASHINGTON (Reuters): Der Präsident sprach.", ["(Reuters)"]),
        ("(AFP) – Die Minister berieten.", ["(AFP)"]),
        ("Wien (APA) – Der Nationalrat tagte.\nDas sagte ein Sprecher. (APA)", ["(APA)", "(APA)"]),
        ("Wie dpa berichtet, kam es zu keiner Einigung.", []),
        ("Die Deutsche Presse-Agentur (dpa) meldete am Abend eine Einigung.", []),
        ("Der Bund der Steuerzahler (BdSt) – ein Verein – kritisierte den Haushalt.", []),
        ("Er sprach mit der Nachrichtenagentur Reuters (Reuters-Interview) über Zölle.", []),
    ],
)
def test_agency_tags_in_datelines_and_credits(text: str, tags: list[str]) -> None:
    agencies = load_agencies()
    assert [text[start:end] for start, end in agencies.spans(text)] == tags


def test_dateline_of_the_sample_agency_article_is_found() -> None:
    """The shipped sample articles open with "Berlin/Warschau (AND) –" and "Kiew (AND) –"."""
    sample = Path(__file__).resolve().parents[2] / "src/wortlaut/samples/agenturmeldungen.jsonl"
    texts = [json.loads(line)["text"] for line in sample.read_text(encoding="utf-8").splitlines()]
    agencies = load_agencies()
    assert all(
        [text[start:end] for start, end in agencies.spans(text)] == ["(AND)"] for text in texts
    ), texts
