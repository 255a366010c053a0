"""The entity stage: KB names, tagger names, local entities, handles, appositions, boilerplate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import wortlaut
from tests.kb.articles import FakeTagger, mentions_of, tokenized
from wortlaut.article import Article, Post, Span, Structure
from wortlaut.stages.entities import EntitiesStage


@pytest.fixture(scope="module")
def stage() -> EntitiesStage:
    return EntitiesStage(tagger=None)


def run(stage: EntitiesStage, text: str, **metadata: object) -> Article:
    article = stage(tokenized(text, **metadata))
    for mention in article.mentions:
        assert article.text[mention.start : mention.end] == mention.text
    return article


def test_entities_kb_names_link_to_canonical_entities(stage: EntitiesStage) -> None:
    article = run(stage, "Olaf Scholz traf Emmanuel Macron in Paris. Scholz lobte Frankreichs Hilfe.")
    assert mentions_of(article, "olaf-scholz") == ["Olaf Scholz", "Scholz"]
    assert mentions_of(article, "france") == ["Frankreichs"]
    assert article.entity("emmanuel-macron").type == "PER"  # type: ignore[union-attr]
    assert article.entity("paris").aliases == ("Paris",)  # type: ignore[union-attr]


def test_entities_longest_match_and_genitive(stage: EntitiesStage) -> None:
    article = run(stage, "Wolodymyr Selenskyjs Rede im Europäischen Parlament.")
    assert [(m.text, m.entity) for m in article.mentions] == [
        ("Wolodymyr Selenskyjs", "wolodymyr-selenskyj"),
        ("Europäischen Parlament", "european-parliament"),
    ]


def test_entities_compound_prefix_and_hashtag_are_names(stage: EntitiesStage) -> None:
    article = run(stage, "Beim EU-Gipfel ging es um #Ukrainë.")
    assert mentions_of(article, "european-union") == ["EU"]
    assert mentions_of(article, "ukraine") == ["Ukrainë"]


def test_entities_metonym_means_the_country_except_after_a_locative(stage: EntitiesStage) -> None:
    article = run(stage, "Der Druck auf Moskau wächst. Der Kreml schweigt. Sie landeten in Moskau.")
    assert [(m.text, m.type, m.entity) for m in article.mentions] == [
        ("Moskau", "LOC", "russia"),
        ("Kreml", "ORG", "russia"),
        ("Moskau", "LOC", "moscow"),
    ]


def test_entities_capitalisation_separates_party_from_adjective(stage: EntitiesStage) -> None:
    article = run(stage, "Sie hob die linke Hand. Die Linke stimmte dagegen.")
    assert mentions_of(article, "die-linke") == ["Die Linke"]
    assert len(article.mentions) == 1


def test_entities_weak_name_links_only_after_its_cue_words(stage: EntitiesStage) -> None:
    text = "Tesla zeigte das Model X. Musk schrieb auf X, das Model X sei gut."
    article = run(stage, text)
    assert [(m.text, m.start) for m in article.mentions if m.entity == "x-twitter"] == [
        ("X", text.index("auf X") + 4)
    ]


def test_entities_tagger_names_become_local_entities_and_surnames_link(stage: EntitiesStage) -> None:
    tagger = FakeTagger(
        {("Zofia", "Wrzesniewska"): "PER", ("Acme", "Holding"): "ORG", ("Oktoberfest",): "OTH"}
    )
    article = EntitiesStage(tagger=tagger)(
        tokenized("Zofia Wrzesniewska von Acme Holding sprach. Wrzesniewska lobte das Oktoberfest.")
    )
    person = [m for m in article.mentions if m.type == "PER"]
    assert [m.text for m in person] == ["Zofia Wrzesniewska", "Wrzesniewska"]
    assert {m.entity for m in person} == {"local:zofia-wrzesniewska"}
    assert article.entity("local:zofia-wrzesniewska").aliases == ("Zofia Wrzesniewska", "Wrzesniewska")  # type: ignore[union-attr]
    assert [(m.text, m.type) for m in article.mentions if m.type != "PER"] == [
        ("Acme Holding", "ORG"),
        ("Oktoberfest", "MISC"),
    ]


def test_entities_surname_before_the_full_name_links_to_it() -> None:
    tagger = FakeTagger({("Wrzesniewska",): "PER", ("Zofia", "Wrzesniewska"): "PER"})
    article = EntitiesStage(tagger=tagger)(tokenized("Wrzesniewska kam. Zofia Wrzesniewska sprach."))
    assert {m.entity for m in article.mentions} == {"local:zofia-wrzesniewska"}


def test_entities_genitive_of_a_local_name_is_the_same_entity() -> None:
    tagger = FakeTagger({("Qumranistans",): "LOC", ("Qumranistan",): "LOC"})
    article = EntitiesStage(tagger=tagger)(tokenized("Qumranistans Lage. Qumranistan ist weit."))
    assert [m.entity for m in article.mentions] == ["local:qumranistan", "local:qumranistan"]
    assert article.entity("local:qumranistan").aliases == ("Qumranistans", "Qumranistan")  # type: ignore[union-attr]


def test_entities_kb_match_wins_over_an_overlapping_tagger_span(stage: EntitiesStage) -> None:
    tagger = FakeTagger({("NATO-Generalsekretär", "Mark"): "ORG"})
    article = EntitiesStage(tagger=tagger)(tokenized("NATO-Generalsekretär Mark Rutte sagte das."))
    assert [(m.text, m.entity) for m in article.mentions if m.kind == "name"] == [
        ("NATO", "nato"),
        ("Mark Rutte", "mark-rutte"),
    ]


def test_entities_known_place_inside_a_tagged_institution_is_part_of_it() -> None:
    # (a club the KB does not know: FC Bayern München is a KB organisation since issue 14zc)
    tagger = FakeTagger({("TSV", "1860", "München"): "ORG", ("Universität", "Wien"): "ORG"})
    text = "Der TSV 1860 München und die Universität Wien luden nach München ein."
    article = EntitiesStage(tagger=tagger)(tokenized(text))
    assert [(m.text, m.type, m.entity) for m in article.mentions if m.kind == "name"] == [
        ("TSV 1860 München", "ORG", "local:tsv-1860-munchen"),
        ("Universität Wien", "ORG", "local:universitat-wien"),
        ("München", "LOC", "munich"),
    ]


def test_entities_tagged_span_equal_to_a_kb_name_keeps_the_kb_entity() -> None:
    tagger = FakeTagger({("Europäischen", "Parlament"): "ORG", ("Paris",): "ORG"})
    article = EntitiesStage(tagger=tagger)(tokenized("Im Europäischen Parlament sprach man über Paris."))
    assert [m.entity for m in article.mentions] == ["european-parliament", "paris"]


def test_entities_first_name_pattern_finds_unknown_people_without_tagger(stage: EntitiesStage) -> None:
    article = run(stage, "Sprecher Hans Obermaier sagte, Obermaier habe recht.")
    assert mentions_of(article, "local:hans-obermaier") == ["Hans Obermaier", "Obermaier"]


def test_entities_apposition_links_the_role_description_to_the_name(stage: EntitiesStage) -> None:
    article = run(
        stage,
        "Der Präsident der Ukraine, Wolodymyr Selenskyj, sprach mit dem NATO-Generalsekretär Mark Rutte.",
    )
    descriptions = [(m.text, m.entity, m.source) for m in article.mentions if m.kind == "description"]
    assert descriptions == [
        ("Der Präsident der Ukraine", "wolodymyr-selenskyj", "apposition"),
        ("dem NATO-Generalsekretär", "mark-rutte", "apposition"),
    ]


def test_entities_apposition_after_the_name_and_learned_role(stage: EntitiesStage) -> None:
    tagger = FakeTagger({("Erika", "Quandtberg"): "PER"})
    article = EntitiesStage(tagger=tagger)(tokenized("Erika Quandtberg, die Bundeskanzlerin, sagte nichts."))
    assert mentions_of(article, "local:erika-quandtberg") == ["Erika Quandtberg", "die Bundeskanzlerin"]
    roles = [role.role for role in article.entity("local:erika-quandtberg").roles]  # type: ignore[union-attr]
    assert roles == ["chancellor:germany"]


def test_entities_handle_links_through_the_kb_on_the_publication_day(stage: EntitiesStage) -> None:
    before = run(stage, "@SecGenNATO schrieb dazu.", published="2024-05-01")
    after = run(stage, "@SecGenNATO schrieb dazu.", published="2025-05-01")
    assert [(m.kind, m.entity) for m in before.mentions] == [("handle", "jens-stoltenberg")]
    assert [(m.kind, m.entity) for m in after.mentions] == [("handle", "mark-rutte")]


def test_entities_signature_line_in_text_teaches_a_handle(stage: EntitiesStage) -> None:
    tagger = FakeTagger({("Erika", "Quandtberg"): "PER"})
    article = EntitiesStage(tagger=tagger)(
        tokenized("Guter Anruf. — Erika Quandtberg (@equandt) 21. Mai 2025")
    )
    handle = next(m for m in article.mentions if m.kind == "handle")
    assert (handle.text, handle.entity, handle.source) == ("@equandt", "local:erika-quandtberg", "signature")
    assert article.entity("local:erika-quandtberg").handles == ("@equandt",)  # type: ignore[union-attr]


def test_entities_post_author_owns_the_post_handle(stage: EntitiesStage) -> None:
    text = "Wir sprachen heute. — Mark Rutte (@MarkRutteFan) 21. Mai 2025"
    post = Post(start=0, end=len(text), text=text, author="Mark Rutte", handle="@MarkRutteFan")
    article = stage(tokenized(text).with_layers(structure=Structure(posts=(post,))))
    handle = next(m for m in article.mentions if m.kind == "handle")
    assert handle.entity == "mark-rutte"
    assert "@MarkRutteFan" in article.entity("mark-rutte").handles  # type: ignore[union-attr]


def test_entities_unknown_handle_gets_a_local_entity(stage: EntitiesStage) -> None:
    article = run(stage, "Das schrieb @jemand_anderes gestern.")
    assert [(m.text, m.entity) for m in article.mentions] == [("@jemand_anderes", "local:jemandanderes")]


def test_entities_ignore_boilerplate(stage: EntitiesStage) -> None:
    text = "Selenskyj sprach.\nLesen Sie auch: Starmer telefonierte mit @ZelenskyyUa."
    start = text.index("Lesen")
    boilerplate = Structure(boilerplate=(Span(start=start, end=len(text), text=text[start:]),))
    article = stage(tokenized(text).with_layers(structure=boilerplate))
    assert [m.text for m in article.mentions] == ["Selenskyj"]


@pytest.mark.parametrize("text", ["", "🙂🙂🙂", "Москва и Київ, 東京 und Berlin", "wort " * 5000])
def test_entities_bad_input_is_handled(stage: EntitiesStage, text: str) -> None:
    article = run(stage, text)
    assert all(m.entity for m in article.mentions)
    assert {e.id for e in article.entities} <= {"berlin"}


def test_entities_records_list_office_handles_only_while_held(stage: EntitiesStage) -> None:
    article = run(stage, "Jens Stoltenberg sprach.", published="2025-02-01")
    assert article.entity("jens-stoltenberg").handles == ("@jensstoltenberg",)  # type: ignore[union-attr]
    roles = {role.role: (role.start, role.end) for role in article.entity("jens-stoltenberg").roles}  # type: ignore[union-attr]
    assert roles["secretary_general:nato"] == ("2014-10-01", "2024-09-30")


def test_entities_skip_agency_tags_of_datelines_and_credits() -> None:
    """``(AND)``/``(dpa)`` in a dateline or credit is no organisation of the story; dpa in running text is."""
    tagger = FakeTagger({("AND",): "ORG", ("dpa",): "ORG", ("AFP",): "ORG", ("Reuters",): "ORG"})
    stage = EntitiesStage(tagger=tagger)
    text = (
        "Berlin/Warschau (AND) – Der Kanzler hat am Dienstag telefoniert.\n"
        "(dpa/AFP) – Die Minister berieten.\n"
        "Wie dpa berichtet, kam es zu keiner Einigung. (Reuters)"
    )
    article = run(stage, text)
    agency_mentions = [(m.text, m.start) for m in article.mentions if m.type == "ORG"]
    assert agency_mentions == [("dpa", text.index("Wie dpa") + 4)]
    assert "local:and" not in {entity.id for entity in article.entities}
    assert mentions_of(article, "berlin") == ["Berlin"]


def test_agency_datelines_of_sample_articles_make_no_entity() -> None:
    """With the shipped tagger, "(dpa)" after a dateline place was an ORG with a local entity."""
    sample = Path(wortlaut.__file__).parent / "samples" / "agenturmeldungen.jsonl"
    texts = [json.loads(line)["text"] for line in sample.read_text(encoding="utf-8").splitlines()]
    texts.append("Brüssel (dpa) – Die Außenminister der EU haben am Montag über Sanktionen beraten.")
    for text in texts:
        article = wortlaut.analyze(text, published="2025-03-11")
        tag = text.index(" (") + 1
        assert not [m for m in article.mentions if tag <= m.start < text.index(")", tag)], text
        assert not {e.id for e in article.entities} & {"local:and", "local:dpa"}
        dateline = text.rfind("\n", 0, tag) + 1
        assert any(m.start == dateline and m.type == "LOC" for m in article.mentions)  # the place is read
