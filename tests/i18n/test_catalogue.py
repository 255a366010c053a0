"""The German catalogue covers every string the interface shows; negotiation and locale formatting."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from wortlaut import i18n
from wortlaut.i18n.roles import role_label, role_line

SRC = Path(i18n.__file__).resolve().parents[1]
#: msgids passed to ``_()`` as variables in templates (modes, chart units, facets, list names, layers).
RUNTIME_MESSAGES = [
    *["direct", "indirect", "reported", "free_indirect", "post", "headline", "event"],
    *["day", "week", "person", "source", "mode", "month"],
    *["stories", "people", "articles", "statements", "events", "contacts", "voices", "entities"],
    *["similar", "meaning"],
    *["Speaker", "Cue", "Quote", "Addressee", "Entities", "Times", "Posts", "Boilerplate"],
]


def _extracted() -> set[str]:
    """Every msgid written as a literal in a template or a web/i18n module."""
    method_map = [("web/templates/**.html", "jinja2"), ("web/**.py", "python"), ("i18n/**.py", "python")]
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(SRC), method_map):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_catalogue_translates_every_interface_string() -> None:
    with (SRC / "lang" / "de" / "messages.po").open("rb") as handle:
        german = read_po(handle, locale="de")
    messages = _extracted() | set(RUNTIME_MESSAGES)
    assert len(messages) > 80, "the extractor found the templates' strings"
    missing = sorted(m for m in messages if not getattr(german.get(m), "string", None))
    assert not missing, missing


def test_plural_forms_follow_the_count() -> None:
    with i18n.using("de"):
        assert i18n.ngettext("%(num)s statement", "%(num)s statements", 1) == "1 Aussage"
        assert i18n.ngettext("%(num)s statement", "%(num)s statements", 1200) == "1.200 Aussagen"
    with i18n.using("en"):
        assert i18n.ngettext("%(num)s statement", "%(num)s statements", 1200) == "1,200 statements"


@pytest.mark.parametrize(
    ("lang", "value", "shown"),
    [
        ("de", "2025-05-21", "21. Mai 2025"),
        ("en", "2025-05-21", "May 21, 2025"),
        ("de", "2025-05", "Mai 2025"),
        ("de", "2025", "2025"),
        ("de", "2025-05-21T10:00:00+02:00", "21. Mai 2025"),
        ("de", "not a date", "not a date"),
        ("de", None, ""),
    ],
)
def test_dates_are_written_the_locale_s_way(lang: str, value: str | None, shown: str) -> None:
    with i18n.using(lang):
        assert i18n.day(value) == shown


@pytest.mark.parametrize(
    ("query", "header", "chosen"),
    [
        (None, None, "de"),
        ("en", "de-DE", "en"),
        (None, "en-GB,en;q=0.9,de;q=0.5", "en"),
        (None, "fr-FR, en;q=0.2, de;q=0.8", "de"),
        ("xx", "en", "en"),
        (None, "de;q=0, en", "en"),
    ],
)
def test_language_is_query_then_accept_language_then_german(
    query: str | None, header: str | None, chosen: str
) -> None:
    assert i18n.negotiate(query, header) == chosen


def test_cli_language_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # a system default, not a choice: ignored
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    assert i18n.from_environment() == "de"
    monkeypatch.setenv(i18n.ENV_VAR, "en")
    assert i18n.from_environment() == "en"


def test_roles_read_as_offices_with_gender_and_country() -> None:
    with i18n.using("de"):
        nato = role_line("secretary_general:nato", "2024-10-01", None)
        assert nato == "NATO-Generalsekretär seit 1. Oktober 2024"
        assert role_label("foreign_minister:ukraine", gender="f") == "Außenministerin der Ukraine"
        assert role_label("foreign_minister:ukraine", gender="m") == "Außenminister der Ukraine"
        assert role_label("president:france") == "Präsident Frankreichs"
        assert role_label("unheard_of:atlantis") == "unheard_of:atlantis"
    with i18n.using("en"):
        usa = role_line("president:usa", "2025-01-20", None)
        assert usa == "President of the United States since January 20, 2025"


def test_every_kb_role_has_a_label_in_both_languages() -> None:
    from wortlaut.kb import default_kb

    roles = {dated.value for entity in default_kb().entities.values() for dated in entity.roles}
    for lang in i18n.LANGUAGES:
        unlabelled = sorted(r for r in roles if role_label(r, lang=lang) == r)
        assert not unlabelled, (lang, unlabelled)
        placeless = sorted(r for r in roles if role_label(r, lang=lang).endswith(")"))  # "Kanzler (austria)"
        assert not placeless, (lang, placeless)
