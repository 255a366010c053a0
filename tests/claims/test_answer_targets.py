"""Which earlier statement of the article an answer act answers."""

from __future__ import annotations

from wortlaut.claims.answer_acts import answer_acts
from wortlaut.claims.answer_gates import Gates
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


def _said_quote(text: str, part: str, speaker: str, sid: str) -> Said:
    start = text.index(part)
    return Said(sid, start, start + len(part), speaker, part, part)


def test_an_object_naming_its_owner_answers_the_owners_statement() -> None:
    other = "Die Ministerin sagte, das Budget reiche aus."
    claim = "Der Abgeordnete Pilz sagte, das Ministerium übe Druck auf die Behörde aus."
    text = f"{claim} {other} Ein Sprecher weist Pilz’ Vorwurf zurück."
    said = [_said_quote(text, claim, "Der Abgeordnete Pilz", "pilz"),
            _said_quote(text, other, "Die Ministerin", "minister")]  # fmt: skip
    act = answer_acts(text)[-1]
    target = resolve(act, text, said, TargetOptions())
    assert target is not None and (target.id, target.evidence) == ("pilz", "act:owner")


def test_an_owner_phrase_is_not_taken_for_the_answerer() -> None:
    claim = "Gysi sagte, die Partei stagniere in Selbstbeschäftigung."
    text = f"{claim} Lötzsch hat die Kritik des Fraktionschefs Gregor Gysi am Kurs der Partei zurückgewiesen."
    said = [_said_quote(text, claim, "Gysi", "gysi")]
    assert _target(text, said) == "gysi"


def test_an_owner_whose_statement_lies_beyond_the_owner_gate_is_not_linked() -> None:
    claim = "Der Abgeordnete Pilz sagte, das Ministerium übe Druck auf die Behörde aus."
    filler = "Die Lage im Land blieb den ganzen Tag über sehr angespannt und unübersichtlich. " * 6
    text = f"{claim} {filler}Ein Sprecher weist Pilz’ Vorwurf zurück."
    said = [_said_quote(text, claim, "Der Abgeordnete Pilz", "pilz")]
    act = answer_acts(text)[-1]
    assert resolve(act, text, said, TargetOptions(), Gates(owner_chars=None)) is not None
    assert resolve(act, text, said, TargetOptions(), Gates(owner_chars=400)) is None


def test_an_object_answers_the_statement_naming_its_head_noun() -> None:
    claim = "Der Intendant sagte, allein die Fach- und Führungskompetenz sei entscheidend gewesen."
    other = "Ein Kritiker sagte, die Wahl sei politisch."
    text = f"{claim} {other} Auch andere Mitarbeiter bestätigten ihre Kompetenzen."
    said = [_said_quote(text, claim, "Der Intendant", "boss"),
            _said_quote(text, other, "Ein Kritiker", "critic")]  # fmt: skip
    act = answer_acts(text)[-1]
    target = resolve(act, text, said, TargetOptions())
    assert target is not None and (target.id, target.evidence) == ("boss", "act:topic")


def test_a_head_noun_found_only_in_an_earlier_answer_links_nothing() -> None:
    claim = "Der Verein habe den Zusammenhang bestätigt, meldete die Nachrichtenseite."
    text = f"{claim} Auch er bestätigte den Zusammenhang."
    said = [_said_quote(text, claim, "die Nachrichtenseite", "site")]
    assert _target(text, said) is None  # the earlier sentence is itself a confirmation
