"""Answer acts from the text: which sentences deny, confirm or correct, and how they refer back."""

from __future__ import annotations

import pytest

from wortlaut.claims.answer_acts import BACKGROUND, BARE, CLAUSE, NOUN, OBJECT, PRONOUN, RELATIVE, answer_acts


def _only(text: str) -> tuple[str, str, str | None]:
    acts = answer_acts(text)
    assert len(acts) == 1, acts
    act = acts[0]
    claim = text[act.claim[0] : act.claim[1]] if act.claim else None
    return act.type, act.reference, claim


def test_an_answer_without_content_clause_is_an_act() -> None:
    assert _only("Regierungsvertreter wiesen die Vorwürfe zurück.") == ("denies", NOUN, None)


def test_a_demonstrative_noun_points_back_like_a_pronoun() -> None:
    assert _only("Kulturministerin Eisenmann wies diese Behauptung zurück.")[:2] == ("denies", PRONOUN)
    assert _only("Das wurde von der Polizei jedoch bestritten.")[:2] == ("denies", PRONOUN)


def test_an_indefinite_charge_is_named_here_not_referred_to() -> None:
    assert _only("Diepgen wies Vorwürfe auf bewusste Versäumnisse zurück.")[:2] == ("denies", OBJECT)


def test_a_source_phrase_is_not_the_answered_noun() -> None:
    text = "Der Vorsitzende bestritt nach Angaben der Agentur Xinhua den Einsatz von Waffen."
    assert _only(text)[:2] == ("denies", OBJECT)


def test_the_wonach_clause_is_the_answered_claim() -> None:
    text = "Die Kommission hat einen Pressebericht zurückgewiesen, wonach sie eine EU-Armee plane."
    assert _only(text) == ("denies", CLAUSE, "wonach sie eine EU-Armee plane.")


def test_a_fronted_dass_clause_is_the_answered_claim() -> None:
    text = "Dass Stenzel zur FPÖ überlaufen könnte, wurde von den Freiheitlichen dementiert."
    assert _only(text) == ("denies", CLAUSE, "Dass Stenzel zur FPÖ überlaufen könnte")


def test_a_zu_infinitive_clause_is_the_answered_claim() -> None:
    text = "Der Süden bestreitet, in den Zwischenfall verwickelt zu sein."
    assert _only(text) == ("denies", CLAUSE, "in den Zwischenfall verwickelt zu sein.")


def test_relative_was_and_inverted_report_clauses() -> None:
    text = "Nordkorea unterstellt den USA, einen Angriff vorzubereiten, was Washington bestreitet."
    assert _only(text)[:2] == ("denies", RELATIVE)
    assert _only("Der Mann sei frei, bestätigte ein Sprecher.")[:2] == ("confirms", BARE)


def test_an_act_in_a_relative_clause_is_background() -> None:
    text = "Die Firma Euryza, die den Vorwurf inzwischen bestätigte, schweigt."
    assert _only(text)[:2] == ("confirms", BACKGROUND)


@pytest.mark.parametrize(
    "text",
    [
        "Er bestritt nicht, dort gewesen zu sein.",  # negated
        "Die Aussagen konnte niemand bestätigen.",  # negated by its subject
        "Der Verdacht hat sich bestätigt.",  # reflexive: came true
        "Viele Berichte stellten sich als richtig heraus.",
        "Es sei schwierig, das zu bestätigen.",  # a zu-infinitive names no act performed
        "Eine Bestätigung steht noch aus.",  # a noun names the act without performing it
        "Er fuhr mit einer bestätigten Höchstgeschwindigkeit.",  # attributive participle
        "Das Gericht bestätigte das Urteil.",  # a court confirming a verdict answers no statement
    ],
)
def test_no_act(text: str) -> None:
    assert answer_acts(text) == []


def test_a_self_correction_is_reflexive() -> None:
    acts = answer_acts("Später korrigierte sich Pérez.")
    assert [(act.type, act.reflexive) for act in acts] == [("corrects", True)]


