"""Direct quotations and who they belong to.

A quotation is attributed by the frame right after it (``„…“, sagte er`` /
``„…“, so der Minister``) or right before it (``Er fügte hinzu: „…“``).  A
frame between two quotations joins them into one statement with a
discontinuous quote (``„…“, sagte er, „…“``).  Short quoted words without a
frame are titles or scare quotes, not statements.
"""

from __future__ import annotations

from wortlaut.quotes.context import Context
from wortlaut.quotes.cues import Cue, cue_at, find_cues
from wortlaut.quotes.found import Found
from wortlaut.quotes.frame_parts import addressee_passive, passive_speaker
from wortlaut.quotes.marks import MARKS_AND_SPACE
from wortlaut.quotes.nested import foreign_name
from wortlaut.quotes.speakers import phrase_after
from wortlaut.quotes.text import Tok

#: A frameless quotation of at least this many words is someone's statement (shorter ones are
#: mostly titles and scare quotes: in quotes-wikinews/train, 70% of 1-3 word quotations are unannotated).
MIN_WORDS = 4
#: Without POS tags, a frameless quotation this long is taken as speech rather than a title.
MIN_WORDS_WITHOUT_POS = 8
#: A verbless quotation is speech ("ein großer Tag für die Demokratie") rather than a name
#: ("Rat für nationale Sicherheit") when it has this many lower-case words longer than a function word.
MIN_LOWER_WORDS = 3
MAX_FUNCTION_WORD = 3
#: Words before a one-word quotation that make it what someone called something ("als „Wortbruch“").
_CALLS = frozenset({"als", "von", "vom", "eine", "einen", "ein", "einer"})
#: Tokens that may stand between a closing mark and its frame ("“, sagte er", "“ – sagte er").
_BRIDGE = frozenset({",", "–", "—", "-", "("})
#: Tokens on either side of a quotation searched for its frame in the same sentence.  The longest
#: of the 9,576 sentences in quotes-wikinews/train has 112 tokens (fallback tokenizer), so real
#: sentences are searched whole; the bound keeps a "sentence" of a million tokens (quote-dense text
#: without full stops) linear in its length instead of quadratic.
MAX_FRAME_TOKENS = 150
#: Drop one-word quotations beside a speech verb (see ``_one_word``; on quotes-wikinews/train, whose
#: annotation keeps them, joint F1 -0.0003 and addressee F1 +0.003; issue 12 lists them as an error class).
DROP_SINGLE_WORDS = True
#: Keep a one-word quotation after ``als``/``einen`` with a naming verb (``nannte den Bericht eine
#: „Zeitungsente“``; see ``called_word``).
CALLED_WORDS = True
#: Drop quotations right after a title noun or ``namens`` / ``sogenannte`` (see ``after_title_noun``; issue
#: 12's class "quoted names, titles and slogans"; chosen on quotes-wikinews/train, see docs/quality.md).
DROP_TITLED = True
#: Drop frameless quotations embedded in their clause with no punctuation at the marks (see ``_embedded``).
DROP_EMBEDDED = True
#: A frame right after a quotation whose closing mark stands on a line of its own attributes it, even
#: without a comma or a sentence end before the mark (issue 12, sixteenth session; see
#: ``_closed_on_own_line``).
BLOCK_QUOTATIONS = True
#: ``„…“. So beschreibt X sein Produkt.``: a sentence opening with ``So`` and a speech verb right after a
#: quotation frames it (issue 12, sixteenth session; see ``so_sentence_frame``).
SO_SENTENCES = True
#: Title nouns that end too many other words to be matched as a compound end ("Reaktion", "Mitglied").
_NO_COMPOUND = frozenset({"aktion", "single", "song", "lied", "stück"})
#: ``trägt die Aufschrift: „…“``, ``Artikel wie: „…“``: a title noun right before a colon makes the quotation
#: after it a name too, unless a speech verb that introduces quotations stands before it (issue 12, sixteenth
#: session).
TITLES_AFTER_COLON = True


