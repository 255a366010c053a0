"""The entity knowledge base: name variants, handles, dated roles and user extensions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from wortlaut.kb import ENV_VAR, KBError, default_kb, kb_files, load_kb
from wortlaut.kb.descriptions import PatternError, load_patterns
from wortlaut.kb.loader import DATA_DIR


@pytest.mark.parametrize(
    "name",
    [
        "Selenskyj",
        "Selenskyjs",
        "SELENSKYJ",
        "Selensky",
        "Zelensky",
        "Zelenskyy",
        "Zelenskiy",
        "Volodymyr Zelensky",
        "Wolodymyr Selenskyj",
        "Wolodymyr Selenskyjs",
        "Зеленський",
    ],
)
def test_kb_lookup_finds_selenskyj_under_every_spelling(name: str) -> None:
    assert [entity.id for entity in default_kb().lookup(name)] == ["wolodymyr-selenskyj"]


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("Ukrainë", "ukraine"),
        ("Erdogan", "recep-tayyip-erdogan"),
        ("Russlands", "russia"),
        ("Nato", "nato"),
        ("Europäischen Union", "european-union"),
        ("Grossbritannien", "united-kingdom"),
    ],
)
def test_kb_lookup_ignores_case_diacritics_and_genitive(name: str, entity_id: str) -> None:
    assert entity_id in [entity.id for entity in default_kb().lookup(name)]


def test_kb_metonym_is_indexed_for_the_country_and_the_city_keeps_its_name() -> None:
    ids = {entity.id for entity in default_kb().lookup("Moskau")}
    assert ids == {"russia", "moscow"}


@pytest.mark.parametrize(
    ("handle", "day", "entity_id"),
    [
        ("@SecGenNATO", date(2024, 6, 1), "jens-stoltenberg"),
        ("@secgennato", date(2024, 12, 18), "mark-rutte"),
        ("SecGenNATO", date(2025, 5, 21), "mark-rutte"),
        ("@ZelenskyyUa", None, "wolodymyr-selenskyj"),
        ("@POTUS", date(2024, 3, 1), "joe-biden"),
        ("@POTUS", date(2025, 3, 1), "donald-trump"),
    ],
)
def test_kb_office_handles_follow_the_office_holder(handle: str, day: date | None, entity_id: str) -> None:
    found = default_kb().by_handle(handle, on=day)
    assert found is not None and found.id == entity_id


def test_kb_unknown_handle_is_none() -> None:
    assert default_kb().by_handle("@nobody_here_at_all") is None


@pytest.mark.parametrize(
    ("role", "day", "entity_id"),
    [
        ("secretary_general:nato", "2024-09-30", "jens-stoltenberg"),
        ("secretary_general:nato", "2024-10-01", "mark-rutte"),
        ("president:ukraine", "2024-12-18", "wolodymyr-selenskyj"),
        ("chancellor:germany", "2025-05-05", "olaf-scholz"),
        ("chancellor:germany", "2025-05-06", "friedrich-merz"),
        ("president:usa", "2025-01-19", "joe-biden"),
        ("president:usa", "2025-01-20", "donald-trump"),
        ("president:european-council", "2024-11-30", "charles-michel"),
        ("president:european-council", "2024-12-01", "antonio-costa"),
        ("high_representative:european-union", "2024-12-01", "kaja-kallas"),
        ("prime_minister:united-kingdom", "2024-07-04", "rishi-sunak"),
        ("prime_minister:united-kingdom", "2024-07-05", "keir-starmer"),
        ("prime_minister:japan", "2024-09-30", "fumio-kishida"),
        ("prime_minister:japan", "2024-10-02", "shigeru-ishiba"),
        ("prime_minister:canada", "2025-03-14", "mark-carney"),
        ("prime_minister:netherlands", "2024-07-02", "dick-schoof"),
        ("president:european-commission", "2024-01-01", "ursula-von-der-leyen"),
    ],
)
def test_kb_holder_answers_who_held_a_role_on_a_day(role: str, day: str, entity_id: str) -> None:
    holder = default_kb().holder(role, on=date.fromisoformat(day))
    assert holder is not None and holder.id == entity_id


def test_kb_holder_is_none_before_anyone_held_the_role() -> None:
    assert default_kb().holder("secretary_general:nato", on=date(1990, 1, 1)) is None


def test_kb_shipped_files_use_each_id_once() -> None:
    ids = [
        item["id"] for path in sorted(DATA_DIR.glob("*.yaml")) for item in yaml.safe_load(path.read_text())
    ]
    assert len(ids) == len(set(ids)) > 100


def test_kb_shipped_files_read_the_same_with_libyaml() -> None:
    """The loader takes libyaml's safe loader where PyYAML has it (faster); the shipped files must
    give the same data as PyYAML's own safe loader."""
    from wortlaut.kb.loader import SAFE_LOADER

    for path in sorted(DATA_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=SAFE_LOADER) == yaml.safe_load(text), path.name


