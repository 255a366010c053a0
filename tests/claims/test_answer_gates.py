"""Strong evidence for relation links: a chosen target is dropped when the reference does not support it."""

from __future__ import annotations

import dataclasses

from wortlaut.claims.answer_acts import answer_acts
from wortlaut.claims.answer_gates import Gates, narrated_between, passes, sentence_bounds
from wortlaut.claims.answer_targets import Said, TargetOptions, resolve

OFF = Gates(
    narration=False,
    earlier=False,
    relative_in_sentence=False,
    bare_chars=None,
    named_chars=None,
    noun_chars=None,
    noun_definite=False,
    noun_narrated=False,
)
CLAIM = "Müller sagte, die Firma zahle keine Steuern."


def _extent(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_a_relative_answer_answers_the_clause_before_it_in_its_own_sentence() -> None:
    text = f"{CLAIM} Die Steuer wurde im Mai erhöht, was die Firma bestätigte."
    end = _extent(text, CLAIM)[1]
    answer = text.index("bestätigte")
    strict = Gates(relative_in_sentence=True, bare_chars=None, named_chars=None)
    statements = [_extent(text, CLAIM)]
    assert passes(OFF, "relative", target_end=end, answer=answer, text=text, statements=statements)
    assert not passes(strict, "relative", target_end=end, answer=answer, text=text, statements=statements)
    inside = "die Steuer sei im Mai erhöht worden"
    text = f"Müller sagte, {inside}, was die Firma bestätigte."
    assert passes(strict, "relative", target_end=_extent(text, inside)[1], answer=text.index("bestätigte"),
                  text=text, statements=[_extent(text, inside)])  # fmt: skip


def test_a_relative_act_whose_nearest_statement_is_a_sentence_back_links_nothing() -> None:
    text = f"{CLAIM} Die Steuer wurde erhöht, was die Firma bestätigte."
    said = [Said("claim", *_extent(text, CLAIM), "Müller", CLAIM)]
    act = answer_acts(text)[-1]
    assert act.reference == "relative"
    assert resolve(act, text, said, TargetOptions(adjacent_chars=200), OFF) is not None
    assert resolve(act, text, said, TargetOptions(adjacent_chars=200), Gates()) is None


def test_a_bare_answer_far_behind_its_target_confirms_its_own_sentence() -> None:
    text = CLAIM + " " + "x" * 200
    end = _extent(text, CLAIM)[1]
    gates = Gates(relative_in_sentence=False, bare_chars=150, named_chars=None)
    assert passes(gates, "bare", target_end=end, answer=end + 100, text=text, statements=[])
    assert not passes(gates, "bare", target_end=end, answer=end + 151, text=text, statements=[])
    assert passes(gates, "pronoun", target_end=end, answer=end + 151, text=text, statements=[])


def test_a_named_target_in_the_same_article_is_told_within_a_few_sentences() -> None:
    gates = Gates(relative_in_sentence=False, bare_chars=None, named_chars=200, noun_chars=None)
    text = "a" * 1000
    assert passes(gates, "named", target_end=100, answer=250, text=text, statements=[])
    assert not passes(gates, "named", target_end=100, answer=400, text=text, statements=[])
    assert passes(gates, "referred", target_end=100, answer=400, text=text, statements=[])


def test_narration_between_a_target_and_a_pointing_answer() -> None:
    narration = "Die Lage blieb angespannt."
    text = f"{CLAIM} {narration} Das bestätigte ein Sprecher."
    statements = [_extent(text, CLAIM)]
    end, answer = statements[0][1], text.index("Das bestätigte")
    assert narrated_between(end, answer, sentence_bounds(text), statements) == 1
    assert narrated_between(end, answer, sentence_bounds(text), [*statements, _extent(text, narration)]) == 0
    gates = Gates(narration=True, relative_in_sentence=False, bare_chars=None, named_chars=None)
    assert not passes(gates, "pronoun", target_end=end, answer=answer, text=text, statements=statements)
    assert passes(gates, "noun", target_end=end, answer=answer, text=text, statements=statements)


NOUN_GATES = dataclasses.replace(OFF, noun_chars=400, noun_definite=True, noun_narrated=True)


def test_a_bare_noun_names_a_new_charge_and_links_nothing() -> None:
    bare = f"{CLAIM} Der Chef wies Vorwürfe wegen Steuertricks zurück."
    definite = f"{CLAIM} Der Chef wies die gegen ihn erhobenen Vorwürfe zurück."
    fronted = f"{CLAIM} Diese Behauptung wies der Chef zurück."
    for text, kept in ((bare, False), (definite, True), (fronted, True)):
        end, answer = _extent(text, CLAIM)[1], text.index("wies")
        assert passes(OFF, "referred", target_end=end, answer=answer, text=text, statements=[])
        assert passes(NOUN_GATES, "referred", target_end=end, answer=answer, text=text, statements=[]) is kept


def test_a_charge_narrated_between_is_the_nouns_antecedent() -> None:
    narration = "Ihm wird vorgeworfen, Gelder veruntreut zu haben."
    text = f"{CLAIM} {narration} Der Chef wies die Vorwürfe zurück."
    statements = [_extent(text, CLAIM)]
    end, answer = statements[0][1], text.index("wies")
    assert not passes(NOUN_GATES, "noun", target_end=end, answer=answer, text=text, statements=statements)
    # Told as a statement, the sentence between is no narration; another narration holds no charge.
    assert passes(NOUN_GATES, "noun", target_end=end, answer=answer, text=text,
                  statements=[*statements, _extent(text, narration)])  # fmt: skip
    calm = f"{CLAIM} Die Lage blieb angespannt. Der Chef wies die Vorwürfe zurück."
    assert passes(NOUN_GATES, "noun", target_end=end, answer=calm.index("wies"), text=calm,
                  statements=statements)  # fmt: skip


def test_a_noun_answer_reaches_back_a_limited_distance() -> None:
    text = CLAIM + " " + "x" * 500
    end = _extent(text, CLAIM)[1]
    assert passes(NOUN_GATES, "noun", target_end=end, answer=end + 400, text=text, statements=[])
    assert not passes(NOUN_GATES, "noun", target_end=end, answer=end + 401, text=text, statements=[])
    assert passes(NOUN_GATES, "pronoun", target_end=end, answer=end + 401, text=text, statements=[])


def test_an_answer_does_not_answer_a_statement_ending_after_its_cue() -> None:
    text = "Dies wurde von der Erzdiözese bestätigt, wie der Sender am Samstag berichtete."
    report = _extent(text, text[:-1])  # the reporting statement holds the answer itself
    answer = text.index("bestätigt")
    statements = [report]
    earlier = dataclasses.replace(OFF, earlier=True)
    where = {"target_end": report[1], "answer": answer, "text": text, "statements": statements}
    assert passes(OFF, "pronoun", **where)  # type: ignore[arg-type]
    assert not passes(earlier, "pronoun", **where)  # type: ignore[arg-type]
    before = f"{CLAIM} Das bestätigte die Firma."
    end = _extent(before, CLAIM)[1]
    assert passes(earlier, "pronoun", target_end=end, answer=before.index("bestätigte"), text=before,
                  statements=[_extent(before, CLAIM)])  # fmt: skip