#: The speaker of a passive frame around a direct quotation is its ``von``/``durch`` agent, and its passive
#: subject is none (``Seine Werke werden von Kritikern als „Meilensteine“ bezeichnet``), as for the
#: verb-framed rules (``extract._verb_framed``); issue 12, fifteenth session.
PASSIVE_FRAMES = True
#: Also drop the passive subject when no agent is named (``Er wurde als „Verräter“ bezeichnet``).
PASSIVE_SUBJECTS = True


def _speaker(ctx: Context, cue: Cue, begin: int, end: int) -> tuple[int, int] | None:
    """The speaker of a direct quotation's frame: a passive's agent, else the subject of the cue."""
    if PASSIVE_FRAMES:
        agent = passive_speaker(ctx, cue, begin, end)
        if agent is not None:
            return agent
        if PASSIVE_SUBJECTS and addressee_passive(ctx, cue.parts):
            return None
    return ctx.speaker_of(cue, begin, end)


def _frame_after(
    ctx: Context, number: int
) -> tuple[list[int], tuple[int, int] | None, Cue | None, int] | None:
    """Cue parts, speaker and the last frame token of a frame following quotation ``number``."""
    first = ctx.token_at(ctx.quoted[number].end)
    quoted_text = ctx.text[ctx.quoted[number].start : ctx.quoted[number].end]
    so_frame = _so_sentence_after(ctx, first)
    if so_frame is not None:
        return so_frame
    bridged = first < len(ctx.tokens) and ctx.tokens[first].low in _BRIDGE
    if (
        not bridged
        and quoted_text.rstrip(MARKS_AND_SPACE)[-1:] not in {".", "!", "?", ","}
        and not _closed_on_own_line(quoted_text)
    ):
        return None  # „La Gazetta dello Sport“ zitiert …: the quotation is a title in subject position
    while first < len(ctx.tokens) and ctx.tokens[first].low in _BRIDGE and ctx.quote_of[first] < 0:
        first += 1
    if first >= len(ctx.tokens) or ctx.quote_of[first] >= 0:
        return None
    begin, end = ctx.sentences[ctx.sentence_of[first]]
    if ctx.tokens[first].low == "so":
        speaker = phrase_after(ctx.tokens, first + 1, end, ctx.lexicon)
        if speaker is None:
            return None
        return [first], speaker, None, speaker[1]
    cue = cue_at(ctx.tokens, first, begin, end, ctx.lexicon)
    if cue is None and first + 1 < end and ctx.lexicon.has("aux", ctx.tokens[first].low):
        cue = cue_at(ctx.tokens, first + 1, begin, end, ctx.lexicon)
        if cue is not None and cue.first != first:
            return None
    if cue is None:
        return None
    speaker = _speaker(ctx, cue, begin, end)
    last = max(cue.last, speaker[1] - 1 if speaker else cue.last)
    return list(cue.parts), speaker, cue, last


def so_sentence_frame(ctx: Context, first: int) -> Cue | None:
    """The cue of a sentence ``So beschreibt X …`` starting at token ``first`` (or after a full stop there)
    right after a quotation: the sentence frames that quotation (:data:`SO_SENTENCES`)."""
    if not SO_SENTENCES or first >= len(ctx.tokens) or ctx.quote_of[first] >= 0:
        return None
    closing = first - 1  # the quotation's last token
    if ctx.tokens[first].low == ".":
        first += 1
    if first + 1 >= len(ctx.tokens) or ctx.quote_of[first + 1] >= 0:
        return None
    demonstrative = DEMONSTRATIVE_SENTENCES and ctx.tokens[first].text in _DEMONSTRATIVES
    if ctx.tokens[first].text != "So" and not demonstrative:
        return None
    begin, end = ctx.sentences[ctx.sentence_of[first]]
    if begin != first:
        return None
    if demonstrative and not _opens_own_sentence(ctx, closing):
        return None  # sagte X: „…“ Das …, … der Regierung „assistieren“. Das …: not a quotation on its own
    if demonstrative and ctx.tokens[first + 1].pos in {"VMFIN", "VAFIN"}:
        return _modal_frame(ctx, first + 1, end)
    cue = cue_at(ctx.tokens, first + 1, begin, end, ctx.lexicon)
    return cue if cue is not None and cue.first == first + 1 and cue.verb_index == first + 1 else None


