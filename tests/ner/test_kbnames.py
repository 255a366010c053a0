"""Knowledge-base names as NER features."""

from __future__ import annotations

from wortlaut.ner.features import FeatureExtractor
from wortlaut.ner.kbnames import KbNames


def test_words_of_names_get_type_and_position_flags() -> None:
    names = KbNames.from_names(
        [("Olaf Scholz", "PER"), ("Bundestag", "ORG"), ("Partei der Mitte", "ORG"), ("Hauptstadt", "MISC")]
    )
    assert names.flags("Olaf") == ["kb=PER:b"]
    assert names.flags("Scholz") == ["kb=PER:e"]
    assert names.flags("Scholzs") == ["kb=PER:e"]  # genitive
    assert names.flags("Bundestag") == ["kb=ORG"]
    assert names.flags("der") == []  # function words inside names are not flagged
    assert names.flags("Mitte") == ["kb=ORG:e"]
    assert names.flags("Hauptstadt") == []  # MISC is not a tagger type


def test_shipped_knowledge_base_flags_a_known_name() -> None:
    names = KbNames.load()
    assert any(flag.startswith("kb=") for flag in names.flags("NATO"))


def test_kb_group_puts_flags_on_the_word_and_its_neighbours() -> None:
    extractor = FeatureExtractor(("kb",))
    words = ["Die", "NATO", "tagt"]
    rows = extractor.sentence(words)
    assert any(feature.startswith("kb=ORG") for feature in rows[1])
    assert any(feature.startswith("-1:kb=ORG") for feature in rows[2])
