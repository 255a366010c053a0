"""The learned body/service line classifier: features, a tiny model, and the reader's hook."""

from __future__ import annotations

import numpy as np
from lxml import html as lxml_html

from wortlaut.ingest.htmltext import page_to_text
from wortlaut.ingest.pagelines import LineModel, class_words, line_features, service_lines

LONG = "Der Stadtrat hat die Entscheidung über den Umbau des Bahnhofs am Dienstag vertagt, " * 3
PAGE = (
    "<html><body><article><h1>Stadtrat vertagt Entscheidung</h1>"
    f"<div class='story'><p>{LONG}</p><p>{LONG}</p></div>"
    "<div class='author-box'><p>Pressekontakt: Tel. 0228 12345</p></div></article></body></html>"
)


def test_class_words_split_bem_and_camel_case() -> None:
    element = lxml_html.fromstring('<div class="article__authorBox js-x" id="mainContent"></div>')
    assert {"article", "author", "box", "main", "content"} <= class_words(element)


def test_features_place_lines_in_the_page() -> None:
    tree = lxml_html.fromstring(PAGE)
    rows = line_features(tree, [LONG.strip(), "Pressekontakt: Tel. 0228 12345"])
    assert rows[0]["t:words>=25"] == 1.0 and rows[0]["h:in_container"] == 1.0
    assert rows[1]["p:after_long"] == 1.0 and rows[1]["t:contact"] == 1.0
    assert rows[1]["c:author"] == 1.0 and rows[1].get("h:in_container", 0.0) == 0.0


def test_a_model_that_weighs_contact_data_removes_only_that_line() -> None:
    model = LineModel(names=("t:contact",), weights=np.array([6.0]), bias=-3.0, threshold=0.9)
    tree = lxml_html.fromstring(PAGE)
    lines = [LONG.strip(), "Pressekontakt: Tel. 0228 12345"]
    assert service_lines(tree, lines, model) == ["Pressekontakt: Tel. 0228 12345"]
    assert LineModel.from_json(model.to_json()).probabilities(line_features(tree, lines))[1] > 0.9


def test_reader_uses_no_line_model_unless_given_one() -> None:
    model = LineModel(names=("t:words>=25",), weights=np.array([6.0]), bias=-3.0, threshold=0.9)
    plain = page_to_text(PAGE)
    learned = page_to_text(PAGE, line_model=model)  # a silly model: long lines are service
    assert plain.body_lines and "service" not in plain.parts
    assert ["service", plain.body_lines[0]] in learned.parts["service"]


def test_unparsable_page_reason_is_said_once() -> None:
    import pytest

    from wortlaut.ingest.errors import BadInput

    with pytest.raises(BadInput) as error:
        page_to_text("<!DOCTYPE html>")
    assert str(error.value) == "HTML could not be parsed"