#: ``„…“. Das sagte X.``, ``Das musste X einräumen.``: a sentence opening with a demonstrative and a speech
#: verb (or a modal verb whose infinitive is one) right after a quotation frames it, as a ``So``-sentence
#: does (issue 12zl).
DEMONSTRATIVE_SENTENCES = True
_DEMONSTRATIVES = frozenset({"Das", "Dies"})


def _opens_own_sentence(ctx: Context, index: int) -> bool:
    """Whether the quotation holding token ``index`` (if any) opens its sentence: a direct quotation on its
    own, not one after a colon frame or a part of a longer sentence."""
    number = ctx.quote_of[index] if 0 <= index < len(ctx.tokens) else -1
    if number < 0:
        return False
    opening = ctx.token_at(ctx.quoted[number].start)
    return ctx.sentences[ctx.sentence_of[opening]][0] == opening


def _modal_frame(ctx: Context, modal: int, end: int) -> Cue | None:
    """The cue of ``Das musste X … einräumen``, ``Das hat X eingeräumt``: the speech verb closing the clause
    after the modal or auxiliary at ``modal``, which becomes the cue's first part (the subject follows it)."""
    last = ctx.trim_final(modal, end) - 1
    if last <= modal + 1 or ctx.tokens[last].pos not in {"VVINF", "VVPP"}:
        return None
    cue = cue_at(ctx.tokens, last, modal, end, ctx.lexicon)
    if cue is None:
        return None
    parts = tuple(sorted({modal, *cue.parts}))
    return Cue(parts, cue.verb_index, cue.verb)


def _so_sentence_after(
    ctx: Context, first: int
) -> tuple[list[int], tuple[int, int] | None, Cue | None, int] | None:
    """``„Außen knusprig, innen cremig“. So beschreibt Leibniz sein Produkt.``: cue parts, speaker and last
    frame token of a ``So``-sentence framing the quotation before it, when it names its subject."""
    cue = so_sentence_frame(ctx, first)
    if cue is None:
        return None
    begin, end = ctx.sentences[ctx.sentence_of[cue.first]]
    speaker = _speaker(ctx, cue, begin, end)
    if speaker is None:
        return None
    return list(cue.parts), speaker, cue, max(cue.last, speaker[1] - 1)


def _closed_on_own_line(quoted_text: str) -> bool:
    """``„⏎Insbesondere … veröffentlichen⏎“ sagt X``: a quotation laid out as a block, its closing mark on a
    line of its own, ends a statement however its last sentence ends (:data:`BLOCK_QUOTATIONS`)."""
    body = quoted_text.rstrip(MARKS_AND_SPACE)
    return BLOCK_QUOTATIONS and quoted_text[len(body) :].strip(" \t").startswith("\n")


def _one_word(ctx: Context, number: int) -> bool:
    """``„Thema“``, ``«Rain»``, ``„Cello“``: one quoted capitalised word without a sentence end is a name,
    a title or a scare-quoted noun even beside a speech verb, not a statement of its own; a lower-case
    one is what someone called something (``nennt den Vorfall „besorgniserregend“``) and stays."""
    quoted = ctx.quoted[number]
    inner = ctx.text[quoted.start : quoted.end].strip(MARKS_AND_SPACE)
    if CALLED_WORDS and called_word(ctx, ctx.token_at(quoted.start)):
        return False  # bezeichnete die Pläne als „Wortbruch“: what someone called something
    return (
        DROP_SINGLE_WORDS
        and len(inner.split()) == 1
        and not inner[:1].islower()
        and inner[-1:] not in {".", "!", "?"}
    )


