"""Event status from negation, modals, conditionals, future, cancellation verbs and the date."""

from __future__ import annotations

import pytest

from wortlaut.article import Article, Span
from wortlaut.events.status import (
    CANCELLED,
    HAPPENED,
    HYPOTHETICAL,
    NEGATED,
    PLANNED,
    StatusOptions,
    cluster_status,
    dated_status,
    event_status,
    load_status_cues,
)
from wortlaut.stages.events import EventsStage
from wortlaut.stages.morph import MorphStage
from wortlaut.stages.times import TimesStage
from wortlaut.stages.tokens import TokensStage


def _status(text: str, trigger: str, **options: bool) -> str:
    article = Article.create(text, published="2024-12-18")
    start = text.index(trigger)
    span = Span(start=start, end=start + len(trigger), text=trigger)
    sentence = Span(start=0, end=len(text), text=text)
    return event_status(article, span, sentence, options=StatusOptions(**options))


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Ein Treffen ist nicht geplant.", "Treffen", NEGATED),
        ("Es gab kein Treffen der beiden Minister.", "Treffen", NEGATED),
        ("Mit der Opposition kam es zu keiner Einigung.", "Einigung", NEGATED),
        ("Ein Gespräch könnte nächste Woche stattfinden.", "Gespräch", HYPOTHETICAL),
        ("Eine Vereinbarung wurde nicht ausgeschlossen.", "Vereinbarung", HYPOTHETICAL),
        ("Lawrow forderte Verhandlungen über einen Pakt.", "Verhandlungen", HYPOTHETICAL),
        ("Der Besuch wurde aus Sicherheitsgründen abgesagt.", "Besuch", CANCELLED),
        ("Davutoglu sagt seine Reise wegen des Terrors ab.", "Reise", CANCELLED),
        ("Am Donnerstag ist ein Treffen in Wien geplant.", "Treffen", PLANNED),
        ("Solana will sich in Kinshasa mit Kabila treffen.", "treffen", PLANNED),
        ("An diesen Gesprächen werden die Außenminister teilnehmen.", "Gesprächen", PLANNED),
        ("Nach einem Treffen mit Romney äußerte er sich.", "Treffen", HAPPENED),
        ("Beim Treffen in Innsbruck wurde nicht geklärt, wer führt.", "Treffen", HAPPENED),
        ("Sie kündigte an, 2010 kandidieren zu wollen.", "kündigte", HAPPENED),
        ("Er soll mit Maas telefoniert haben.", "telefoniert", HAPPENED),
        ("Das Treffen hat am Montag stattgefunden.", "Treffen", HAPPENED),
    ],
)
def test_status_of_trigger_from_its_clause(text: str, trigger: str, status: str) -> None:
    assert _status(text, trigger) == status


def test_status_negation_of_another_clause_does_not_count() -> None:
    text = "Das sei nicht richtig, sagte er nach dem Treffen."
    assert _status(text, "Treffen") == HAPPENED


def test_status_konjunktiv2_only_when_switched_on() -> None:
    text = "Er wäre gern beim Gipfel dabei gewesen."
    assert _status(text, "Gipfel") == HYPOTHETICAL  # the word list knows wäre
    article = Article.create("Ein Gipfel fand statt.", published="2024-12-18")
    span = Span(start=4, end=10, text="Gipfel")
    sentence = Span(start=0, end=len(article.text), text=article.text)
    assert event_status(article, span, sentence, options=StatusOptions(konjunktiv2=True)) == HAPPENED


def test_dated_status_event_after_publication_is_planned() -> None:
    article = Article.create("Ein Gipfel.", published="2024-12-18")
    assert dated_status(article, HAPPENED, "2024-12-19") == PLANNED
    assert dated_status(article, HAPPENED, "2024-12-18") == HAPPENED
    assert dated_status(article, NEGATED, "2024-12-19") == NEGATED
    assert dated_status(Article.create("x"), HAPPENED, "2024-12-19") == HAPPENED


