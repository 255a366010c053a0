"""Entity mentions and linking: names, handles and appositive descriptions, tied to KB entities.

Run by the stage ``entities.crf.v1`` (:mod:`wortlaut.stages.entities`), which
drops the news-agency tags and runs the NER tagger (:mod:`wortlaut.ner.words`)
before :meth:`EntityLinker.link`.

Names come from three sources, in order of trust: the knowledge-base
gazetteer (longest match over the article's words, so ``Wolodymyr
Selenskyj`` beats ``Selenskyj``), the statistical NER tagger
(:mod:`wortlaut.ner`, used when its model is installed), and a first-name
pattern (``Hans Müller``).  Known names link to their KB entity, metonyms
(``Moskau``, ``der Kreml``) to the country they stand for; unknown names get
an article-local entity, and a later bare surname links to the same person.
Handles (``@SecGenNATO``) link through the signature lines of embedded posts
(``Mark Rutte (@SecGenNATO)``), then the KB on the publication day.  A role
description right before or after a name (``NATO-Generalsekretär Mark
Rutte``, ``Der Präsident der Ukraine, Wolodymyr Selenskyj``) becomes a
description mention of that name's entity.  Boilerplate is never read, nor
are news-agency tags in datelines and credits (``Berlin (dpa) –``, ``… (AFP)``;
:func:`words_outside` drops them): the tagger takes ``dpa`` there for an
organisation the article talks about.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wortlaut.article import Article, Entity, Mention
from wortlaut.kb.country import home_country
from wortlaut.kb.descriptions import DescriptionMatcher
from wortlaut.kb.gazetteer import Gazetteer
from wortlaut.kb.model import KB, AliasEntry, strip_genitive
from wortlaut.kb.names import (
    Found,
    inside_longer_names,
    join_surnames,
    office_surnames,
    org_by_form,
    part_of_longer_name,
    titled_surnames,
)
from wortlaut.kb.normalize import handle_key
from wortlaut.kb.records import EntityRegistry
from wortlaut.kb.text import Word
from wortlaut.kb.wordlists import read_keys, read_words

#: A handle: ``@`` plus up to 30 word characters (X allows 15, other networks more), not inside an address.
HANDLE = re.compile(r"(?<![\w@./])@\w{1,30}")
#: Words a signature line may hold between a name and its handle: ``Mark Rutte (@SecGenNATO)``.
SIGNATURE_GAP = re.compile(r"\s*\(\s*$")
#: Unknown handles belong to a person in most political news (politicians' accounts).
UNKNOWN_HANDLE_TYPE = "PER"


#: A tagged name as a word range: ``(first, last_exclusive, type, source)``.
Span = tuple[int, int, str, str]


class EntityLinker:
    """Finds and links an article's entity mentions; resources load once here."""

    def __init__(self, kb: KB) -> None:
        self.kb = kb
        self.gazetteer = Gazetteer(self.kb)
        self.descriptions = DescriptionMatcher(self.kb)
        self.first_names = read_words("entities_first_names.tsv")
        self.locatives = frozenset(read_words("entities_locative_preps.tsv"))
        self.org_forms = read_words("entities_org_forms.tsv")
        self.office_surnames = office_surnames(self.kb)
        self.person_cues = frozenset(read_keys("ner_person_cues.txt"))

    def link(
        self, article: Article, items: list[Word], tagged: list[Span]
    ) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
        """Mentions (by position) and entities of the article's match words ``items``.

        ``tagged``: the NER tagger's names over ``items`` (:func:`wortlaut.ner.words.tag_words`).
        """
        registry = EntityRegistry(self.kb, on=article.published_date)
        home = home_country(article)
        found = self._names(article, items, tagged, registry, home)
        found += self._surnames(items, found, registry)
        found = join_surnames(items, found, registry)
        found = titled_surnames(items, found, registry, self.office_surnames, self.person_cues)
        found += self._handles(article, found, registry)
        found += self._appositions(items, found, registry, home)
        moved = registry.merge_genitives()
        if moved:
            found = [replace(f, entity=moved.get(f.entity, f.entity)) if f.entity else f for f in found]
        for item in found:
            if item.entity is not None and item.kind == "name":
                registry.see_name(item.entity, article.text[item.start : item.end])
        mentions = tuple(
            Mention(
                start=f.start,
                end=f.end,
                text=article.text[f.start : f.end],
                type=f.type,
                kind=f.kind,
                entity=f.entity,
                source=f.source,
            )
            for f in sorted(found, key=lambda f: (f.start, -f.end))
        )
        return mentions, registry.records()

    # -- names ---------------------------------------------------------------------------------

    def _names(
        self, article: Article, items: list[Word], tagged: list[Span], registry: EntityRegistry, home: str
    ) -> list[Found]:
        found: list[Found] = []
        covered = [False] * len(items)
        inside = inside_longer_names(tagged, len(items))
        index = 0
        while index < len(items):
            match = self.gazetteer.match(items, index)
            if match is None:
                index += 1
                continue
            end, entries = match
            if part_of_longer_name(tagged, inside, index, end, entries) or self._not_the_person(
                items, index, end, entries, tagged
            ):
                index = end  # ``München`` in ``FC Bayern München``: the longer name is meant
                continue
            found.append(self._link_kb(items, index, end, entries, registry, home))
            covered[index:end] = [True] * (end - index)
            index = end
        spans = org_by_form(tagged, items, self.org_forms) + self._first_name_spans(items)
        # Full names first, so a bare surname before its full name still links to it
        # (``Welskop-Deffaa``, one token, is a bare surname too).
        for first, last, type_, source in sorted(
            spans, key=lambda span: (_one_token(items, span[0], span[1]), span)
        ):
            if any(covered[first:last]):
                continue
            covered[first:last] = [True] * (last - first)
            name = article.text[items[first].start : items[last - 1].end]
            if last - first > 1 and _one_token(items, first, last) and registry.surname_owner(name):
                type_ = "PER"  # the tagger takes ``Welskop-Deffaa`` for a firm like ``Daimler-Benz``
            entity = registry.add_local(name, type_)
            found.append(
                Found(items[first].start, items[last - 1].end, type_, entity, source, "name", first, last)
            )
        return found

    def _not_the_person(
        self,
        items: list[Word],
        first: int,
        last: int,
        entries: tuple[AliasEntry, ...],
        tagged: list[tuple[int, int, str, str]],
    ) -> bool:
        """A known person's name that is part of another name: ``Janine Habeck``, ``Musk-Modell``.

        A surname alias after a first name belongs to that (other) full name; a person's name glued by
        a hyphen to another word names a thing (``Musk-Modell``, ``Merkel-Raute``), not the person.
        """
        if not all(entry.type == "PER" and not entry.metonym for entry in entries):
            return False
        before = items[first - 1] if first > 0 else None
        after = items[last] if last < len(items) else None
        if after is not None and after.key == "-" and after.start == items[last - 1].end:
            return True
        if before is not None and before.key == "-" and before.end == items[first].start:
            return True
        if last - first != 1 or before is None or before.sentence != items[first].sentence:
            return False
        if not before.capitalised:
            return False
        in_tagged_name = any(a < first and last <= b and t == "PER" for a, b, t, _ in tagged)
        return in_tagged_name or before.key in self.first_names

    def _link_kb(
        self,
        items: list[Word],
        first: int,
        last: int,
        entries: tuple[AliasEntry, ...],
        registry: EntityRegistry,
        home: str,
    ) -> Found:
        """Pick the entity for a KB name: metonym first, else one already seen, else unambiguous, else
        the one of the article's home country (``Nationalrat`` in a Swiss article)."""
        entry = next((e for e in entries if e.metonym), None)
        if entry is not None and entry.literal and first > 0 and items[first - 1].key in self.locatives:
            literal = self.kb.entities.get(entry.literal)
            if literal is not None:
                entry = AliasEntry(entry.keys, literal.id, literal.type)
        if entry is None:
            seen = [e for e in entries if e.entity in registry]
            entry = seen[0] if seen else entries[0] if len(entries) == 1 else self._home_entry(entries, home)
        start, end = items[first].start, items[last - 1].end
        if entry is None:
            return Found(
                start, end, self.kb.entities[entries[0].entity].type, None, "kb", "name", first, last
            )
        entity = registry.add_kb(entry.entity, full=last - first > 1)
        return Found(start, end, entry.type, entity, "kb", "name", first, last)

    def _home_entry(self, entries: tuple[AliasEntry, ...], home: str) -> AliasEntry | None:
        """The one entry whose entity belongs to the article's home country, if exactly one does."""
        homes = [e for e in entries if self.kb.entities[e.entity].country == home]
        return homes[0] if len({e.entity for e in homes}) == 1 else None

    def _first_name_spans(self, items: list[Word]) -> list[tuple[int, int, str, str]]:
        """``Hans Müller``, ``Hans Peter Müller``: known first names before a capitalised word."""
        spans = []
        for index, word in enumerate(items):
            if not word.capitalised or word.key not in self.first_names:
                continue
            last = index + 1
            while last < len(items) and items[last].capitalised and (
                items[last].key in self.first_names or _is_initial(items[last])
            ):
                last += 1
            if last < len(items) and _is_surname(items[last], word.sentence):
                spans.append((index, _surname_end(items, last), "PER", "pattern"))
        return spans

    def _surnames(self, items: list[Word], found: list[Found], registry: EntityRegistry) -> list[Found]:
        """Bare surnames of local people named in full elsewhere in the article."""
        surnames = registry.local_surnames()
        if not surnames:
            return []
        covered = {index for f in found for index in range(f.first, f.last)}
        result = []
        for index, word in enumerate(items):
            if index in covered or not word.capitalised:
                continue
            entity = surnames.get(word.key) or surnames.get(strip_genitive((word.key,))[0])
            if entity is not None:
                result.append(Found(word.start, word.end, "PER", entity, "article", "name", index, index + 1))
        return result

    # -- handles and appositions -----------------------------------------------------------------

    def _handles(self, article: Article, found: list[Found], registry: EntityRegistry) -> list[Found]:
        signatures = self._signature_owners(article, registry)
        names_by_end = {f.end: f for f in found if f.kind == "name" and f.type == "PER" and f.entity}
        result = []
        for match in HANDLE.finditer(article.text):
            if article.is_boilerplate(match.start()):
                continue
            handle = match.group()
            entity = signatures.get(handle_key(handle)) or self._text_signature(
                article, match.start(), names_by_end
            )
            source = "signature"
            if entity is None:
                source = "kb"
                known = self.kb.by_handle(handle, on=article.published_date)
                entity = registry.add_kb(known.id) if known else None
            if entity is None:
                source = "local"
                entity = registry.add_local(handle, UNKNOWN_HANDLE_TYPE)
            registry.learn_handle(entity, handle)
            type_ = registry.type_of(entity) or UNKNOWN_HANDLE_TYPE
            result.append(Found(match.start(), match.end(), type_, entity, source, "handle"))
        return result

    def _signature_owners(self, article: Article, registry: EntityRegistry) -> dict[str, str]:
        """Handle key → entity of the author named in an embedded post's signature line."""
        owners: dict[str, str] = {}
        posts = article.structure.posts if article.structure else ()
        for post in posts:
            if post.handle and post.author:
                known = self.kb.lookup(post.author)
                entity = (
                    registry.add_kb(known[0].id)
                    if len(known) == 1
                    else registry.add_local(post.author, "PER")
                )
                owners[handle_key(post.handle)] = entity
        return owners

    @staticmethod
    def _text_signature(article: Article, offset: int, names_by_end: dict[int, Found]) -> str | None:
        """The person named right before ``(@handle)`` in the text."""
        gap = SIGNATURE_GAP.search(article.text, max(0, offset - 4), offset)
        if gap is None:
            return None
        name = names_by_end.get(gap.start())
        return name.entity if name else None

    def _appositions(
        self, items: list[Word], found: list[Found], registry: EntityRegistry, home: str
    ) -> list[Found]:
        """Role descriptions next to a person's name, linked to that person (``{home}``: the outlet's)."""
        people = {f.first: f for f in found if f.kind == "name" and f.type == "PER" and f.entity}
        people_by_last = {f.last: f for f in people.values()}
        result = []
        for description in self.descriptions.find(items):
            if description.type != "PER":
                continue
            after = description.last + (1 if _is_comma(items, description.last) else 0)
            before = description.first - 1 if _is_comma(items, description.first - 1) else -1
            name = people.get(after) or people_by_last.get(before)
            if name is None or name.entity is None:
                continue
            start, end = items[description.first].start, items[description.last - 1].end
            result.append(
                Found(
                    start,
                    end,
                    "PER",
                    name.entity,
                    "apposition",
                    "description",
                    description.first,
                    description.last,
                )
            )
            if name.entity.startswith("local:"):
                for target in description.targets:
                    if target.startswith("role:"):
                        role = target.removeprefix("role:").replace("{home}", home)
                        registry.learn_role(name.entity, role)
                        break
        return result


