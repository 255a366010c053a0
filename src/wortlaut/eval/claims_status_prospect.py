"""Issue-20o candidate status rows: events wanted, recommended or put on an agenda.

The fresh choosing part ``test-g`` (annotated before any system ran on it; GUIDELINES.md, issue 20o) shows the
rules reading events that are only wanted or scheduled as having happened: an event noun governed by a noun of
wanting or a condition (``Interesse an einer Einigung``, ``Bedingung für …``, ``Bereitschaft zur Aufnahme von
Verhandlungen``), an event wished for after it (``Fairnessabkommen von allen Kandidaten gewünscht``, ``an
einer Einigung interessiert``), an event recommended or suggested (``regte … die Einberufung einer
Gipfelkonferenz an``) and an event on an agenda (``steht ein Besuch … auf dem Programm``, ``Fixpunkt auf der
Tagesordnung``). Each group is one such grammatical class, written from the error table of all choosing rows
(tune with the released ``test-e`` and ``test-g``; docs/quality.md, fifteenth session);
``eval.claims_status_rows`` keeps a group only when document-grouped cross-validation on those rows does.
"""

from __future__ import annotations

from wortlaut.eval.claims_status_row import Row

#: Finite past forms: an agenda told in the past tells what took place ("Auf der Tagesordnung stand …").
_PAST_AGENDA = r"stand|standen|war|waren|wurde|wurden|hatte|hatten|gestanden|gewesen"

#: Finite verbs that make ``bereit``/``interessiert`` a predicate of the clause, not of the event noun.
_FINITE = (
    r"war|waren|ist|sind|wurde|wurden|hat|hatte|hatten|haben|sei|seien|wäre|wären|zeigt\w*|erklärt\w*"
    r"|gab|gaben|gibt|blieb|blieben|bleibt|gilt|galt"
)

#: The groups: rows to add, and shipped patterns a group replaces (none here).
PROSPECT_GROUPS: dict[str, tuple[list[Row], tuple[str, ...]]] = {
    # a noun of wanting or a condition right before the event noun: "Interesse an einer Einigung", "Bedingung
    # für Gespräche", "Bereitschaft zu Verhandlungen", "Wunsch nach einem Treffen", "Ruf nach Verhandlungen"
    "wanting_noun": ([
        ("hypothetical", "before", "any",
         r"(?:Interesse\w*|Bedingung\w*|Bereitschaft|Wunsch|Wünsche\w*|Ruf|Rufe|Drängen|Sehnsucht)"
         r"\s(?:an|zu|zur|zum|für|nach|auf)(?:\s\w+)?", "", ""),
    ], ()),
    # the event wished for or wanted after the noun: "Fairnessabkommen von allen Kandidaten gewünscht"; "an
    # einer Einigung interessiert", "zu Gesprächen bereit" only with no finite verb between, which would make
    # the adjective another predicate ("Nach den Verhandlungen war er bereit, …": they took place)
    "wanted_after": ([
        ("hypothetical", "after", "noun",
         r"^\S+(?:\s\S+){0,4}\s(?:gewünscht|erwünscht|erhofft|ersehnt)", "", ""),
        ("hypothetical", "after", "noun",
         rf"^\S+(?:\s(?!(?:{_FINITE})\b)\S+){{0,4}}\s(?:interessiert|bereit)", "", ""),
    ], ()),
    # a recommendation or suggestion of the event: "regte … die Einberufung einer Gipfelkonferenz an",
    # "empfiehlt ein Treffen", "die Anregung, … zu verhandeln"
    "recommended": ([
        ("hypothetical", "clause", "any",
         r"empfahl|empfahlen|empfiehlt|empfehlen|empfohlen|Empfehlung\w*|regt\w*\s(?:[^,.;]*\s)?an|angeregt"
         r"|anzuregen|Anregung\w*", "", ""),
    ], ()),
    # an event on a programme or an agenda is scheduled: "Weiterhin steht ein Besuch … auf dem Programm", "Ein
    # Fixpunkt auf der Tagesordnung ist das Gespräch über …", unless the agenda is told in the past
    "agenda": ([
        ("planned", "clause", "any", r"auf\s(?:dem|das)\sProgramm|Tagesordnung\w*|Fixpunkt\w*", "",
         _PAST_AGENDA),
    ], ()),
    # the event itself on a programme or an agenda (``auf dem Programm``, ``auf der Tagesordnung``), not the
    # agenda of an event ("dominieren … die Tagesordnung", "die vorgesehene Tagesordnung … beim
    # Herbsttreffen": the meeting takes place); written after the first run, from the two choosing events
    # that ``agenda`` broke
    "agenda_item": ([
        ("planned", "clause", "any", r"auf\s(?:dem|das)\sProgramm|auf\sder\sTagesordnung", "", _PAST_AGENDA),
    ], ()),
}
#: The groups compared in the 20o session, beside the 20n groups of the brief's genre (purpose clauses,
#: requests, rumour), compared again on the larger choosing rows.
GROUPS_20O = ("wanting_noun", "wanted_after", "recommended", "agenda", "purpose_um_zu", "request_verbs",
              "rumour")  # fmt: skip
#: The second 20o run: the groups that broke no choosing event in the first, with ``agenda`` narrowed to the
#: event on the agenda (``agenda_item``), chosen after reading the first run's per-group counts.
GROUPS_20O_SECOND = ("wanting_noun", "wanted_after", "agenda_item")