def test_kb_bodies_sharing_a_name_belong_to_different_countries() -> None:
    """``Nationalrat``, ``Bundesrat``, ``Grüne``: a shared name is decided by the article's country, so the
    entities sharing it must each name one, and a different one (issue 14zc)."""
    kb = load_kb()
    for name in ("Nationalrat", "Bundesrat", "Grünen", "FDP", "Bundesregierung", "Innenministerium"):
        countries = [entity.country for entity in kb.lookup(name)]
        assert len(countries) > 1 and None not in countries and len(set(countries)) == len(countries), name


def test_kb_user_file_sets_an_entitys_country(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    text = "- id: landtag-tirol\n  name: Landtag\n  type: ORG\n  country: austria\n"
    user.write_text(text, encoding="utf-8")
    assert load_kb([user]).entities["landtag-tirol"].country == "austria"


def test_kb_user_file_extends_an_entity_and_adds_a_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "- id: mark-rutte\n  aliases: [Rütte-Sekretär]\n  handles: ['@ruttefan']\n"
        "- id: erika-musterfrau\n  name: Erika Musterfrau\n  type: PER\n  gender: f\n"
        "  roles: [{role: 'mayor:musterstadt', start: 2020-01-01}]\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    kb = default_kb()
    assert [e.id for e in kb.lookup("Rütte-Sekretär")] == ["mark-rutte"]
    assert "Rutte" in kb.entities["mark-rutte"].aliases  # the shipped aliases stay
    assert kb.by_handle("@ruttefan").id == "mark-rutte"  # type: ignore[union-attr]
    assert kb.holder("mayor:musterstadt", on=date(2024, 1, 1)).name == "Erika Musterfrau"  # type: ignore[union-attr]


def test_kb_user_entry_with_replace_drops_the_shipped_aliases(tmp_path: Path) -> None:
    user = tmp_path / "replace.yaml"
    user.write_text("- id: nato\n  replace: true\n  name: NATO\n  type: ORG\n", encoding="utf-8")
    kb = load_kb(kb_files(str(user)))
    assert kb.lookup("Nato") and not kb.lookup("North Atlantic Treaty Organization")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id: x\n", "expected a YAML list"),
        ("- name: X\n", "not a mapping with a string 'id'"),
        ("- id: x\n  name: X\n  type: PERSON\n", "needs a string 'name' and a 'type'"),
        ("- id: x\n  name: X\n  type: PER\n  roles: [{role: r, start: 'next year'}]\n", "not an ISO date"),
        ("- [unclosed\n", "cannot read knowledge base file"),
    ],
)
def test_kb_bad_user_file_names_the_file_and_the_reason(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KBError, match=message) as error:
        load_kb([path])
    assert str(path) in str(error.value)


def test_kb_env_var_naming_a_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KBError, match="names no such file"):
        kb_files(str(tmp_path / "missing.yaml"))


def test_kb_description_patterns_name_roles_and_entities_the_kb_has() -> None:
    kb = default_kb()
    patterns = load_patterns()
    assert len(patterns) > 40
    for pattern in patterns:
        for target in pattern.targets:
            kind, _, value = target.partition(":")
            assert kind in ("role", "family", "entity"), target
            if "{c}" in value or kind == "family":
                continue
            if kind == "role" and "{home}" in value:
                for home in ("germany", "austria"):
                    assert kb.holders(value.replace("{home}", home)), f"no one held {value!r} in {home}"
            elif kind == "role":
                assert kb.holders(value), f"no one in the KB ever held {value!r}"
            else:
                assert kb.get(value) is not None, target
        assert pattern.needs is None or kb.get(pattern.needs) is not None


def test_kb_metonym_literals_are_entities() -> None:
    kb = default_kb()
    literals = [m.literal for e in kb.entities.values() for m in e.metonyms if m.literal]
    assert literals and all(kb.get(literal) is not None for literal in literals)


def test_kb_bad_description_pattern_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "roles.tsv"
    path.write_text("DET {NOPE} Präsident~\tPER\trole:x\n", encoding="utf-8")
    with pytest.raises(PatternError, match="pattern 1: unknown pattern word"):
        load_patterns(path)
