"""Per-article working state shared by the quotation rules: tokens, sentences, quoted passages, and the
subject finder that reads the speaker of a cue (prefield, inverted subject, appositions, quoted names).

The token and clause indexes it builds on are in :mod:`wortlaut.quotes.indexes`.
"""

from __future__ import annotations

from wortlaut.quotes.cues import Cue, is_clause_end
from wortlaut.quotes.indexes import FINAL as FINAL
from wortlaut.quotes.indexes import Indexes
from wortlaut.quotes.speakers import (
    MAX_QUOTED_NAME,
    NAME_MARKS,
    before_aside,
    linked_name,
    name_at,
    phrase_after,
    phrase_before,
    skip_adverbs,
    skip_tagged_adverbs,
    with_apposition,
    with_quoted_name,
)

#: ``Wie t-online.de berichtet``, ``Wie „heise online“ meldete``: a web address or a quoted name right after
#: ``wie`` is the clause's subject, though the phrase reader starts only at a capital, an article or an
#: adjective (:func:`~wortlaut.quotes.speakers.name_at`; issue 12, nineteenth session).
NAMED_WIE_SUBJECTS = True
#: Most comma-separated segments (noun phrase, appositions, relative clauses) before a verb we look through.
MAX_SEGMENTS = 4
#: An apposition in the prefield joins the speaker whole, attributes after its head included, when it has no
#: finite verb (the prefield before the verb is one constituent; a relative clause has a finite verb).
VERBLESS_APPOSITIONS = True
#: A short quoted name in the subject position of a speech verb is the speaker (``schreibt die „Zeit“``).
QUOTED_NAMES = True
#: The subject between a finite auxiliary and a participle after a comma, appositions included, and the
#: source phrase before a relative clause in the prefield of ``heißt es`` (see ``_midfield_subject``).
MIDFIELD_APPOSITIONS = True
#: Any tagged adverb between an inverted speech verb and its subject is skipped (``Das erklärte gestern ein
#: Sprecher``), not only the listed ones (see :func:`skip_tagged_adverbs`).
TAGGED_ADVERBS = True
#: A phrase opening with an accusative or dative word is no subject, neither after the verb (``Es weist den
#: Vorwurf zurück``) nor in the prefield (``Den Vorschlag lehnte der Minister ab``); train 3-fold CV,
#: thirteenth issue-12 session: speaker F1 0.6598 -> 0.6606.
NO_INVERTED_OBJECTS = True
#: A nominative-only pronoun right after the finite verb (``Die Tat bezeichnete er als sinnlos``) is the
#: subject, so the prefield is no subject but the object (issue 12, seventeenth session, third round).
NOMINATIVE_AFTER_VERB = True
#: ``sagte auf Anfrage ein Sprecher``: skip ``auf Anfrage`` before the inverted subject (issue 12, fourteenth
#: session; ``request_noun`` in the lexicon).
REQUEST_PHRASES = True
#: Closing quotation marks as tokens.
CLOSERS = frozenset({"“", "”", "«", "»", '"', "‘"})
#: What may follow a quoted name after the verb (``schrieb „Die Zeit“ in einem Nachruf``).
_AFTER_NAME = frozenset({"APPR", "APPRART", "ADV"})
#: Words that may open a quoted name's phrase (``die in Linz erscheinende „Rundschau“`` is left out).
NAME_OPENERS = frozenset({"ART", "ADJA", "PPOSAT"})
#: The impersonal speech verb (``es heißt``, ``hieß es``): its source stands after a preposition.
IMPERSONAL = "heißen"
#: Verbs whose source is the document after ``aus``, not their subject (``Dies geht aus dem Bericht
#: hervor``; issue 12, sixteenth session).
SOURCE_VERBS = frozenset({"hervorgehen", "ergeben"})
#: Source verbs whose subject is the source when no ``aus`` phrase names one (``Wie eine Studie ergab``
#: against ``Wie sich aus dem Bericht ergab``; issue 12, seventeenth session).
SUBJECT_SOURCES = frozenset({"ergeben"})
#: Prepositions that name the source of an impersonal report (``hieß es aus dem Ministerium``).
SOURCE_PREPOSITIONS = frozenset({"aus", "von", "vom", "seitens", "bei", "beim"})
#: Opening quotation marks as tokens.
OPENERS = frozenset({"„", "»", "«", "‚", '"', "“"})
#: Any quotation mark as a token (what a quoted name's words are counted without).
MARKS = OPENERS | CLOSERS