def words_outside(items: list[Word], spans: list[tuple[int, int]]) -> list[Word]:
    """The words that lie outside all of the (few) spans."""
    if not spans:
        return items
    return [word for word in items if not any(start <= word.start < end for start, end in spans)]


def _is_comma(items: list[Word], index: int) -> bool:
    return 0 <= index < len(items) and items[index].key == ","


def _is_surname(word: Word, sentence: int) -> bool:
    return (
        word.sentence == sentence
        and word.capitalised
        and len(word.text) > 1
        and word.text.replace("-", "").isalpha()
    )


def _is_initial(word: Word) -> bool:
    """A first-name initial (``M`` of ``Eva M. Welskop-Deffaa``): one capital letter."""
    return len(word.text) == 1 and word.text.isupper()


def _surname_end(items: list[Word], index: int) -> int:
    """The end of the surname at ``index`` with the parts its token glues on by hyphens.

    ``Welskop-Deffaa`` after a first name is a double surname; a compound named after a person is
    hyphenated through its first name as well (``Helmut-Schmidt-Preis``), so it never gets here.
    """
    end = index + 1
    token, sentence = items[index].token, items[index].sentence
    while (
        end + 1 < len(items)
        and items[end].key == "-"
        and items[end].token == token
        and items[end + 1].token == token
        and _is_surname(items[end + 1], sentence)
    ):
        end += 2
    return end


def _one_token(items: list[Word], first: int, last: int) -> bool:
    """Whether the words ``first:last`` come from one token (a word, or words glued by hyphens)."""
    return items[first].token == items[last - 1].token
