"""Addressee recall chosen on two folds of quotes-wikinews/train and confirmed on the third, unread one
(issue 12, nineteenth session), each checked on invented sentences."""

from __future__ import annotations

import pytest

from wortlaut.article import Article
from wortlaut.pipeline import Pipeline


def _statements(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    article = pipeline(Article.create(text))
    return [
        (
            s.quote.text,
            s.speaker.text if s.speaker else None,
            s.addressee.text if s.addressee else None,
        )
        for s in article.statements
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "addressee"),
    [
        (
            "Der Botschafter nannte die Strafen eine Hilfe gegen das „Regime“ in der Hauptstadt und rief "
            "die Armee auf, das Volk zu schützen.",
            "Der Botschafter",
            "die Armee",
        ),
        (
            "Die Ministerin bezeichnete das Urteil als „Skandal“ und rief die Richter auf, es zu überprüfen.",
            "Die Ministerin",
            "die Richter",
        ),
    ],
)
def test_the_object_of_a_conjunct_with_a_shared_subject_is_its_addressee(
    pipeline: Pipeline, text: str, speaker: str, addressee: str
) -> None:
    """``… und rief die Armee auf, …``: the conjunct shares the first verb's subject, so the phrase after its
    verb, which the rules first read as its subject, is the object the appeal is addressed to."""
    statements = _statements(pipeline, text)
    assert (statements[-1][1], statements[-1][2]) == (speaker, addressee)


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("Der Minister sagte am Montag der Zeitung, er sei müde.", "der Zeitung"),
        ("Er sei müde, sagte der Minister am Montag der Zeitung.", "der Zeitung"),
        (
            "Die Botschaft empfahl in einer Warnung am 3. Januar Reisenden, das Land zu verlassen.",
            "Reisenden",
        ),
    ],
)
def test_a_time_adverbial_before_the_dative_ends_with_its_time_expression(
    pipeline: Pipeline, text: str, addressee: str
) -> None:
    """``am Montag der Zeitung``: the time adverbial ends with its time expression, so the dative after it is
    the addressee, not a genitive attribute of ``Montag``."""
    statements = _statements(pipeline, "Neue Reform in Berlin\n\n" + text)
    assert [addr for _, _, addr in statements] == [addressee]


@pytest.mark.parametrize(
    "text",
    [
        "Der Rat verabschiedete einen Beschluss, der die Lage mit „großer Sorge“ zur Kenntnis nimmt und die "
        "Regierung auffordert, das Gesetz zurückzunehmen.",
        "Der Rat verabschiedete einen Beschluss, welcher die Lage bedauert und die Regierung auffordert, das "
        "Gesetz zurückzunehmen.",
    ],
)
def test_the_object_of_a_second_verb_final_conjunct_is_its_addressee(pipeline: Pipeline, text: str) -> None:
    """``…, der X zur Kenntnis nimmt und die Regierung auffordert, …``: the relative clause coordinates two
    verbs; the appeal's object follows the ``und``, and a short quoted term inside the clause ends no
    clause."""
    statements = _statements(pipeline, "Neue Reform in Berlin\n\n" + text)
    assert statements and statements[-1][2] == "die Regierung"


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("Er forderte Müller und dessen Anhänger dazu auf, Ruhe zu bewahren.", "Müller und dessen Anhänger"),
        ("Sie sagte Journalisten und Diplomaten, sie sei müde.", "Journalisten und Diplomaten"),
        ("Er forderte die Regierung auf, Ruhe zu bewahren und die Opposition zu schonen.", "die Regierung"),
    ],
)
def test_coordinated_objects_are_one_addressee(pipeline: Pipeline, text: str, addressee: str) -> None:
    """``forderte X und dessen Anhänger dazu auf``: objects coordinated up to the end of the object field are
    one addressee; an ``und`` inside the reported clause joins nothing to it."""
    statements = _statements(pipeline, "Neue Reform in Berlin\n\n" + text)
    assert [addr for _, _, addr in statements] == [addressee]