def called_word(ctx: Context, opening: int) -> bool:
    """``nannte den Bericht eine „Zeitungsente“``, ``bezeichnete die Pläne als „Wortbruch“``: a quotation
    after ``als``/``eine(n)`` in a clause whose verb is a naming verb (``naming_verb``)."""
    if not 0 < opening < len(ctx.tokens) or ctx.tokens[opening - 1].low not in _CALLS - {"von", "vom"}:
        return False
    begin = ctx.clause_begin(opening - 1, ctx.sentences[ctx.sentence_of[opening]][0])
    return any(
        ctx.lexicon.has("naming_verb", entry.lemma)
        for tok in ctx.tokens[begin:opening]
        for entry in ctx.lexicon.verbs.get(tok.low, ())
    )


def after_title_noun(ctx: Context, start: int) -> bool:
    """``den Titel „…“``, ``unter dem Motto „…“``, ``das Buch „…“``, ``namens „…“``, ``sogenannte „…“``: the
    quotation opening at character ``start`` names the thing the word before it introduces, so it is a name,
    a title or a slogan however sentence-like it reads, not what someone said.  Compounds count by their last
    part (``Buchtitel``, ``Wahlkampfslogan``)."""
    opening = ctx.token_at(start)
    if not DROP_TITLED or opening == 0 or opening > len(ctx.tokens):
        return False
    word = ctx.tokens[opening - 1]
    if ctx.quote_of[opening - 1] >= 0:
        return False
    if TITLES_AFTER_COLON and word.low == ":" and opening >= 2:
        before = opening - 3 if ctx.tokens[opening - 2].low == "wie" and opening >= 3 else opening - 2
        titled = ctx.quote_of[before] < 0 and _title_noun(ctx, ctx.tokens[before])
        return titled and not _colon_cue(ctx, before)
    return ctx.lexicon.has("title_word", word.low) or _title_noun(ctx, word)


def _title_noun(ctx: Context, word: Tok) -> bool:
    """A title noun (``Titel``, ``Motto``), or a compound ending in one (``Buchtitel``)."""
    if ctx.lexicon.has("title_noun", word.low):
        return True
    return word.text[:1].isupper() and any(
        word.low.endswith(noun) and len(word.low) > len(noun)
        for noun in ctx.lexicon.words.get("title_noun", frozenset())
        if noun not in _NO_COMPOUND
    )


def _colon_cue(ctx: Context, index: int) -> bool:
    """Whether a speech verb that introduces quotations stands in the sentence before token ``index``
    (``sagte er in der Sendung: „…“`` is speech, ``trägt die Aufschrift: „…“`` a title)."""
    begin = ctx.sentences[ctx.sentence_of[index]][0]
    cues = find_cues(ctx.tokens, begin, index, ctx.lexicon, skip=_quoted_tokens(ctx, begin, index))
    return any(cue.verb.frames & {"colon", "direct"} for cue in cues)


def _frame_before(ctx: Context, number: int) -> tuple[Cue, tuple[int, int] | None] | None:
    """The cue and speaker of a frame that introduces quotation ``number`` with a colon or comma."""
    opening = ctx.token_at(ctx.quoted[number].start)
    if opening == 0 or opening >= len(ctx.tokens):
        return None
    previous = opening - 1
    if ctx.quote_of[previous] >= 0:
        return None
    begin, end = ctx.sentences[ctx.sentence_of[previous]]
    begin = max(begin, previous + 1 - MAX_FRAME_TOKENS)
    cues = find_cues(
        ctx.tokens, begin, previous + 1, ctx.lexicon, skip=_quoted_tokens(ctx, begin, previous + 1)
    )
    if not cues:
        return None
    cue = cues[-1]
    bridge = ctx.tokens[previous].low
    if bridge not in {":", ","} and previous != cue.last:
        return None
    return cue, _speaker(ctx, cue, begin, end)


