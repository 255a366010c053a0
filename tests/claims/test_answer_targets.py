"""Which earlier statement of the article an answer act answers."""

from __future__ import annotations

from wortlaut.claims.answer_acts import answer_acts
from wortlaut.claims.answer_targets import OFF, Said, TargetOptions, resolve


def _said(text: str, part: str, speaker: str, sid: str) -> Said:
    start = text.index(part)
    return Said(sid, start, start + len(part), speaker, part)


def _target(text: str, said: list[Said], options: TargetOptions | None = None) -> str | None:
    act = answer_acts(text)[-1]
    target = resolve(act, text, said, options or TargetOptions())
    return target.id if target else None


CLAIM = "Augenzeugen berichteten von mindestens drei getöteten Demonstranten."


def test_a_pronoun_answer_takes_the_statement_just_before() -> None:
    text = f"Die Polizei ging gegen Demonstranten vor. {CLAIM} Das wurde von der Polizei bestritten."
    said = [_said(text, CLAIM, "Augenzeugen", "eyewitnesses")]
    assert _target(text, said) == "eyewitnesses"


def test_a_pronoun_answer_reaches_no_further_than_the_sentence_before() -> None:
    text = f"{CLAIM} Die Lage blieb am Abend in der ganzen Stadt sehr angespannt. Das wurde bestritten."
    said = [_said(text, CLAIM, "Augenzeugen", "eyewitnesses")]
    assert _target(text, said) is None


def test_a_noun_answer_needs_shared_words() -> None:
    claim = "Die CUD behauptete, dass hunderte Wahlbeobachter verhaftet worden seien."
    text = f"{claim} Regierungsvertreter wiesen die Vorwürfe zurück."
    said = [_said(text, claim, "CUD", "cud")]
    assert _target(text, said) is None  # nothing but the reference noun links them
    text = f"{claim} Regierungsvertreter wiesen die Vorwürfe über verhaftete Wahlbeobachter zurück."
    said = [_said(text, claim, "CUD", "cud")]
    assert _target(text, said) == "cud"


def test_a_denial_does_not_answer_its_own_speaker() -> None:
    claim = "Lindner sagte, die Steuern blieben stabil."
    text = f"{claim} Lindner bestritt das."
    said = [_said(text, claim, "Lindner", "own")]
    assert _target(text, said) is None


def test_a_second_denial_is_not_what_a_denial_answers() -> None:
    first = "Der Bericht wurde von der Regierung dementiert."
    text = f"{first} Auch die Partei dementierte das."
    said = [_said(text, first, "der Regierung", "first")]
    assert _target(text, said) is None


def test_object_answers_link_only_when_the_options_allow() -> None:
    claim = "Die Demonstranten hätten Steine auf die Polizei geworfen, sagte das Innenministerium."
    text = f"{claim} Die Demonstranten bestreiten die Steinewürfe auf die Polizei."
    said = [_said(text, claim, "das Innenministerium", "ministry")]
    assert _target(text, said) == "ministry"  # the default (tune CV, 20f): enough words shared
    assert _target(text, said, TargetOptions(min_shared=OFF)) is None


def test_object_answers_with_a_least_dice_need_more_than_one_shared_word() -> None:
    claim = "Die Demonstranten hätten Steine auf die Polizei geworfen, sagte das Innenministerium."
    text = f"{claim} Die Demonstranten bestreiten die Steinewürfe auf die Polizei."
    said = [_said(text, claim, "das Innenministerium", "ministry")]
    assert _target(text, said, TargetOptions(min_shared=1, min_dice=0.1)) == "ministry"
    assert _target(text, said, TargetOptions(min_shared=1, min_dice=0.9)) is None


def test_a_demonstrative_noun_phrase_reaches_past_the_rest_of_the_sentence_before() -> None:
    claim = "seien Soldaten beschossen worden"
    text = (f"Nach Angaben des Militärs {claim} und erwiderten das Feuer auf die Angreifer im Grenzgebiet. "
            "Dieser Darstellung wurde von einem Sprecher widersprochen.")  # fmt: skip
    said = [_said(text, claim, "des Militärs", "army")]
    assert _target(text, said) == "army"
    assert _target(text, said, TargetOptions(demonstrative_chars=0)) is None
