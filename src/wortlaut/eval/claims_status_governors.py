"""Issue-20q candidate status rows: the word that governs an event noun says whether it is real.

The error table of the choosing rows (tune with the released ``test-e``, ``test-g`` and, since 20q,
``test-h``; docs/quality.md, seventeenth session) reads hypothetical events as happened where no cue row
names the word that governs the event noun.  The brief names the kinds: events negotiated or discussed
(``die Verhandlungen über das EU-USA-Abkommen``, ``um über das Freihandelsabkommen zu diskutieren``),
events argued for (``eine große Mehrheit für ein Abkommen``) and events offered (``biete ich Euch ein
persönliches Gespräch an``).  An agreement still negotiated or argued for has not been reached; a talk
offered has not taken place.  Each group is one such governor, written as cue rows in the format of
``lang/de/event_status.tsv``; ``eval.claims_status_rows`` keeps a group only when document-grouped
cross-validation on the choosing rows does.
"""

from __future__ import annotations

from wortlaut.eval.claims_status_row import Row

#: Nouns and verbs of negotiating or discussing that take the event as their topic (``über``, ``um``,
#: ``zu``).  ``Streit um`` was taken out after the first runs (one quarrels about agreements in force as
#: well; an invented sentence, ``Der Streit um das Abkommen hält an``); the runs were repeated, same counts.
DISCUSSING = (
    r"Verhandlung\w*|verhandel\w*|verhandelt\w*|Gespräch\w*|Diskussion\w*|diskutier\w*|Debatte\w*"
    r"|debattier\w*|Beratung\w*|beraten|berät|berieten|Ringen|ringen|ringt|rangen|Tauziehen"
)
#: Zu-infinitives of negotiating or discussing with the event as their object (``das Abkommen … zu
#: verhandeln``, ``über das Freihandelsabkommen zu diskutieren``); participles are left out (``das Abkommen
#: wurde ausgehandelt`` tells that it was reached), and so are bare infinitives, whose event is mostly the
#: setting (``dass wir in den weiteren Beratungen diskutieren``).
DISCUSS_INFINITIVE = r"zu\s(?:diskutieren|verhandeln|debattieren|beraten)|auszuhandeln|nachzuverhandeln"
#: A finite verb between the event and the infinitive ends the event's phrase (``Das Abkommen war schwer
#: zu verhandeln`` is about one reached).
_NO_FINITE = r"(?!(?:war|waren|ist|sind|wurde|wurden|hat|hatte|hatten|haben|sei|seien)\b)"
#: Words of arguing for an event right before ``für`` (``eine Mehrheit für ein Abkommen``, ``plädiert für
#: Verhandlungen``); ``stark machen`` and ``werben`` are left out: one lobbies for an agreement already
#: reached that awaits approval.
ADVOCATING = r"Mehrheit\w*|Stimme\w*|Votum|votiert\w*|plädiert\w*|plädieren|Plädoyer|Zustimmung|Eintreten"
_OFFERING = r"(?:biete|bietet|bieten|bot|boten)\s(?:[^,.;:]*\s)?an|angeboten|anbieten|anzubieten"
_TOPIC = r"(?:geht|ging|gehe|gehen|gingen)\s(?:\w+\s)?um(?:\s\w+)?"

GOVERNOR_GROUPS: dict[str, tuple[list[Row], tuple[str, ...]]] = {
    # "die Verhandlungen über das EU-USA-Abkommen", "Gespräche zu einer Einigung", "Ringen um eine Einigung"
    "discussed_object": ([
        ("hypothetical", "before", "noun", rf"(?:{DISCUSSING})\s(?:über|um|zu|zum|zur)(?:\s\w+)?", "", ""),
    ], ()),
    # "um über das Freihandelsabkommen zu diskutieren", "diese Abkommen zu verhandeln"
    "discussed_infinitive": ([
        ("hypothetical", "after", "noun", rf"^\S+(?:\s{_NO_FINITE}\S+){{0,3}}\s(?:{DISCUSS_INFINITIVE})",
         "", ""),
    ], ()),
    # "eine große Mehrheit für ein Abkommen", "plädiert für Verhandlungen".  A clause row for "sprach sich
    # … für eine Einigung … aus" was taken out after the first runs: it fixed no choosing event, and the
    # sentence it was written from holds a held-back test-j event; the runs were repeated, same counts.
    "advocacy_object": ([
        ("hypothetical", "before", "noun", rf"(?:{ADVOCATING})\s(?:\w+\s)?für(?:\s\w+)?", "", ""),
    ], ()),
    # "biete ich Euch ein persönliches Gespräch an", "hat Gespräche angeboten"
    "offered": ([("hypothetical", "clause", "noun", _OFFERING, "", "")], ()),
    # the event as what something is about: "Es geht Nordkorea um Verhandlungen"
    "topic_um": ([("hypothetical", "before", "noun", _TOPIC, "", "")], ()),
}
#: The groups compared in the 20q session's first run (declared before it ran).
GROUPS_20Q = ("discussed_object", "discussed_infinitive", "advocacy_object", "offered", "topic_um")
# Second run, written after the first: each group there fixed one or two events and broke none, so no fold
# could learn a group from the other folds and the CV of the choice stayed at the start.  The five governors
# as one class: the event named as what is negotiated, argued for, offered or at stake is not reached.
GOVERNOR_GROUPS["unrealised_governor"] = (
    [row for name in GROUPS_20Q for row in GOVERNOR_GROUPS[name][0]],
    (),
)
GROUPS_20Q_SECOND = ("unrealised_governor",)