def _cue_in_sentence(ctx: Context, number: int) -> tuple[Cue, tuple[int, int] | None] | None:
    """``bezeichnete die Pläne als „Wortbruch“``: a quotation inside a sentence framed by a speech verb."""
    quoted = ctx.quoted[number]
    opening = ctx.token_at(quoted.start)
    if opening >= len(ctx.tokens) or _is_title(ctx.text[quoted.start : quoted.end]):
        return None
    if _is_name_word(ctx, opening, quoted.end):
        return None
    begin, end = ctx.sentences[ctx.sentence_of[opening]]
    begin, end = max(begin, opening - MAX_FRAME_TOKENS), min(end, opening + MAX_FRAME_TOKENS)
    cues = find_cues(ctx.tokens, begin, end, ctx.lexicon, skip=_quoted_tokens(ctx, begin, end))
    if not cues:
        return None
    cue = min(cues, key=lambda item: abs(item.verb_index - opening))
    return cue, _speaker(ctx, cue, begin, end)


def _is_name_word(ctx: Context, opening: int, end: int) -> bool:
    """One capitalised quoted word („Xinhua“, „Touareg“) is a name unless a speech frame calls something so
    ("nannte es „Wortbruch“", "sprach von „Einmannpackungen“")."""
    words = [tok for tok in _tokens_before(ctx, opening, end) if tok.text[:1].isalnum()]
    if len(words) != 1 or not words[0].text[:1].isupper():
        return False
    return opening == 0 or ctx.tokens[opening - 1].low not in _CALLS


def _tokens_before(ctx: Context, first: int, end: int) -> list[Tok]:
    """Tokens from index ``first`` that start before character ``end`` (a slice, not a scan to the end)."""
    return ctx.tokens[first : max(first, ctx.token_at(end))]


def _is_title(text: str) -> bool:
    """Two or more capitalised words and nothing else („Graf Zeppelin“): a name, even in a speech frame."""
    words = [word.strip('„“”"»«‚‘’') for word in text.split()]
    words = [word for word in words if word]
    if foreign_name(words):
        return True  # „Public Library of Science“: a foreign name (nested.FOREIGN_NAMES)
    return len(words) >= 2 and all(word[:1].isupper() or word[:1].isdigit() for word in words)


def _embedded(ctx: Context, number: int) -> bool:
    """``Der Chor sang „Der Mond ist aufgegangen“ zum Abschluss``: a frameless quotation with words of its
    clause right before and after it, no punctuation at either mark and no sentence end inside, fills an
    argument slot of the verb outside, so it is a title or name, not speech (only used with DROP_EMBEDDED)."""
    if not DROP_EMBEDDED:
        return False
    quoted = ctx.quoted[number]
    inner = ctx.text[quoted.start : quoted.end].rstrip(MARKS_AND_SPACE)
    opening, after = ctx.token_at(quoted.start), ctx.token_at(quoted.end)
    if inner[-1:] in {".", "!", "?", ",", ":"} or opening == 0 or after >= len(ctx.tokens):
        return False
    sentence = ctx.sentence_of[opening]
    if ctx.sentence_of[opening - 1] != sentence or ctx.sentence_of[after] != sentence:
        return False
    before, following = ctx.tokens[opening - 1], ctx.tokens[after]
    return before.text[:1].isalnum() and following.text[:1].isalnum() and ctx.quote_of[after] < 0


def _quoted_tokens(ctx: Context, begin: int, end: int) -> set[int]:
    return {index for index in range(begin, end) if ctx.quote_of[index] >= 0}


def _words(ctx: Context, number: int) -> int:
    quoted = ctx.quoted[number]
    return len(ctx.text[quoted.start : quoted.end].split())