def test_a_demonstrative_before_any_noun_points_back_like_a_pronoun() -> None:
    act = answer_acts("Die Anwältin bestritt jedoch gegenüber AFP eine solche Mitgliedschaft.")[0]
    assert (act.reference, act.demonstrative_noun) == (PRONOUN, True)
    act = answer_acts("Das wurde bestritten.")[0]
    assert (act.reference, act.demonstrative_noun) == (PRONOUN, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Bürgermeister streitet die Vorwürfe ab.", ("denies", NOUN)),  # present, split
        ("Die Firma stritt das am Montag entschieden ab.", ("denies", PRONOUN)),  # past, split
        ("Sie hat die Darstellung stets abgestritten.", ("denies", NOUN)),  # participle, joined
        ("Der Sprecher leugnet das.", ("denies", PRONOUN)),
    ],
)
def test_separable_and_new_answer_cues(text: str, expected: tuple[str, str]) -> None:
    kind, reference, _ = _only(text)
    assert (kind, reference) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Es fällt ihm schwer, den Fehler einzuräumen.",  # zu-infinitive inside the joined verb
        "Er versuchte nicht, die Tat abzustreiten.",
        "Sie streitet nicht ab, dort gewesen zu sein.",  # negated
    ],
)
def test_no_act_for_granting_or_unperformed_new_cues(text: str) -> None:
    assert answer_acts(text) == []


def test_a_split_cue_keeps_its_claim_clause() -> None:
    kind, reference, claim = _only("Der Konzern stritt ab, dass die Zahlen falsch waren.")
    assert (kind, reference, claim) == ("denies", CLAUSE, "dass die Zahlen falsch waren.")


@pytest.mark.parametrize(
    "text",
    [
        "Deutschland hinke hinterher, räumte der Staatssekretär ein.",  # a concession: a speech verb
        "Das muss man ja einräumen.",
        "Der Verband hat die Panne eingeräumt.",
        "Die Stadt räumt dem Radverkehr künftig Vorrang ein.",  # einräumen grants something
    ],
)
def test_einraeumen_is_no_answer_cue_since_20j(text: str) -> None:
    assert answer_acts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Nach Ansicht der Forscher bestätigen diese Funde die These.",
        "Untersuchungen bestätigten den Verdacht.",
        "Eine DNA-Analyse hat bestätigt, dass es sich um den Vermissten handelt.",
        "Die Obduktion bestätigte die Todesursache.",
    ],
)
def test_evidence_that_confirms_a_finding_is_no_answer(text: str) -> None:
    assert answer_acts(text) == []


def test_an_institution_confirming_findings_stays_an_answer() -> None:
    kind, _, _ = _only("Das Institut bestätigte die Befunde des Labors.")
    assert kind == "confirms"


@pytest.mark.parametrize(
    "text",
    [
        "Der Plan widerspricht dem Grundsatz der Sparsamkeit.",  # a norm as object
        "Das Vorhaben würde dem Völkerrecht widersprechen.",
        "Der Stürmer bestritt in seiner Karriere 80 Länderspiele.",  # a match
        "Am Sonntag bestreitet die Mannschaft das Finale gegen Spanien.",
        "Die Ausgaben werden aus dem Vermögen der Stiftung bestritten.",  # costs
        "Der Bürgermeister wurde mit großer Mehrheit im Amt bestätigt.",  # an office
        "Das Gericht wies die Klage der Stadt als unbegründet zurück.",  # a court rejecting a filing
        "Der Befangenheitsantrag der Verteidigung wurde zurückgewiesen.",
    ],
)
def test_second_senses_of_answer_verbs_are_no_answer_since_20l(text: str) -> None:
    assert answer_acts(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Der Minister widersprach dem Bericht der Zeitung.", "denies"),
        ("Der Trainer bestritt die Vorwürfe des Spielers.", "denies"),
        ("Ein Sprecher des Amtes bestätigte den Bericht.", "confirms"),
        ("Die Partei wies die Kritik des Verbands zurück.", "denies"),
    ],
)
def test_answer_verbs_keep_their_answer_sense_beside_the_20l_senses(text: str, kind: str) -> None:
    assert [act.type for act in answer_acts(text)] == [kind]