#: Predicates that make the event a noun names occur (``eval.claims_status_rows``' 20i list) and those of
#: holding or chairing it (``einen Gipfel leiten``, ``ausrichten``, ``einberufen``).
_OCCURRING = (
    r"statt\w*|teilnehm\w*|teil|führen|geführt|treffen|getroffen|geben|gehen|beginnen|begonnen|aufnehmen"
    r"|aufgenommen|unterzeichn\w*|besuchen|besucht|reisen|kommen|zusammenkommen|tagen|abhalten|abgehalten"
    r"|eröffnen|eröffnet|fortgesetzt|fortsetzen|erwartet|geplant|sprechen|beraten|verhandeln|empfangen"
    r"|erzielt|abgeschlossen|geschlossen|sein|beschlossen|vereinbart|ausgehandelt|zustande|erreicht"
    r"|unterschrieben|leiten|geleitet|ausrichten|ausgerichtet|veranstalten|veranstaltet|einberufen"
)
#: The event as the setting of what is planned: ``Beim Gipfel soll … gegeben werden``, ``Bei dem Treffen am
#: Sonntag soll … gesucht werden``: a planned action at the event plans the event.
_SETTING = r"[Bb]ei|[Bb]eim|[Ww]ährend|[Aa]uf\s(?:dem|der|einem|einer)|[Aa]m\sRande"
_SOLL = r"soll|sollen|solle"
_SOLL_UNLESS = r"[a-zäöüß]\w*(?:t|en)\s(?:haben|sein)|worden|gewesen"
# Third run (written after reading this session's probe of the 20i group ``soll_occurrence``, which broke
# three planned events as the setting of a planned action or chaired, and fixed two agreements that are
# only examined): ``sollen`` of plan plans an event noun when its predicate makes the event occur or the
# event is the setting of the planned action; else the modal is about another predicate (``sollen
# Doppelbesteuerungsabkommen … durchforstet werden``: they exist).  Verb triggers keep the shipped row.
GOVERNOR_GROUPS["soll_event_predicate"] = (
    [
        ("planned", "clause", "verb", _SOLL, "", _SOLL_UNLESS),
        ("planned", "clause", "noun", _SOLL, rf"{_OCCURRING}|{_SETTING}", _SOLL_UNLESS),
    ],
    (_SOLL,),
)
GROUPS_20Q_THIRD = ("soll_event_predicate",)

#: Ending talks presupposes that they began: ``wann diese Verhandlungen abgeschlossen werden``, ``Ob die
#: Gespräche vorher abgeschlossen werden können``.  Only talks: an agreement ``abgeschlossen`` is one made.
#: The after scope starts at the trigger, so the row reads the trigger word itself.
_TALKS_ENDED = (
    r"^\S*(?:Verhandlung|Gespräch|Beratung)\w*(?:\s\S+){0,8}?\s"
    r"(?:abgeschlossen|abschließen|abzuschließen|beendet|beenden|zu\sbeenden)"
)
# Fourth run (written after reading this session's probe of the 20i group ``ongoing_completion``, which fixed
# three talks whose end lies ahead and broke three planned talks to be begun and finished, or continued):
# talks to be ended are going on, unless their beginning lies ahead in the same clause; continuing is left
# out (what is continued lies ahead, 20p).
GOVERNOR_GROUPS["talks_ended"] = (
    [("happened", "after", "noun", _TALKS_ENDED, "", r"beginn\w*|begonnen|aufnehm\w*|aufgenommen|starten")],
    (),
)
GROUPS_20Q_FOURTH = ("talks_ended",)

#: Nouns of starting an event, which pass on to it the modality of what governs them.
_STARTING = r"(?:Wieder)?(?:[Aa]ufnahme|Einberufung|Einleitung|Beginn|Abhaltung)"
#: Wanting, conditions, readiness and suggestions (as the 20o groups ``wanting_noun`` and ``recommended``).
_WANTING = (
    r"Interesse\w*|Bedingung\w*|Vorbedingung\w*|Bereitschaft|Wunsch|Wünsche\w*|Forderung\w*|Ruf|Rufe|Drängen"
    r"|Voraussetzung\w*|Vorschlag|Vorschläge\w*|Angebot\w*|Plädoyer|Aufruf|Appell"
)
# Fifth run (written after reading the errors left by runs 1–3): the event as the complement of a noun of
# starting it, which a noun of wanting governs ("eine Bedingung für die Wiederaufnahme von Gesprächen", "die
# Bereitschaft zur Aufnahme von Verhandlungen"), or which is suggested ("regte … die Einberufung einer
# Gipfelkonferenz an").
GOVERNOR_GROUPS["wanted_start"] = (
    [
        ("hypothetical", "clause", "noun",
         rf"(?:{_WANTING})\s(?:an|zu|zur|zum|für|nach|auf)\s(?:(?:der|die|den|dem|einer|eine|einen|einem)\s)?"
         rf"{_STARTING}\s(?:von|der|des|eines|einer)", "", ""),
        ("hypothetical", "clause", "noun",
         rf"(?:regt|regte|regten|angeregt|schlägt|schlug|schlugen|vorgeschlagen|fordert|forderte|forderten)"
         rf"\s(?:[^,.;:]*\s)?{_STARTING}\s(?:von|der|des|eines|einer)", "", ""),
    ],
    (),
)
GROUPS_20Q_FIFTH = ("wanted_start",)