def test_cluster_status_cancelled_by_any_telling_or_strongest() -> None:
    assert cluster_status([HAPPENED, CANCELLED], HAPPENED, options=StatusOptions(cluster="main")) == CANCELLED
    assert cluster_status([HAPPENED, PLANNED], HAPPENED, options=StatusOptions(cluster="main")) == HAPPENED
    assert (
        cluster_status([HAPPENED, PLANNED], HAPPENED, options=StatusOptions(cluster="strongest")) == PLANNED
    )


def test_status_cues_load_with_known_statuses() -> None:
    statuses = [cue.status for cue in load_status_cues()]
    assert set(statuses) <= {CANCELLED, NEGATED, HYPOTHETICAL, HAPPENED, PLANNED}
    assert statuses.index(CANCELLED) < statuses.index(NEGATED) < statuses.index(PLANNED)


@pytest.fixture(scope="module")
def stages() -> tuple[TimesStage, EventsStage]:
    return TimesStage(), EventsStage()


def _events(stages: tuple[TimesStage, EventsStage], text: str) -> list[tuple[str, str]]:
    times, events = stages
    article = events(times(Article.create(text, published="2024-12-18")))
    return [(event.trigger.text, event.status) for event in article.events]


def test_stage_emits_negated_and_hypothetical_meetings_with_their_status(
    stages: tuple[TimesStage, EventsStage],
) -> None:
    text = "Ein Treffen ist nicht geplant. Ein Gespräch könnte im Januar stattfinden."
    assert _events(stages, text) == [("Treffen", NEGATED), ("Gespräch", HYPOTHETICAL)]


def test_stage_meeting_dated_tomorrow_is_planned(stages: tuple[TimesStage, EventsStage]) -> None:
    assert _events(stages, "Das Gipfeltreffen findet am Donnerstag in Brüssel statt.") == [
        ("Gipfeltreffen", PLANNED)
    ]


def test_stage_meeting_yesterday_happened(stages: tuple[TimesStage, EventsStage]) -> None:
    assert _events(stages, "Am Dienstag trafen sich Rutte und Selenskyj in Brüssel.") == [
        ("trafen", HAPPENED)
    ]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Nach der Ankündigung der Ministerin soll nun die Zulage kommen.", HAPPENED),
        ("Die Ankündigung, die Lesung werde abgesagt, kam spät.", HAPPENED),
        ("Eine Ankündigung könnte noch folgen.", HYPOTHETICAL),
        ("Eine Ankündigung gab es nicht.", NEGATED),
    ],
)
def test_an_announcement_is_done_when_reported_whatever_it_announces(text: str, status: str) -> None:
    assert _status(text, "Ankündigung") == status