def _sayable(ctx: Context, number: int) -> bool:
    """Whether a frameless quotation reads as speech, not a title: it has a finite verb or ends a sentence."""
    quoted = ctx.quoted[number]
    inner = ctx.text[quoted.start : quoted.end].rstrip(MARKS_AND_SPACE)
    if inner[-1:] in {".", "!", "?"}:
        return True
    first = ctx.token_at(quoted.start)
    tokens = _tokens_before(ctx, first, quoted.end)
    if tokens and all(tok.pos is None for tok in tokens):
        return len(tokens) >= MIN_WORDS_WITHOUT_POS
    if any(tok.pos is not None and tok.pos.endswith("FIN") for tok in tokens):
        return True
    content = [tok for tok in tokens if tok.text[:1].isalpha() and len(tok.text) > MAX_FUNCTION_WORD]
    return sum(tok.text[:1].islower() for tok in content) >= MIN_LOWER_WORDS


def _statement(ctx: Context, number: int, rule: str) -> Found:
    quoted = ctx.quoted[number]
    sentence = ctx.sentence_of[min(ctx.token_at(quoted.start), len(ctx.tokens) - 1)]
    return Found(mode="direct", quote=[(quoted.start, quoted.end)], rule=rule, sentence=sentence)


def _joins_next(ctx: Context, last: int, number: int) -> bool:
    """Whether the frame ending at token ``last`` is followed by ", „…“" (a split quote's second half)."""
    following = last + 1
    if following + 1 >= len(ctx.tokens) or number + 1 >= len(ctx.quoted):
        return False
    return ctx.tokens[following].low in {",", ":"} and ctx.quote_of[following + 1] == number + 1


def direct_statements(ctx: Context, skip: set[int]) -> list[Found]:
    """Attributed direct quotations (split ones joined); ``skip`` lists quotation numbers to leave out."""
    found: list[Found] = []
    number = 0
    while number < len(ctx.quoted):
        if number in skip:
            number += 1
            continue
        statement = _statement(ctx, number, "direct")
        after = _frame_after(ctx, number)
        if after is not None:
            parts, speaker, cue, last = after
            statement.cue = [ctx.chars(part, part + 1) for part in parts]
            statement.speaker = ctx.chars(*speaker) if speaker else None
            statement.medium = cue.verb.medium if cue else "speech"
            statement.frames = cue.verb.frames if cue else frozenset()
            statement.rule = "direct.frame_after"
            statement.frame = ctx.chars(parts[0], last + 1)
            if _joins_next(ctx, last, number):
                statement.quote.append((ctx.quoted[number + 1].start, ctx.quoted[number + 1].end))
                statement.rule = "direct.split"
                number += 1
            found.append(statement)
            number += 1
            continue
        if _one_word(ctx, number) or after_title_noun(ctx, ctx.quoted[number].start):
            number += 1
            continue
        before = _frame_before(ctx, number)
        if before is not None:
            cue, speaker = before
            statement.cue = [ctx.chars(part, part + 1) for part in cue.parts]
            statement.speaker = ctx.chars(*speaker) if speaker else None
            statement.medium = cue.verb.medium
            statement.frames = cue.verb.frames
            statement.rule = "direct.frame_before"
            found.append(statement)
        elif (inside := _cue_in_sentence(ctx, number)) is not None:
            cue, speaker = inside
            statement.cue = [ctx.chars(part, part + 1) for part in cue.parts]
            statement.speaker = ctx.chars(*speaker) if speaker else None
            statement.medium = cue.verb.medium
            statement.frames = cue.verb.frames
            statement.rule = "direct.in_frame"
            found.append(statement)
        elif _embedded(ctx, number):
            number += 1  # a title in argument position of the verb outside it, not speech
            continue
        elif _words(ctx, number) >= MIN_WORDS and _sayable(ctx, number):
            statement.rule = "direct.unframed"
            found.append(statement)
        number += 1
    return found
