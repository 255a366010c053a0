"""Issue-20k candidate status rows for speech frames: demands, needs, imperatives and conditions.

Bundestag speeches address demands to the house (``wir müssen … beschließen``, ``Verhandeln Sie …``,
``es braucht …``): what they name is not yet so (``hypothetical`` in the claims guidelines).  Each group
is one grammatical class in the row format of ``lang/de/event_status.tsv``; ``eval.claims_status_rows``
compares them by document-grouped cross-validation on tune.  None ships (docs/quality.md, eleventh
session): the tune part holds two speech events, and the news rows one or two instances of each frame.
The 20l groups (:data:`GROUPS_20L`) were written from the errors on tune with the released ``test-e``.
"""

from __future__ import annotations

from wortlaut.eval.claims_status_row import Row

#: A perfect or passive after the modal (``müssen … erfüllt haben``, ``soll … worden sein``) is no demand: the
#: same exception as the shipped ``soll`` row's.
_SOLL_UNLESS = r"[a-zäöüß]\w*(?:t|en)\s(?:haben|sein)|worden|gewesen"
#: Modals of obligation and advice (``deontic_personal``).
_DEONTIC = r"muss|müssen|müsst|müsste|müssten|soll|sollen|sollte|sollten"

#: The groups: rows to add, and shipped patterns a group replaces (none here).
SPEECH_GROUPS: dict[str, tuple[list[Row], tuple[str, ...]]] = {
    # issue 20k (speech frames): a deontic modal asks for what is not yet so: "Wir müssen … Gespräche führen",
    # "muss … verhandelt werden" (not a perfect: "müssen … erfüllt haben")
    "deontic_modal": ([
        ("hypothetical", "clause", "any", r"muss|müssen|müsse|müsst|müsste|müssten", "", _SOLL_UNLESS),
    ], ()),
    # issue 20k: a deontic modal with a personal subject is a demand ("wir müssen … beschließen", "man
    # sollte", "müssen Sie …"); an agentless passive requirement ("müssen … Gespräche geführt werden") is
    # left to the plan rows
    "deontic_personal": ([
        ("hypothetical", "clause", "any",
         rf"(?:[Ww]ir|[Mm]an|[Ii]hr|[Ii]ch)\s(?:[^,.;]*\s)?(?:{_DEONTIC})"
         rf"|(?:{_DEONTIC})\s(?:wir|man|ihr|ich|Sie)", "", _SOLL_UNLESS),
    ], ()),
    # issue 20k: a Konjunktiv II "sollte" of advice: "die Regierung sollte … verhandeln" (the 20j
    # ``sollte_occurrence`` read it as a past plan)
    "sollte_advice": ([
        ("hypothetical", "clause", "any", r"sollte|sollten", "", _SOLL_UNLESS),
    ], ()),
    # issue 20k: a demand in the first person or to the house: "ich fordere …", "ich appelliere", "bitte
    # ich Sie"
    "demand_first_person": ([
        ("hypothetical", "clause", "any",
         r"fordere|verlange|appelliere|bitte\s(?:ich\s)?Sie|bitten\s(?:wir\s)?Sie|ermutige|ermuntere", "",
         ""),
    ], ()),
    # issue 20k: an imperative to the house or a hortative: "Verhandeln Sie …", "Lassen Sie uns …",
    # "lasst uns"
    "imperative": ([
        ("hypothetical", "sentence", "any",
         r"[Ll]assen\sSie\suns|[Ll]asst\suns|^\s*[A-ZÄÖÜ][a-zäöüß]+(?:en|ern|eln)\sSie", "", r"\S*\?"),
    ], ()),
    # issue 20k: a need or requirement: "es braucht …", "Man braucht Rückführungsabkommen", "es gilt, …"
    "need_frame": ([
        ("hypothetical", "clause", "any",
         r"braucht|brauchen|brauche|bräuchte|bräuchten|benötigt|benötigen|bedarf|es\sgilt|gilt\ses", "",
         r"gebraucht|brauchte|brauchten|benötigte"),
    ], ()),
    # issue 20k: readiness or an attempt is not yet the event: "nur zu Verhandlungen bereit, wenn",
    # "die Bereitschaft …, in direkte Gespräche einzutreten", "dem Versuch, Verhandlungen … zu führen"
    "readiness": ([
        ("hypothetical", "clause", "any", r"bereit|Bereitschaft|Versuch\w*|versucht|versuchen", "", ""),
    ], ()),
    # issue 20k: more Konjunktiv II forms of condition: "gäbe", "bräuchte", "müsste", "käme", "dürfte"
    "konjunktiv2_forms": ([
        ("hypothetical", "clause", "any",
         r"gäbe|gäben|käme|kämen|ginge|gingen|dürfte|dürften|stünde|stünden|täte|hielte", "", ""),
    ], ()),
    # issue 20l (speeches of the released test-e): an imperative to the house after an address or a colon
    # ("Deswegen , Herr Innenminister : Verhandeln Sie …"), not only at the sentence start; not in questions
    "imperative_addressed": ([
        ("hypothetical", "sentence", "any",
         r"(?:^|(?<=[:;])\s*)[A-ZÄÖÜ][a-zäöüß]+(?:en|ern|eln)\sSie|[Ll]assen\sSie\suns|[Ll]asst\suns", "",
         r"\S*\?"),
    ], ()),
    # issue 20l: a demand whose object is a dass-clause holding the trigger ("fordern wir …, dass Bund und
    # Länder … zu einer Einigung kommen"): the shipped demand rows see only the demand's own clause
    "demand_dass": ([
        ("hypothetical", "sentence", "any",
         r"(?:fordern|fordert|fordere|verlangen|verlangt|verlange|appellieren|appelliere|erwarten\swir"
         r"|erwarte\sich|wünschen\swir|wünsche\sich|bitten\swir|bitte\sich)\W(?:[^.;]*\s)?(?:dass|daß)", "",
         r"forderte|forderten|verlangte|verlangten"),
    ], ()),
    # issue 20l: talks still to come named by their own attribute ("an weiteren Verhandlungen", "die
    # weiteren Beratungen")
    "further_attribute": ([
        ("planned", "before", "any", r"weitere|weiteren|weiterer|weiteres", "", ""),
    ], ()),
    # issue 20l: the conditional and possibility words of the shipped row at a clause start, capitalised
    # ("Wenn es zu …", "Falls …"): the rows match case-sensitively, so the shipped row misses them
    "capital_conditionals": ([
        ("hypothetical", "clause", "any",
         r"Wenn|Falls|Sofern|Vielleicht|Möglicherweise|Eventuell|Könnte|Könnten|Würde|Würden|Wäre|Wären", "",
         ""),
    ], ()),
    # issue 20l: an ongoing event is told by an adverb of the present ("Wir führen bereits … Gespräche",
    # "derzeit laufen Verhandlungen"), tried before the clause's plan and hypothetical words
    "ongoing_adverb": ([
        ("happened", "clause", "any",
         r"bereits|derzeit|zurzeit|momentan|gegenwärtig|noch\simmer|immer\snoch", "",
         r"geplant\w*|vorgesehen|angesetzt|anberaumt"),
    ], ()),
    # issue 20l: a prospect noun or verb with "auf" right before the trigger ("setzte auf Gespräche",
    # "Hoffnung auf eine Einigung", "Aussichten auf Einigung")
    "prospect_auf": ([
        ("hypothetical", "before", "any",
         r"(?:setzt|setzte|setzten|setzen|hofft|hoffen|hoffte|Hoffnung\w*|Chance\w*|Aussicht\w*|wartet|warten)"
         r"\sauf(?:\s\w+)?", "", ""),
    ], ()),
    # issue 20l: the event rejected or refused ("lehnte jede Einigung ab", "verweigert Gespräche")
    "rejected": ([
        ("negated", "clause", "any",
         r"lehnt\w*\s(?:[^,.;]*\s)?ab|abgelehnt|ablehnen|verweigert\w*|verweigern|weigert\w*", "", ""),
    ], ()),
}
#: The groups compared in the 20k session (with the ``konjunktiv2_morphology`` switch of
#: ``eval.claims_status_rows.OPTION_CANDIDATES``).
GROUPS_20K = ("deontic_modal", "deontic_personal", "sollte_advice", "demand_first_person", "imperative",
              "need_frame", "readiness", "konjunktiv2_forms", "konjunktiv2_morphology")  # fmt: skip
#: The groups compared in the 20l session (tune with the released test-e speeches), beside the two 20k groups
#: chosen on all tune in 20k.
GROUPS_20L = ("deontic_personal", "need_frame", "imperative_addressed", "demand_dass", "further_attribute",
              "capital_conditionals", "ongoing_adverb", "prospect_auf", "rejected")  # fmt: skip