def test_an_announcement_is_not_planned_for_the_date_of_what_it_announces() -> None:
    article = Article.create("Fox kündigte den Film für den 8. Mai an.", published="2024-04-02")
    assert dated_status(article, HAPPENED, "2024-05-08", event_type="announcement") == HAPPENED
    assert dated_status(article, HAPPENED, "2024-05-08", event_type="meeting") == PLANNED
    plain = StatusOptions(said_acts=False)
    assert dated_status(article, HAPPENED, "2024-05-08", options=plain, event_type="announcement") == PLANNED


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Die Staaten loben ein Abkommen, das bald gelten soll.", "Abkommen", PLANNED),
        ("Gegenstand ist eine Vereinbarung, die noch ausgehandelt werden muss.", "Vereinbarung", PLANNED),
        ("Er verwies auf den Gipfel im Herbst, bei dem Geld ein Thema sein werde.", "Gipfel", PLANNED),
        ("Die Minister lobten das Abkommen, das im Mai unterzeichnet worden war.", "Abkommen", HAPPENED),
        ("Man sprach über das Abkommen mit den Nachbarstaaten im Norden des Kontinents, das gelten soll.",
         "Abkommen", HAPPENED),
        ("Der Gipfel findet am Donnerstag in Brüssel statt.", "Gipfel", PLANNED),
        ("Die Kanzlerin dämpfte die Erwartungen an das Treffen.", "Treffen", PLANNED),
        ("Die Gewerkschaften einigten sich, neue Verhandlungen aufzunehmen.", "Verhandlungen", PLANNED),
    ],
)
def test_plan_grammar_of_issue_20g(text: str, trigger: str, status: str) -> None:
    """A relative clause on the trigger noun (a plan modal or future ``sein``; not a pluperfect passive,
    not one that starts far after the noun), the scheduled present, expectations before the trigger, a
    zu-infinitive governing it."""
    assert _status(text, trigger) == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Dort hätten die Aufträge vom letzten Gipfel umgesetzt werden sollen.", "Gipfel", HAPPENED),
        ("Der Präsident fordert mehr Tempo für die laufenden Verhandlungen.", "Verhandlungen", HAPPENED),
        ("Auch wenn bis zum letzten Moment Verhandlungen liefen, gilt das als sicher.", "Verhandlungen",
         HAPPENED),
        ("Die Minister fordern neue Verhandlungen über den Vertrag.", "Verhandlungen", HYPOTHETICAL),
        ("Ein Treffen könnte nächste Woche stattfinden.", "Treffen", HYPOTHETICAL),
    ],
)
def test_own_past_attribute_of_issue_20i_outranks_clause_cues(text: str, trigger: str, status: str) -> None:
    """The event noun's own past or ongoing attribute (``vom letzten Gipfel``, ``die laufenden
    Verhandlungen``) decides before a modal, demand or condition of the clause, which belongs to another
    predicate; without such an attribute the clause cues still decide."""
    assert _status(text, trigger) == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Die Regierung lehnte jede Einigung mit den Rebellen ab.", "Einigung", NEGATED),
        ("Der Verband verweigert Gespräche mit dem Ministerium.", "Gespräche", NEGATED),
        ("Die beiden Parteien führen bereits Gespräche und wollen bald entscheiden.", "Gespräche", HAPPENED),
        ("Es laufen derzeit Verhandlungen, die im Mai enden sollen.", "Verhandlungen", HAPPENED),
        ("Wir müssen endlich Verhandlungen mit den Ländern führen.", "Verhandlungen", HYPOTHETICAL),
        ("Es braucht ein Abkommen mit den Nachbarn.", "Abkommen", HYPOTHETICAL),
        ("Deshalb, Frau Ministerin: Schließen Sie ein Abkommen mit Tunesien!", "Abkommen", HYPOTHETICAL),
        ("Lassen Sie uns ein Treffen der Fraktionen vereinbaren.", "Treffen", HYPOTHETICAL),
        ("Wir fordern, dass Bund und Länder zu einer Einigung kommen.", "Einigung", HYPOTHETICAL),
        ("Die Partei setzt auf Gespräche mit der Opposition.", "Gespräche", HYPOTHETICAL),
        ("Die Partei werde sich an weiteren Verhandlungen beteiligen.", "Verhandlungen", PLANNED),
        ("Die Verhandlungen begannen im Mai.", "Verhandlungen", HAPPENED),
    ],
)
def test_speech_and_demand_grammar_of_issue_20l(text: str, trigger: str, status: str) -> None:
    """Rows kept in 20l by grouped CV on tune with the released speeches: a rejected event is negated, an
    adverb of the present tells it going on, demands of a speech (``wir müssen``, ``es braucht``, an
    imperative after an address, ``fordern …, dass``) and a prospect with ``auf`` make it hypothetical,
    ``weitere`` talks are planned."""
    assert _status(text, trigger) == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Er steht bereit, sich mit ihnen zu treffen, wenn er zurückkehrt.", "treffen", HYPOTHETICAL),
        ("Die Partei ist nur zu Verhandlungen bereit, falls die Regierung einlenkt.", "Verhandlungen",
         HYPOTHETICAL),
        ("Die Gespräche gingen weiter, auch wenn sich wenig bewegte.", "Gespräche", HAPPENED),
        ("Immer wenn die Minister zusammensaßen, gab es ein Treffen der Berater.", "Treffen", HAPPENED),
        ("Bei dem Gipfel sollte ein Paket von Zugeständnissen geschnürt werden.", "Gipfel", PLANNED),
        ("Die Regierungschefs sollten auf ihrem Gipfeltreffen über den Namen entscheiden.", "Gipfeltreffen",
         PLANNED),
        ("Das Treffen sollte ursprünglich in Wien stattfinden.", "Treffen", HAPPENED),
        ("Das Treffen sollte bereits im Mai vereinbart worden sein.", "Treffen", HAPPENED),
    ],
)
def test_modality_rows_of_issue_20n(text: str, trigger: str, status: str) -> None:
    """Rows kept in 20n by grouped CV on the choosing rows: a condition anywhere in the sentence makes the
    event hypothetical (not a concessive or iterative ``wenn``); ``sollte`` on an event noun plans it, unless
    the plan was superseded (``ursprünglich``) or the clause is a passive or perfect past."""
    assert _status(text, trigger) == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Nach dem Treffen sagte Merkel, man werde Sanktionen verhängen, wenn Russland nicht einlenke.",
         "Treffen", HAPPENED),
        ("Bei dem Gespräch am Montag drohte er mit Konsequenzen, falls die Zahlungen ausblieben.", "Gespräch",
         HAPPENED),
        ("Beim Gipfel haben sich die Staaten geeinigt, Hilfen zu zahlen, wenn Griechenland spart.", "Gipfel",
         HAPPENED),
        ("Er steht bereit, sich mit ihnen zu treffen, wenn er zurückkehrt.", "treffen", HYPOTHETICAL),
        ("Die Partei ist nur zu Verhandlungen bereit, falls die Regierung einlenkt.", "Verhandlungen",
         HYPOTHETICAL),
        ("Das Treffen, das Frieden bringen sollte, endete ohne Ergebnis.", "Treffen", HAPPENED),
        ("Das Abkommen sollte den Handel erleichtern, doch es scheiterte.", "Abkommen", HAPPENED),
        ("Bei dem Gipfel sollte ein Paket von Zugeständnissen geschnürt werden.", "Gipfel", PLANNED),
    ],
)
def test_past_reports_keep_events_that_happened_of_issue_20n(
    text: str, trigger: str, status: str
) -> None:
    """With the morphology layer: a condition in another clause bears on the event unless the trigger's own
    clause reports in the past (preterite or perfect); a past ``sollte`` plans an event noun unless the
    sentence narrates in the preterite; then the event is a fact."""
    article = MorphStage()(TokensStage()(Article.create(text, published="2024-12-18")))
    start = text.index(trigger)
    span = Span(start=start, end=start + len(trigger), text=trigger)
    assert event_status(article, span, Span(start=0, end=len(text), text=text)) == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Sein Interesse an einer Einigung mit Athen sei gering.", "Einigung", HYPOTHETICAL),
        ("Die Union nannte eine Bedingung für Gespräche mit der Regierung.", "Gespräche", HYPOTHETICAL),
        ("Alle Parteien sind an einer Einigung interessiert.", "Einigung", HYPOTHETICAL),
        ("Ein Fairnessabkommen wird von allen Kandidaten gewünscht.", "Fairnessabkommen", HYPOTHETICAL),
        ("Am Freitag steht ein Besuch der Hauptstadt auf dem Programm.", "Besuch", PLANNED),
        ("Nach den Verhandlungen war er bereit, zurückzutreten.", "Verhandlungen", HAPPENED),
        ("Auf der Tagesordnung des Treffens stand die Lage in Syrien.", "Treffens", HAPPENED),
        ("Beim Treffen der Minister dominieren die Konflikte die Tagesordnung.", "Treffen", HAPPENED),
    ],
)
def test_wanted_and_scheduled_events_of_issue_20o(text: str, trigger: str, status: str) -> None:
    """Rows kept in 20o by grouped CV on the choosing rows with the fresh test-g: an event governed by a noun
    of wanting or a condition, or wished for after it, is hypothetical; the event itself on a programme or
    an agenda is planned; readiness as another predicate and an agenda told in the past leave it a fact."""
    assert _status(text, trigger) == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Die Ministerin hat die Bereitschaft erklärt, in direkte Gespräche mit dem Iran einzutreten.",
         "Gespräche", HYPOTHETICAL),
        ("Der Kommissar empfahl, Verhandlungen über einen Beitritt einzuleiten.", "Verhandlungen",
         HYPOTHETICAL),
        ("Die Regierung hat beschlossen, Verhandlungen mit der Opposition aufzunehmen.", "Verhandlungen",
         PLANNED),
        ("Die Regierung hat versucht, nach dem Gipfel die Steuern zu senken.", "Gipfel", HAPPENED),
        ("Trotz der Forderung, die Steuern zu senken, haben die Verhandlungen begonnen.", "Verhandlungen",
         HAPPENED),
        ("Die Regierung warf dem Nachbarland vor, das Abkommen nicht einzuhalten.", "Abkommen", HAPPENED),
        ("Die Staaten beschlossen, ein Abkommen zu schließen und es rasch umzusetzen.", "Abkommen", PLANNED),
    ],
)  # fmt: skip
def test_events_governed_by_readiness_or_a_recommendation_of_issue_20p(
    text: str, trigger: str, status: str
) -> None:
    """With the morphology layer: an event noun as the object of a zu-infinitive takes the modality of the
    word governing the infinitive in the clause before (readiness, an attempt, a recommendation:
    hypothetical; a decision: planned); an event that is the infinitive's time, or stands in another clause,
    keeps its own."""
    article = MorphStage()(TokensStage()(Article.create(text, published="2024-12-18")))
    start = text.index(trigger)
    span = Span(start=start, end=start + len(trigger), text=trigger)
    assert event_status(article, span, Span(start=0, end=len(text), text=text)) == status