#: A speech verb without a subject right after a comma shares the inverted subject of the clause before it
#: (``„…“, weiß der Präsident, warnt aber: „…“``; issue 12, sixteenth session).
SHARED_INVERTED_SUBJECTS = True


#: A speaker phrase ends before a time expression inside it (``Wie der Verband am Montag mitteilte``; issue
#: 12, fifteenth session).
TIMELESS_SPEAKERS = True


class Context(Indexes):
    """Tokens of one article with their sentences and the quoted passages they fall in, and the subject
    finder the rules read a cue's speaker with."""

    def subject_begin(self, index: int, begin: int) -> int:
        """Like :meth:`clause_begin`, but a short quoted name inside a noun phrase (``Die Zeitung „Yemen
        Observer“ meldete``) does not end the search."""
        start = self.clause_begin(index, begin)
        while start > begin + 1 and self.quote_of[start - 1] >= 0:
            quoted = self.quoted[self.quote_of[start - 1]]
            opening = self.token_at(quoted.start)
            if start - opening > MAX_QUOTED_NAME or opening <= begin:
                break
            before = self.tokens[opening - 1]
            named = before.pos in {"NN", "NE"} or linked_name(self.tokens, opening)  # des „Spiegel“
            if self.quote_of[opening - 1] >= 0 or not named:
                break
            start = self.clause_begin(opening - 1, begin)
        return start

    def speaker_of(self, cue: Cue, begin: int, end: int) -> tuple[int, int] | None:
        """Token range of the subject that frames a cue: before the verb, or right after it when inverted;
        a time adverbial the phrase runs into is cut off (see :meth:`before_time`)."""
        phrase = self._speaker_of(cue, begin, end)
        return self.before_time(phrase) if TIMELESS_SPEAKERS else phrase

    def before_time(self, phrase: tuple[int, int] | None) -> tuple[int, int] | None:
        """``Wie der Verband am Montag mitteilte``, ``wie Möllring am Dienstag in Hannover erklärte``: a
        speaker phrase ends before a preposition or article that opens a time expression inside it (not
        inside a quoted name: ``von der „Aktion Hilfe jetzt“``)."""
        if phrase is None or not self.times:
            return phrase
        low, high = self.tokens[phrase[0]].end, self.tokens[phrase[1] - 1].end
        starts = sorted(start for start, _ in self.times if low <= start < high)  # one pass over the times
        for start in starts:
            index = self.token_at(start)
            if phrase[0] < index < phrase[1] and not self.in_time(index - 1) and self.quote_of[index] < 0:
                stop = index - 1 if self.tokens[index - 1].pos in {"APPR", "APPRART", "ART"} else index
                return (phrase[0], stop) if stop > phrase[0] else phrase
        return phrase

    def _speaker_of(self, cue: Cue, begin: int, end: int) -> tuple[int, int] | None:
        if cue.verb.lemma in SOURCE_VERBS:
            source = self._source_of(cue, begin, end)
            if source is not None or cue.verb.lemma not in SUBJECT_SOURCES:
                return source
        start = self.subject_begin(cue.first, begin)
        if NAMED_WIE_SUBJECTS and (quoted := self._quoted_wie_subject(cue.first, begin)) is not None:
            return quoted
        if start < cue.first and self.tokens[start].low == "wie":
            if cue.verb.lemma == IMPERSONAL and self.tokens[start + 1].low == "es":  # wie es aus … hieß
                return self._source_in_prefield(start + 2, cue.first) if start + 2 < cue.first else None
            phrase = phrase_before(self.tokens, start + 1, cue.first, self.lexicon)
            if phrase is None and NAMED_WIE_SUBJECTS:
                return name_at(self.tokens, start + 1, cue.first)
            return phrase
        aside = before_aside(self.tokens, begin, cue.first)
        if aside != cue.first:  # Peter Korig (»Jungle World« 35/2023) befürchtet: the subject is before it
            subject = self._prefield_subject(self.subject_begin(aside, begin), aside)
            if subject is not None and not self.opens_object(subject):
                return subject
        before = self._prefield_subject(start, cue.first)
        if self.opens_object(before) or self.nominative_after(cue):
            before = None  # Den Vorschlag lehnte der Minister ab: the prefield is the object
        if before is not None:
            return self.apposition_of(before, begin) or before
        if QUOTED_NAMES and (named := self.quoted_name_before(cue.first, begin)) is not None:
            return named
        if start == cue.first and start - 1 > begin and self.tokens[start - 1].low == ",":
            outer = self._subject_before_commas(start - 1, begin)
            if outer is None and MIDFIELD_APPOSITIONS:
                outer = self._midfield_subject(start - 1, begin)
            if outer is None and MIDFIELD_APPOSITIONS and cue.verb.lemma == IMPERSONAL:
                outer = self._source_before_relative(start - 1, begin)
            if outer is not None:
                return outer
        if start < cue.first and self.tokens[cue.first - 1].low == "und":
            coordinated = self._coordinated_subject(start, cue.first)
            if coordinated is not None:
                return coordinated
        after_verb = cue.verb_index + 1
        if cue.first != cue.verb_index:
            after_verb = cue.first + 1
        if TAGGED_ADVERBS:
            after_verb = skip_tagged_adverbs(self.tokens, after_verb, end)
        after_verb = self._skip_request(after_verb, end)
        after = phrase_after(self.tokens, after_verb, self.clause_end(after_verb, end), self.lexicon)
        if self.opens_object(after):
            after = None  # weist den Vorwurf zurück: an object, not the inverted subject
        media = tuple(self.lexicon.words.get("addressee_media", frozenset()))
        after = with_quoted_name(self.tokens, after, end, media)
        after = with_apposition(self.tokens, after, end, self.lexicon)
        if after is None and QUOTED_NAMES:
            after = self.quoted_name_after(skip_adverbs(self.tokens, after_verb, end), end)
        if after is None and cue.verb.lemma == IMPERSONAL:
            after = self._source_after(cue.last + 1, end)
        if after is None and SHARED_INVERTED_SUBJECTS and start == cue.first and start - 1 > begin:
            return self._inverted_before_comma(start - 1, begin)
        if after is None and start < cue.first and not self.in_time(start):
            return self._source_in_prefield(start, cue.first)
        return after

    def _source_of(self, cue: Cue, begin: int, end: int) -> tuple[int, int] | None:
        """``Dies geht aus einer Mitteilung der ISAF hervor``, ``Wie aus dem Bericht hervorgeht``, ``Aus dem
        Urteil geht hervor, dass …``: the document after ``aus`` in the verb's clause is the source (the
        subject, ``dies``/``es``, names none)."""
        first = self.clause_begin(cue.first, begin)
        last = self.clause_end(cue.last, end)
        for index in range(first, last - 1):
            if self.tokens[index].low == "aus" and index not in cue.parts:
                return phrase_after(self.tokens, index + 1, last, self.lexicon)
        return None

    def _skip_request(self, index: int, end: int) -> int:
        """``erklärt auf Nachfrage Martin Rölen``: ``auf Anfrage``/``auf Nachfrage`` between the inverted verb
        and its subject is skipped, unless a genitive or ``von`` names who asked (``auf Anfrage der dpa``)."""
        if (
            REQUEST_PHRASES
            and index + 2 < end
            and self.tokens[index].low == "auf"
            and self.lexicon.has("request_noun", self.tokens[index + 1].low)
            and self.tokens[index + 2].low not in {"der", "des", "von", "vom", ",", "."}
        ):
            return index + 2
        return index

    def _inverted_before_comma(self, comma: int, begin: int) -> tuple[int, int] | None:
        """``„…“, weiß der HSV-Präsident, warnt aber: „…“``: a verb with no subject of its own right after a
        comma shares the inverted subject of the clause before, when that clause is a finite verb and a noun
        phrase filling it to the comma."""
        if self.tokens[comma].low != ",":
            return None
        first = comma - 1
        while first > begin and self.tokens[first - 1].low != "," and self.quote_of[first - 1] < 0:
            first -= 1
        verb = self.tokens[first]
        if self.quote_of[first] >= 0 or verb.pos not in {"VVFIN", "VAFIN", "VMFIN"}:
            return None
        start = skip_adverbs(self.tokens, first + 1, comma)
        phrase = phrase_after(self.tokens, start, comma, self.lexicon)
        if phrase is None or phrase != (start, comma) or self.opens_object(phrase):
            return None
        return phrase

    def nominative_after(self, cue: Cue) -> bool:
        """Whether a nominative-only pronoun (``nominative_pronoun``) follows the cue's finite verb: the
        inverted subject (see :data:`NOMINATIVE_AFTER_VERB`)."""
        after = cue.first + 1
        return (
            NOMINATIVE_AFTER_VERB
            and after < len(self.tokens)
            and self.lexicon.has("nominative_pronoun", self.tokens[after].low)
        )

    def _quoted_wie_subject(self, verb: int, begin: int) -> tuple[int, int] | None:
        """``Wie „heise online“ berichtet``: a quoted name between ``wie`` and the verb (token range)."""
        close = verb - 1
        if close - 2 < begin or self.tokens[close].low not in NAME_MARKS:
            return None
        opening = next(
            (
                at
                for at in range(close - 1, max(begin, close - MAX_QUOTED_NAME), -1)
                if self.tokens[at].low in NAME_MARKS
            ),
            None,
        )
        if opening is None or opening == begin or self.tokens[opening - 1].low != "wie":
            return None
        return name_at(self.tokens, opening, verb)

    def opens_object(self, phrase: tuple[int, int] | None) -> bool:
        """Whether ``phrase`` (token range) opens with an accusative or dative word (``object_opener``), so it
        is an object and no subject (see :data:`NO_INVERTED_OBJECTS`)."""
        return (
            NO_INVERTED_OBJECTS
            and phrase is not None
            and self.lexicon.has("object_opener", self.tokens[phrase[0]].low)
        )

    def subject_through_commas(self, verb: int, begin: int) -> tuple[int, int] | None:
        """``Der NDR, der … verantwortlich ist, begründete``: the sentence-initial subject whose appositions
        and relative clauses fill the prefield up to the comma right before the finite ``verb``."""
        if verb - 1 <= begin or self.tokens[verb - 1].low != ",":
            return None
        return self._subject_before_commas(verb - 1, begin)

    def apposition_of(self, phrase: tuple[int, int], begin: int) -> tuple[int, int] | None:
        """``Theo Zwanziger, Präsident des DFB, nannte``: a subject right after a comma is the apposition of
        the noun phrase before it; the prefield holds one constituent, so both are the speaker."""
        comma = phrase[0] - 1
        if comma <= begin or self.tokens[comma].low != ",":
            return None
        outer = self._subject_before_commas(comma, begin)
        if outer is None or outer[1] != comma:
            return None
        return outer[0], phrase[1]

    def _source_after(self, index: int, end: int) -> tuple[int, int] | None:
        """``hieß es aus dem Ministerium``: after the impersonal cue, the phrase after ``aus``/``von`` is
        the source (``es`` has no speaker of its own)."""
        while index < end and self.tokens[index].low in {"es", "dazu", "zudem", "auch", "jedoch"}:
            index += 1
        if index + 1 < end and self.tokens[index].low in SOURCE_PREPOSITIONS:
            return phrase_after(self.tokens, index + 1, self.clause_end(index + 1, end), self.lexicon)
        if index + 1 < end and self.tokens[index].low in {"in", "im"}:
            phrase = phrase_after(self.tokens, index + 1, self.clause_end(index + 1, end), self.lexicon)
            documents = self.lexicon.words.get("impersonal_document", frozenset())
            if phrase is not None and any(
                tok.low.endswith(tuple(documents)) for tok in self.tokens[phrase[0] : phrase[1]]
            ):
                return phrase  # heißt es in der Erklärung des Verbands, in einer Mitteilung des Vereins
        return None

    def _subject_before_commas(self, comma: int, begin: int) -> tuple[int, int] | None:
        """``Deiss, der sich … entschlossen hatte, sagte`` / ``Ein Sprecher, Lars Beringer, sagte``.

        The segments between the sentence start and the comma before the verb are a noun phrase,
        appositions (kept in the speaker) and relative clauses (skipped).
        """
        segments: list[tuple[int, int]] = []
        stop = comma
        while len(segments) < MAX_SEGMENTS:
            first = self._segment_begin(stop, begin)
            segments.insert(0, (first, stop))
            if first <= begin or self.tokens[first - 1].low != ",":
                break
            stop = first - 1
        if segments[0][0] != begin:
            return None
        head = phrase_after(self.tokens, begin, segments[0][1], self.lexicon)
        if head is None or head[0] != begin:
            return None
        if head[1] < segments[0][1] and not (VERBLESS_APPOSITIONS and self._verbless(begin, segments[0][1])):
            return None  # Der Vertreter der Arbeitgeber im Aufsichtsrat, Peter Klee, sagte: one constituent
        speaker_end = segments[0][1]
        extending = True
        for first, stop in segments[1:]:
            inner = phrase_after(self.tokens, first, stop, self.lexicon)
            if (
                extending
                and inner is not None
                and inner[0] == first
                and (inner[1] == stop or (VERBLESS_APPOSITIONS and self._verbless(first, stop)))
            ):
                speaker_end = stop  # Frank Weber, Vorsitzender des Verbands für das Münsterland, sagte
            elif self.tokens[first].pos == "PRELS" or self.tokens[first].low in {
                "der",
                "die",
                "das",
                "welcher",
                "welche",
            }:
                extending = False
            else:
                return None
        return begin, speaker_end

    def _quoted_name(self, opening: int, *, determined: bool) -> int | None:
        """One past the closing mark of a short quoted name opening at token ``opening`` (``„BBC News“``;
        without a determiner before it all its words are capitalised), else ``None``."""
        if opening >= len(self.tokens) or self.quote_of[opening] < 0:
            return None
        quoted = self.quoted[self.quote_of[opening]]
        close = self.token_at(quoted.end)
        if self.token_at(quoted.start) != opening or close - opening > MAX_QUOTED_NAME:
            return None
        words = [tok.text for tok in self.tokens[opening:close] if tok.low not in MARKS]
        if not words or not words[0][:1].isupper() or any(not word[:1].isalnum() for word in words):
            return None
        capitalised = all(word[:1].isupper() or word[:1].isdigit() for word in words)
        return close if determined or capitalised else None

    def quoted_name_after(self, index: int, end: int) -> tuple[int, int] | None:
        """``schreibt die „Computerwoche“``, ``schrieb „Die Zeit“ in einem Nachruf``: a quoted name as the
        subject after the verb (followed by the clause end or a prepositional phrase)."""
        first = index
        while index < end and self.quote_of[index] < 0 and self.tokens[index].pos in NAME_OPENERS:
            index += 1
        close = self._quoted_name(index, determined=index > first)
        if close is None or index >= end:
            return None
        following = self.tokens[close] if close < end else None
        if following is not None and not is_clause_end(following) and following.pos not in _AFTER_NAME:
            return None
        return first, close

    def quoted_name_before(self, verb: int, begin: int) -> tuple[int, int] | None:
        """``„BBC News“ berichtet``, ``Wie die „Aktion Deutschland hilft“ heute mitteilte``: a quoted name
        filling the prefield (or the ``wie`` clause) before the finite verb, adverbs aside."""
        if self.lexicon.has("passive_aux", self.tokens[verb].low):
            return None  # Der „Tricolore“ wurde vorgeworfen: the name is whom it is said of, no speaker
        stop = verb
        while stop > begin and self.tokens[stop - 1].pos == "ADV" and self.quote_of[stop - 1] < 0:
            stop -= 1
        if stop <= begin or self.quote_of[stop - 1] < 0:
            return None
        opening = self.token_at(self.quoted[self.quote_of[stop - 1]].start)
        first = opening
        while first > begin and self.quote_of[first - 1] < 0 and self.tokens[first - 1].pos in NAME_OPENERS:
            first -= 1
        if self._quoted_name(opening, determined=first < opening) != stop:
            return None
        if first > begin and self.tokens[first - 1].low not in {",", "wie", "so"}:
            return None
        return first, stop

    def _segment_begin(self, stop: int, begin: int) -> int:
        """Like :meth:`clause_begin`, but a short quoted name inside the segment (``Der Chef von „Ener1“,``)
        does not end it."""
        start = self.clause_begin(stop, begin)
        while VERBLESS_APPOSITIONS and start > begin + 1 and self.quote_of[start - 1] >= 0:
            opening = self.token_at(self.quoted[self.quote_of[start - 1]].start)
            if (
                start - opening > MAX_QUOTED_NAME
                or opening <= begin
                or is_clause_end(self.tokens[opening - 1])
            ):
                break
            if self.quote_of[opening - 1] >= 0:
                break
            start = self.clause_begin(opening - 1, begin)
        return start

    def _verbless(self, first: int, stop: int) -> bool:
        """Whether ``first:stop`` has no finite verb (an apposition, not a relative or second clause)."""
        return not any(tok.pos is None or tok.pos.endswith("FIN") for tok in self.tokens[first:stop])

    def _midfield_subject(self, comma: int, begin: int) -> tuple[int, int] | None:
        """``Vor kurzem hatte ein Talibanführer, Baitullah Mehsud, erklärt``: the participle after a comma
        whose subject, with its apposition, stands between the finite auxiliary and that comma."""
        for aux in range(comma - 1, begin - 1, -1):
            tok = self.tokens[aux]
            if self.quote_of[aux] >= 0 or tok.pos is None:
                return None
            if tok.pos.endswith("FIN"):
                if not tok.pos.startswith(("VA", "VM")):
                    return None
                return self._subject_with_apposition(aux + 1, comma)
        return None

    def _subject_with_apposition(self, first: int, comma: int) -> tuple[int, int] | None:
        """``ein Talibanführer auf pakistanischer Seite, Baitullah Mehsud`` (``first:comma``, verbless): a
        noun phrase with its attributes, a comma and a name or noun phrase filling the rest."""
        phrase = phrase_after(self.tokens, first, comma, self.lexicon)
        if phrase is None or not self._verbless(first, comma):
            return None
        inner = next((index for index in range(phrase[1], comma) if self.tokens[index].low == ","), None)
        if inner is None or inner + 1 >= comma:
            return None
        if phrase_after(self.tokens, inner + 1, comma, self.lexicon) != (inner + 1, comma):
            return None
        return phrase[0], comma

    def _source_before_relative(self, comma: int, begin: int) -> tuple[int, int] | None:
        """``In der Vorabversion des Berichts, der … gestellt wurde, heißt es``: the source phrase of the
        impersonal verb before a relative clause that fills the rest of the prefield."""
        first = next((index for index in range(begin, comma) if self.tokens[index].low == ","), None)
        if first is None or first + 1 >= comma:
            return None
        opener = self.tokens[first + 1]
        if opener.pos != "PRELS" and opener.low not in {"der", "die", "das", "welcher", "welche"}:
            return None
        return self._source_in_prefield(begin, first)

    def _source_in_prefield(self, start: int, verb: int) -> tuple[int, int] | None:
        """``In einem Bericht der Zeitung heißt es``, ``Aus Regierungskreisen hieß es``: the phrase after
        the preposition is the source."""
        if self.tokens[start].low in {"in", "auf", "im", *SOURCE_PREPOSITIONS} and verb - start > 1:
            phrase = phrase_after(self.tokens, start + 1, verb, self.lexicon)
            if phrase is not None and phrase[1] == verb:
                return phrase
        return None

    def _coordinated_subject(self, start: int, verb: int) -> tuple[int, int] | None:
        """``Lammert erwartet … und gab bekannt``: the subject of the first of two coordinated verbs."""
        phrase = phrase_after(self.tokens, start, verb, self.lexicon)
        if phrase is not None and phrase[0] == start and phrase[1] < verb:
            following = self.tokens[phrase[1]]
            if following.pos is not None and following.pos.endswith("FIN"):
                return phrase
        return None

    def subject_first(self, cue: Cue, begin: int) -> bool:
        """Whether the clause starts with its subject (so a phrase after the verb is an object)."""
        start = self.clause_begin(cue.first, begin)
        return self._prefield_subject(start, cue.first) is not None

    def _prefield_subject(self, start: int, verb: int) -> tuple[int, int] | None:
        """The phrase filling the prefield ``start:verb`` as subject, unless it is a time expression (``Am
        Samstag, 29. Oktober warnte die Gemeinde``: the date after the comma is no subject)."""
        phrase = phrase_before(self.tokens, start, verb, self.lexicon)
        return None if phrase is not None and self.in_time(phrase[0]) else phrase
