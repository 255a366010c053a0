"""Leave-one-site-out helpers of ``wortlaut eval pages --cv`` (no shared data needed)."""

from __future__ import annotations

import re

from wortlaut.eval.pages_cv import ClassMarker, alternatives, markers_without


def test_alternatives_split_at_the_top_level_and_expand_one_word_group() -> None:
    found = alternatives(r"kicker|(^|[\s_-])(lead|teaser)([\s_-]|$)|__lead")
    assert found == ["kicker", r"(^|[\s_-])(lead)([\s_-]|$)", r"(^|[\s_-])(teaser)([\s_-]|$)", "__lead"]


def test_alternatives_leave_a_bar_inside_a_character_class_alone() -> None:
    assert alternatives(r"a[|]b|c") == ["a[|]b", "c"]


def test_every_alternative_matches_what_the_whole_pattern_matched() -> None:
    pattern = r"(^|[\s_-])(lead|leadin|intro)([\s_-]|$)|teaser_text|-lead\b"
    for classes in ("article-lead", "c-intro x", "teaser_text", "leadin", "other"):
        whole = bool(re.search(pattern, classes))
        pieces = any(re.search(alt, classes) for alt in alternatives(pattern))
        assert whole == pieces, classes


def test_markers_without_drop_only_what_the_site_alone_supports() -> None:
    markers = [
        ClassMarker("lead", "intro", frozenset({"a", "b"})),
        ClassMarker("lead", "preface", frozenset({"a"})),
        ClassMarker("lead", "standfirst", frozenset()),
        ClassMarker("kicker", "kicker", frozenset({"a"})),
    ]
    held_out_a = markers_without(markers, "a")
    assert held_out_a.patterns["lead"].search("x-intro")
    assert held_out_a.patterns["lead"].search("standfirst")
    assert not held_out_a.patterns["lead"].search("preface")
    assert "kicker" not in held_out_a.patterns
    assert markers_without(markers, "b").patterns["lead"].search("preface")