def test_the_midfield_object_of_a_perfect_with_a_far_auxiliary(pipeline: Pipeline) -> None:
    """``hat am Samstag in ihrer wöchentlichen Videobotschaft die Autohersteller dazu aufgefordert``: the
    auxiliary stands too far back to join the cue, but the object between them is still the one
    addressed."""
    text = (
        "Die Kanzlerin hat am Samstag in ihrer wöchentlichen Internet-Videobotschaft die einheimischen "
        "Autohersteller dazu aufgefordert, sich auf sparsame Modelle zu konzentrieren."
    )
    statements = _statements(pipeline, "Neue Reform in Berlin\n\n" + text)
    assert [addr for _, _, addr in statements] == ["die einheimischen Autohersteller"]


def test_no_far_midfield_object_when_the_subject_is_in_the_midfield(pipeline: Pipeline) -> None:
    """``Zuletzt hatte im Mai der Präsident … gebeten``: with an adverb in the prefield, the first phrase
    after the auxiliary is the subject, not whom the request went to."""
    text = (
        "Zuletzt hatte im Mai 2005 der mexikanische Präsident Vicente Fox mit einem langen Schreiben "
        "höflich gebeten, den Schmuck herauszugeben."
    )
    statements = _statements(pipeline, "Neue Reform in Berlin\n\n" + text)
    assert all(addr != "der mexikanische Präsident Vicente Fox" for _, _, addr in statements)


def test_an_appeal_verb_governs_an_x_later_in_its_clause(pipeline: Pipeline) -> None:
    """``wandte sich am heutigen Dienstag im Fernsehen an die Anhänger``: the verb's ``an`` phrase may stand
    after several adverbials; it names whom the statement is addressed to."""
    text = "Der Politiker wandte sich am Dienstag im Fernsehen an die Anhänger, er habe nichts verraten."
    statements = _statements(pipeline, "Neue Reform in Berlin\n\n" + text)
    assert [addr for _, _, addr in statements] == ["die Anhänger"]


def test_a_frameless_quotation_goes_on_to_the_same_addressee(pipeline: Pipeline) -> None:
    """``„…“, sagte er gegenüber dem Deutschlandradio. „…“``: the frameless quotation in the next sentence
    goes on with the same speaker and is said to the same addressee."""
    text = (
        "„Wir befürchten das Schlimmste“, sagte er gegenüber dem Deutschlandradio. "
        "„Es sind massive Polizeikräfte in der Stadt.“"
    )
    statements = _statements(pipeline, "Neue Reform in Berlin\n\n" + text)
    assert [addr for _, _, addr in statements] == ["dem Deutschlandradio", "dem Deutschlandradio"]


def test_the_passive_subject_of_a_prepositional_relative_clause(pipeline: Pipeline) -> None:
    """``ein Schreiben, in dem er darüber informiert wird, dass …``: the relative clause opened by ``in dem``
    is verb-final; its passive subject is the one informed."""
    text = "Er las ein Schreiben, in dem er darüber informiert wird, dass die Daten gelöscht worden seien."
    statements = _statements(pipeline, "Neue Reform in Berlin\n\n" + text)
    assert [addr for _, _, addr in statements] == ["er"]


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("Der Minister sagte der Zeitung, die Reform sei nötig.", "der Zeitung"),
        ("Die Sprecherin sagte dem Sender, das Treffen finde statt.", "dem Sender"),
    ],
)
def test_an_article_after_the_comma_opens_the_reported_clause_when_the_tagger_says_so(
    pipeline: Pipeline, text: str, addressee: str
) -> None:
    """With POS tags only a word tagged as a relative pronoun opens a relative clause (TAGGED_RELATIVES)."""
    statements = _statements(pipeline, text)
    assert [s[2] for s in statements] == [addressee]
