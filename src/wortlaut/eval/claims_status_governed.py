"""Issue-20p candidate status row: an event as the object of a zu-infinitive governed by readiness, an
attempt, a recommendation or a demand.

The error table of the choosing rows (tune with the released ``test-e`` and ``test-g``; docs/quality.md,
sixteenth session) shows five hypothetical events read as planned because the shipped zu-infinitive row
(20g: ``neue Verhandlungen aufzunehmen`` is planned) fires whatever governs the infinitive: ``die
Bereitschaft ihres Landes erklärt, in direkte Gespräche … einzutreten``, ``Erklärung zur Bereitschaft,
Gespräche … zu führen``, ``dem Versuch der Regierung, Verhandlungen … zu führen``, ``empfahl …,
Verhandlungen … einzuleiten``, ``wichtig sei, … eine Einigung … zu erreichen``.  The governing word stands
in the clause before the infinitive's clause (scope ``governed`` of ``events/status.py``); a decision
(``beschlossen, Verhandlungen aufzunehmen``) is no such word and stays planned.  ``eval.claims_status_rows``
keeps the group only when document-grouped cross-validation on the choosing rows does (it did; the row
ships in ``lang/de/event_status.tsv``).
"""

from __future__ import annotations

from wortlaut.eval.claims_status_row import Row

#: Words that govern a zu-infinitive without making its event real: readiness, attempt, recommendation,
#: suggestion, offer, demand, appeal, request, effort, hope, importance.
GOVERNORS = (
    r"Bereitschaft|bereit|Versuch\w*|versuch\w*|empfahl|empfahlen|empfiehlt|empfehlen|empfohlen|Empfehlung\w*"
    r"|Vorschlag|Vorschläge\w*|vorgeschlagen|schlug|schlugen|Angebot\w*|angeboten|aufgefordert|Aufforderung\w*"
    r"|fordert|forderte|forderten|fordern|Forderung\w*|appelliert\w*|Appell\w*|gebeten|bat|baten|bemüht"
    r"|bemühen|Bemühung\w*|hofft|hofften|hoffen|Hoffnung\w*|wichtig|gewillt|willens"
)
#: The event as a time or setting of the infinitive, not its object: "versucht, nach dem Gipfel die Steuern
#: zu senken" (the scope ends right before the trigger; the preposition in the trigger's own clause).
SETTING = r"(?:nach|vor|seit|während|bei|beim|am|im|auf|zum|zur)\s(?:[^\s,;:]+\s){0,2}$"

GOVERNED_GROUPS: dict[str, tuple[list[Row], tuple[str, ...]]] = {
    # "die Bereitschaft …, in direkte Gespräche einzutreten", "empfahl, Verhandlungen einzuleiten":
    # hypothetical, tried before the plan rows (``zu_infinitive``), which would make the event planned
    "infinitive_governor": ([("hypothetical", "governed", "noun", GOVERNORS, "", SETTING)], ()),
}
#: The shipped zu-infinitive plan row (20g, ``zu_infinitive`` of ``eval.claims_status_rows``).
ZU_INFINITIVE = r"[a-zäöüß]+zu[a-zäöüß]+en|zu\s(?:führen|halten|treffen|beginnen|aufnehmen)"
#: Infinitives whose object must exist already: an agreement kept, implemented, suspended, terminated,
#: amended or broken, talks ended (``das Abkommen … einzuhalten``, ``auszusetzen``, ``auszugestalten``).
#: Continuing (``fortzusetzen``, ``weiterzuführen``) is left out: what is continued lies ahead.
EXISTING = (
    r"einzuhalten|umzusetzen|auszusetzen|aufzukündigen|zu\skündigen|zu\skippen|auszugestalten|zu\sbrechen"
    r"|zu\sverletzen|zu\sratifizieren|nachzuverhandeln|zu\süberarbeiten|aufzuheben|zu\sbeenden|zu\sverlängern"
    r"|anzufechten|zu\serfüllen|zu\sunterlaufen|zu\sändern"
)

#: The first zu-infinitive after the trigger presupposes it ("ein Abkommen zu schließen und es umzusetzen"
#: plans the agreement: its first infinitive brings it about).
FIRST_EXISTING = rf"^\S+(?:\s(?![a-zäöüß]+zu[a-zäöüß]+en(?!\w)|zu\s)\S+)*\s(?:{EXISTING})"

GOVERNED_GROUPS["zu_infinitive_existing"] = (
    # the zu-infinitive plan row, except where the infinitive presupposes the event: "warf der Türkei vor, das
    # Rückführungsabkommen … nicht einzuhalten", "das 2014 … geschlossene Abkommen … auszusetzen" happened
    [("planned", "after", "noun", ZU_INFINITIVE, "", FIRST_EXISTING)],
    (ZU_INFINITIVE,),
)
#: The groups compared in the 20p session: the first pre-declared run (``infinitive_governor`` alone, on the
#: 20o rows), and the second (``zu_infinitive_existing``, on the rows with ``infinitive_governor`` shipped),
#: written after the first row shipped from the happened → planned errors left.
GROUPS_20P = ("infinitive_governor",)
GROUPS_20P_SECOND = ("zu_infinitive_existing",)