def test_list_subordinators_switch_stops_list_extension_at_a_conjunction() -> None:
    """With ``list_subordinators``, ``…, dass …`` opens a new clause: the plan modal of the ``dass`` clause
    does not reach the agreement that the main clause says exists."""
    text = "Das Abkommen sieht vor, dass es keine Inserate, Plakate und Geschenke geben soll."
    article = Article.create(text, published="2024-12-18")
    tagged = MorphStage()(TokensStage()(article))
    start = text.index("Abkommen")
    span = Span(start=start, end=start + len("Abkommen"), text="Abkommen")
    sentence = Span(start=0, end=len(text), text=text)
    on = StatusOptions(list_subordinators=True)
    assert event_status(tagged, span, sentence, options=on) == HAPPENED
    assert event_status(tagged, span, sentence, options=StatusOptions()) == PLANNED


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Die Verhandlungen über das Abkommen mit Kanada dauern an.", "Abkommen", HYPOTHETICAL),
        ("Die Parteien ringen um eine Einigung im Haushaltsstreit.", "Einigung", HYPOTHETICAL),
        ("Die Ministerin kam nach Wien, um über das Abkommen zu diskutieren.", "Abkommen", HYPOTHETICAL),
        ("Umfragen ergaben eine große Mehrheit für ein Abkommen mit Kanada.", "Abkommen", HYPOTHETICAL),
        ("Der Präsident bot der Opposition ein Gespräch an.", "Gespräch", HYPOTHETICAL),
        ("Es geht ihr um Verhandlungen.", "Verhandlungen", HYPOTHETICAL),
        # was a 20g example of the relative plan row (planned); negotiated, the agreement is not reached yet
        # (GUIDELINES.md: "an agreement still negotiated … is hypothetical"); hypothetical rows go first
        ("Die Staaten verhandeln über ein Abkommen, das bald gelten soll.", "Abkommen", HYPOTHETICAL),
        ("Nach den Verhandlungen über den Etat unterzeichneten sie das Abkommen.", "Abkommen", HAPPENED),
        ("Nach den Verhandlungen über den Etat unterzeichneten sie das Abkommen.", "Verhandlungen", HAPPENED),
        ("Das Abkommen war schwer zu verhandeln.", "Abkommen", HAPPENED),
        ("Beim Gipfel plädierten die Minister für mehr Hilfe.", "Gipfel", HAPPENED),
        ("Der Streit um das Abkommen hält an.", "Abkommen", HAPPENED),
    ],
)  # fmt: skip
def test_events_negotiated_argued_for_or_offered_of_issue_20q(
    text: str, trigger: str, status: str
) -> None:
    """Rows kept in 20q by grouped CV on the choosing rows with the released test-h: an event noun named as
    what is negotiated or discussed, argued for, offered or at stake has not been reached (hypothetical); the
    same words about another noun, a setting before them, a finite verb before the infinitive and a quarrel
    leave the event a fact."""
    assert _status(text, trigger) == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Das Treffen soll am Montag in Wien stattfinden.", "Treffen", PLANNED),
        ("Das Abkommen soll im Mai unterzeichnet werden.", "Abkommen", PLANNED),
        ("Beim Gipfel soll der Startschuss für den Fonds gegeben werden.", "Gipfel", PLANNED),
        ("Bei dem Treffen am Sonntag soll nach einer Lösung gesucht werden.", "Treffen", PLANNED),
        ("Im Mai soll er einen Gipfel in London leiten.", "Gipfel", PLANNED),
        ("Zudem sollen Handelsabkommen auf Vorteile durchforstet werden.", "Handelsabkommen", HAPPENED),
        ("Er soll die Minister am Montag treffen.", "treffen", PLANNED),
    ],
)  # fmt: skip
def test_sollen_plans_an_event_noun_through_its_predicate_of_issue_20q(
    text: str, trigger: str, status: str
) -> None:
    """The 20q rows in place of the plan row of ``sollen``: it plans an event noun whose predicate makes it
    occur, or that is the setting of the planned action; an agreement only to be examined exists (a fact);
    a verb trigger keeps the plain row."""
    assert _status(text, trigger) == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Die Opposition stellte Bedingungen für die Aufnahme von Verhandlungen.", "Verhandlungen",
         HYPOTHETICAL),
        ("Die Regierung erklärte ihre Bereitschaft zur Wiederaufnahme von Gesprächen.", "Gesprächen",
         HYPOTHETICAL),
        ("Der Minister regte die Einberufung eines Gipfels an.", "Gipfels", HYPOTHETICAL),
        ("Nach der Aufnahme von Verhandlungen im Mai stieg der Kurs.", "Verhandlungen", HAPPENED),
        ("Die Bereitschaft zur Aufnahme von Gesprächen wuchs, und das Treffen begann im Mai.", "Treffen",
         HAPPENED),
    ],
)  # fmt: skip
def test_an_event_whose_start_is_wanted_or_suggested_of_issue_20q(
    text: str, trigger: str, status: str
) -> None:
    """The 20q rows of the fifth run: an event named as the complement of a noun of starting it (Aufnahme,
    Einberufung) takes the modality of what governs that noun (a condition, readiness, a suggestion); a start
    told as a fact, or an event in another clause, stays happened."""
    assert _status(text, trigger) == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Die Ministerin sucht das Gespräch mit den Bauern.", "Gespräch", HYPOTHETICAL),
        ("Die Regierung solle das Gespräch mit den Gewerkschaften suchen.", "Gespräch", HYPOTHETICAL),
        ("Nun müsse eine Einigung mit den Ländern gesucht werden.", "Einigung", HYPOTHETICAL),
        # the event as the setting of a search, and a search told in the past
        ("Beim Gipfel sucht die EU eine gemeinsame Linie.", "Gipfel", HAPPENED),
        ("Beim Treffen wird nach einer Lösung gesucht.", "Treffen", HAPPENED),
        ("Das Gespräch wurde schon im Mai gesucht.", "Gespräch", HAPPENED),
    ],
)  # fmt: skip
def test_events_sought_of_issue_20s(text: str, trigger: str, status: str) -> None:
    """The 20s rows: an event noun sought (its object, verb second before it or verb final after it) is
    hypothetical, not when it is the setting or the search is past."""
    assert _status(text, trigger) == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Die Mehrheit sprach sich für eine Einigung mit den Gläubigern aus.", "Einigung", HYPOTHETICAL),
        ("Die Kandidatin trat für ein Abkommen über die Wahlkampfkosten ein.", "Abkommen", HYPOTHETICAL),
        ("Zwei Staaten hätten sich gegen eine Einigung gestellt.", "Einigung", HYPOTHETICAL),
        # the event as the setting of the stance
        ("Beim Gipfel sprach sich die Kanzlerin für mehr Hilfe aus.", "Gipfel", HAPPENED),
        ("Nach dem Treffen trat er für höhere Renten ein.", "Treffen", HAPPENED),
    ],
)  # fmt: skip
def test_events_argued_for_with_a_verb_of_stance_of_issue_20s(text: str, trigger: str, status: str) -> None:
    """The 20s second-run row: an event argued for or against with a reflexive or particle verb of stance has
    not been reached; an event named as the setting of the stance keeps its own status."""
    assert _status(text, trigger) == status
